// Chromium through playwright-core (Debian's chromium; browser downloads are not possible here) and
// the one axe helper every page test uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export function chromiumPath(): string {
	return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
	return chromium.launch({
		executablePath,
		// Running as root needs --no-sandbox; the rest keeps Chromium off the (closed) network.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage'
		],
		timeout: 60_000
	});
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.2 AA as DESIGN.md sets it. No rule is excluded. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page and fails with a readable list if anything is violated. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
	// page.evaluate runs through the DevTools protocol, so the page's CSP does not block axe.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async (tags) => {
		const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
			.axe;
		const result = (await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			rules: { 'target-size': { enabled: true } },
			resultTypes: ['violations']
		})) as { violations: unknown[] };
		return result.violations;
	}, AXE_TAGS);
	const report = (violations as AxeViolation[]).map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')
	);
	expect(report, `axe violations on ${label}`).toEqual([]);
}

// Chromium through playwright-core (Debian's chromium; browser downloads are not possible here) and
// the one axe helper every page test uses.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {
	chromium,
	type Browser,
	type BrowserContext,
	type CDPSession,
	type Page
} from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/lib/chromium';

export { chromiumPath };

export async function launchBrowser(executablePath: string): Promise<Browser> {
	return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: 60_000 });
}

/**
 * A browser with a real profile on disk, as a citizen's is: Chromium judges installability and
 * keeps service workers only outside incognito-like contexts.
 */
export async function launchWithProfile(
	executablePath: string
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		args: [...CHROMIUM_ARGS],
		timeout: 60_000
	});
	return {
		context,
		async close() {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		}
	};
}

const axeSource = fs.readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** WCAG 2.2 AA as docs/RULES.md sets it. No rule is excluded. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page and fails with a readable list if anything is violated. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
	// Axe judges a page that has finished loading; a navigation still under way (a redirect chain
	// ending after the first load event) replaces the document it would run in, so it runs again.
	for (let attempt = 1; ; attempt++) {
		await page.waitForLoadState('load');
		try {
			const violations = await runAxe(page);
			if (violations) return reportViolations(violations, label);
		} catch (error) {
			if (!/Execution context was destroyed/.test(String(error))) throw error;
		}
		if (attempt >= 3) throw new Error(`axe could not run on ${label}: the page kept navigating`);
	}
}

const sessions = new WeakMap<Page, CDPSession>();
// The source as a statement: evaluating it should not send the axe object back.
const axeStatement = `${axeSource}\n;void 0`;

/** The page's violations, or null when a navigation replaced the document axe was put into. */
async function runAxe(page: Page): Promise<AxeViolation[] | null> {
	// Put axe into the document straight through the DevTools protocol, which neither the page's
	// CSP nor its JavaScript setting blocks: page.evaluate(axeSource) did the same at about 1.5 times
	// the cost (measured), and it runs once per page checked.
	let session = sessions.get(page);
	if (!session) {
		session = await page.context().newCDPSession(page);
		sessions.set(page, session);
	}
	// A document judged before (at another width) has axe already.
	const loaded = await session.send('Runtime.evaluate', { expression: 'typeof axe' });
	if (loaded.result.value !== 'object') {
		const injected = await session.send('Runtime.evaluate', { expression: axeStatement });
		if (injected.exceptionDetails) {
			throw new Error(`axe-core did not load: ${injected.exceptionDetails.text}`);
		}
	}
	return page.evaluate(async (tags) => {
		const axe = (window as unknown as { axe?: { run: (...args: unknown[]) => Promise<unknown> } })
			.axe;
		if (!axe) return null;
		const result = (await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			rules: { 'target-size': { enabled: true } },
			resultTypes: ['violations']
		})) as { violations: AxeViolation[] };
		return result.violations;
	}, AXE_TAGS);
}

function reportViolations(violations: AxeViolation[], label: string): void {
	const report = violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')
	);
	expect(report, `axe violations on ${label}`).toEqual([]);
}

/** How many CSS pixels the page is wider than the viewport (0 or less: no sideways scrolling). */
export async function sidewaysOverflow(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

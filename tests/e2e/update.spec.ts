// A new version of the app: the waiting service worker is announced, accessibly, and takes over
// only when the citizen chooses to reload.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchWithProfile } from './browser';
import { freePort, startServer, type RunningServer } from './server';

const chromium = inject('chromium');

async function activeWorkerState(page: Page) {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return {
			active: registration?.active?.state ?? null,
			waiting: registration?.waiting?.state ?? null
		};
	});
}

async function poll<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
	const deadline = performance.now() + 30_000;
	while (performance.now() < deadline) {
		const value = await read();
		if (done(value)) return value;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`Timed out waiting for ${what}`);
}

describe.skipIf(!chromium)('a new version of the app', () => {
	// A copy of the build inside the project, so its imports still find node_modules.
	const buildCopy = path.resolve(`.e2e-build-${process.pid}`);
	const servers: RunningServer[] = [];

	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		fs.rmSync(buildCopy, { recursive: true, force: true });
	});

	// The front page ships no client code of SvelteKit's (csr = false), the error page does: the
	// same plain script offers the new version on both.
	it.each([
		['a page without client code', '/'],
		['a page with client code', '/findes-ikke']
	])('is announced with a reload button on %s, and reloading switches to it', async (_, at) => {
		fs.rmSync(buildCopy, { recursive: true, force: true });
		fs.cpSync(path.resolve('build'), buildCopy, { recursive: true });
		const port = await freePort();
		const dataDir = fs.mkdtempSync(path.join(buildCopy, 'data-'));
		const first = await startServer({ port, buildDir: buildCopy, dataDir });
		servers.push(first);

		const browser = await launchWithProfile(chromium!);
		try {
			const page = await browser.context.newPage();
			await page.goto(`${first.url}${at}`);
			await poll(
				() => activeWorkerState(page),
				(s) => s.active === 'activated',
				'first worker'
			);
			// The notice is in every page, hidden, until a new version waits.
			expect(await page.getByText('Der er en ny version af Sammen.').isVisible()).toBe(false);

			// Deploy a new version: a changed service worker script (and no stale compressed copies).
			await first.stop();
			const worker = path.join(buildCopy, 'client', 'service-worker.js');
			fs.appendFileSync(worker, '\n// next version\n');
			fs.rmSync(`${worker}.br`, { force: true });
			fs.rmSync(`${worker}.gz`, { force: true });
			const second = await startServer({ port, buildDir: buildCopy, database: first.database });
			servers.push(second);

			await page.reload();
			await poll(
				() => activeWorkerState(page),
				(s) => s.waiting === 'installed',
				'new worker'
			);
			const notice = page
				.getByRole('status')
				.filter({ hasText: 'Der er en ny version af Sammen.' });
			await notice.waitFor({ timeout: 10_000 });
			await expectNoAxeViolations(page, 'update notice');

			// Keyboard only: focus the button and press Enter.
			const button = page.getByRole('button', { name: 'Genindlæs siden' });
			await button.focus();
			await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
			const after = await poll(
				() => activeWorkerState(page),
				(s) => s.waiting === null && s.active === 'activated',
				'the new worker to take over'
			);
			expect(after.waiting).toBeNull();
			expect(await page.getByText('Der er en ny version af Sammen.').isVisible()).toBe(false);
			const script = await page.evaluate(async () => {
				const response = await fetch('/service-worker.js', { cache: 'no-store' });
				return response.text();
			});
			expect(script).toContain('// next version');
		} finally {
			await browser.close();
			// The next case copies the build afresh, data directories included.
			await Promise.all(servers.splice(0).map((s) => s.stop()));
		}
	});
});

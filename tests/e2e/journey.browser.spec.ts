// The citizen's journey page in Chromium: reached from the overview, first and older pages through
// axe at 320 px, and the portal's error page for a journey that is not hers. Read-only, on the
// shared demo server. The same page over HTTP (the timeline's order across pages, the plan, who
// may see it): journey.spec.ts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { madeUp } from '../invalid-ids';
import { checkPage, openPage } from './open-page';

const baseUrl = inject('baseUrl');
const chromium = inject('chromium');

describe.skipIf(!chromium)('the journey page in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('is reached from the overview and passes axe, first and older pages, at 320 px', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			width: 320,
			height: 640,
			touch: true,
			as: { citizen: 'Maja Jensen' }
		});
		try {
			await page.goto(`${baseUrl}/`);
			await Promise.all([
				page.waitForURL(/\/forloeb\//),
				page.getByRole('link', { name: 'Se dit forløb og jeres fælles plan' }).click()
			]);
			expect(await page.locator('h1').count()).toBe(1);
			await checkPage(page, 'journey page');
			await Promise.all([
				page.waitForURL(/efter=/),
				page.getByRole('link', { name: 'Vis ældre' }).click()
			]);
			await checkPage(page, 'journey page, older entries');
			// A journey that is not hers: the portal's error page, under the portal navigation.
			const missing = await page.goto(`${baseUrl}/forloeb/${madeUp}`);
			expect(missing?.status()).toBe(404);
			expect(await page.locator('h1').textContent()).toBe('Vi kan ikke finde siden');
			expect(await page.locator('nav.portal-nav').count()).toBe(1);
			await checkPage(page, 'the portal error page');
		} finally {
			await close();
		}
	});
});

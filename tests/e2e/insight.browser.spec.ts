// "Who has seen my information" (/indsigt) in Chromium: axe with rows and when empty, in Danish and
// English at 390 and 320 px, and the department filter in a browser without JavaScript. The same
// page over HTTP (the rows, their dates, staff names, bad queries): insight.spec.ts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoIds } from '../../src/lib/server/seed/demo';
import { launchBrowser } from './browser';
import { checkPage, SWEEP, openPage } from './open-page';
import { startServer, useServer } from './server';

const chromium = inject('chromium');
const jobcenter = demoIds.department('jobcenter');
const health = demoIds.department('sundhed-og-omsorg');

// A demo server of its own, seeded at start-up: on the shared one, other specs add to Maja's list
// (a login refused for too low a level of assurance is shown to her too), and this file counts it.
const app = useServer(startServer);

describe.skipIf(!chromium)('who has seen my information in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	for (const locale of ['da', 'en'] as const) {
		it(`passes axe with rows and when empty, in ${locale} at 320 and 390 px`, async () => {
			const { page, close } = await openPage(browser, app.url, {
				...SWEEP.phone,
				locale,
				as: { citizen: 'Maja Jensen' }
			});
			try {
				await page.goto(`${app.url}/indsigt`);
				expect(await page.getAttribute('html', 'lang')).toBe(locale);
				expect(await page.locator('h1').count()).toBe(1);
				expect(await page.locator('.insight-list > li').count()).toBe(8);
				await checkPage(page, `/indsigt (${locale})`);

				await page.goto(`${app.url}/indsigt?afdeling=${health}`);
				expect(await page.locator('.insight-list > li').count()).toBe(0);
				await checkPage(page, `/indsigt empty (${locale})`);
			} finally {
				await close();
			}
		});
	}

	it('filters by department in a browser without JavaScript', async () => {
		// Playwright's default window (1280 × 720), with scripts off.
		const { page: plain, close } = await openPage(browser, app.url, {
			width: 1280,
			height: 720,
			javaScript: false,
			as: { citizen: 'Maja Jensen' }
		});
		try {
			await plain.goto(`${app.url}/indsigt`);
			await plain.getByLabel('Vis kun én afdeling').selectOption({ label: 'Jobcenter' });
			await Promise.all([
				plain.waitForURL(/afdeling=/),
				plain.getByRole('button', { name: 'Vis listen' }).click()
			]);
			expect(new URL(plain.url()).searchParams.get('afdeling')).toBe(jobcenter);
			expect(await plain.locator('.insight-list > li').count()).toBe(3);
			expect(await plain.getByLabel('Vis kun én afdeling').inputValue()).toBe(jobcenter);
			await Promise.all([
				plain.waitForURL(`${app.url}/indsigt`),
				plain.getByRole('link', { name: 'Vis alle afdelinger' }).click()
			]);
			expect(await plain.locator('.insight-list > li').count()).toBe(8);
		} finally {
			await close();
		}
	});
});

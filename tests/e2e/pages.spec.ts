// Every public page, in both languages, at desktop and 320 px width: zero axe violations, a unique
// title, the right html lang, no horizontal scrolling, and keyboard and no-JavaScript use.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { checkPage, openPage, type OpenPage } from './open-page';

const baseUrl = inject('baseUrl');
const chromium = inject('chromium');

const pages = [
	{ path: '/', status: 200 },
	{ path: '/offline', status: 200 },
	{ path: '/login/afvist?grund=unknown_staff&for=staff', status: 200 },
	{ path: '/findes-ikke', status: 404 }
];
const locales = ['da', 'en'] as const;
// 320 CSS px is also what a 1280 px window shows at 400 % zoom (WCAG 1.4.10 Reflow). The phone has
// a touch screen, which makes axe judge targets as touched.
const viewports = [
	{ name: 'desktop', width: 1280, height: 900, touch: false },
	{ name: 'phone 320 px', width: 320, height: 640, touch: true }
];

describe.skipIf(!chromium)('public pages in the browser', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const titles = new Map<string, string>();

	for (const locale of locales) {
		for (const viewport of viewports) {
			// One context per language and screen: the pages are public and change nothing, so each
			// test loads its page where the one before loaded its own.
			describe(`in ${locale} at ${viewport.name}`, () => {
				let opened: OpenPage | undefined;
				beforeAll(async () => {
					const { width, height, touch } = viewport;
					opened = await openPage(browser, baseUrl, { width, height, touch, locale });
				});
				afterAll(async () => {
					await opened?.close();
				});

				for (const { path, status } of pages) {
					it(`${path} in ${locale} at ${viewport.name}: accessible, titled, no sideways scrolling`, async () => {
						const page = opened!.page;
						const response = await page.goto(`${baseUrl}${path}`);
						expect(response?.status()).toBe(status);
						expect(await page.getAttribute('html', 'lang')).toBe(locale);
						const title = await page.title();
						expect(title.length).toBeGreaterThan(5);
						const key = `${locale}:${title}`;
						expect(titles.get(key) ?? path, `title "${title}" is used twice`).toBe(path);
						titles.set(key, path);
						expect(await page.locator('h1').count()).toBe(1);
						await checkPage(page, `${path} (${locale}, ${viewport.name})`);
					});
				}
			});
		}
	}

	it('starts keyboard users at a skip link that moves focus to the main content', async () => {
		const { page, close } = await openPage(browser, baseUrl, { locale: 'da' });
		try {
			await page.goto(`${baseUrl}/`);
			await page.keyboard.press('Tab');
			const skip = await page.evaluate(() => ({
				text: document.activeElement?.textContent?.trim(),
				href: document.activeElement?.getAttribute('href')
			}));
			expect(skip.href).toBe('#main-content');
			expect(skip.text).toMatch(/indhold/i);
			await page.keyboard.press('Enter');
			expect(await page.evaluate(() => location.hash)).toBe('#main-content');
			// Tab walks through every control after the skip target, each showing where focus is.
			let reached = 0;
			for (let i = 0; i < 60; i++) {
				await page.keyboard.press('Tab');
				const info = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					if (!el || el === document.body || el.dataset.tabbed) return null;
					el.dataset.tabbed = 'yes';
					const style = getComputedStyle(el);
					return {
						name: `${el.tagName} ${el.textContent?.trim()}`,
						visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none'
					};
				});
				if (!info) break;
				expect(info.visible, `focus is visible on ${info.name}`).toBe(true);
				reached++;
			}
			// The controls shown (the update notice's button waits hidden in every page).
			const controls = await page.evaluate(
				() =>
					[...document.querySelectorAll('main a[href], main button, footer a[href]')].filter((el) =>
						el.checkVisibility()
					).length
			);
			expect(reached).toBeGreaterThanOrEqual(controls);
		} finally {
			await close();
		}
	});

	it('switches language without JavaScript and returns to the same page', async () => {
		const { page, close } = await openPage(browser, baseUrl, { javaScript: false, locale: 'da' });
		try {
			await page.goto(`${baseUrl}/offline`);
			expect(await page.getAttribute('html', 'lang')).toBe('da');
			await page.getByRole('button', { name: 'English' }).click();
			await page.waitForLoadState();
			expect(new URL(page.url()).pathname).toBe('/offline');
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			await page.getByRole('button', { name: 'Dansk' }).click();
			await page.waitForLoadState();
			expect(await page.getAttribute('html', 'lang')).toBe('da');
		} finally {
			await close();
		}
	});

	it('never sends a language switch to another site', async () => {
		for (const back of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
			const response = await fetch(`${baseUrl}/sprog`, {
				method: 'POST',
				body: new URLSearchParams({ lang: 'en', redirectTo: back }),
				headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
				redirect: 'manual'
			});
			expect(response.status).toBe(303);
			const location = response.headers.get('location') ?? '';
			expect(new URL(location, baseUrl).origin).toBe(new URL(baseUrl).origin);
		}
	});
});

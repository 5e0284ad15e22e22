// The demo as a tester uses it: Chromium, the in-process MitID simulator, keyboard only, and the
// axe helper on every page on the way (the simulator's page included).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, sidewaysOverflow } from './browser';

const baseUrl = inject('baseUrl');
const chromium = inject('chromium');

describe.skipIf(!chromium)('logging in to the demo', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function fresh(): Promise<Page> {
		await context?.close();
		context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
		page = await context.newPage();
		return page;
	}

	/** Presses Tab until the element named `name` has focus, then Enter (keyboard only). */
	async function activate(name: RegExp): Promise<void> {
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				return el ? (el.innerText || el.getAttribute('aria-label') || '').trim() : '';
			});
			if (name.test(label)) {
				await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
				return;
			}
		}
		throw new Error(`No focusable element named ${name} on ${page.url()}`);
	}

	async function chooseLevel(level: 'Lav' | 'Betydelig' | 'Høj') {
		await page.getByLabel(level).check();
	}

	it('logs Maja Jensen in and out with the keyboard, every page accessible', async () => {
		await fresh();
		await page.goto(`${baseUrl}/`);
		expect(await page.getByText('Demo:').count()).toBe(1);
		await activate(/^Log ind med MitID$/);
		expect(new URL(page.url()).pathname).toMatch(/^\/demo-idp\/interaction\//);
		expect(await page.title()).not.toBe('');
		await expectNoAxeViolations(page, 'the MitID simulator');
		await activate(/Log ind som Maja Jensen/);
		expect(new URL(page.url()).pathname).toBe('/');
		const overview = await page.locator('main').innerText();
		expect(overview).toContain('Logget ind som Maja Jensen');
		// The overview answers "do I need to do something?" first.
		expect(await page.locator('h1').innerText()).toBe('Mit overblik');
		expect(await page.locator('main h2').first().innerText()).toBe('Det skal du gøre');
		expect(overview).toContain('Send dine lønsedler');
		expect(overview).toContain('Svar på invitationen til mødet');
		for (const department of ['Jobcenter', 'Socialforvaltningen', 'Børn og Familie']) {
			expect(await page.locator('main h3', { hasText: department }).count()).toBe(1);
		}
		expect(overview).toContain('Mette Larsen fra Socialforvaltningen holder sammen på dine sager.');
		expect(overview).not.toMatch(/\b\d{2}\.\d{2}\.\d{2}\b/);
		expect(await page.title()).toContain('Mit overblik');
		await expectNoAxeViolations(page, 'overview, logged in');
		const overflow = await sidewaysOverflow(page);
		expect(overflow).toBeLessThanOrEqual(0);
		await activate(/^Log ud$/);
		expect(await page.locator('main').innerText()).toContain('Du er logget ud.');
		await expectNoAxeViolations(page, 'front page, logged out');
	});

	it('shows a clear refusal page for the low level of assurance', async () => {
		await fresh();
		await page.goto(`${baseUrl}/login`);
		await chooseLevel('Lav');
		await Promise.all([
			page.waitForURL(/\/login\/afvist/),
			page.getByRole('button', { name: /Log ind som Maja Jensen/ }).click()
		]);
		expect(await page.locator('h1').innerText()).toBe('Du blev ikke logget ind');
		expect(await page.locator('main').innerText()).toContain('ikke sikkert nok');
		await expectNoAxeViolations(page, 'refusal page');
		expect(await page.locator('main').innerText()).not.toContain('Logget ind som');
	});

	it('lets Henrik Hansen act for Sofie Hansen, and go back to himself', async () => {
		await fresh();
		await page.goto(`${baseUrl}/login`);
		await activate(/Log ind som Henrik Hansen/);
		expect(new URL(page.url()).pathname).toBe('/vaelg');
		await expectNoAxeViolations(page, 'choose whom to act for');
		await activate(/Handl for Sofie Hansen/);
		const main = await page.locator('main').innerText();
		expect(main).toContain('Logget ind som Henrik Hansen');
		expect(main).toContain('Du handler på vegne af Sofie Hansen.');
		expect(await page.locator('h1').innerText()).toBe('Overblik for Sofie Hansen');
		expect(await page.locator('main h3', { hasText: 'Børn og Familie' }).count()).toBe(1);
		await expectNoAxeViolations(page, 'acting for Sofie');
		await activate(/Skift tilbage til dig selv/);
		expect(await page.locator('main').innerText()).not.toContain('på vegne af');
	});

	it('shows Ahmed Hassan his overview in English', async () => {
		await fresh();
		await context.addCookies([{ name: 'lang', value: 'en', url: baseUrl }]);
		await page.goto(`${baseUrl}/login`);
		await activate(/Log ind som Ahmed Hassan/);
		expect(await page.locator('h1').innerText()).toBe('My overview');
		const main = await page.locator('main').innerText();
		expect(main).toContain('What you need to do');
		expect(main).toContain('Your cases');
		expect(main).not.toContain('Dine sager');
		await expectNoAxeViolations(page, 'overview in English');
	});

	it('logs a caseworker in to the staff page', async () => {
		await fresh();
		await page.goto(`${baseUrl}/`);
		await activate(/Log ind som medarbejder/);
		await expectNoAxeViolations(page, 'the MitID simulator for staff');
		expect(await page.getByRole('button', { name: /Maja Jensen/ }).count()).toBe(0);
		await activate(/Log ind som Lone Madsen/);
		expect(new URL(page.url()).pathname).toBe('/staff');
		const main = await page.locator('main').innerText();
		expect(main).toContain('Lone Madsen');
		expect(main).toContain('Jobcenter');
		await expectNoAxeViolations(page, 'staff page');
	});

	it('sends a visitor without a session from /staff to the staff login', async () => {
		const response = await fetch(`${baseUrl}/staff`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/staff\/login/);
		const choose = await fetch(`${baseUrl}/vaelg`, { redirect: 'manual' });
		expect(choose.status).toBe(303);
		expect(choose.headers.get('location')).toMatch(/^\/login/);
	});
});

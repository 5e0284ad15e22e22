// The citizen's main journey with the keyboard only, in Chromium on a phone-sized screen: log in,
// read the overview, answer the meeting, mark the task done, write to the coordinator, withdraw a
// consent, log out. Every page on the way passes axe. It changes data, so it has its own server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { keyboard } from './keyboard';
import { startServer, type RunningServer } from './server';

const chromium = inject('chromium');

describe.skipIf(!chromium)('the main journey, keyboard only', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser(chromium!);
		context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
		page = await context.newPage();
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	it('logs in, answers the meeting, finishes the task, writes, withdraws consent and logs out', async () => {
		const { activate, tabTo, mainText } = keyboard(page);
		await page.goto(`${server.url}/`);
		await activate(/^Log ind med MitID$/);
		await activate(/Log ind som Maja Jensen/);
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await mainText()).toContain('Det skal du gøre');
		await expectNoAxeViolations(page, 'overview');

		// The meeting to answer comes first.
		await activate(/^Svar på invitationen til mødet/);
		expect(new URL(page.url()).pathname).toMatch(/^\/moeder\//);
		await expectNoAxeViolations(page, 'meeting');
		await tabTo(/^Ja, jeg kommer$/);
		await page.keyboard.press('Space');
		await activate(/^Send dit svar$/);
		expect(await mainText()).toContain('Tak for dit svar');
		expect(await mainText()).toContain('Du har sagt ja til mødet');
		await expectNoAxeViolations(page, 'meeting answered');

		await activate(/^Mit overblik$/);
		await activate(/^Send dine lønsedler for de sidste tre måneder/);
		expect(new URL(page.url()).pathname).toMatch(/^\/opgaver\//);
		await tabTo(/Kommentar/);
		await page.keyboard.type('Jeg har afleveret dem i Borgerservice.');
		await activate(/^Jeg har gjort det$/);
		expect(await mainText()).toMatch(/Tak|markeret|gjort/);
		await expectNoAxeViolations(page, 'task done');

		await activate(/^Mit overblik$/);
		const todo = await page.locator('.overview-todo').innerText();
		expect(todo).not.toContain('Send dine lønsedler for de sidste tre måneder');
		expect(todo).not.toContain('Svar på invitationen');
		await activate(/nye beskeder|Skriv til/);
		expect(new URL(page.url()).pathname).toMatch(/\/beskeder$/);
		await tabTo(/Din besked|Skriv/);
		await page.keyboard.type('Hej Mette. Jeg kommer på tirsdag.');
		await activate(/^Send beskeden$|^Send$/);
		expect(await mainText()).toContain('Jeg kommer på tirsdag.');
		await expectNoAxeViolations(page, 'message sent');

		await activate(/^Samtykke$/);
		await expectNoAxeViolations(page, 'consent');
		await activate(/^Træk samtykke tilbage fra Jobcenter/);
		expect(await mainText()).toMatch(/trukket|trak/i);
		await expectNoAxeViolations(page, 'consent receipt');

		await activate(/^Log ud$/);
		expect(await mainText()).toContain('Du er logget ud');
	});
});

// The caseworkers' main journey with the keyboard only, in Chromium on a desk-sized screen: Maja's
// coordinator logs in, finds Maja Jensen, reads her journey, adds a note Maja can see and plans a
// joint meeting; then Karl Nielsen's caseworker sees his analog notice. Every page on the way passes
// axe. It changes data, so it has its own server.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { keyboard } from './keyboard';
import { startServer, type RunningServer } from './server';

const chromium = inject('chromium');

describe.skipIf(!chromium)('the caseworker’s main journey, keyboard only', () => {
	let server: RunningServer;
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser(chromium!);
		context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
		page = await context.newPage();
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
		await server?.stop();
	});

	it('finds Maja Jensen, reads her journey, writes a note she can see and plans a joint meeting', async () => {
		const { activate, press, fill, choose, mainText } = keyboard(page);
		await page.goto(`${server.url}/`);
		await activate(/^Log ind som medarbejder$/);
		await activate(/Log ind som Mette Larsen/);
		expect(new URL(page.url()).pathname).toBe('/staff');
		await expectNoAxeViolations(page, 'caseload');

		await activate(/^Find borger$/);
		await fill(/^CPR-nummer eller navn/, 'Maja Jensen');
		await press(/^Søg efter borger$/);
		await page.getByRole('link', { name: 'Maja Jensen', exact: true }).waitFor();
		await expectNoAxeViolations(page, 'search result');

		await activate(/^Maja Jensen$/);
		expect(new URL(page.url()).pathname).toMatch(/^\/staff\/borger\//);
		await expectNoAxeViolations(page, 'citizen');

		await activate(/^Job, økonomi og familie$/);
		expect(new URL(page.url()).pathname).toMatch(/^\/staff\/forloeb\/[^/]+$/);
		expect(await mainText()).toContain('Fælles tidslinje');
		await expectNoAxeViolations(page, 'journey');

		await activate(/^Skriv på tidslinjen$/);
		await choose(/^Notat$/);
		await choose(/^Borgeren kan se dette$/);
		await fill(/^Overskrift/, 'Vi har talt sammen i telefonen');
		await fill(/^Tekst/, 'Du ringede i dag. Vi aftalte, at du sender dine lønsedler.');
		await expectNoAxeViolations(page, 'new entry filled in');
		await activate(/^Gem på tidslinjen$/);
		expect(new URL(page.url()).pathname).toMatch(/^\/staff\/forloeb\/[^/]+$/);
		expect(await mainText()).toContain('Posten er gemt på tidslinjen.');
		expect(await mainText()).toContain('Vi har talt sammen i telefonen');
		await expectNoAxeViolations(page, 'journey after the note');

		await activate(/^Planlæg et fællesmøde$/);
		await fill(/^Mødets titel/, 'Fællesmøde om din plan');
		// Native date and time fields, typed segment by segment in the browser's (en-US) order.
		await fill(/^Dato/, '12152026');
		await fill(/^Starttid/, '1000AM');
		await fill(/^Sluttid/, '1100AM');
		await fill(/^Sted/, 'Rådhuset, mødelokale 2');
		await fill(/^Dagsorden/, 'Status på praktikken');
		await choose(/^Lone Madsen/);
		await choose(/^Peter Holm/);
		await activate(/^Send invitationen$/);
		expect(new URL(page.url()).pathname).toMatch(/^\/staff\/moeder\//);
		const meeting = await mainText();
		expect(meeting).toContain('Mødet er planlagt.');
		expect(meeting).toContain('Fællesmøde om din plan');
		expect(meeting).toContain('Lone Madsen');
		expect(meeting).toContain('Peter Holm');
		await expectNoAxeViolations(page, 'meeting planned');

		await activate(/^Log ud$/);
	});

	it('shows Karl Nielsen’s analog notice to his caseworker', async () => {
		// A new browser context: nobody is logged in.
		await context.close();
		context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
		page = await context.newPage();
		const { activate, press, fill } = keyboard(page);
		await page.goto(`${server.url}/`);
		await activate(/^Log ind som medarbejder$/);
		await activate(/Log ind som Hanne Vestergaard/);
		await activate(/^Find borger$/);
		await fill(/^CPR-nummer eller navn/, '030446-0002');
		await press(/^Søg efter borger$/);
		await page.getByRole('link', { name: 'Karl Nielsen', exact: true }).waitFor();
		await activate(/^Karl Nielsen$/);
		const notice = page.getByTestId('analog-notice');
		await expect.poll(() => notice.isVisible()).toBe(true);
		const text = await notice.innerText();
		expect(text).toContain('Karl Nielsen får alt med posten');
		expect(text).toContain('Kirkevej 14, 1. tv.');
		expect(text).toContain('12 34 52 02');
		await expectNoAxeViolations(page, 'Karl with the analog notice');
		await activate(/^Log ud$/);
	});
});

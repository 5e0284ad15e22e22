// "My data" (/mine-data): the JSON download and the printable page, for the citizen and for
// representatives; every download is recorded. Downloads write audit rows, so this file runs its
// own server and looks in that server's database once it has stopped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { connect } from '../../src/lib/server/db/connect';
import { DEMO_CITIZENS, DEMO_STAFF } from '../../src/lib/server/seed/demo-data';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { formatDateTimeWithYear, todayInDenmark } from '../../src/lib/format';
import { expectNoAxeViolations, launchBrowser } from './browser';
import { CookieBrowser, loginThroughApp } from './oidc-flow';
import { checkPage, SWEEP, openPage } from './open-page';
import { loginCitizen } from './portal';
import { startServer, type RunningServer } from './server';

const chromium = inject('chromium');

const SECTIONS = [
	'format',
	'version',
	'exportedAt',
	'municipality',
	'cprNumberIncluded',
	'profile',
	'analogHistory',
	'cases',
	'journeys',
	'meetings',
	'tasks',
	'messages',
	'letters',
	'timeline',
	'consents',
	'representatives',
	'auditTrail'
];

/**
 * Logs a representative in and picks whom to act for, as a browser without JavaScript does.
 * (portal.ts's loginCitizen expects the login to end at exactly '/vaelg', but the app sends
 * '/vaelg?returnTo=%2F'; and its postForm sends no Accept header, so SvelteKit answers a form
 * action with JSON instead of the 303 a browser gets.)
 */
async function loginActingFor(baseUrl: string, account: string, forId: string) {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, { kind: 'citizen', account });
	expect(outcome.destination).toMatch(/^\/vaelg(\?|$)/);
	const chosen = await browser.go(`${baseUrl}/vaelg`, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ for: forId, returnTo: '/' })
	});
	expect(chosen.status).toBe(303);
	return browser;
}

/** The list rows of /indsigt as text. */
function insightRows(html: string): string[] {
	const list = /<ol class="[^"]*insight-list[^"]*">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
	return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
		m[1]!
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

describe('my data', () => {
	let server: RunningServer;
	let dataDir: string;
	let baseUrl: string;
	let maja: CookieBrowser;
	const exports = { maja: 0, henrikForSofie: 0, liseForKarl: 0 };

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-mydata-'));
		server = await startServer({ dataDir });
		baseUrl = server.url;
		maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
	});
	afterAll(async () => {
		await server?.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('explains what the citizen can get, and that the CPR number is left out', async () => {
		const response = await maja.go(`${baseUrl}/mine-data`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<title>Mine data – Sammen – Sammen Kommune</title>');
		expect(html).toContain('databeskyttelsesforordningen, artikel 15 og 20');
		expect(html).toContain('Dit CPR-nummer er ikke med.');
		expect(html).toMatch(/href="[^"]*\/mine-data\/data\.json"[^>]*download/);
		expect(html).toMatch(/href="[^"]*\/mine-data\/udskriv"/);
	});

	it('downloads everything as a JSON file, without the CPR number', async () => {
		const response = await maja.go(`${baseUrl}/mine-data/data.json`);
		exports.maja++;
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="sammen-mine-data-${todayInDenmark(clock.now())}.json"`
		);
		const text = await response.text();
		for (const cpr of [
			DEMO_CITIZENS['Maja Jensen'],
			DEMO_CITIZENS['Maja Jensen'].replace('-', '')
		]) {
			expect(text).not.toContain(cpr);
		}
		const data = JSON.parse(text);
		expect(Object.keys(data)).toEqual(SECTIONS);
		expect(data).toMatchObject({
			format: 'sammen-mine-data',
			version: 1,
			cprNumberIncluded: false,
			profile: { name: 'Maja Jensen' }
		});
		expect(Date.parse(data.exportedAt)).not.toBeNaN();
		// Now by the server's clock, which goes on from this process's (started a little later).
		const exportedAt = Date.parse(data.exportedAt);
		expect(exportedAt).toBeLessThanOrEqual(clock.now().getTime());
		expect(exportedAt).toBeGreaterThan(clock.now().getTime() - 10 * 60_000);
		expect(
			new Set(data.cases.map((c: { department: { name: string } }) => c.department.name))
		).toEqual(new Set(['Jobcenter', 'Socialforvaltningen', 'Børn og Familie']));
		expect(data.timeline).toHaveLength(34);
		expect(data.auditTrail.length).toBeGreaterThanOrEqual(8);
		expect(data.auditTrail.every((row: { staffName: unknown }) => row.staffName === null)).toBe(
			true
		);
		for (const name of Object.keys(DEMO_STAFF)) {
			expect(JSON.stringify(data.auditTrail)).not.toContain(name);
		}
	});

	it('keeps the JSON keys in English for an English-speaking citizen', async () => {
		const ahmed = await loginCitizen(baseUrl, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(baseUrl, 'lang', 'en');
		const data = await (await ahmed.go(`${baseUrl}/mine-data/data.json`)).json();
		expect(Object.keys(data)).toEqual(SECTIONS);
		expect(data.profile.preferredLanguage).toBe('en');

		const page = await (await ahmed.go(`${baseUrl}/mine-data`)).text();
		expect(page).toContain('<h1>My data</h1>');
		expect(page).toContain('Your CPR number is not included.');
		expect(page).toContain('Download your data as a file');
		const printed = await (await ahmed.go(`${baseUrl}/mine-data/udskriv`)).text();
		expect(printed).toContain('<h1>Your data from Sammen</h1>');
		expect(printed).toContain('Your cases');
		expect(printed).not.toContain('Dine sager');
	});

	it('shows the same content as a printable page', async () => {
		const response = await maja.go(`${baseUrl}/mine-data/udskriv`);
		exports.maja++;
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain('<title>Dine data fra Sammen – Sammen – Sammen Kommune</title>');
		for (const heading of [
			'Dine oplysninger',
			'Dine sager',
			'Dine forløb og jeres fælles plan',
			'Dine møder',
			'Dine opgaver',
			'Dine beskeder',
			'Dine breve',
			'Det er sket i dine forløb',
			'Dine samtykker',
			'Fuldmagter og forældremyndighed',
			'Hvem har set dine oplysninger'
		]) {
			expect(html, heading).toMatch(new RegExp(`<h2[^>]*>${heading}</h2>`));
		}
		expect(html).toContain('Din vej til job');
		expect(html).toContain('Send dine lønsedler for de sidste tre måneder');
		expect(html).toMatch(/Samtykke givet til Jobcenter/);
		expect(html).toContain('En medarbejder i Jobcenter søgte efter dig.');
		// Dates in words, with the year: Maja's first joint meeting, 230 days before today in the demo.
		expect(html).toMatch(/\d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d/u);
		expect(html).toContain(formatDateTimeWithYear(new DemoClock(clock.now()).past(230, 10), 'da'));
		expect(html).not.toContain(DEMO_CITIZENS['Maja Jensen']);
	});

	it('lets a representative download for the person they act for, recorded as the representative', async () => {
		const henrik = await loginActingFor(
			baseUrl,
			'demo-citizen-henrik-hansen',
			demoIds.citizen('Sofie Hansen')
		);
		const data = await (await henrik.go(`${baseUrl}/mine-data/data.json`)).json();
		exports.henrikForSofie++;
		expect(data.profile.name).toBe('Sofie Hansen');
		expect(data.representatives.actingForYou.map((r: { name: string }) => r.name)).toEqual([
			'Henrik Hansen'
		]);
		// Sofie sees the download on her list: it was done by her representative, not by her.
		const html = await (await henrik.go(`${baseUrl}/indsigt`)).text();
		expect(insightRows(html)).toContainEqual(
			expect.stringContaining('Din repræsentant Henrik Hansen hentede alle dine data.')
		);
	});

	it('pages through a long list without overlap', async () => {
		const henrik = await loginActingFor(
			baseUrl,
			'demo-citizen-henrik-hansen',
			demoIds.citizen('Sofie Hansen')
		);
		// Each look at the list by a representative is itself on the list.
		for (let i = 0; i < 26; i++) expect((await henrik.go(`${baseUrl}/indsigt`)).status).toBe(200);
		const first = await (await henrik.go(`${baseUrl}/indsigt`)).text();
		const firstRows = insightRows(first);
		expect(firstRows).toHaveLength(25);
		expect(firstRows[0]).toContain(
			'Din repræsentant Henrik Hansen læste listen over, hvem der har set dine oplysninger.'
		);
		const older = /href="([^"]*indsigt\?efter=[^"]+)"/.exec(first)?.[1];
		expect(older).toBeTruthy();
		const secondUrl = new URL(older!.replaceAll('&amp;', '&'), `${baseUrl}/indsigt`).href;
		const second = await (await henrik.go(secondUrl)).text();
		const secondRows = insightRows(second);
		expect(secondRows.length).toBeGreaterThan(0);
		expect(secondRows.at(-1)).toContain('En medarbejder i Børn og Familie læste dit forløb.');
		expect(second).toContain('Vis de nyeste');
		const ids = (html: string) => [...html.matchAll(/<time datetime="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set([...ids(first), ...ids(second)]).size).toBe(
			ids(first).length + ids(second).length
		);
	});

	it('lets a read-only representative look and download, and shows no forms to change anything', async () => {
		const lise = await loginActingFor(
			baseUrl,
			'demo-citizen-lise-mortensen',
			demoIds.citizen('Karl Nielsen')
		);
		const insight = await lise.go(`${baseUrl}/indsigt`);
		expect(insight.status).toBe(200);
		const html = await insight.text();
		expect(insightRows(html)).toContainEqual(
			expect.stringContaining('En medarbejder i Sundhed og Omsorg læste dit forløb.')
		);
		// The page's only form is the GET filter: nothing that changes data. (The layout's
		// language switch and logout come before the <h1>.)
		const content = html.slice(html.indexOf('<h1>'), html.indexOf('</main>'));
		expect(content).toMatch(/<form method="get"/);
		expect(content).not.toMatch(/<form[^>]*method="post"/i);
		const data = await (await lise.go(`${baseUrl}/mine-data/data.json`)).json();
		exports.liseForKarl++;
		expect(data.profile).toMatchObject({ name: 'Karl Nielsen', lettersByPost: true });
		expect(data.analogHistory[0].reason).toBe('digital_post_exempt');
		expect(data.letters.length).toBeGreaterThan(0);
		const printed = await lise.go(`${baseUrl}/mine-data/udskriv`);
		exports.liseForKarl++;
		expect(printed.status).toBe(200);
		expect(await printed.text()).toContain('Du er fritaget for Digital Post');
	});

	// Last: stops the server to read its database.
	it('recorded every download as an export, by the citizen or by the representative', async () => {
		await server.stop();
		const handle = await connect(server.database);
		try {
			const rows = await handle.db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id'])
				.where('action', '=', 'export')
				.where('object_type', '=', 'citizen_data')
				.execute();
			const count = (actor: string, by: string, about: string) =>
				rows.filter(
					(r) => r.actor_type === actor && r.actor_citizen_id === by && r.citizen_id === about
				).length;
			const maja = demoIds.citizen('Maja Jensen');
			expect(count('citizen', maja, maja)).toBe(exports.maja);
			expect(
				count('representative', demoIds.citizen('Henrik Hansen'), demoIds.citizen('Sofie Hansen'))
			).toBe(exports.henrikForSofie);
			expect(
				count('representative', demoIds.citizen('Lise Mortensen'), demoIds.citizen('Karl Nielsen'))
			).toBe(exports.liseForKarl);
		} finally {
			await handle.close();
		}
	});
});

describe.skipIf(!chromium)('my data in the browser', () => {
	let browser: Browser;
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer();
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	it('passes axe for a representative: Henrik sees what was done for Sofie', async () => {
		const { page, close } = await openPage(browser, server.url, {
			width: 320,
			height: 800,
			touch: true,
			as: { citizen: 'Henrik Hansen', actFor: 'Sofie Hansen' }
		});
		try {
			await page.goto(`${server.url}/mine-data/udskriv`);
			expect(await page.locator('main').innerText()).toContain(
				'Oplysningerne handler om Sofie Hansen.'
			);
			await expectNoAxeViolations(page, 'printable page for Sofie');
			await page.goto(`${server.url}/indsigt`);
			expect(await page.locator('.insight-list').innerText()).toContain(
				'Din repræsentant Henrik Hansen hentede alle dine data.'
			);
			await expectNoAxeViolations(page, '/indsigt for Sofie');
		} finally {
			await close();
		}
	});

	for (const locale of ['da', 'en'] as const) {
		it(`passes axe on /mine-data and the printable page, in ${locale} at 320 and 390 px`, async () => {
			const { page, close } = await openPage(browser, server.url, {
				...SWEEP.phone,
				locale,
				as: { citizen: 'Maja Jensen' }
			});
			try {
				for (const route of ['/mine-data', '/mine-data/udskriv']) {
					await page.goto(`${server.url}${route}`);
					expect(await page.getAttribute('html', 'lang')).toBe(locale);
					expect(await page.locator('h1').count()).toBe(1);
					await checkPage(page, `${route} (${locale})`);
				}
				// On paper: no navigation, header or footer; the content stays.
				await page.emulateMedia({ media: 'print' });
				for (const selector of ['.portal-nav', '.header', '.footer', '.session-bar']) {
					expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
				}
				expect(await page.locator('h1').isVisible()).toBe(true);
				expect(await page.locator('.no-print').isVisible()).toBe(false);
			} finally {
				await close();
			}
		});
	}
});

// The caseworker's caseload at /staff, citizen search at /staff/soeg, the citizen view and the
// analog flag, over HTTP without JavaScript and in Chromium: only what the access policy allows
// (404 alike for a citizen the reader may not see and for made-up and malformed ids:
// tests/actions/access.spec.ts), every read, search and change audited (the CPR number only as its keyed hash), and axe on every state.
// This file changes data, so it runs its own server on a fresh demo database.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { DEMO_CITIZENS, demoIds } from '../../src/lib/server/seed/demo';
import type { StaffName } from '../../src/lib/server/seed/demo-data';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage, type OpenPage } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const jens = demoIds.citizen('Jens Poulsen');
const MAJA_CPR = DEMO_CITIZENS['Maja Jensen'];

let server: SeededServer;
let baseUrl: string;
const sessions = new Map<string, CookieBrowser>();

beforeAll(async () => {
	server = await startSeededServer(async () => {});
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
});

async function as(name: string): Promise<CookieBrowser> {
	let browser = sessions.get(name);
	if (!browser) {
		browser = await loginStaff(baseUrl, name);
		sessions.set(name, browser);
	}
	return browser;
}

/** An internal link as resolve() writes it during a request: relative to the page. */
function link(path: string): RegExp {
	return new RegExp(`href="[./]*${path.slice(1).replace(/[/.]/g, '\\$&')}"`);
}

async function get(browser: CookieBrowser, url: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

/** The rows of the caseload table as "citizen | case". */
function caseloadRows(html: string): string[] {
	const body = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
	return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => {
		const cells = [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
			text(c[1]!).trim()
		);
		return `${cells[0]} | ${cells[2]}`;
	});
}

describe('caseload at /staff', () => {
	it('shows Lone who she is and her cases, soonest due first, with the flags in words', async () => {
		const html = await get(await as('Lone Madsen'), '/staff');
		const body = text(html);
		expect(body).toContain('Lone Madsen');
		expect(body).toContain('sagsbehandler');
		expect(body).toContain('Jobcenter');
		expect(html).toMatch(/<title>Mine borgere – /);
		const rows = caseloadRows(html);
		expect(rows).toHaveLength(5);
		// The next steps' due dates as the demo seeds them today (seed/stories), soonest first, then by
		// name (as the caseload orders a tie: weekend dates move to the same Monday).
		const c = new DemoClock(clock.now());
		const dated = [
			{
				name: 'Ahmed Hassan',
				due: c.dateOf(c.workdayAt(4, 14)),
				row: /^Ahmed Hassan .*\| Din mentor Jobcenter$/
			},
			{ name: 'Maja Jensen', due: c.dueDate(5), row: /^Maja Jensen \| Din vej til job Jobcenter$/ },
			{
				name: 'Mikkel Thomsen',
				due: c.dueDate(12),
				row: /^Mikkel Thomsen Samtykke mangler \| Din virksomhedspraktik/
			},
			{
				name: 'Ahmed Hassan',
				due: c.dueDate(21),
				row: /^Ahmed Hassan \| Din virksomhedspraktik Jobcenter$/
			}
		].sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name));
		dated.forEach((expected, i) => expect(rows[i], expected.due).toMatch(expected.row));
		// No due date: last.
		expect(rows[4]).toContain('Borgerservice');
		expect(html).toMatch(link(`/staff/borger/${maja}`));
		expect(html).toMatch(link(`/staff/forloeb/${demoIds.journey('maja')}`));
		expect(body).not.toContain('Karl Nielsen');
		// The filter form is a GET form: no personal data goes in the URL, only codes.
		expect(html).toMatch(/<form method="GET"/);
	});

	it('filters by waiting on, status, due soon, department and the whole department', async () => {
		const lone = await as('Lone Madsen');
		const rows = async (query: string) => caseloadRows(await get(lone, `/staff?${query}`));
		expect(await rows('venter=citizen')).toEqual(['Maja Jensen | Din vej til job Jobcenter']);
		expect(await rows('status=received')).toEqual([
			'Ahmed Hassan | Din virksomhedspraktik Jobcenter'
		]);
		const soon = await rows('snart=ja');
		expect(soon.some((r) => r.startsWith('Maja Jensen'))).toBe(true);
		expect(soon).not.toContain('Ahmed Hassan | Din virksomhedspraktik Jobcenter');
		expect(await rows(`afdeling=${demoIds.department('borgerservice')}`)).toEqual([
			'Ahmed Hassan | Din ansøgning om hjælp til en enkeltudgift Borgerservice'
		]);
		const department = await rows('visning=afdeling');
		expect(department).toHaveLength(4);
		expect(department.every((r) => r.endsWith('Jobcenter'))).toBe(true);
		const empty = text(await get(lone, '/staff?venter=other_authority'));
		expect(empty).toContain('Ingen sager passer til filtrene.');
		// Unknown values are ignored rather than failing.
		expect(await rows('status=x&afdeling=%00&venter=%27')).toHaveLength(5);
	});

	it('shows Peter Maja with "consent missing"', async () => {
		const html = await get(await as('Peter Holm'), '/staff');
		const row = caseloadRows(html).find((r) => r.startsWith('Maja Jensen'));
		expect(row).toBe('Maja Jensen Samtykke mangler | Støtte til din familie Børn og Familie');
	});

	it('shows Karl as analog in Hanne’s caseload', async () => {
		const rows = caseloadRows(await get(await as('Hanne Vestergaard'), '/staff'));
		expect(rows.find((r) => r.startsWith('Karl Nielsen'))).toContain('Analog: får alt med posten');
	});

	it('shows the auditor and the administrator no cases, only where to go', async () => {
		const auditor = await get(await as('Birgitte Skov'), '/staff');
		expect(auditor).toMatch(link('/staff/logning'));
		expect(auditor).not.toContain('<table');
		expect(text(auditor)).toContain('Birgitte Skov');
		const admin = await get(await as('Anders Berg'), '/staff');
		expect(text(admin)).toContain('Som administrator arbejder du ikke med borgernes sager.');
		expect(admin).not.toContain('<table');
		// Neither may open a citizen.
		for (const name of ['Birgitte Skov', 'Anders Berg']) {
			const response = await (await as(name)).go(`${baseUrl}/staff/borger/${maja}`);
			expect(response.status).toBe(404);
		}
	});
});

describe('search at /staff/soeg', () => {
	const search = async (name: string, fields: Record<string, string>) =>
		postForm(await as(name), `${baseUrl}/staff/soeg?/soeg`, fields);

	it('is an empty POST form that keeps the term out of the URL', async () => {
		const html = await get(await as('Lone Madsen'), '/staff/soeg');
		expect(html).toContain('<form method="POST" action="?/soeg"');
		expect(text(html)).toContain('CPR-nummer eller navn');
		expect(text(html)).toContain('Formål');
	});

	it('finds Maja for Lone by name and by CPR number', async () => {
		for (const query of ['maja', MAJA_CPR, MAJA_CPR.replace('-', '')]) {
			const response = await search('Lone Madsen', { query, purpose: '' });
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const html = await response.text();
			expect(html).toMatch(link(`/staff/borger/${maja}`));
			expect(text(html)).toContain('Lærkevej 7, st. th.');
			expect(text(html)).toContain('Antal borgere: 1');
		}
	});

	it('gives Lone nothing and no hint for Karl, who has no Jobcenter case', async () => {
		for (const query of ['Karl', DEMO_CITIZENS['Karl Nielsen']]) {
			const response = await search('Lone Madsen', { query, purpose: '' });
			expect(response.status).toBe(200);
			const html = await response.text();
			expect(text(html)).toContain('Vi fandt ingen borgere, som du kan se.');
			expect(html).not.toContain(karl);
			expect(text(html)).not.toContain('Nielsen');
		}
		// The same answer as for nobody at all.
		const nobody = text(await (await search('Lone Madsen', { query: 'Zyxw', purpose: '' })).text());
		expect(nobody).toContain('Vi fandt ingen borgere, som du kan se.');
	});

	it('shows Peter Maja with "consent missing", and Hanne Karl as analog', async () => {
		const peter = text(await (await search('Peter Holm', { query: 'Jensen', purpose: '' })).text());
		expect(peter).toContain('Maja Jensen');
		expect(peter).toContain('Samtykke mangler');
		const hanne = text(
			await (await search('Hanne Vestergaard', { query: 'karl', purpose: '' })).text()
		);
		expect(hanne).toContain('Karl Nielsen');
		expect(hanne).toContain('Analog: får alt med posten');
	});

	it('answers invalid input with 400, field errors and a summary', async () => {
		for (const [query, message] of [
			['', 'Skriv et CPR-nummer eller et navn'],
			['M', 'Skriv mindst 2 bogstaver af navnet'],
			['991390-0001', 'Skriv et gyldigt CPR-nummer med 10 cifre']
		] as const) {
			const response = await search('Lone Madsen', { query, purpose: '' });
			expect(response.status).toBe(400);
			const html = await response.text();
			expect(html).toContain('error-summary');
			expect(html).toContain('id="query-error"');
			expect(text(html)).toContain(message);
			expect(html).not.toContain('/staff/borger/');
		}
		const long = await search('Lone Madsen', { query: 'Maja', purpose: 'x'.repeat(201) });
		expect(long.status).toBe(400);
		expect(await long.text()).toContain('id="purpose-error"');
	});

	it('is not for administrators and auditors', async () => {
		for (const name of ['Anders Berg', 'Birgitte Skov']) {
			expect((await (await as(name)).go(`${baseUrl}/staff/soeg`)).status).toBe(404);
			expect((await search(name, { query: 'Maja', purpose: '' })).status).toBe(404);
		}
	});
});

describe('citizen view at /staff/borger/[citizenId]', () => {
	it('shows Lone all three of Maja’s cases and her journey, with links onwards', async () => {
		const html = await get(await as('Lone Madsen'), `/staff/borger/${maja}`);
		const body = text(html);
		expect(html).toMatch(/<title>Borgeroversigt – /);
		expect(body).toContain('Oversigt over Maja Jensen');
		for (const title of [
			'Din vej til job',
			'Din sag om rådgivning og støtte',
			'Støtte til din familie'
		])
			expect(body).toContain(title);
		expect(body).toContain('15.20.02');
		expect(body).toContain('Lone Madsen 12 34 51 01');
		expect(body).toContain('Job, økonomi og familie');
		expect(body).toContain('Mette Larsen');
		expect(body).not.toContain('er skjult');
		expect(html).toMatch(link(`/staff/borger/${maja}/samtykke`));
		expect(html).toMatch(link(`/staff/borger/${maja}/repraesentanter`));
		expect(html).toMatch(link(`/staff/forloeb/${demoIds.journey('maja')}`));
		// The banner comes before the heading.
		expect(html.indexOf('citizen-banner')).toBeLessThan(html.indexOf('<h1'));
	});

	it('shows Peter only Børn og Familie’s case and says two are hidden for lack of consent', async () => {
		const body = text(await get(await as('Peter Holm'), `/staff/borger/${maja}`));
		expect(body).toContain('Støtte til din familie');
		expect(body).not.toContain('Din vej til job');
		expect(body).toContain(
			'2 sager fra andre afdelinger er skjult, fordi Maja Jensen ikke har givet samtykke til din afdeling.'
		);
		expect(body).toContain('Samtykke mangler');
	});

	it('shows Hanne Karl’s analog notice with address and phone', async () => {
		const html = await get(await as('Hanne Vestergaard'), `/staff/borger/${karl}`);
		const notice = text(html.slice(html.indexOf('data-testid="analog-notice"')));
		expect(notice).toContain('Karl Nielsen får alt med posten');
		expect(notice).toContain('Kirkevej 14, 1. tv.');
		expect(notice).toContain('12 34 52 02');
		expect(notice).toContain('Fritaget for Digital Post');
	});
});

describe('analog flag at /staff/borger/[citizenId]/analog, without JavaScript', () => {
	const url = () => `${baseUrl}/staff/borger/${maja}/analog`;

	it('refuses a set without a reason, and "other" without a note: 400, nothing stored', async () => {
		const lone = await as('Lone Madsen');
		let response = await postForm(lone, `${url()}?/saet`, { reason: '', note: '' });
		expect(response.status).toBe(400);
		let html = await response.text();
		expect(html).toContain('error-summary');
		expect(text(html)).toContain('Vælg en årsag');
		response = await postForm(lone, `${url()}?/saet`, { reason: 'other', note: '' });
		expect(response.status).toBe(400);
		html = await response.text();
		expect(html).toContain('id="note-error"');
		expect(text(html)).toContain('Skriv, hvad den anden årsag er');
		expect(text(await get(lone, `/staff/borger/${maja}/analog`))).toContain(
			'Maja Jensen får post digitalt.'
		);
	});

	it('sets the flag; every staff page about Maja then shows the notice, and Maja is told', async () => {
		const lone = await as('Lone Madsen');
		const response = await postForm(lone, `${url()}?/saet`, {
			reason: 'no_digital_access',
			note: 'Har ingen computer'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/staff/borger/${maja}/analog?gemt=sat`);
		const after = text(await get(lone, `/staff/borger/${maja}/analog?gemt=sat`));
		expect(after).toContain('Analog-markeringen er sat.');
		expect(after).toContain('Sat: Har ikke adgang til digitale løsninger');
		expect(after).toContain('Af Lone Madsen. Har ingen computer');
		for (const name of ['Lone Madsen', 'Peter Holm']) {
			const html = await get(await as(name), `/staff/borger/${maja}`);
			const notice = text(html.slice(html.indexOf('data-testid="analog-notice"')));
			expect(notice).toContain('Maja Jensen får alt med posten');
			expect(notice).toContain('Lærkevej 7, st. th.');
			expect(notice).toContain('12 34 52 01');
		}
		const majaPortal = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		const settings = await majaPortal.go(`${baseUrl}/indstillinger`);
		expect(text(await settings.text())).toContain(
			'Kommunen har registreret, at du får breve med posten'
		);
	});

	it('clears it with a note (400 without one), and the notice is gone', async () => {
		const lone = await as('Lone Madsen');
		const refused = await postForm(lone, `${url()}?/fjern`, { clearNote: '' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('id="clearNote-error"');
		const response = await postForm(lone, `${url()}?/fjern`, {
			clearNote: 'Har fået computer'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/staff/borger/${maja}/analog?gemt=fjernet`);
		const html = await get(lone, `/staff/borger/${maja}`);
		expect(html).not.toContain('data-testid="analog-notice"');
		expect(text(html)).toContain('Digital: får post digitalt.');
	});
});

describe.skipIf(!chromium)('staff caseload pages in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	const open = (name: StaffName, width: number, javaScript = true): Promise<OpenPage> =>
		openPage(browser, baseUrl, { width, javaScript, as: { staff: name } });
	// Each state of the sweep is judged at 320 px, where it is used, and at 1280 px.
	const sweep = (name: StaffName): Promise<OpenPage> =>
		openPage(browser, baseUrl, { ...SWEEP.staff, as: { staff: name } });

	it('sets the analog flag for Jens with JavaScript turned off, after a refused try', async () => {
		const { page, close } = await open('Hanne Vestergaard', 1280, false);
		try {
			await page.goto(`${baseUrl}/staff/borger/${jens}/analog`);
			await page.getByLabel('Anden årsag').check();
			await page.getByRole('button', { name: 'Sæt analog-markering' }).click();
			expect(await page.locator('.error-summary').innerText()).toContain(
				'Skriv, hvad den anden årsag er'
			);
			// The choice survives the refused post.
			expect(await page.getByLabel('Anden årsag').isChecked()).toBe(true);
			await page.getByLabel('Note').fill('Bor på et bosted uden internet');
			await Promise.all([
				page.waitForURL(/gemt=sat/),
				page.getByRole('button', { name: 'Sæt analog-markering' }).click()
			]);
			const body = await page.locator('main').innerText();
			expect(body).toContain('Analog-markeringen er sat.');
			expect(body).toContain('Jens Poulsen får alt med posten');
		} finally {
			await close();
		}
	});

	it('has no axe violations on any page and state at 320 and 1280 px', async () => {
		const lone = await sweep('Lone Madsen');
		try {
			const page = lone.page;
			await page.goto(`${baseUrl}/staff`);
			await checkPage(page, 'caseload with data');
			await page.goto(`${baseUrl}/staff?venter=other_authority`);
			await checkPage(page, 'caseload, empty');
			await page.goto(`${baseUrl}/staff/soeg`);
			await checkPage(page, 'search, empty');
			await page.getByRole('button', { name: 'Søg efter borger' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'search with errors');
			await page.getByLabel('CPR-nummer eller navn').fill('Maja');
			await page.getByRole('button', { name: 'Søg efter borger' }).click();
			await page.getByRole('link', { name: 'Maja Jensen' }).waitFor();
			await checkPage(page, 'search with results');
			await page.getByLabel('CPR-nummer eller navn').fill('Karl');
			await page.getByRole('button', { name: 'Søg efter borger' }).click();
			await page.getByText('Vi fandt ingen borgere').waitFor();
			await checkPage(page, 'search without results');
			await page.goto(`${baseUrl}/staff/borger/${maja}`);
			await checkPage(page, 'citizen view');
			await page.goto(`${baseUrl}/staff/borger/${maja}/analog`);
			await checkPage(page, 'analog flag, digital');
			await page.getByRole('button', { name: 'Sæt analog-markering' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'analog flag with errors');
		} finally {
			await lone.close();
		}

		const hanne = await sweep('Hanne Vestergaard');
		try {
			const page = hanne.page;
			await page.goto(`${baseUrl}/staff/borger/${karl}`);
			await page.getByTestId('analog-notice').waitFor();
			await checkPage(page, 'citizen view, analog');
			await page.goto(`${baseUrl}/staff/borger/${karl}/analog?gemt=sat`);
			await checkPage(page, 'analog flag set, after success');
			await page.getByRole('button', { name: 'Fjern analog-markering' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'analog clear with errors');
		} finally {
			await hanne.close();
		}

		const peter = await sweep('Peter Holm');
		try {
			await peter.page.goto(`${baseUrl}/staff/borger/${maja}`);
			await checkPage(peter.page, 'citizen view, consent missing');
			await peter.page.goto(`${baseUrl}/staff`);
			await checkPage(peter.page, 'caseload, consent missing');
		} finally {
			await peter.close();
		}

		const auditor = await sweep('Birgitte Skov');
		try {
			await auditor.page.goto(`${baseUrl}/staff`);
			await checkPage(auditor.page, 'auditor start page');
		} finally {
			await auditor.close();
		}
	});
});

describe('audit trail', () => {
	it('has a row for every search (criterion, CPR only hashed), read and change', async () => {
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events as a')
				.leftJoin('staff_users as s', 's.id', 'a.actor_staff_id')
				.select(['s.name', 'a.action', 'a.object_type', 'a.citizen_id', 'a.criterion', 'a.purpose'])
				.where('a.actor_type', '=', 'staff')
				.execute()
		);
		const of = (name: string, action: string, objectType: string, citizenId: string | null) =>
			rows.filter(
				(r) =>
					r.name === name &&
					r.action === action &&
					r.object_type === objectType &&
					r.citizen_id === citizenId
			);
		const searches = of('Lone Madsen', 'search', 'citizen', maja).map((r) => r.criterion);
		expect(searches).toContain('navn: maja');
		expect(
			searches.filter((c) => /^cpr: [0-9a-f]{64}$/.test(c ?? '')).length
		).toBeGreaterThanOrEqual(2);
		// Karl never appears in Lone's searches; the misses are logged without a citizen.
		expect(of('Lone Madsen', 'search', 'citizen', karl)).toEqual([]);
		const misses = of('Lone Madsen', 'search', 'citizen', null).map((r) => r.criterion);
		expect(misses).toContain('navn: Karl');
		expect(misses.some((c) => /^cpr: [0-9a-f]{64}$/.test(c ?? ''))).toBe(true);
		// No CPR number searched for is in a criterion, with or without its dash. (Not "no ten
		// digits in a row": a hex hash has such runs by chance.)
		const searched = Object.values(DEMO_CITIZENS).flatMap((cpr) => [cpr, cpr.replace('-', '')]);
		for (const row of rows) {
			for (const cpr of searched) expect(row.criterion ?? '').not.toContain(cpr);
		}
		expect(of('Lone Madsen', 'read', 'citizen', maja).length).toBeGreaterThan(0);
		expect(of('Peter Holm', 'read', 'citizen', maja).length).toBeGreaterThan(0);
		expect(of('Lone Madsen', 'read', 'analog_flag', maja).length).toBeGreaterThan(0);
		expect(of('Lone Madsen', 'update', 'analog_flag', maja)).toHaveLength(2);
		expect(of('Hanne Vestergaard', 'update', 'analog_flag', jens).length).toBe(chromium ? 1 : 0);
		expect(of('Lone Madsen', 'update', 'analog_flag', karl)).toEqual([]);
		// The caseload itself is the reader's own work list and is not audited per citizen.
		expect(rows.filter((r) => r.object_type === 'caseload')).toEqual([]);
	});
});

// Consent recorded by staff on the citizen's behalf, representatives, and the auditor's view of the
// audit trail with its CSV export: without JavaScript (plain form posts), with 404 for everyone
// the policy keeps out (for every route with an id: tests/actions/access.spec.ts), an audit row for every read, change and export, and axe on every page and
// state at 1280 and 320 px. This file changes data, so it runs its own server.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDateWithYear, todayInDenmark } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const family = demoIds.department('boern-og-familie');
const jobcenter = demoIds.department('jobcenter');
const MADE_UP = '00000000-0000-4000-8000-000000000000';
const CPR_HASH = 'c0ffee'.repeat(10) + 'abcd';

let server: SeededServer;
let baseUrl: string;

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		// A CPR search in the trail: the auditor must see that it was one, never the hash.
		await db
			.insertInto('audit_events')
			.values({
				actor_type: 'staff',
				actor_staff_id: demoIds.staff('Lone Madsen'),
				actor_department_id: jobcenter,
				actor_role: 'caseworker',
				action: 'search',
				object_type: 'citizen',
				citizen_id: maja,
				purpose: 'casework',
				criterion: `cpr:${CPR_HASH}`,
				occurred_at: clock.now()
			})
			.execute();
		// An hour of reads before the tests: the trail is longer than a page (50 rows), so the
		// keyset test has an older page whatever the tests before it wrote.
		const anHourAgo = clock.now().getTime() - 3600_000;
		await db
			.insertInto('audit_events')
			.values(
				Array.from({ length: 60 }, (_, i) => ({
					actor_type: 'staff' as const,
					actor_staff_id: demoIds.staff('Mette Larsen'),
					actor_department_id: demoIds.department('socialforvaltningen'),
					actor_role: 'coordinator' as const,
					action: 'read' as const,
					object_type: 'citizen' as const,
					object_id: maja,
					citizen_id: maja,
					purpose: 'coordination',
					occurred_at: new Date(anHourAgo + i * 1000)
				}))
			)
			.execute();
	});
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
});

async function page(browser: CookieBrowser, url: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

const consentUrl = (citizenId: string) => `/staff/borger/${citizenId}/samtykke`;
const repUrl = (citizenId: string) => `/staff/borger/${citizenId}/repraesentanter`;

/** A no-JS post with repeated fields (checkboxes). */
function postMany(browser: CookieBrowser, url: string, fields: [string, string][]) {
	return browser.go(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
		},
		body: new URLSearchParams(fields)
	});
}

describe('consent on the citizen’s behalf', () => {
	let mette: CookieBrowser;
	let peter: CookieBrowser;

	beforeAll(async () => {
		mette = await loginStaff(baseUrl, 'Mette Larsen');
		peter = await loginStaff(baseUrl, 'Peter Holm');
	});

	it('shows Maja’s consent per department and its history, with the banner first', async () => {
		const html = await page(mette, consentUrl(maja));
		expect(html).toMatch(/<title>Samtykke for Maja Jensen – Sammen – /);
		expect(html.match(/<h1/g)).toHaveLength(1);
		const body = text(html);
		expect(body).toMatch(/Jobcenter Givet/);
		expect(body).toMatch(/Børn og Familie Ikke givet/);
		expect(body).toContain('Registrér samtykke eller tilbagetrækning');
		expect(body).toContain('Alle ændringer');
		expect(html.indexOf('<h1')).toBeGreaterThan(html.indexOf('Maja Jensen'));
	});

	it('refuses an incomplete form with field errors and stores nothing (400)', async () => {
		const empty = await postForm(mette, `${baseUrl}${consentUrl(maja)}?/registrer`, {});
		expect(empty.status).toBe(400);
		const body = text(await empty.text());
		expect(body).toContain('Vælg den afdeling, beslutningen gælder.');
		expect(body).toContain('Vælg, om samtykket gives eller trækkes tilbage.');
		expect(body).toContain('Vælg, hvordan I fik beskeden.');
		const noWitness = await postForm(mette, `${baseUrl}${consentUrl(maja)}?/registrer`, {
			department: family,
			action: 'granted',
			channel: 'meeting',
			witness: '',
			note: 'Aftalt på mødet'
		});
		expect(noWitness.status).toBe(400);
		const html = await noWitness.text();
		expect(text(html)).toContain('Skriv, hvem der var vidne.');
		// What was typed comes back.
		expect(html).toContain('Aftalt på mødet');
		expect(text(await page(peter, consentUrl(maja)))).toContain('Samtykke mangler');
	});

	it('records Maja’s paper consent for Børn og Familie: Peter Holm sees the others from now on', async () => {
		expect(text(await page(peter, consentUrl(maja)))).toContain('Samtykke mangler');
		const response = await postForm(mette, `${baseUrl}${consentUrl(maja)}?/registrer`, {
			department: family,
			action: 'granted',
			channel: 'paper',
			witness: 'Jonas Friis, Socialforvaltningen',
			note: 'Blanket underskrevet'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${consentUrl(maja)}?gemt=ja#resultat`);
		const body = text(await page(mette, `${consentUrl(maja)}?gemt=ja`));
		expect(body).toContain('Registreret. Maja Jensen kan se det under Samtykke i Sammen.');
		expect(body).toMatch(/Børn og Familie Givet/);
		expect(body).toMatch(
			/Givet til Børn og Familie På papir Mette Larsen Jonas Friis, Socialforvaltningen Blanket underskrevet/
		);
		// The policy's facts changed: Peter Holm's banner no longer says consent is missing.
		expect(text(await page(peter, consentUrl(maja)))).not.toContain('Samtykke mangler');

		// Maja sees it in her portal, with how it was given and that the municipality recorded it.
		const citizen = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		const own = text(await page(citizen, '/samtykke'));
		const history = own.slice(own.indexOf('Alle ændringer'));
		expect(history).toMatch(
			/Samtykke givet til Børn og Familie Hvornår .{5,60} Hvordan På papir Registreret af En medarbejder i Socialforvaltningen/
		);
		expect(own).toContain('Træk samtykke tilbage fra Børn og Familie');
		const timeline = text(await page(citizen, `/forloeb/${demoIds.journey('maja')}`));
		expect(timeline).toContain('Maja Jensen gav samtykke til Børn og Familie');
	});

	it('says so when nothing changes, and records a withdrawal by phone', async () => {
		const same = await postForm(mette, `${baseUrl}${consentUrl(maja)}?/registrer`, {
			department: family,
			action: 'granted',
			channel: 'paper'
		});
		expect(same.headers.get('location')).toBe(`${consentUrl(maja)}?gemt=uaendret#resultat`);
		const withdrawn = await postForm(mette, `${baseUrl}${consentUrl(maja)}?/registrer`, {
			department: family,
			action: 'withdrawn',
			channel: 'phone',
			witness: 'Jonas Friis'
		});
		expect(withdrawn.status).toBe(303);
		expect(text(await page(mette, consentUrl(maja)))).toMatch(/Børn og Familie Trukket tilbage/);
		expect(text(await page(peter, consentUrl(maja)))).toContain('Samtykke mangler');
	});
});

describe('representatives', () => {
	let hanne: CookieBrowser;
	// A month ago, as a caseworker types it (d.m.yyyy): the representation is in force today.
	const start = new DemoClock(clock.now()).localDate(-30);
	const valid = {
		cpr: '220278-0004',
		name: 'Henrik Hansen',
		scope: 'full',
		coverage: 'all',
		basis: 'power_of_attorney',
		reference: 'Fuldmagt modtaget 3. marts 2026, j.nr. 27.36.16-G01-1-26',
		validFrom: `${start.day}.${start.month}.${start.year}`,
		validTo: ''
	};

	beforeAll(async () => {
		hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
	});

	it('lists Karl’s representatives with scope, basis, document and period', async () => {
		const html = await page(hanne, repUrl(karl));
		expect(html).toMatch(/<title>Repræsentanter for Karl Nielsen – Sammen – /);
		const body = text(html);
		// The demo registered Lise 240 days ago.
		const from = formatDateWithYear(new DemoClock(clock.now()).date(-240), 'da');
		expect(body).toContain(
			`Lise Mortensen Gælder nu Kun se Alle afdelinger Fuldmagt Fuldmagt til at se sagerne, underskrevet på papir Fra ${from}, uden slutdato`
		);
		// Karl is analog: the banner says so on this page too.
		expect(body).toContain('Karl Nielsen får alt med posten');
	});

	it('refuses bad input with field errors, never echoing the CPR number', async () => {
		const response = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/registrer`, {
			...valid,
			cpr: '32139999',
			coverage: 'some',
			validFrom: '31.2.2026',
			validTo: '1.1.2025'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		const body = text(html);
		expect(body).toContain('CPR-nummeret skal være ti cifre med en gyldig dato');
		expect(body).toContain('Vælg mindst én afdeling, eller vælg alle afdelinger.');
		expect(body).toContain('Skriv den dato, repræsentationen gælder fra');
		expect(html).not.toContain('32139999');
		expect(html).toContain('Fuldmagt modtaget 3. marts 2026');

		const self = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/registrer`, {
			...valid,
			cpr: '030446-0002',
			name: 'Karl Nielsen'
		});
		expect(self.status).toBe(400);
		const selfHtml = await self.text();
		expect(text(selfHtml)).toContain('En borger kan ikke være sin egen repræsentant.');
		expect(selfHtml).not.toContain('030446');

		const unknown = await postMany(hanne, `${baseUrl}${repUrl(karl)}?/registrer`, [
			...Object.entries({ ...valid, coverage: 'some' }),
			['departments', MADE_UP]
		]);
		expect(unknown.status).toBe(400);
		expect(text(await unknown.text())).toContain('Vælg afdelingerne på listen.');
		expect(text(await page(hanne, repUrl(karl)))).not.toContain('Henrik Hansen');
	});

	it('registers Henrik for Karl; Henrik can then act for Karl in the portal', async () => {
		const response = await postMany(hanne, `${baseUrl}${repUrl(karl)}?/registrer`, [
			...Object.entries({ ...valid, coverage: 'some' }),
			['departments', demoIds.department('sundhed-og-omsorg')]
		]);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${repUrl(karl)}?gemt=registreret#resultat`);
		const body = text(await page(hanne, `${repUrl(karl)}?gemt=registreret`));
		expect(body).toContain('Repræsentanten er registreret og kan nu vælge Karl Nielsen i Sammen.');
		expect(body).toMatch(/Henrik Hansen Gælder nu Se og handle Sundhed og Omsorg Fuldmagt/);

		const henrik = await loginCitizen(baseUrl, 'demo-citizen-henrik-hansen', { actFor: karl });
		const overview = text(await page(henrik, '/'));
		expect(overview).toContain('Karl Nielsen');
	});

	it('registers a person not yet in Sammen, then ends a representation', async () => {
		const created = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/registrer`, {
			...valid,
			cpr: '0102031234',
			name: 'Bo Værge',
			basis: 'guardianship',
			scope: 'read_only'
		});
		expect(created.status).toBe(303);
		const html = await page(hanne, repUrl(karl));
		expect(text(html)).toMatch(/Bo Værge Gælder nu Kun se Alle afdelinger Værgemål/);
		const ids = [...html.matchAll(/name="representation" value="([0-9a-f-]{36})"/g)].map(
			(m) => m[1]!
		);
		expect(ids).toHaveLength(3);
		const ended = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/afslut`, {
			representation: ids[0]!
		});
		expect(ended.status).toBe(303);
		expect(ended.headers.get('location')).toBe(`${repUrl(karl)}?gemt=afsluttet#resultat`);
		const after = text(await page(hanne, `${repUrl(karl)}?gemt=afsluttet`));
		expect(after).toContain('Repræsentationen er afsluttet.');
		expect(after).toContain(
			`Afsluttet ${formatDateWithYear(clock.now(), 'da')} af Hanne Vestergaard`
		);
		const again = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/afslut`, {
			representation: ids[0]!
		});
		expect(again.headers.get('location')).toBe(`${repUrl(karl)}?gemt=uaendret#resultat`);
		// Sofie's representation is not Karl's: 404 like a made-up and a malformed id.
		const sofie = await loginStaff(baseUrl, 'Peter Holm');
		const sofieIds = [
			...(await page(sofie, repUrl(demoIds.citizen('Sofie Hansen')))).matchAll(
				/name="representation" value="([0-9a-f-]{36})"/g
			)
		].map((m) => m[1]!);
		for (const id of [sofieIds[0]!, MADE_UP, 'x']) {
			const response = await postForm(hanne, `${baseUrl}${repUrl(karl)}?/afslut`, {
				representation: id
			});
			expect(response.status).toBe(404);
		}
	});
});

describe('the auditor’s view', () => {
	let birgitte: CookieBrowser;
	beforeAll(async () => {
		birgitte = await loginStaff(baseUrl, 'Birgitte Skov');
	});

	it('shows the trail newest first, with names, roles and a CPR search only as such', async () => {
		const html = await page(birgitte, '/staff/logning');
		expect(html).toMatch(/<title>Logning – Sammen – /);
		const body = text(html);
		expect(body).toContain('CPR-nummer (søgning)');
		// Keyset pages: the next page starts after the last row of this one.
		const next = /href="[^"]*logning(\?efter=[^"]+)"/.exec(html)?.[1];
		expect(next).toBeDefined();
		const older = await page(birgitte, `/staff/logning${next!.replace(/&amp;/g, '&')}`);
		const firstIds = [...html.matchAll(/datetime="([^"]+)"/g)].map((m) => m[1]);
		const olderIds = [...older.matchAll(/datetime="([^"]+)"/g)].map((m) => m[1]);
		expect(olderIds.length).toBeGreaterThan(0);
		expect(olderIds[0]! <= firstIds.at(-1)!).toBe(true);
		expect(text(older)).toContain('Til de nyeste rækker');
		expect(html).not.toContain(CPR_HASH);
		expect(html).not.toContain(CPR_HASH.slice(0, 16));
		expect(body).toMatch(
			/Hanne Vestergaard Sagsbehandler Sundhed og Omsorg Oprettet representation Karl Nielsen/
		);
	});

	it('filters by citizen, action and object, and links to the export with the same filter', async () => {
		const query = `?borger=${karl}&handling=create&objekt=representation`;
		const html = await page(birgitte, `/staff/logning${query}`);
		const rows = html.slice(html.indexOf('<tbody'), html.indexOf('</tbody>'));
		expect(rows.match(/<tr/g)).toHaveLength(2);
		expect(text(rows)).not.toContain('Maja Jensen');
		expect(html).toContain(
			`logning/logning.csv?handling=create&amp;objekt=representation&amp;borger=${karl}"`
		);
		// The member of staff is offered by part of the name, as the citizen is.
		const byName = await page(birgitte, '/staff/logning?medarbejdernavn=hanne');
		const staffSelect = byName.slice(
			byName.indexOf('id="filter-staff"'),
			byName.indexOf('</select>', byName.indexOf('id="filter-staff"'))
		);
		expect(text(staffSelect)).toContain('Hanne Vestergaard');
		expect(text(staffSelect)).not.toContain('Lone Madsen');
		const none = text(await page(birgitte, '/staff/logning?fra=1.1.2001&til=2.1.2001'));
		expect(none).toContain('Ingen rækker passer til afgrænsningen.');
		const bad = await birgitte.go(`${baseUrl}/staff/logning?fra=igaar&borger=123`);
		expect(bad.status).toBe(200);
		const badBody = text(await bad.text());
		expect(badBody).toContain('Skriv fra-datoen som en dato');
		expect(badBody).toContain('Vælg en af mulighederne på listen.');
	});

	it('exports CSV for Danish Excel with the same filter', async () => {
		const response = await birgitte.go(
			`${baseUrl}/staff/logning/logning.csv?borger=${karl}&objekt=representation`
		);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			`attachment; filename="logning-${todayInDenmark(clock.now())}.csv"`
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const csv = new TextDecoder().decode(bytes.slice(3));
		const lines = csv.trimEnd().split('\r\n');
		expect(lines[0]).toBe(
			'"Tidspunkt";"Hvem";"Rolle";"Afdeling";"Handling";"Objekt";"Objekt-id";"Borger";"Formål";"Kriterium"'
		);
		// Two created, one ended, and the reads of the page.
		expect(
			lines.some((l) =>
				/"Hanne Vestergaard";"Sagsbehandler";"Sundhed og Omsorg";"Oprettet";"representation";"[0-9a-f-]{36}";"Karl Nielsen"/.test(
					l
				)
			)
		).toBe(true);
		expect(lines.some((l) => l.includes('"Ændret";"representation"'))).toBe(true);
		expect(lines.slice(1).every((l) => l.includes('"Karl Nielsen"'))).toBe(true);
		const cpr = await birgitte.go(`${baseUrl}/staff/logning/logning.csv?handling=search`);
		const cprCsv = await cpr.text();
		expect(cprCsv).toContain('"CPR-nummer (søgning)"');
		expect(cprCsv).not.toContain(CPR_HASH.slice(0, 16));
		expect((await birgitte.go(`${baseUrl}/staff/logning/logning.csv?fra=x`)).status).toBe(400);
	});

	it('is not there for anyone else: 404 for caseworkers, coordinators and the administrator', async () => {
		for (const name of ['Lone Madsen', 'Mette Larsen', 'Anders Berg']) {
			const browser = await loginStaff(baseUrl, name);
			for (const url of ['/staff/logning', '/staff/logning/logning.csv']) {
				const response = await browser.go(`${baseUrl}${url}`);
				expect(response.status, `${name} ${url}`).toBe(404);
			}
		}
		const visitor = await fetch(`${baseUrl}/staff/logning/logning.csv`, { redirect: 'manual' });
		expect(visitor.status).toBe(303);
	});
});

describe.skipIf(!chromium)('in the browser: no JavaScript, axe at 1280 and 320 px', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('records a consent without JavaScript by clicking through the form', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			javaScript: false,
			as: { staff: 'Mette Larsen' }
		});
		try {
			await page.goto(`${baseUrl}${consentUrl(maja)}`);
			await page.getByRole('radio', { name: 'Børn og Familie' }).check();
			await page.getByRole('radio', { name: 'Giver samtykke' }).check();
			await page.getByRole('radio', { name: 'På et møde' }).check();
			await page.getByLabel('Vidne').fill('Jonas Friis');
			await Promise.all([
				page.waitForURL(/gemt=ja/),
				page.getByRole('button', { name: 'Registrér beslutningen' }).click()
			]);
			expect(await page.locator('main').innerText()).toContain('Registreret.');
		} finally {
			await close();
		}
	});

	// Each state is judged at 320 px, where the steps run, and at 1280 px.
	it('consent and representatives pages in every state at 320 and 1280 px', async () => {
		const mette = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Mette Larsen' }
		});
		try {
			const page = mette.page;
			await page.goto(`${baseUrl}${consentUrl(maja)}`);
			await checkPage(page, 'consent');
			await page.getByRole('button', { name: 'Registrér beslutningen' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'consent errors');
			await page.goto(`${baseUrl}${consentUrl(maja)}?gemt=ja`);
			await checkPage(page, 'consent saved');
			// Maja has no representatives: the empty state.
			await page.goto(`${baseUrl}${repUrl(maja)}`);
			expect(await page.locator('main').innerText()).toContain(
				'Der er ikke registreret nogen repræsentanter for Maja Jensen.'
			);
			await checkPage(page, 'representatives empty');
			await page.getByRole('button', { name: 'Registrér repræsentanten' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'representatives errors');
		} finally {
			await mette.close();
		}

		const hanne = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Hanne Vestergaard' }
		});
		try {
			const page = hanne.page;
			await page.goto(`${baseUrl}${repUrl(karl)}?gemt=registreret`);
			await checkPage(page, 'representatives with data');
			await page.goto(`${baseUrl}${consentUrl(karl)}`);
			await checkPage(page, 'consent of Karl');
		} finally {
			await hanne.close();
		}
	});

	it('the audit log at 320 and 1280 px: with rows, filtered to none, with errors', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Birgitte Skov' }
		});
		try {
			await page.goto(`${baseUrl}/staff/logning`);
			await checkPage(page, 'log');
			await page.goto(`${baseUrl}/staff/logning?fra=1.1.2001&til=2.1.2001`);
			await checkPage(page, 'log empty');
			await page.goto(`${baseUrl}/staff/logning?fra=igaar`);
			await checkPage(page, 'log errors');
		} finally {
			await close();
		}
	});
});

describe('the audit trail of all this', () => {
	it('has a row for every read, change and export', async () => {
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select([
					'actor_staff_id',
					'actor_role',
					'action',
					'object_type',
					'citizen_id',
					'purpose',
					'criterion'
				])
				.where('occurred_at', '>', new Date(clock.now().getTime() - 60 * 60 * 1000))
				.where('actor_type', '=', 'staff')
				.execute()
		);
		const has = (match: Partial<(typeof rows)[number]>) =>
			rows.some((row) => Object.entries(match).every(([k, v]) => row[k as keyof typeof row] === v));
		expect(
			has({
				actor_staff_id: demoIds.staff('Mette Larsen'),
				action: 'read',
				object_type: 'consent',
				citizen_id: maja,
				purpose: 'coordination'
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: demoIds.staff('Peter Holm'),
				action: 'read',
				object_type: 'consent',
				citizen_id: maja,
				purpose: 'casework'
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: demoIds.staff('Mette Larsen'),
				action: 'create',
				object_type: 'consent',
				citizen_id: maja
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: demoIds.staff('Hanne Vestergaard'),
				action: 'read',
				object_type: 'representation',
				citizen_id: karl
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: demoIds.staff('Hanne Vestergaard'),
				action: 'create',
				object_type: 'representation',
				citizen_id: karl
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: demoIds.staff('Hanne Vestergaard'),
				action: 'update',
				object_type: 'representation',
				citizen_id: karl
			})
		).toBe(true);
		const birgitte = demoIds.staff('Birgitte Skov');
		expect(
			has({
				actor_staff_id: birgitte,
				actor_role: 'auditor',
				action: 'read',
				object_type: 'audit_trail',
				citizen_id: null,
				purpose: 'audit_review',
				criterion: 'all'
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: birgitte,
				action: 'read',
				object_type: 'audit_trail',
				citizen_id: karl,
				purpose: 'audit_review'
			})
		).toBe(true);
		expect(
			has({
				actor_staff_id: birgitte,
				action: 'export',
				object_type: 'audit_trail',
				citizen_id: karl,
				purpose: 'audit_review',
				criterion: `object=representation citizen=${karl}`
			})
		).toBe(true);
		// Nobody's CPR number or hash in a criterion written today.
		expect(
			rows.some((r) => r.criterion?.includes('0102031234') || r.criterion?.includes('220278'))
		).toBe(false);
		// A malformed filter (400) exports nothing and writes no row for it.
		expect(rows.filter((r) => r.action === 'export')).toHaveLength(2);
	});
});

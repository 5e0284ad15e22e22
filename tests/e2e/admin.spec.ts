// Administration for administrators: departments, staff users, API keys and the
// municipality's settings, without JavaScript. Field errors answer 400 and store nothing; every
// page is no-store (that every page and action answers 404 to other roles and to made-up or
// malformed ids, changing nothing, is in tests/actions/admin-access.spec.ts); a new API key is shown once, in the answer and never in a listing; a saved name reaches
// the page titles and a rendered letter; the colour and logo are served safely; every change has its
// audit row; axe at 1280 and 320 px.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findActiveApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds } from '../../src/lib/server/seed/demo';
import { flatText, readPdf } from '../pdf-reader';
import { launchBrowser } from './browser';
import { text } from './html';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';

const chromium = inject('chromium');
const MADE_UP = '00000000-0000-4000-8000-000000000000';
const jobcenter = demoIds.department('jobcenter');
const lone = demoIds.staff('Lone Madsen');
const andersId = demoIds.staff('Anders Berg');
// A 1×1 PNG.
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

let server: SeededServer;
let baseUrl: string;
let anders: CookieBrowser;
let shownKey = '';

beforeAll(async () => {
	server = await startSeededServer(async () => {});
	baseUrl = server.url;
	anders = await loginStaff(baseUrl, 'Anders Berg');
});
afterAll(async () => {
	await server?.stop();
});

async function page(browser: CookieBrowser, url: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control'), url).toBe('no-store');
	return response.text();
}

const post = (browser: CookieBrowser, url: string, fields: Record<string, string>) =>
	postForm(browser, `${baseUrl}${url}`, fields);

const department = {
	slug: 'klima-og-miljoe',
	name: 'Klima og miljø',
	nameEn: 'Climate and Environment',
	kleArea: '09',
	phone: '70 10 20 99',
	email: 'klima@sammen-kommune.example',
	address: '',
	openingHours: ''
};

const PAGES = [
	'/staff/admin',
	'/staff/admin/afdelinger',
	'/staff/admin/afdelinger/ny',
	`/staff/admin/afdelinger/${jobcenter}`,
	'/staff/admin/medarbejdere',
	'/staff/admin/medarbejdere/ny',
	`/staff/admin/medarbejdere/${lone}`,
	'/staff/admin/noegler',
	'/staff/admin/kommune'
];
describe('administration without JavaScript', () => {
	it('shows the index with a link to every section and the retention page', async () => {
		const html = await page(anders, '/staff/admin');
		expect(html).toMatch(/<title>Administration – Sammen – Sammen Kommune<\/title>/);
		for (const path of ['afdelinger', 'medarbejdere', 'noegler', 'kommune', 'opbevaring']) {
			expect(html).toMatch(new RegExp(`href="[./]*/?staff/admin/${path}"`));
		}
	});

	it('refuses bad departments with field errors, storing nothing', async () => {
		const response = await post(anders, '/staff/admin/afdelinger/ny?/opret', {
			...department,
			slug: 'Klima og Miljø',
			name: '',
			kleArea: '9',
			email: 'ikke-en-mail'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toMatch(/<title>Fejl: Opret afdeling – Sammen – /);
		expect(html).toContain('error-summary');
		const body = text(html);
		expect(body).toContain('Det korte navn må kun have små bogstaver a–z');
		expect(body).toContain('Skriv afdelingens navn på dansk.');
		expect(body).toContain('Skriv KLE-området som to cifre');
		expect(body).toContain('Skriv en e-mailadresse som navn@kommune.dk.');
		expect(html).toContain('id="slug-error"');
		const taken = await post(anders, '/staff/admin/afdelinger/ny?/opret', {
			...department,
			slug: 'jobcenter'
		});
		expect(taken.status).toBe(400);
		expect(text(await taken.text())).toContain('En anden afdeling har allerede det korte navn.');
		expect(await page(anders, '/staff/admin/afdelinger')).not.toContain('Klima og miljø');
	});

	it('creates and edits a department; there is no delete', async () => {
		const made = await post(anders, '/staff/admin/afdelinger/ny?/opret', department);
		expect(made.status).toBe(303);
		expect(made.headers.get('location')).toBe('/staff/admin/afdelinger?oprettet=1');
		const list = await page(anders, '/staff/admin/afdelinger?oprettet=1');
		expect(text(list)).toContain('Afdelingen er oprettet.');
		expect(text(list)).toContain('Du kan ikke slette en afdeling');
		const id = new RegExp(`afdelinger/([0-9a-f-]{36})">Klima og miljø<`).exec(list)?.[1];
		expect(id).toBeDefined();
		const edit = await page(anders, `/staff/admin/afdelinger/${id}`);
		expect(edit).toContain('value="klima-og-miljoe"');
		const saved = await post(anders, `/staff/admin/afdelinger/${id}?/gem`, {
			...department,
			openingHours: 'Mandag kl. 10–12'
		});
		expect(saved.status).toBe(303);
		expect(await page(anders, `/staff/admin/afdelinger/${id}`)).toContain('Mandag kl. 10–12');
		const clash = await post(anders, `/staff/admin/afdelinger/${id}?/gem`, {
			...department,
			slug: 'jobcenter'
		});
		expect(clash.status).toBe(400);
		expect(await page(anders, `/staff/admin/afdelinger/${id}`)).toContain(
			'value="klima-og-miljoe"'
		);
	});

	it('creates staff users with field errors first, filters the list, and edits a role', async () => {
		const bad = await post(anders, '/staff/admin/medarbejdere/ny?/opret', {
			name: 'Nina Nyansat',
			email: 'Lone.Madsen@sammen-kommune.example',
			role: 'caseworker',
			departmentId: ''
		});
		expect(bad.status).toBe(400);
		const body = text(await bad.text());
		expect(body).toContain('Vælg en afdeling. Sagsbehandlere og koordinatorer skal høre til en.');
		const dup = await post(anders, '/staff/admin/medarbejdere/ny?/opret', {
			name: 'Nina Nyansat',
			email: 'Lone.Madsen@sammen-kommune.example',
			role: 'caseworker',
			departmentId: jobcenter
		});
		expect(dup.status).toBe(400);
		expect(text(await dup.text())).toContain('Der er allerede en medarbejder med den e-mail.');
		const role = await post(anders, '/staff/admin/medarbejdere/ny?/opret', {
			name: 'Nina Nyansat',
			email: 'nina@sammen-kommune.example',
			role: 'superuser',
			departmentId: MADE_UP
		});
		expect(role.status).toBe(400);
		const roleText = text(await role.text());
		expect(roleText).toContain('Vælg en rolle.');
		expect(roleText).toContain('Vælg en afdeling fra listen.');
		expect(await page(anders, '/staff/admin/medarbejdere')).not.toContain('Nina Nyansat');

		const made = await post(anders, '/staff/admin/medarbejdere/ny?/opret', {
			name: 'Nina Nyansat',
			email: 'Nina@Sammen-Kommune.example',
			role: 'caseworker',
			departmentId: jobcenter,
			phone: '12 34 51 99'
		});
		expect(made.status).toBe(303);
		const filtered = await page(
			anders,
			`/staff/admin/medarbejdere?afdeling=${jobcenter}&rolle=caseworker`
		);
		expect(filtered).toContain('Nina Nyansat');
		expect(filtered).not.toMatch(/">Anders Berg<\/a>/);
		const id = /medarbejdere\/([0-9a-f-]{36})">Nina Nyansat</.exec(filtered)?.[1];
		const detail = await page(anders, `/staff/admin/medarbejdere/${id}`);
		expect(detail).toContain('nina@sammen-kommune.example');
		const changed = await post(anders, `/staff/admin/medarbejdere/${id}?/gem`, {
			name: 'Nina Nyansat',
			role: 'auditor',
			departmentId: '',
			phone: ''
		});
		expect(changed.status).toBe(303);
		expect(text(await page(anders, `/staff/admin/medarbejdere?rolle=auditor`))).toContain(
			'Nina Nyansat'
		);
	});

	it('keeps the last administrator and refuses to close your own access', async () => {
		const demote = await post(anders, `/staff/admin/medarbejdere/${andersId}?/gem`, {
			name: 'Anders Berg',
			role: 'auditor',
			departmentId: ''
		});
		expect(demote.status).toBe(400);
		expect(text(await demote.text())).toContain('det er den sidste aktive administrator');
		const self = await post(anders, `/staff/admin/medarbejdere/${andersId}?/luk`, {});
		expect(self.status).toBe(400);
		expect(text(await self.text())).toContain('Du kan ikke lukke din egen adgang.');
		expect(await page(anders, '/staff/admin')).toContain('<h1>Administration</h1>');
	});

	it('closing access logs the person out at once; opening it lets them in again', async () => {
		const loneBrowser = await loginStaff(baseUrl, 'Lone Madsen');
		expect((await loneBrowser.go(`${baseUrl}/staff`)).status).toBe(200);
		const closed = await post(anders, `/staff/admin/medarbejdere/${lone}?/luk`, {});
		expect(closed.status).toBe(303);
		expect(text(await page(anders, `/staff/admin/medarbejdere/${lone}?udfoert=lukket`))).toContain(
			'Adgangen er lukket, og medarbejderen er logget ud.'
		);
		const after = await loneBrowser.go(`${baseUrl}/staff`);
		expect(after.status).toBe(303);
		const opened = await post(anders, `/staff/admin/medarbejdere/${lone}?/aabn`, {});
		expect(opened.status).toBe(303);
		const again = await loginStaff(baseUrl, 'Lone Madsen');
		expect((await again.go(`${baseUrl}/staff`)).status).toBe(200);
	});

	it('shows a new API key once, never in the listing, and closes it after asking', async () => {
		const bad = await post(anders, '/staff/admin/noegler?/opret', { departmentId: 'x', name: '' });
		expect(bad.status).toBe(400);
		const badText = text(await bad.text());
		expect(badText).toContain('Vælg en afdeling fra listen.');
		expect(badText).toContain('Skriv et navn på nøglen.');

		const made = await post(anders, '/staff/admin/noegler?/opret', {
			departmentId: jobcenter,
			name: 'Jobcentrets fagsystem'
		});
		expect(made.status).toBe(200);
		expect(made.headers.get('cache-control')).toBe('no-store');
		expect(made.headers.get('location')).toBeNull();
		const html = await made.text();
		shownKey = /value="(sammen_[a-z2-7]+)"/.exec(html)?.[1] ?? '';
		expect(shownKey.length).toBeGreaterThan(40);
		expect(text(html)).toContain('Nøglen bliver kun vist denne ene gang.');

		const list = await page(anders, '/staff/admin/noegler');
		expect(list).not.toContain(shownKey);
		expect(list).toContain(`${shownKey.slice(0, 15)}…`);
		expect(text(list)).toContain('Jobcentrets fagsystem');
		const id = /\?luk=([0-9a-f-]{36})/.exec(list)?.[1];
		const confirm = await page(anders, `/staff/admin/noegler?luk=${id}`);
		expect(text(confirm)).toContain('Vil du lukke nøglen Jobcentrets fagsystem?');
		expect(confirm).not.toContain(shownKey);
		const revoked = await post(anders, '/staff/admin/noegler?/tilbagekald', { id: id! });
		expect(revoked.status).toBe(303);
		const after = text(await page(anders, '/staff/admin/noegler?lukket=1'));
		expect(after).toContain('Nøglen er lukket.');
		expect(after).toMatch(/Lukket \S/);
		expect(after).not.toContain('Luk nøglen');
		// Closing it again: it is no longer an active key.
		expect((await post(anders, '/staff/admin/noegler?/tilbagekald', { id: id! })).status).toBe(404);
		expect((await anders.go(`${baseUrl}/staff/admin/noegler?luk=${id}`)).status).toBe(404);
	});

	it('refuses bad settings with field errors (the contrast ratio shown), storing nothing', async () => {
		const response = await post(anders, '/staff/admin/kommune?/gem', {
			name: 'Ulovlig Kommune',
			accessibilityStatementUrl: 'http://example.com/was',
			primaryColor: '#ffff00',
			email: 'x'
		});
		expect(response.status).toBe(400);
		const body = text(await response.text());
		expect(body).toContain('Skriv en fuld adresse, der begynder med https://');
		expect(body).toContain('Hvid tekst på den har en kontrast på 1.07:1');
		const format = await post(anders, '/staff/admin/kommune?/gem', { primaryColor: 'grøn' });
		expect(text(await format.text())).toContain('Skriv farven som # og seks tegn');
		const form = new FormData();
		form.set('name', 'Ulovlig Kommune');
		form.set('logo', new Blob(['<svg onload="alert(1)"/>'], { type: 'image/png' }), 'logo.png');
		const svg = await anders.go(`${baseUrl}/staff/admin/kommune?/gem`, {
			method: 'POST',
			headers: { accept: 'text/html' },
			body: form
		});
		expect(svg.status).toBe(400);
		expect(text(await svg.text())).toContain('Logoet skal være en PNG- eller JPEG-fil.');
		expect(await page(anders, '/staff/admin')).not.toContain('Ulovlig Kommune');
		expect((await fetch(`${baseUrl}/kommune/logo`)).status).toBe(404);
	});

	it('saves the settings: the name in titles and on a letter, the colour, the logo', async () => {
		const form = new FormData();
		for (const [name, value] of Object.entries({
			name: 'Testby Kommune',
			phone: '70 70 70 70',
			primaryColor: '#1B5E20',
			letterhead: 'Rådhuset, Torvet 1\nwww.testby.example',
			accessibilityStatementUrl: 'https://www.was.digst.dk/testby'
		})) {
			form.set(name, value);
		}
		form.set('logo', new Blob([PNG], { type: 'image/png' }), 'logo.png');
		const saved = await anders.go(`${baseUrl}/staff/admin/kommune?/gem`, {
			method: 'POST',
			headers: { accept: 'text/html' },
			body: form
		});
		expect(saved.status).toBe(303);
		const html = await page(anders, '/staff/admin/kommune?gemt=1');
		expect(html).toMatch(/<title>Kommunens oplysninger – Sammen – Testby Kommune<\/title>/);
		expect(html).toContain('href="/kommune/tema.css?v=1b5e20"');
		expect(html).toContain('70 70 70 70');
		expect(html).toMatch(/src="\/kommune\/logo\?v=[0-9a-z]+"/);
		const front = await (await fetch(`${baseUrl}/`)).text();
		expect(front).toContain('Testby Kommune');
		// The logo stands beside the name in every page's header.
		expect(front).toMatch(
			/<img class="portal-logo" src="(?:\.{1,2}\/)*\/?kommune\/logo\?v=[0-9a-z]+" alt=""/
		);

		const css = await fetch(`${baseUrl}/kommune/tema.css?v=1b5e20`);
		expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
		expect(await css.text()).toContain('--brand:#1b5e20');

		const logo = await fetch(`${baseUrl}/kommune/logo`);
		expect(logo.status).toBe(200);
		expect(logo.headers.get('content-type')).toBe('image/png');
		expect(logo.headers.get('x-content-type-options')).toBe('nosniff');
		expect(logo.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
		expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);

		const karl = await loginCitizen(baseUrl, 'demo-citizen-karl-nielsen');
		const letter = await karl.go(`${baseUrl}/dokumenter/brev/${demoIds.letter('karl-l1')}`);
		expect(letter.status).toBe(200);
		const pdf = flatText(readPdf(new Uint8Array(await letter.arrayBuffer())));
		expect(pdf).toContain('Testby Kommune');
		expect(pdf).toContain('Rådhuset, Torvet 1');

		const removed = await post(anders, '/staff/admin/kommune?/fjernlogo', {});
		expect(removed.status).toBe(303);
		expect((await fetch(`${baseUrl}/kommune/logo`)).status).toBe(404);
		expect(await page(anders, '/staff/admin')).toContain('Testby Kommune');
	});
});

describe.skipIf(!chromium)('in the browser: axe at 1280 and 320 px', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	// Each page and state is judged at 320 px, where the steps run, and at 1280 px.
	it('checks every page and state at 320 and 1280 px', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Anders Berg' }
		});
		try {
			for (const url of PAGES) {
				await page.goto(`${baseUrl}${url}`);
				await checkPage(page, url);
			}
			for (const url of [
				'/staff/admin/afdelinger/ny',
				'/staff/admin/medarbejdere/ny',
				'/staff/admin/noegler',
				'/staff/admin/kommune'
			]) {
				await page.goto(`${baseUrl}${url}`);
				const form = url.endsWith('noegler') ? 'form[action="?/opret"]' : 'form[novalidate]';
				// Every settings field is optional: a colour without contrast makes the error.
				if (url.endsWith('kommune')) await page.fill('#primaryColor', '#ffff00');
				await page.locator(`${form} button[type="submit"]`).first().click();
				await page.waitForLoadState();
				await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
				await checkPage(page, `${url} with errors`);
			}
			await page.goto(`${baseUrl}/staff/admin/noegler`);
			await page.selectOption('#departmentId', jobcenter);
			await page.fill('#name', 'Test');
			await page.locator('form[action="?/opret"] button[type="submit"]').click();
			await page.waitForSelector('#ad-new-key');
			await checkPage(page, 'new key shown');
			await page.goto(`${baseUrl}/staff/admin/noegler`);
			const href = await page.locator('a[href*="?luk="]').first().getAttribute('href');
			await page.goto(`${baseUrl}${href!.startsWith('/') ? '' : '/staff/admin/'}${href}`);
			await checkPage(page, 'close key question');
		} finally {
			await close();
		}
	});
});

describe('the record', () => {
	it('has an audit row for every change, and the shown key is stored only as a hash', async () => {
		const result = await server.stopAndInspect(async (db) => {
			const rows = await db
				.selectFrom('audit_events')
				.select(['object_type', 'action', 'purpose', 'actor_staff_id'])
				.where('object_type', 'in', [
					'department',
					'staff_user',
					'api_key',
					'municipality_settings'
				])
				.execute();
			const keys = JSON.stringify(await db.selectFrom('api_keys').selectAll().execute());
			return { rows, keys, active: await findActiveApiKey(db, shownKey) };
		});
		const count = (type: string, action: string, purpose: string | null = null) =>
			result.rows.filter(
				(r) => r.object_type === type && r.action === action && r.purpose === purpose
			).length;
		expect(result.rows.every((r) => r.actor_staff_id === andersId)).toBe(true);
		expect(count('department', 'create')).toBe(1);
		expect(count('department', 'update')).toBe(1);
		expect(count('staff_user', 'create')).toBe(1);
		expect(count('staff_user', 'update')).toBe(1);
		expect(count('staff_user', 'update', 'deactivate')).toBe(1);
		expect(count('staff_user', 'update', 'reactivate')).toBe(1);
		expect(count('api_key', 'create')).toBeGreaterThanOrEqual(1);
		expect(count('api_key', 'update', 'revoke')).toBe(1);
		expect(count('municipality_settings', 'update')).toBe(2);
		expect(result.keys).not.toContain(shownKey);
		expect(result.active).toBeNull();
	});
});

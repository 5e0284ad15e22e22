// The print queue end to end: Anders Berg (admin) sees the waiting letters, exports them as a batch
// without JavaScript, downloads the ZIP (one PDF per letter, a manifest), hands the batch over to
// the post and marks a letter as returned by its printed reference; the coordinator then sees it
// on the journey (everyone else gets 404 on every route and action:
// tests/actions/admin-access.spec.ts); axe at 1280 and 320 px on
// every page and state. This file changes data, so it runs its own server.
import { unzipSync, strFromU8 } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { letterReference } from '../../src/lib/server/letters/pdf';
import { csvTime } from '../../src/lib/server/audit/trail';
import { demoIds } from '../../src/lib/server/seed/demo';
import { readPdf } from '../pdf-reader';
import { insertWaitingLetter, type WaitingLetter } from '../print-letters';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage } from './open-page';
import { postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const karlJourney = demoIds.journey('karl');

let server: SeededServer;
let baseUrl: string;
let waiting: WaitingLetter[];
let queuedId: string;
let batchUrl = '';

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		waiting = [
			// Waiting two days: past the default alert time of 24 hours.
			await insertWaitingLetter(db, {
				subject: 'Invitation til hjemmebesøg',
				createdAt: new Date(clock.now().getTime() - 48 * 3600_000),
				compress: false
			}),
			await insertWaitingLetter(db, { subject: 'Ny tid for genoptræning' })
		];
		// A letter the worker has not rendered yet: not in the queue, and it cannot be returned.
		const queued = await db
			.insertInto('letters')
			.values({
				citizen_id: demoIds.citizen('Karl Nielsen'),
				subject: 'Endnu ikke printet',
				body: 'Tekst',
				recipient_name: 'Karl Nielsen',
				recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
				status: 'queued',
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		queuedId = queued.id;
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

describe('the print queue for an administrator, without JavaScript', () => {
	let anders: CookieBrowser;
	let batchId: string;

	beforeAll(async () => {
		anders = await loginStaff(baseUrl, 'Anders Berg');
	});

	it('lists the waiting letters with a count and marks the one waiting too long', async () => {
		const html = await page(anders, '/staff/post');
		expect(html).toMatch(/<title>Breve til print – Sammen – /);
		const body = text(html);
		expect(body).toContain('2 breve venter på print.');
		for (const letter of waiting) expect(body).toContain(letter.reference);
		expect(body).toContain('Karl Nielsen');
		expect(body).toContain('9999 Sammenby');
		expect(body).toContain('Sundhed og Omsorg');
		expect(body.match(/Venter for længe/g)).toHaveLength(1);
		expect(body).toContain('1 af brevene har ventet mere end 24 timer.');
		// Never the letter's content (rule 5), and not the letter that is not rendered yet.
		expect(body).not.toContain('Invitation til hjemmebesøg');
		expect(body).not.toContain(letterReference(queuedId));
	});

	it('exports every waiting letter as one batch and shows it', async () => {
		const response = await postForm(anders, `${baseUrl}/staff/post?/eksport`, {});
		expect(response.status).toBe(303);
		const location = response.headers.get('location')!;
		const match = /^\/staff\/post\/pakker\/([0-9a-f-]{36})\?lavet=2$/.exec(location);
		expect(match).not.toBeNull();
		batchId = match![1]!;
		batchUrl = `/staff/post/pakker/${batchId}`;
		const body = text(await page(anders, location));
		expect(body).toContain('Pakken er lavet med 2 breve.');
		for (const letter of waiting) expect(body).toContain(letter.reference);
		expect(body).toContain('Markér som afleveret til posten');

		const queue = text(await page(anders, '/staff/post'));
		expect(queue).toContain('Der er ingen breve, der venter på print.');
		expect(queue).toContain('Ikke afleveret endnu');
	});

	it('makes no empty batch when nothing waits', async () => {
		const response = await postForm(anders, `${baseUrl}/staff/post?/eksport`, {});
		expect(response.status).toBe(400);
		expect(text(await response.text())).toContain(
			'Der er ingen breve, der venter, så der er ikke lavet nogen pakke.'
		);
	});

	it('downloads the batch as a ZIP with one PDF per letter and the manifest', async () => {
		const response = await anders.go(`${baseUrl}${batchUrl}/pakke.zip`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-disposition')).not.toMatch(/Karl|Nielsen/);
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const pdfs = Object.keys(files)
			.filter((name) => name.endsWith('.pdf'))
			.sort();
		expect(pdfs).toEqual(waiting.map((l) => `brev-${l.reference}.pdf`).sort());
		for (const name of pdfs) {
			expect(strFromU8(files[name]!.subarray(0, 5))).toBe('%PDF-');
		}
		const first = readPdf(files[`brev-${waiting[0]!.reference}.pdf`]!);
		expect(first.text).toContain('Karl Nielsen');
		expect(first.text).toContain('Kirkevej 14, 1. tv.');
		expect(first.text).toContain(`Brevnummer: ${waiting[0]!.reference}`);
		expect(first.text).toContain('Side 1 af 1');

		const bytes = files['manifest.csv']!;
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = strFromU8(bytes.subarray(3)).trimEnd().split('\r\n');
		expect(rows[0]).toBe(
			'"Brevnummer";"Filnavn";"Navn";"Adresselinje 1";"Postnummer";"By";"Sider";"Sprog";"Oprettet"'
		);
		expect(rows).toHaveLength(3);
		for (const letter of waiting) {
			const row = rows.find((r) => r.startsWith(`"${letter.reference}"`));
			expect(row).toMatch(
				new RegExp(
					`^"${letter.reference}";"brev-${letter.reference}\\.pdf";"Karl Nielsen";"Kirkevej 14, 1\\. tv\\.";"9999";"Sammenby";"1";"da";"${csvTime(letter.createdAt)}"$`
				)
			);
		}
	});

	it('hands the batch over to the post; a second time changes nothing', async () => {
		const response = await postForm(anders, `${baseUrl}${batchUrl}?/aflever`, {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${batchUrl}?aflevering=ok`);
		const body = text(await page(anders, `${batchUrl}?aflevering=ok`));
		expect(body).toContain('Pakken er markeret som afleveret til posten.');
		expect(body).toMatch(/Pakken blev afleveret til posten .* af Anders Berg\./);
		expect(body).not.toContain('Markér som afleveret til posten');
		const again = await postForm(anders, `${baseUrl}${batchUrl}?/aflever`, {});
		expect(again.headers.get('location')).toBe(`${batchUrl}?aflevering=allerede`);
		expect(text(await page(anders, `${batchUrl}?aflevering=allerede`))).toContain(
			'Pakken var allerede markeret som afleveret til posten.'
		);
	});

	it('refuses a missing, malformed, unknown or unposted reference with a field error', async () => {
		const cases: [string, string][] = [
			['', 'Skriv brevnummeret.'],
			['XYZ', 'Skriv brevnummeret som 8 tal og bogstaver'],
			['0000-0000', 'Der er ikke noget brev med det brevnummer.'],
			[letterReference(queuedId), 'Brevet er ikke sendt med posten endnu']
		];
		for (const action of ['find', 'marker']) {
			for (const [reference, message] of cases) {
				const response = await postForm(anders, `${baseUrl}/staff/post/retur?/${action}`, {
					reference
				});
				expect(response.status, `${action} ${reference}`).toBe(400);
				const html = await response.text();
				expect(text(html)).toContain(message);
				expect(html).toContain('id="reference-error"');
				expect(html).toMatch(/<title>Fejl: Brev kommet retur – Sammen – /);
			}
		}
	});

	it('finds a letter by its reference typed in lower case without a hyphen and marks it returned', async () => {
		const letter = waiting[0]!;
		const typed = letter.reference.replace('-', '').toLowerCase();
		const found = await postForm(anders, `${baseUrl}/staff/post/retur?/find`, {
			reference: typed
		});
		expect(found.status).toBe(200);
		const body = text(await found.text());
		expect(body).toContain('Er det dette brev?');
		expect(body).toContain(letter.reference);
		expect(body).toContain('Karl Nielsen');
		expect(body).toContain('Markér som returneret');
		// The content stays with the caseworkers.
		expect(body).not.toContain(letter.subject);

		const marked = await postForm(anders, `${baseUrl}/staff/post/retur?/marker`, {
			reference: letter.reference
		});
		expect(marked.status).toBe(303);
		const location = marked.headers.get('location')!;
		expect(location).toBe(`/staff/post/retur?returneret=${letter.reference}`);
		expect(text(await page(anders, location))).toContain(
			`Brevet ${letter.reference} er markeret som kommet retur. Hanne Vestergaard har fået en opgave om at ringe til borgeren.`
		);
		const again = await postForm(anders, `${baseUrl}/staff/post/retur?/marker`, {
			reference: letter.reference
		});
		expect(again.status).toBe(400);
		expect(text(await again.text())).toContain('Brevet er allerede markeret som kommet retur.');
	});

	it('shows the coordinator the returned letter on Karl’s journey', async () => {
		const hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
		const body = text(await page(hanne, `/staff/forloeb/${karlJourney}`));
		expect(body).toContain(`Brev kom retur: ${waiting[0]!.subject}`);
		expect(body).toContain('Kom retur med posten');
		expect(body).toContain('Sendt med posten');
	});
});

// Everyone but administrators gets 404 on every print queue page and action, and a visitor is
// sent to the staff login: tests/actions/admin-access.spec.ts.

describe.skipIf(!chromium)('in the browser: axe at 1280 and 320 px', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	// Each state is judged at 320 px, where the steps run, and at 1280 px.
	it('print queue pages in every state at 320 and 1280 px', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Anders Berg' }
		});
		try {
			await page.goto(`${baseUrl}/staff/post`);
			await checkPage(page, 'queue');
			await page.getByRole('button', { name: 'Lav en pakke til print' }).click();
			await page.getByText('Der er ingen breve, der venter, så der er ikke lavet').waitFor();
			await checkPage(page, 'queue after export');
			await page.goto(`${baseUrl}/staff/post`);
			await checkPage(page, 'queue, empty');
			await page.goto(`${baseUrl}${batchUrl}?lavet=2`);
			await checkPage(page, 'batch');
			await page.goto(`${baseUrl}/staff/post/retur`);
			await checkPage(page, 'return form');
			await page.getByRole('button', { name: 'Find brevet' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'return errors');
			await page.getByLabel('Brevnummer').fill(waiting[1]!.reference);
			await page.getByRole('button', { name: 'Find brevet' }).click();
			await page.getByRole('button', { name: 'Markér som returneret' }).waitFor();
			await checkPage(page, 'return confirm');
			await page.goto(`${baseUrl}/staff/post/retur?returneret=${waiting[0]!.reference}`);
			await checkPage(page, 'return done');
		} finally {
			await close();
		}
	});
});

describe('the audit trail', () => {
	it('has the export, the download, the hand-over and the return', async () => {
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['action', 'object_type', 'object_id', 'citizen_id'])
				.where('actor_staff_id', '=', demoIds.staff('Anders Berg'))
				.where('object_type', 'in', ['print_batch', 'letter', 'print_queue'])
				.execute()
		);
		const batchId = batchUrl.split('/').at(-1)!;
		const of = (action: string, type: string, id: string | null) =>
			rows.filter((r) => r.action === action && r.object_type === type && r.object_id === id);
		expect(of('export', 'print_batch', batchId)).toHaveLength(2); // made, downloaded
		expect(of('update', 'print_batch', batchId)).toHaveLength(1);
		expect(of('update', 'letter', waiting[0]!.id)).toEqual([
			{
				action: 'update',
				object_type: 'letter',
				object_id: waiting[0]!.id,
				citizen_id: demoIds.citizen('Karl Nielsen')
			}
		]);
		expect(rows.some((r) => r.action === 'read' && r.object_type === 'print_queue')).toBe(true);
	});
});

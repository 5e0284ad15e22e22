// What citizens and staff see of letters that went through SF1601 (docs/DIGITAL-POST.md): Maja's
// decision "Sendt til Digital Post" on her timeline and under Dokumenter (listed once, as the
// decision), Karl's remote-printed letter that could not be sent, on his pages and his journey
// for staff, and his name and address protection on the staff pages: no address anywhere. Without
// JavaScript, and axe at 320 and 1280 px. The rows are added to a copy of the demo before the server
// starts (the sending itself is tested in tests/db/digital-post.spec.ts and tests/resilience).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { launchBrowser } from './browser';
import { text } from './html';
import { checkPage, openPage } from './open-page';
import { loginCitizen } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';

const chromium = inject('chromium');
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');
const SENT_POSTING = '0e000000-0000-4000-8000-0000000000d1';
const FAILED_POSTING = '0e000000-0000-4000-8000-0000000000d2';
const FAILED_SUBJECT = 'Ny tid til genoptræning';

let server: SeededServer;
let baseUrl: string;
let decisionTitle: string;

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		const now = clock.now();
		// A decision for Maja today, newest on her timeline.
		const decision = await db
			.insertInto('timeline_entries')
			.values({
				journey_id: majaJourney,
				kind: 'decision',
				visibility: 'citizen',
				department_id: demoIds.department('jobcenter'),
				title: 'Afgørelse om ressourceforløb',
				body: 'Du får et ressourceforløb på 2 år.',
				occurred_at: now,
				created_at: now
			})
			.returning(['id', 'title', 'occurred_at'])
			.executeTakeFirstOrThrow();
		decisionTitle = decision.title;
		await db
			.insertInto('postings')
			.values([
				{
					id: SENT_POSTING,
					citizen_id: maja,
					recipient_citizen_id: maja,
					delivery: 'digital_post',
					kombi: 'Digital Post',
					status: 'sent',
					subject: decision.title,
					language: 'da',
					letter_count: 1,
					transaction_id: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
					created_at: decision.occurred_at,
					sent_at: decision.occurred_at
				},
				{
					id: FAILED_POSTING,
					citizen_id: karl,
					recipient_citizen_id: karl,
					delivery: 'remote_print',
					kombi: 'Fysisk Post',
					status: 'failed',
					subject: FAILED_SUBJECT,
					language: 'da',
					letter_count: 1,
					attempts: 1,
					error: 'SF1601 refused the letter: the recipient has no address',
					created_at: now
				}
			])
			.execute();
		await db
			.insertInto('letters')
			.values([
				{
					citizen_id: maja,
					subject: decision.title,
					body: 'Afgørelsen',
					recipient_name: 'Maja Jensen',
					recipient_address: '',
					status: 'posted',
					delivery: 'digital_post',
					posting_id: SENT_POSTING,
					timeline_entry_id: decision.id,
					journey_id: majaJourney,
					created_at: decision.occurred_at,
					posted_at: decision.occurred_at
				}
			])
			.execute();
		const failed = await db
			.insertInto('letters')
			.values({
				citizen_id: karl,
				subject: FAILED_SUBJECT,
				body: 'Kære Karl',
				recipient_name: 'Karl Nielsen',
				recipient_address: '',
				address_protected: true,
				status: 'failed',
				error: 'SF1601 refused the letter: the recipient has no address',
				delivery: 'remote_print',
				posting_id: FAILED_POSTING,
				journey_id: karlJourney,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('timeline_entries')
			.values({
				journey_id: karlJourney,
				kind: 'letter',
				visibility: 'citizen',
				title: `Brev: ${FAILED_SUBJECT}`,
				body: 'Vi sender et brev med posten.',
				letter_id: failed.id,
				occurred_at: now,
				created_at: now
			})
			.execute();
		// Karl has name and address protection.
		await db
			.updateTable('citizens')
			.set({ address_protected: true })
			.where('id', '=', karl)
			.execute();
	});
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
});

describe('delivery through SF1601, without JavaScript', () => {
	it("shows Maja's decision as sent to her Digital Post, on the timeline and once under Dokumenter", async () => {
		const browser = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		const documents = text(await (await browser.go(`${baseUrl}/dokumenter`)).text());
		const at = documents.indexOf(decisionTitle);
		expect(at).toBeGreaterThan(-1);
		expect(documents.slice(at)).toMatch(/^[^]{0,200}Sendt til Digital Post \d/);
		// The letter that carried it is not a second document.
		expect(documents.split(decisionTitle).length - 1).toBe(1);
		const journey = text(await (await browser.go(`${baseUrl}/forloeb/${majaJourney}`)).text());
		expect(journey).toMatch(/Afgørelse om ressourceforløb .{0,80}Sendt til Digital Post \S+ \d/);
	});

	it('tells Karl that a letter could not be sent, and staff to contact him, with no address shown', async () => {
		const citizen = await loginCitizen(baseUrl, 'demo-citizen-karl-nielsen');
		const documents = text(await (await citizen.go(`${baseUrl}/dokumenter`)).text());
		expect(documents).toContain(FAILED_SUBJECT);
		expect(documents).toContain('Vi kunne ikke sende brevet. Vi kontakter dig.');
		const timeline = text(await (await citizen.go(`${baseUrl}/forloeb/${karlJourney}`)).text());
		expect(timeline).toContain('Vi kunne ikke sende brevet. Vi kontakter dig.');

		const hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
		const response = await hanne.go(`${baseUrl}/staff/forloeb/${karlJourney}`);
		expect(response.status).toBe(200);
		const staff = text(await response.text());
		expect(staff).toContain('Brevet kunne ikke sendes. Se opgaven, og kontakt borgeren.');
		expect(staff).toContain('Navne- og adressebeskyttelse: adressen vises ikke.');
		expect(staff).not.toContain('Kirkevej 14');
		const person = text(await (await hanne.go(`${baseUrl}/staff/borger/${karl}`)).text());
		expect(person).toContain('Navne- og adressebeskyttelse');
		expect(person).not.toContain('Kirkevej 14');
	});
});

describe.skipIf(!chromium)('delivery through SF1601 in the browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('passes axe on the pages that show it, at 320 and 1280 px', async () => {
		for (const [path, as, width] of [
			['/dokumenter', { citizen: 'Maja Jensen' }, 320],
			[`/forloeb/${majaJourney}`, { citizen: 'Maja Jensen' }, 320],
			['/dokumenter', { citizen: 'Karl Nielsen' }, 320],
			[`/staff/forloeb/${karlJourney}`, { staff: 'Hanne Vestergaard' }, 1280]
		] as const) {
			const { page, close } = await openPage(browser, baseUrl, { width, height: 800, as });
			try {
				await page.goto(`${baseUrl}${path}`);
				await checkPage(page, `${path} at ${width} px`);
			} finally {
				await close();
			}
		}
	});
});

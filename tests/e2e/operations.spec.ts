// Operations for administrators: the alert for letters waiting too long, the channels, the
// messages not yet sent (waiting, being retried, the oldest), the dead-letter list with "try again" (without JavaScript), the demo outbox with masked recipients,
// 404 for everyone but administrators and for made-up ids, 400 for malformed ones, an audit row for
// every retry, and axe at 1280 and 320 px. The rows are inserted before the server starts, in
// states the worker never touches (failed, uncertain), so the test depends on no worker; it checks
// only what its own actions change.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { formatDateTimeWithYear } from '../../src/lib/format';
import { enqueue, QUEUES } from '../../src/lib/server/jobs/queue';
import { demoIds } from '../../src/lib/server/seed/demo';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage, type OpenPage } from './open-page';
import { postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
// No test here acts for Sofie: her open rows' job waits a day, so the worker leaves them as they are.
const sofie = demoIds.citizen('Sofie Hansen');
const MADE_UP = '00000000-0000-4000-8000-000000000000';
const FAILED_EMAIL = '0b000000-0000-4000-8000-000000000001';
const UNCERTAIN_SMS = '0b000000-0000-4000-8000-000000000002';
const FAILED_LETTER = '0b000000-0000-4000-8000-000000000003';
const LETTER = '0c000000-0000-4000-8000-0000000000aa';
const OLD_LETTER = '0c000000-0000-4000-8000-0000000000bb';
const POSTING_SENT = '0d000000-0000-4000-8000-0000000000c1';
const POSTING_FAILED = '0d000000-0000-4000-8000-0000000000c2';
const TRANSACTION = '5f3a9a2e-1c4b-4d7e-9b0a-2f6c8d1e4a77';

let server: SeededServer;
let baseUrl: string;
let oldestSms: Date;
let oldestEmail: Date;

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		const now = clock.now();
		const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
		// A letter in the print queue for 30 hours: over the 24-hour alert time.
		await db
			.insertInto('letters')
			.values([
				{
					id: OLD_LETTER,
					citizen_id: karl,
					subject: 'Invitation til møde',
					body: 'Tekst',
					recipient_name: 'Karl Nielsen',
					recipient_address: 'Kirkevej 14, 1. tv.',
					status: 'rendered',
					rendered_at: hoursAgo(29),
					created_at: hoursAgo(30)
				},
				{
					id: LETTER,
					citizen_id: karl,
					subject: 'Referat',
					body: 'Tekst',
					recipient_name: 'Karl Nielsen',
					recipient_address: 'Kirkevej 14, 1. tv.',
					status: 'failed',
					error: 'Could not render',
					created_at: hoursAgo(1)
				}
			])
			.execute();
		// Two postings through SF1601: one sent by remote print, one copy that the service refused.
		await db
			.insertInto('postings')
			.values([
				{
					id: POSTING_SENT,
					citizen_id: karl,
					recipient_citizen_id: karl,
					delivery: 'remote_print',
					kombi: 'Fysisk Post',
					status: 'sent',
					subject: '3 breve fra kommunen',
					language: 'da',
					letter_count: 3,
					attempts: 0,
					transaction_id: TRANSACTION,
					created_at: hoursAgo(3),
					sent_at: hoursAgo(3)
				},
				{
					id: POSTING_FAILED,
					citizen_id: sofie,
					recipient_citizen_id: demoIds.citizen('Henrik Hansen'),
					delivery: 'digital_post',
					kombi: 'Digital Post',
					status: 'failed',
					subject: 'Kopi: Afgørelse',
					language: 'da',
					letter_count: 1,
					attempts: 1,
					error: 'SF1601 refused the letter: invalid recipient',
					created_at: hoursAgo(2)
				}
			])
			.execute();
		const common = {
			event_type: 'meeting_invite',
			timeline_entry_id: null,
			bundle_id: null,
			sent_at: null
		};
		await db
			.insertInto('notifications')
			.values([
				{
					...common,
					id: FAILED_EMAIL,
					citizen_id: maja,
					channel: 'email',
					status: 'failed',
					attempts: 6,
					error: '550 5.1.1 <maja.jensen@example.com>: mailbox unavailable',
					idempotency_key: 'ops-e2e:1',
					created_at: hoursAgo(3),
					send_after: hoursAgo(3)
				},
				{
					...common,
					id: UNCERTAIN_SMS,
					citizen_id: maja,
					channel: 'sms',
					status: 'uncertain',
					attempts: 1,
					error: 'Interrupted between sending and recording: it may have been delivered',
					claimed_at: hoursAgo(2),
					idempotency_key: 'ops-e2e:2',
					created_at: hoursAgo(2),
					send_after: hoursAgo(2)
				},
				{
					...common,
					id: FAILED_LETTER,
					event_type: 'meeting_minutes',
					citizen_id: karl,
					channel: 'letter',
					letter_id: LETTER,
					status: 'failed',
					attempts: 6,
					error: 'Could not render',
					idempotency_key: 'ops-e2e:3',
					created_at: hoursAgo(1),
					send_after: hoursAgo(1)
				}
			])
			.execute();
		// The backlog: an SMS that failed twice and waits for its next attempt, a newer one not tried
		// yet with one bundled into it (not counted again), and an e-mail being sent for the first
		// time. Delivered and dead rows are not part of it.
		oldestSms = hoursAgo(5);
		oldestEmail = hoursAgo(4);
		const open = { ...common, citizen_id: sofie };
		const newerSms = '0d000000-0000-4000-8000-000000000002';
		await db
			.insertInto('notifications')
			.values([
				{
					...open,
					channel: 'sms',
					status: 'pending',
					attempts: 2,
					error: 'SMS provider answered 503',
					idempotency_key: 'ops-e2e:backlog:1',
					created_at: oldestSms,
					send_after: oldestSms
				},
				{
					...open,
					id: newerSms,
					channel: 'sms',
					status: 'pending',
					idempotency_key: 'ops-e2e:backlog:2',
					created_at: hoursAgo(1),
					send_after: hoursAgo(1)
				},
				{
					...open,
					channel: 'sms',
					status: 'bundled',
					bundle_id: newerSms,
					idempotency_key: 'ops-e2e:backlog:3',
					created_at: hoursAgo(1),
					send_after: hoursAgo(1)
				},
				{
					...open,
					channel: 'email',
					status: 'sending',
					attempts: 1,
					claimed_at: now,
					idempotency_key: 'ops-e2e:backlog:4',
					created_at: oldestEmail,
					send_after: oldestEmail
				}
			])
			.execute();
		// Their jobs wait for later (a day here): with a job waiting, the sweep gives them none of
		// its own, and the worker leaves them for the length of the test.
		await enqueue(
			db,
			QUEUES.deliver,
			{ citizenId: sofie, channel: 'sms' },
			{ startAfterSeconds: 86_400 }
		);
		const sent = await db
			.insertInto('notifications')
			.values({
				...common,
				citizen_id: maja,
				channel: 'email',
				status: 'sent',
				idempotency_key: 'ops-e2e:4',
				created_at: now,
				send_after: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('demo_outbox')
			.values([
				{
					notification_id: sent.id,
					channel: 'email',
					recipient: 'maja.jensen@example.com',
					subject: 'Nyt fra kommunen i Sammen',
					body: 'Du har en ny besked fra kommunen i Sammen.',
					created_at: hoursAgo(2)
				},
				{
					notification_id: sent.id,
					channel: 'sms',
					recipient: '+45 12 34 52 01',
					subject: null,
					body: 'Du har en ny besked fra kommunen i Sammen. Log ind med MitID.',
					created_at: hoursAgo(1)
				}
			])
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

const retry = (browser: CookieBrowser, fields: Record<string, string>) =>
	postForm(browser, `${baseUrl}/staff/drift?/proevIgen`, fields);

describe('operations for the administrator, without JavaScript', () => {
	let anders: CookieBrowser;
	beforeAll(async () => {
		anders = await loginStaff(baseUrl, 'Anders Berg');
	});

	it('shows the alert for letters waiting too long, the channels and the dead-letter list', async () => {
		const html = await page(anders, '/staff/drift');
		expect(html).toMatch(/<title>Drift og udsendelser – Sammen – /);
		expect(html.match(/<h1/g)).toHaveLength(1);
		expect(html).toContain('alert alert-warning');
		expect(html).toMatch(/<a href="[./]*\/?staff\/post">Gå til breve til print<\/a>/);
		const body = text(html);
		expect(body).toMatch(/\d+ breve? (har|have) ventet mere end 24 timer/);
		// The demo has no SMTP or SMS provider: messages are only stored for display.
		expect(body).toContain('E-mail Demo: beskeder gemmes kun til visning');
		expect(body).toContain('SMS Demo: beskeder gemmes kun til visning');
		expect(body).toContain('Digital Post Bruges ikke: breve på papir går til breve til print');
		// The postings through SF1601, by reference, without names or CPR numbers.
		expect(body).toContain('Digital Post og fjernprint');
		expect(body).toMatch(
			/0D00-0000 Fjernprint Borgeren 3 Sendt 0 5f3a9a2e-1c4b-4d7e-9b0a-2f6c8d1e4a77/
		);
		expect(body).toMatch(
			/0D00-0000 Digital Post Partsrepræsentant \(kopi\) 1 Fejlet SF1601 refused the letter: invalid recipient 1/
		);
		expect(body).not.toContain('Henrik Hansen');
		expect(body).not.toContain('3 breve fra kommunen');
		expect(html).toMatch(/href="[./]*\/?staff\/drift\/demo"/);
		// Both dead rows, in words, with the uncertain one explained, newest first.
		expect(body).toContain('Usikker: kan være sendt');
		expect(body).toContain('Fejlet');
		expect(body).toContain('Invitation til møde');
		expect(body).toContain('Referat af møde');
		expect(body).toContain('kan borgeren få den samme besked to gange');
		expect(html.indexOf(FAILED_LETTER)).toBeLessThan(html.indexOf(UNCERTAIN_SMS));
		expect(html.indexOf(UNCERTAIN_SMS)).toBeLessThan(html.indexOf(FAILED_EMAIL));
		// No name, address or contact details: a reference instead, and the error masked.
		expect(body).not.toContain('Maja Jensen');
		expect(body).not.toContain('Karl Nielsen');
		expect(body).not.toContain('Kirkevej');
		expect(body).not.toContain('maja.jensen@example.com');
		expect(body).toContain('<m***@example.com>: mailbox unavailable');
		expect(body).toContain('Brev 0C00-0000');
		expect(body).toMatch(/Borger [0-9A-F]{4}-[0-9A-F]{4}/);
	});

	it('shows the messages not yet sent by channel: waiting, being retried, and the oldest', async () => {
		const html = await page(anders, '/staff/drift');
		const body = text(html);
		expect(body).toContain('Beskeder på vej');
		expect(html).toContain(
			'<caption class="sr-only">Beskeder, der venter på at blive sendt, efter kanal</caption>'
		);
		// Channel, waiting, being retried, oldest waiting since.
		const row = (channel: string) =>
			new RegExp(`${channel} (\\d+) (\\d+) (.+?)(?= SMS | Digital Post og fjernprint)`).exec(body);
		expect(row('E-mail')?.slice(1)).toEqual(['1', '0', formatDateTimeWithYear(oldestEmail, 'da')]);
		expect(row('SMS')?.slice(1)).toEqual(['1', '1', formatDateTimeWithYear(oldestSms, 'da')]);
		expect(html).toContain(`<time datetime="${oldestSms.toISOString()}"`);
	});

	it('refuses malformed ids (400) and made-up ones (404), changing nothing', async () => {
		expect((await retry(anders, {})).status).toBe(400);
		expect((await retry(anders, { id: 'abc' })).status).toBe(400);
		expect((await retry(anders, { id: `${FAILED_EMAIL}x` })).status).toBe(400);
		expect((await retry(anders, { id: MADE_UP })).status).toBe(404);
		const html = await page(anders, '/staff/drift');
		expect(html).toContain(FAILED_EMAIL);
		expect(html).toContain(UNCERTAIN_SMS);
		// A cursor that is not ours is the first page.
		expect(await page(anders, '/staff/drift?efter=%27%3B--')).toContain(FAILED_EMAIL);
	});

	it('retries the failed e-mail: it leaves the list, and a second retry changes nothing', async () => {
		const response = await retry(anders, { id: FAILED_EMAIL });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/staff/drift?sendt=1');
		const html = await page(anders, '/staff/drift?sendt=1');
		expect(text(html)).toContain('Beskeden er sat i kø igen.');
		expect(html).not.toContain(FAILED_EMAIL);
		expect(html).toContain(UNCERTAIN_SMS);
		const again = await retry(anders, { id: FAILED_EMAIL });
		expect(again.status).toBe(409);
		expect(text(await again.text())).toContain(
			'Beskeden er ikke længere på listen, så der er ikke ændret noget.'
		);
	});

	it('shows the demo outbox with masked recipients and says nothing was sent', async () => {
		const html = await page(anders, '/staff/drift/demo');
		expect(html).toMatch(/<title>Demo-udbakke – Sammen – /);
		const body = text(html);
		expect(body).toContain('De er ikke sendt til nogen.');
		expect(body).toContain('m***@example.com');
		expect(body).toContain('•••• 52 01');
		expect(body).not.toContain('maja.jensen@example.com');
		expect(body).not.toContain('12 34 52 01');
		expect(body).toContain('Nyt fra kommunen i Sammen');
		expect(body).toContain('Intet emne');
		// Newest first: the SMS was written after the e-mail. (The worker may have added a newer
		// e-mail of its own after the retry test, so compare with the last, oldest one.)
		expect(body.indexOf('•••• 52 01')).toBeLessThan(body.lastIndexOf('m***@example.com'));
	});
	// Other roles get 404 on both pages and the action: tests/actions/admin-access.spec.ts.
});

describe.skipIf(!chromium)('in the browser: no JavaScript, axe at 1280 and 320 px', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	/**
	 * Logged in as Anders Berg, the administrator. With JavaScript each state is judged at 320 px,
	 * where the steps run, and at 1280 px.
	 */
	const open = (javaScript = true): Promise<OpenPage> =>
		openPage(browser, baseUrl, {
			...(javaScript ? SWEEP.staff : { width: 1280 }),
			javaScript,
			as: { staff: 'Anders Berg' }
		});

	it('checks the pages with rows, retries every row by clicking, then checks them empty', async () => {
		const withRows = await open();
		try {
			await withRows.page.goto(`${baseUrl}/staff/drift`);
			await checkPage(withRows.page, 'operations with rows');
			await withRows.page.goto(`${baseUrl}/staff/drift/demo`);
			await checkPage(withRows.page, 'demo outbox with rows');
		} finally {
			await withRows.close();
		}

		const { page, close } = await open(false);
		try {
			await page.goto(`${baseUrl}/staff/drift`);
			for (let i = 0; i < 20; i++) {
				const buttons = page.getByRole('button', { name: /^Prøv igen/ });
				if ((await buttons.count()) === 0) break;
				await Promise.all([page.waitForURL(/sendt=1/), buttons.first().click()]);
				expect(await page.locator('main').innerText()).toContain('Beskeden er sat i kø igen.');
				await page.goto(`${baseUrl}/staff/drift`);
			}
			expect(await page.locator('main').innerText()).toContain(
				'Alle beskeder er kommet frem. Der er intet at sende igen.'
			);
		} finally {
			await close();
		}

		const empty = await open();
		try {
			await empty.page.goto(`${baseUrl}/staff/drift?sendt=1`);
			await checkPage(empty.page, 'operations after retry');
			await empty.page.goto(`${baseUrl}/staff/drift`);
			await checkPage(empty.page, 'operations empty');
			// The worker may fill the outbox at any time: a page past the oldest row is empty.
			const past = Buffer.from(`1971-01-01T00:00:00.000000Z|${MADE_UP}`).toString('base64url');
			await empty.page.goto(`${baseUrl}/staff/drift/demo?efter=${past}`);
			expect(await empty.page.locator('main').innerText()).toContain(
				'Sammen har ikke gemt nogen beskeder i demo-udbakken endnu.'
			);
			await checkPage(empty.page, 'demo outbox empty');
		} finally {
			await empty.close();
		}
	});
});

describe('the audit trail of all this', () => {
	it('has an update row for each retry by Anders, about the citizen, and reads about no one', async () => {
		const anders = demoIds.staff('Anders Berg');
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['action', 'object_type', 'object_id', 'citizen_id', 'actor_role'])
				.where('actor_staff_id', '=', anders)
				.where('object_type', 'in', ['notification', 'demo_outbox'])
				.execute()
		);
		const updates = rows.filter((r) => r.action === 'update');
		const retried = chromium ? [FAILED_EMAIL, UNCERTAIN_SMS, FAILED_LETTER] : [FAILED_EMAIL];
		// The seed or the worker may add dead rows of their own; ours must all be there.
		expect(updates.map((r) => r.object_id)).toEqual(expect.arrayContaining(retried));
		expect(updates.find((r) => r.object_id === FAILED_EMAIL)).toMatchObject({
			object_type: 'notification',
			citizen_id: maja,
			actor_role: 'admin'
		});
		expect(updates.filter((r) => r.object_id === FAILED_EMAIL)).toHaveLength(1);
		const reads = rows.filter((r) => r.action === 'read');
		expect(reads.some((r) => r.object_type === 'notification')).toBe(true);
		expect(reads.some((r) => r.object_type === 'demo_outbox')).toBe(true);
		expect(reads.every((r) => r.citizen_id === null)).toBe(true);
	});
});

// The e-mail and SMS providers are down for two minutes while citizens get news, on PostgreSQL
// when the run has it (else on PGlite). The app sends through a real SMTP server (tests/smtp.ts)
// and an HTTP SMS provider (sms-provider.ts) that this test controls. Departments post timeline
// entries for many citizens through the integration API, with e-mail and SMS on for each; then
// both providers refuse for OUTAGE_MS: first answering 451 and 503, then refusing connections.
// Meanwhile the notifications wait and are retried, none goes to the dead-letter list, and the
// operations page (/staff/drift, administrators only) and /metrics show the backlog. Once the
// providers are back every notification is delivered exactly once (per notification id: the
// e-mail's Message-ID and the SMS's Idempotency-Key; per recipient), none is left pending,
// uncertain or failed, and the backlog on the page goes to zero.
//
// The retry schedule: a real deployment's defaults (NOTIFY_RETRY_DELAY_SECONDS 60, doubled, and
// NOTIFY_MAX_ATTEMPTS 6) try a message at 0, 1, 3, 7, 15 and 31 minutes, which rides out a
// two-minute outage with room to spare but would leave the test waiting up to two more minutes
// for the next step after the providers return. The test keeps the shape and shrinks the scale:
// 2 s doubled, 8 attempts, so a message reaches the dead-letter list only after 254 s of failures,
// more than twice the outage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, inject, it } from 'vitest';
import { scaleCpr } from '../../scripts/bench/scale-data';
import * as clock from '../../src/lib/server/clock';
import { encryptCpr, hashCpr, loadCprKeys } from '../../src/lib/server/crypto/cpr';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { connect } from '../../src/lib/server/db/connect';
import { demoIds } from '../../src/lib/server/seed/demo';
import { copyDemoDatabase, DEMO_CPR_KEY, type ServerDatabase } from '../e2e/databases';
import { text } from '../e2e/html';
import { startServer, type RunningServer } from '../e2e/server';
import { loginStaff } from '../e2e/staff';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../smtp';
import { startSmsProvider, type TestSmsProvider } from './sms-provider';
import { LONG, recordScenario } from './summary';

/** How long both providers are down: what the scenario must show. */
const OUTAGE_MS = 2 * 60_000;
/** Citizens with e-mail and SMS on, each of whom gets news before and during the outage. */
const CITIZENS = LONG ? 150 : 40;
/** When in the outage each round of news comes (ms after it began): one entry per citizen. */
const ROUNDS_IN_OUTAGE = LONG ? [5_000, 45_000, 85_000] : [5_000, 65_000];
const RETRY_DELAY_SECONDS = 2;
const MAX_ATTEMPTS = 8;
/** How long the backlog may take to drain once the providers are back (one backoff step, 128 s). */
const DRAIN_LIMIT_MS = 150_000;
const SMS_TOKEN = 'outage-test-token';
const ADMIN = 'Anders Berg';

const kind: 'postgresql' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

/** Opens the database while no server has it (PGlite serves one process at a time). */
async function withDb<T>(
	database: ServerDatabase,
	run: (db: Awaited<ReturnType<typeof connect>>['db']) => Promise<T>
): Promise<T> {
	const handle = await connect(database);
	try {
		return await run(handle.db);
	} finally {
		await handle.close();
	}
}

interface Citizen {
	id: string;
	email: string;
	phone: string;
	caseRef: string;
}

/**
 * Citizens with a journey that holds a job centre case the API can write to, e-mail and SMS on:
 * rows as the API and a coordinator would have left them. Returns them with the API key.
 */
async function prepare(database: ServerDatabase): Promise<{ citizens: Citizen[]; apiKey: string }> {
	const keys = loadCprKeys({
		envKey: DEMO_CPR_KEY,
		dataDir: database.dataDir,
		allowGenerated: false
	});
	return withDb(database, async (db) => {
		const now = clock.now();
		const jobcenter = demoIds.department('jobcenter');
		const citizens: Citizen[] = [];
		for (let n = 1; n <= CITIZENS; n++) {
			const cpr = scaleCpr(77, n);
			const email = `udfald-${n}@example.com`;
			const phone = `31 ${String(Math.floor(n / 100)).padStart(2, '0')} ${String(n % 100).padStart(2, '0')} 00`;
			const citizen = await db
				.insertInto('citizens')
				.values({
					cpr_hash: hashCpr(keys, cpr),
					cpr_encrypted: encryptCpr(keys, cpr),
					name: `Borger ${n}`,
					address_line: `Stationsvej ${n}`,
					postal_code: '9999',
					city: 'Sammenby',
					email,
					phone,
					notify_by_email: true,
					notify_by_sms: true,
					created_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const caseRef = `UDFALD-${n}`;
			const kase = await db
				.insertInto('cases')
				.values({
					citizen_id: citizen.id,
					department_id: jobcenter,
					kle_number: '15.20.02',
					title: 'Din vej til job',
					status: 'in_progress',
					external_ref: caseRef,
					opened_at: now,
					updated_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const journey = await db
				.insertInto('journeys')
				.values({
					citizen_id: citizen.id,
					title: 'Dit forløb',
					coordinator_id: demoIds.staff('Mette Larsen'),
					status: 'active',
					started_at: now
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			await db
				.insertInto('journey_cases')
				.values({
					journey_id: journey.id,
					case_id: kase.id,
					added_at: now,
					added_by_staff_id: null
				})
				.execute();
			citizens.push({ id: citizen.id, email, phone, caseRef });
		}
		const apiKey = (
			await createApiKey(db, { departmentId: jobcenter, name: 'Outage', createdByStaffId: null })
		).key;
		return { citizens, apiKey };
	});
}

/** A citizen-visible entry on each citizen's case, a few at a time; answers 201 each. */
async function postRound(url: string, apiKey: string, citizens: Citizen[], round: string) {
	const queue = [...citizens];
	const post = async () => {
		for (let citizen = queue.shift(); citizen; citizen = queue.shift()) {
			const ref = `${citizen.caseRef}-${round}`;
			const response = await fetch(`${url}/api/v1/cases/${citizen.caseRef}/timeline`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${apiKey}`,
					'content-type': 'application/json',
					'idempotency-key': `outage-${ref}`
				},
				body: JSON.stringify({
					externalRef: ref,
					kind: 'status',
					visibility: 'citizen',
					title: 'Din sag er opdateret',
					body: 'Se, hvad der er nyt, i Sammen.'
				})
			});
			expect(response.status, `${ref}: ${await response.text()}`).toBe(201);
		}
	};
	await Promise.all(Array.from({ length: 4 }, post));
}

/** The SMTP side: one test server at a time on one port, closed to refuse connections. */
async function smtpProvider() {
	let current: TestSmtpServer | null = await startSmtpServer();
	const port = current.port;
	const url = current.url;
	const servers = [current];
	const closing: Promise<void>[] = [];
	return {
		url,
		received: (): ReceivedMail[] => servers.flatMap((s) => s.received),
		async setMode(mode: 'up' | 'busy' | 'down') {
			if (mode === 'down') {
				if (current) closing.push(current.close());
				current = null;
				return;
			}
			if (!current) {
				// The port is free again as soon as the old server stops listening.
				await new Promise((resolve) => setTimeout(resolve, 200));
				current = await startSmtpServer(port);
				servers.push(current);
			}
			current.refusing = mode === 'busy';
		},
		async close() {
			if (current) closing.push(current.close());
			await Promise.all(closing);
		}
	};
}

interface Backlog {
	waiting: number;
	retrying: number;
	/** The oldest waiting as the page shows it, or null for none. */
	oldest: string | null;
}

/** The backlog and the dead-letter list as the operations page shows them to the administrator. */
async function operationsPage(
	admin: Awaited<ReturnType<typeof loginStaff>>,
	url: string
): Promise<{ email: Backlog; sms: Backlog; deadNone: boolean }> {
	const response = await admin.go(`${url}/staff/drift`);
	expect(response.status).toBe(200);
	const body = text(await response.text());
	const row = (channel: string): Backlog => {
		const match = new RegExp(
			`${channel} (\\d+) (\\d+) (.+?)(?= SMS \\d| Digital Post og fjernprint)`
		).exec(body);
		expect(match, `the backlog row of ${channel}`).not.toBeNull();
		return {
			waiting: Number(match![1]),
			retrying: Number(match![2]),
			oldest: match![3] === 'Ingen venter' ? null : match![3]!
		};
	};
	return {
		email: row('E-mail'),
		sms: row('SMS'),
		deadNone: body.includes('Alle beskeder er kommet frem. Der er intet at sende igen.')
	};
}

async function metric(url: string, channel: string, state: string): Promise<number> {
	const body = await (await fetch(`${url}/metrics`)).text();
	const line = body
		.split('\n')
		.find((l) =>
			l.startsWith(`sammen_notifications_waiting{channel="${channel}",state="${state}"} `)
		);
	return Number(line?.split(' ')[1] ?? NaN);
}

const messageId = (mail: ReceivedMail) =>
	/^Message-ID: <([0-9a-f-]{36})@sammen\.notification>/im.exec(mail.raw)?.[1] ?? null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`e-mail and SMS providers down for ${OUTAGE_MS / 60_000} minutes on ${kind}`, () => {
	it('waits and retries, shows the backlog, then delivers every notification exactly once', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-outage-'));
		const smtp = await smtpProvider();
		const sms: TestSmsProvider = await startSmsProvider(SMS_TOKEN);
		let server: RunningServer | null = null;
		try {
			const database = await copyDemoDatabase(inject('templates'), dataDir, {
				embedded: kind === 'pglite'
			});
			const { citizens, apiKey } = await prepare(database);
			server = await startServer({
				database,
				env: {
					SMTP_URL: smtp.url,
					SMS_HTTP_URL: sms.url,
					SMS_HTTP_TOKEN: SMS_TOKEN,
					NOTIFY_BUNDLE_MINUTES: '0',
					NOTIFY_RETRY_DELAY_SECONDS: String(RETRY_DELAY_SECONDS),
					NOTIFY_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
					NOTIFY_POLL_SECONDS: '0.5',
					API_RATE_LIMIT_PER_MINUTE: '100000'
				}
			});
			const url = server.url;
			const admin = await loginStaff(url, ADMIN);
			const delivered = () => smtp.received().length + sms.delivered.size;

			// Before the outage: one round of news, delivered as it comes.
			const before = performance.now();
			await postRound(url, apiKey, citizens, 'before');
			await expect.poll(delivered, { timeout: 60_000, interval: 250 }).toBe(2 * citizens.length);
			const beforeMs = performance.now() - before;

			// The outage: 451 and 503 for its first half, then connections refused.
			await smtp.setMode('busy');
			await sms.setMode('busy');
			const outageStarted = performance.now();
			const deliveredAtStart = delivered();
			const rounds = [...ROUNDS_IN_OUTAGE];
			let peak = 0;
			let peakRetrying = 0;
			let peakMetric = 0;
			let oldestShown: string | null = null;
			let pageChecks = 0;
			let switched = false;
			while (performance.now() - outageStarted < OUTAGE_MS) {
				const elapsed = performance.now() - outageStarted;
				if (!switched && elapsed >= OUTAGE_MS / 2) {
					await smtp.setMode('down');
					await sms.setMode('down');
					switched = true;
				}
				if (rounds.length > 0 && elapsed >= rounds[0]!) {
					await postRound(url, apiKey, citizens, `during-${rounds.shift()}`);
				}
				const shown = await operationsPage(admin, url);
				pageChecks += 1;
				expect(shown.deadNone, 'nothing on the dead-letter list during the outage').toBe(true);
				const total =
					shown.email.waiting + shown.email.retrying + shown.sms.waiting + shown.sms.retrying;
				if (total > peak) {
					peak = total;
					oldestShown = shown.email.oldest ?? shown.sms.oldest;
				}
				peakRetrying = Math.max(peakRetrying, shown.email.retrying + shown.sms.retrying);
				peakMetric = Math.max(
					peakMetric,
					(await metric(url, 'email', 'retrying')) + (await metric(url, 'sms', 'retrying'))
				);
				await sleep(Math.min(5_000, Math.max(0, OUTAGE_MS - (performance.now() - outageStarted))));
			}
			expect(rounds, 'every round of news was posted in the outage').toEqual([]);
			expect(delivered(), 'nothing got through while the providers were down').toBe(
				deliveredAtStart
			);
			expect(peak, 'the page showed a backlog').toBeGreaterThanOrEqual(2 * citizens.length);
			expect(peakRetrying, 'the page showed messages being retried').toBeGreaterThan(0);
			expect(peakMetric, '/metrics showed them too').toBeGreaterThan(0);
			expect(oldestShown).not.toBeNull();

			// The providers are back: the backlog drains to zero on the page.
			await smtp.setMode('up');
			await sms.setMode('up');
			const returned = performance.now();
			let drainedMs = 0;
			for (;;) {
				const shown = await operationsPage(admin, url);
				const total =
					shown.email.waiting + shown.email.retrying + shown.sms.waiting + shown.sms.retrying;
				if (total === 0) {
					drainedMs = performance.now() - returned;
					expect(shown.email.oldest).toBeNull();
					expect(shown.sms.oldest).toBeNull();
					expect(shown.deadNone, 'nothing on the dead-letter list after the outage').toBe(true);
					break;
				}
				expect(performance.now() - returned, 'the backlog drains').toBeLessThan(DRAIN_LIMIT_MS);
				await sleep(1_000);
			}
			expect(await metric(url, 'email', 'retrying')).toBe(0);
			expect(await metric(url, 'sms', 'waiting')).toBe(0);
			// Nothing more arrives once the backlog is empty.
			const settled = delivered();
			await sleep(3_000);
			expect(delivered()).toBe(settled);
			expect(await server.stop()).toBe(0);
			server = null;

			// Every notification of these citizens, as the database holds them.
			const ids = citizens.map((c) => c.id);
			const rows = await withDb(database, (db) =>
				db
					.selectFrom('notifications')
					.select(['id', 'citizen_id', 'channel', 'status', 'bundle_id', 'attempts'])
					.where('citizen_id', 'in', ids)
					.execute()
			);
			const newsRounds = 1 + ROUNDS_IN_OUTAGE.length;
			expect(rows).toHaveLength(2 * citizens.length * newsRounds);
			const byStatus = (status: string) => rows.filter((r) => r.status === status);
			expect(
				rows.filter((r) => r.status !== 'sent' && r.status !== 'bundled'),
				'none left pending, sending, uncertain, failed or cancelled'
			).toEqual([]);
			const sent = byStatus('sent');
			const sentById = new Map(sent.map((r) => [r.id, r]));
			for (const bundled of byStatus('bundled')) {
				const head = sentById.get(bundled.bundle_id ?? '');
				expect(head, 'a bundled notification went out with a sent message').toBeDefined();
				expect([head!.citizen_id, head!.channel]).toEqual([bundled.citizen_id, bundled.channel]);
			}

			// Each sent message arrived exactly once, at its citizen's address, and nothing else did.
			const citizenById = new Map(citizens.map((c) => [c.id, c]));
			const mails = smtp.received();
			const mailIds = mails.map(messageId);
			const mailCount = new Map<string, number>();
			for (const id of mailIds) mailCount.set(id ?? 'none', (mailCount.get(id ?? 'none') ?? 0) + 1);
			const sentEmail = sent.filter((r) => r.channel === 'email');
			const sentSms = sent.filter((r) => r.channel === 'sms');
			const duplicates = [...mailCount.values()].filter((n) => n > 1).length + sms.replays;
			const missing =
				sentEmail.filter((r) => !mailCount.has(r.id)).length +
				sentSms.filter((r) => !sms.delivered.has(r.id)).length;
			expect(duplicates, 'duplicates').toBe(0);
			expect(missing, 'missing').toBe(0);
			expect(mails).toHaveLength(sentEmail.length);
			expect(sms.delivered.size).toBe(sentSms.length);
			expect(sms.malformed).toBe(0);
			for (const mail of mails) {
				const head = sentById.get(messageId(mail) ?? '');
				expect(head?.channel).toBe('email');
				expect(mail.to).toEqual([citizenById.get(head!.citizen_id)!.email]);
			}
			for (const [key, message] of sms.delivered) {
				const head = sentById.get(key);
				expect(head?.channel).toBe('sms');
				expect(message.to).toBe(citizenById.get(head!.citizen_id)!.phone);
			}
			// Per recipient: as many messages as their sent notifications on the channel.
			for (const citizen of citizens) {
				const mine = sent.filter((r) => r.citizen_id === citizen.id);
				expect(mails.filter((m) => m.to[0] === citizen.email)).toHaveLength(
					mine.filter((r) => r.channel === 'email').length
				);
				expect([...sms.delivered.values()].filter((m) => m.to === citizen.phone)).toHaveLength(
					mine.filter((r) => r.channel === 'sms').length
				);
			}
			const maxAttempts = Math.max(...sent.map((r) => r.attempts));
			expect(maxAttempts, 'no message near the dead-letter list').toBeLessThan(MAX_ATTEMPTS);

			recordScenario({
				scenario: `SMTP and SMS down for ${OUTAGE_MS / 1000} s`,
				database: kind,
				passed: true,
				figures: {
					citizens: citizens.length,
					'notifications created': rows.length,
					'messages sent (bundled notifications go with one)': sent.length,
					'delivered (e-mail + SMS)': `${mails.length} + ${sms.delivered.size}`,
					duplicates,
					missing,
					'pending, uncertain or failed after': 0,
					'failed attempts retried': sent.reduce((n, r) => n + r.attempts - 1, 0),
					'most attempts of one message': `${maxAttempts} of ${MAX_ATTEMPTS}`,
					'SMS answered 503': sms.refused,
					'backlog peak shown on /staff/drift (messages)': peak,
					'retrying peak shown': peakRetrying,
					'oldest waiting shown at the peak': oldestShown ?? '',
					'operations page checks during the outage': pageChecks,
					'dead-lettered during the outage': 0,
					'before the outage: one round sent within (ms)': Math.round(beforeMs),
					'drained after the providers returned (ms)': Math.round(drainedMs),
					'retry schedule': `${RETRY_DELAY_SECONDS} s doubled, ${MAX_ATTEMPTS} attempts`
				}
			});
		} finally {
			await server?.stop();
			await smtp.close();
			await sms.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

// Notifications: routing in the event's transaction, bundling, e-mail through a real SMTP
// server, letters rendered into the print queue exactly once, retries with backoff through the
// pg-boss worker, the dead-letter states, and the sweep that never re-sends an interrupted delivery.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { loadCitizenFacts, loadJourneyFacts } from '../../src/lib/server/db/access-facts';
import { markLetterFailed } from '../../src/lib/server/db/notifications';
import { listJourneyStaff } from '../../src/lib/server/db/staff-meetings';
import type { StaffRole } from '../../src/lib/domain';
import { QUEUES } from '../../src/lib/server/jobs/queue';
import {
	PermanentDeliveryError,
	smtpChannel,
	type Channels,
	type NotificationChannel,
	type OutgoingMessage
} from '../../src/lib/server/notifications/channels';
import { deliverDue, renderLetter, sweep } from '../../src/lib/server/notifications/deliver';
import { notifyCitizen } from '../../src/lib/server/notifications/route';
import { notificationSettings } from '../../src/lib/server/notifications/settings';
import { startNotificationWorker } from '../../src/lib/server/notifications/worker';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { checkMeetingForm, readMeetingForm } from '../../src/lib/server/meetings/form';
import { planMeeting } from '../../src/lib/server/meetings/service';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { flatText, readPdf } from '../pdf-reader';
import { startSmtpServer, type TestSmtpServer } from '../smtp';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const seededAt = clock.now();
const days = new DemoClock(seededAt);
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');

function actor(name: 'Mette Larsen' | 'Hanne Vestergaard', role: StaffRole, dept: string) {
	return {
		kind: 'staff',
		staffId: demoIds.staff(name),
		role,
		departmentId: demoIds.department(dept as 'jobcenter')
	} satisfies StaffActor;
}
const mette = actor('Mette Larsen', 'coordinator', 'socialforvaltningen');
const hanne = actor('Hanne Vestergaard', 'caseworker', 'sundhed-og-omsorg');

function meetingForm(date: string): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries({
		title: 'Fællesmøde om din plan',
		date,
		start: '10.00',
		end: '11:30',
		location: 'Rådhuset, mødelokale 3',
		videoUrl: '',
		agenda: '1. Job\n2. Bolig',
		whatToBring: ''
	}))
		data.append(k, v);
	return data;
}

/** Records what it was asked to send; fails while `failing` is set. */
function recordingChannel(provider = 'test'): NotificationChannel & {
	sent: OutgoingMessage[];
	failing: boolean;
	permanent: boolean;
} {
	const channel = {
		provider,
		sent: [] as OutgoingMessage[],
		failing: false,
		permanent: false,
		async send(message: OutgoingMessage) {
			if (channel.permanent) throw new PermanentDeliveryError('not configured');
			if (channel.failing) throw new Error(`550 rejected <${message.to}>`);
			channel.sent.push(message);
			return { provider, messageId: `m-${channel.sent.length}` };
		}
	};
	return channel;
}

describe.each(testDialects())('notifications on %s', (dialect) => {
	let t: TestDatabase;
	let smtp: TestSmtpServer;
	const savedEnv = { ...process.env };

	beforeAll(async () => {
		t = await openSeeded(dialect);
		smtp = await startSmtpServer();
	});
	afterAll(async () => {
		await smtp?.close();
		await t?.close();
	});
	afterEach(() => {
		process.env = { ...savedEnv };
	});

	async function plan(journeyId: string, a: StaffActor, date: string, now: Date) {
		const journey = (await loadJourneyFacts(t.db, journeyId))!;
		const citizen = (await loadCitizenFacts(t.db, journey.citizenId))!;
		const staff = await listJourneyStaff(t.db, journeyId);
		const { input } = checkMeetingForm(readMeetingForm(meetingForm(date)), new Set(), now);
		return planMeeting({ db: t.db, actor: a, journey, citizen }, input!, staff, now);
	}

	async function jobs(queue: string): Promise<number> {
		const { rows } = await sql<{
			n: number;
		}>`select count(*)::int as n from pgboss.job where name = ${queue}`.execute(t.db);
		return rows[0]!.n;
	}

	// Each test starts from no pending notifications, so earlier tests' leftovers are not bundled in.
	async function clearPending() {
		await t.db
			.updateTable('notifications')
			.set({ status: 'cancelled' })
			.where('status', 'in', ['pending', 'sending'])
			.execute();
	}

	const notificationsOf = (citizenId: string) =>
		t.db
			.selectFrom('notifications')
			.selectAll()
			.where('citizen_id', '=', citizenId)
			.orderBy('created_at')
			.execute();

	it('writes nothing at all when the event rolls back: no notification, no letter, no job', async () => {
		const before = {
			notifications: (await notificationsOf(karl)).length,
			letters: await jobs(QUEUES.letter)
		};
		await expect(
			t.db.transaction().execute(async (trx) => {
				await notifyCitizen(trx, {
					citizenId: karl,
					type: 'note',
					sourceId: 'rollback-test',
					journeyId: demoIds.journey('karl'),
					departmentId: null,
					letter: () => ({ subject: 'Nyt', body: 'Tekst' })
				});
				throw new Error('the event failed');
			})
		).rejects.toThrow('the event failed');
		expect((await notificationsOf(karl)).length).toBe(before.notifications);
		expect(await jobs(QUEUES.letter)).toBe(before.letters);
	});

	it('gives analog Karl exactly one letter for a joint meeting, rendered once with his name and address', async () => {
		const now = clock.now();
		const lettersBefore = await t.db
			.selectFrom('letters')
			.select('id')
			.where('citizen_id', '=', karl)
			.execute();
		const jobsBefore = await jobs(QUEUES.letter);
		const result = await plan(
			demoIds.journey('karl'),
			hanne,
			days.dateOf(days.workdayAt(12, 10)),
			now
		);
		expect(result.letter).not.toBeNull();
		const letters = await t.db
			.selectFrom('letters')
			.selectAll()
			.where('citizen_id', '=', karl)
			.where('id', 'not in', lettersBefore.length ? lettersBefore.map((l) => l.id) : [''])
			.execute();
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({ status: 'queued', event_type: 'meeting_invite' });
		// Karl gets no e-mail or SMS: paper only.
		const karls = await notificationsOf(karl);
		expect(karls.filter((n) => n.letter_id === letters[0]!.id)).toHaveLength(1);
		expect(karls.every((n) => n.channel === 'letter')).toBe(true);
		expect(await jobs(QUEUES.letter)).toBe(jobsBefore + 1);

		// The job runs twice (a retry after a crash, or two workers): one PDF, stored once.
		expect(await renderLetter(t.db, letters[0]!.id)).toBe('rendered');
		expect(await renderLetter(t.db, letters[0]!.id)).toBe('nothing-due');
		const rendered = await t.db
			.selectFrom('letters')
			.selectAll()
			.where('id', '=', letters[0]!.id)
			.executeTakeFirstOrThrow();
		expect(rendered.status).toBe('rendered');
		expect(rendered.page_count).toBeGreaterThanOrEqual(1);
		const text = flatText(readPdf(rendered.pdf!));
		expect(text).toContain('Karl Nielsen');
		expect(text).toContain('Kirkevej 14, 1. tv.');
		expect(text).toContain('Invitation');
		expect(text).toContain('Fællesmøde om din plan');
		const notification = (await notificationsOf(karl)).find((n) => n.letter_id === rendered.id)!;
		expect(notification).toMatchObject({ status: 'sent', provider: 'print-queue' });
	});

	it("marks a letter that cannot be rendered as failed with its notification, in the caller's transaction or not at all", async () => {
		const routed = await t.db.transaction().execute((trx) =>
			notifyCitizen(trx, {
				citizenId: karl,
				type: 'note',
				sourceId: 'unrenderable-letter',
				journeyId: demoIds.journey('karl'),
				departmentId: null,
				letter: () => ({ subject: 'Nyt', body: 'Tekst' })
			})
		);
		const letterId = routed.letter!.id;
		const state = async () => ({
			letter: (
				await t.db
					.selectFrom('letters')
					.select('status')
					.where('id', '=', letterId)
					.executeTakeFirstOrThrow()
			).status,
			notifications: (
				await t.db
					.selectFrom('notifications')
					.select('status')
					.where('letter_id', '=', letterId)
					.execute()
			).map((n) => n.status)
		});
		expect(await state()).toEqual({ letter: 'queued', notifications: ['pending'] });

		// The caller's transaction rolls back: neither row changes.
		await expect(
			t.db.transaction().execute(async (trx) => {
				await markLetterFailed(trx, letterId, 'renderer crashed');
				throw new Error('the worker stopped');
			})
		).rejects.toThrow('the worker stopped');
		expect(await state()).toEqual({ letter: 'queued', notifications: ['pending'] });

		await t.db.transaction().execute((trx) => markLetterFailed(trx, letterId, 'renderer crashed'));
		expect(await state()).toEqual({ letter: 'failed', notifications: ['failed'] });
		// Only a queued letter fails: a second call changes nothing.
		await t.db.transaction().execute((trx) => markLetterFailed(trx, letterId, 'again'));
		expect(
			await t.db
				.selectFrom('letters')
				.select('error')
				.where('id', '=', letterId)
				.executeTakeFirstOrThrow()
		).toEqual({ error: 'renderer crashed' });
	});

	it('sends digital Maja one e-mail through SMTP after the bundling window, and never twice', async () => {
		await clearPending();
		const now = clock.now();
		await plan(demoIds.journey('maja'), mette, days.dateOf(days.workdayAt(13, 10)), now);
		const rows = (await notificationsOf(maja)).filter((n) => n.status === 'pending');
		expect(rows.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
		const window = notificationSettings().bundleMinutes;
		expect(rows[0]!.send_after.getTime()).toBe(now.getTime() + window * 60_000);
		expect(
			await t.db.selectFrom('letters').where('citizen_id', '=', maja).select('id').execute()
		).toHaveLength(0);

		const channels: Channels = {
			email: smtpChannel(smtp.url, 'Sammen <noreply@sammen.example>'),
			sms: recordingChannel()
		};
		const job = { citizenId: maja, channel: 'email' as const };
		// Within the window nothing goes out yet.
		expect(await deliverDue(t.db, channels, job, now)).toBe('nothing-due');
		const later = new Date(now.getTime() + (window + 1) * 60_000);
		expect(await deliverDue(t.db, channels, job, later)).toBe('sent');
		expect(await deliverDue(t.db, channels, job, later)).toBe('nothing-due');
		const mails = await smtp.waitFor(1);
		expect(mails).toHaveLength(1);
		expect(mails[0]!.to).toEqual(['maja.jensen@example.com']);
		expect(mails[0]!.raw).toContain('Subject: Nyt fra kommunen i Sammen');
		expect(mails[0]!.raw).toContain('Du har en ny besked fra kommunen i Sammen.');
		// No personal details: not the meeting, not her name.
		expect(mails[0]!.raw).not.toContain('Fællesmøde');
		expect(mails[0]!.raw).not.toMatch(/F=C3=A6llesm=C3=B8de|Maja/);
		const email = (await notificationsOf(maja)).find(
			(n) => n.channel === 'email' && n.sent_at !== null
		)!;
		expect(email).toMatchObject({ status: 'sent', provider: 'smtp', attempts: 1 });
	});

	it('bundles the events within the window into one message that counts them', async () => {
		await clearPending();
		const sms = recordingChannel();
		const channels: Channels = { email: recordingChannel(), sms };
		const now = clock.now();
		for (const [i, minutes] of [0, 5, 9].entries()) {
			await t.db.transaction().execute((trx) =>
				notifyCitizen(
					trx,
					{
						citizenId: maja,
						type: 'note',
						sourceId: `bundle-${i}`,
						journeyId: demoIds.journey('maja'),
						departmentId: null,
						letter: () => ({ subject: 'x', body: 'y' })
					},
					new Date(now.getTime() + minutes * 60_000)
				)
			);
		}
		const due = new Date(now.getTime() + 16 * 60_000);
		const job = { citizenId: maja, channel: 'sms' as const };
		expect(await deliverDue(t.db, channels, job, due)).toBe('sent');
		expect(await deliverDue(t.db, channels, job, due)).toBe('nothing-due');
		expect(sms.sent).toHaveLength(1);
		expect(sms.sent[0]!.to).toBe('12 34 52 01');
		expect(sms.sent[0]!.text).toContain('Du har 3 nye beskeder fra kommunen i Sammen');
		const bundled = (await notificationsOf(maja)).filter(
			(n) => n.bundle_id === sms.sent[0]!.notificationId
		);
		expect(bundled).toHaveLength(2);
		// Routing the same event again writes nothing new.
		const count = (await notificationsOf(maja)).length;
		await t.db.transaction().execute((trx) =>
			notifyCitizen(trx, {
				citizenId: maja,
				type: 'note',
				sourceId: 'bundle-0',
				journeyId: null,
				departmentId: null,
				letter: () => ({ subject: 'x', body: 'y' })
			})
		);
		expect((await notificationsOf(maja)).length).toBe(count);
	});

	it('retries a failing channel, and after the last attempt lists it as failed with a redacted error', async () => {
		await clearPending();
		process.env.NOTIFY_MAX_ATTEMPTS = '2';
		const email = recordingChannel();
		email.failing = true;
		const channels: Channels = { email, sms: recordingChannel() };
		const now = clock.now();
		await t.db.transaction().execute((trx) =>
			notifyCitizen(
				trx,
				{
					citizenId: maja,
					type: 'decision',
					sourceId: 'retry-test',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				},
				now
			)
		);
		const due = new Date(now.getTime() + 16 * 60_000);
		const job = { citizenId: maja, channel: 'email' as const };
		const jobsBefore = await jobs(QUEUES.deliver);
		expect(await deliverDue(t.db, channels, job, due)).toBe('retry');
		let row = (await notificationsOf(maja)).find(
			(n) => n.idempotency_key === 'decision:retry-test:email'
		)!;
		expect(row).toMatchObject({ status: 'pending', attempts: 1 });
		expect(row.error).toContain('<address>');
		expect(row.error).not.toContain('maja.jensen');
		// Its backoff (NOTIFY_RETRY_DELAY_SECONDS, 60 s) with a job for that time: not due before.
		expect(row.send_after).toEqual(new Date(due.getTime() + 60_000));
		expect(await jobs(QUEUES.deliver)).toBe(jobsBefore + 1);
		expect(await deliverDue(t.db, channels, job, due)).toBe('nothing-due');
		const retryAt = new Date(due.getTime() + 60_000);
		expect(await deliverDue(t.db, channels, job, retryAt)).toBe('failed');
		row = (await notificationsOf(maja)).find(
			(n) => n.idempotency_key === 'decision:retry-test:email'
		)!;
		expect(row).toMatchObject({ status: 'failed', attempts: 2 });
		// A channel that is not configured fails at once: no retry can help.
		email.failing = false;
		email.permanent = true;
		await t.db.transaction().execute((trx) =>
			notifyCitizen(
				trx,
				{
					citizenId: maja,
					type: 'decision',
					sourceId: 'permanent-test',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				},
				now
			)
		);
		expect(await deliverDue(t.db, channels, job, due)).toBe('failed');
		row = (await notificationsOf(maja)).find(
			(n) => n.idempotency_key === 'decision:permanent-test:email'
		)!;
		expect(row).toMatchObject({ status: 'failed', attempts: 1 });
	});

	it('sends a notification to a job that comes a moment early by another clock, and not one that comes earlier', async () => {
		await clearPending();
		const sms = recordingChannel();
		const channels: Channels = { email: recordingChannel(), sms };
		const job = { citizenId: maja, channel: 'sms' as const };
		const now = clock.now();
		await t.db.transaction().execute((trx) =>
			notifyCitizen(
				trx,
				{
					citizenId: maja,
					type: 'status',
					sourceId: 'early-job',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				},
				now
			)
		);
		const due = now.getTime() + 15 * 60_000;
		expect(await deliverDue(t.db, channels, job, new Date(due - 3_000))).toBe('nothing-due');
		expect(await deliverDue(t.db, channels, job, new Date(due - 1_000))).toBe('sent');
		expect(sms.sent).toHaveLength(1);
	});

	it('counts one attempt per step of the backoff, however many events join a message while a provider is down', async () => {
		await clearPending();
		process.env.NOTIFY_MAX_ATTEMPTS = '3';
		const sms = recordingChannel();
		sms.failing = true;
		const channels: Channels = { email: recordingChannel(), sms };
		const job = { citizenId: maja, channel: 'sms' as const };
		const event = (n: number, at: Date) =>
			t.db.transaction().execute((trx) =>
				notifyCitizen(
					trx,
					{
						citizenId: maja,
						type: 'status',
						sourceId: `outage-${n}`,
						journeyId: null,
						departmentId: null,
						letter: () => ({ subject: 'x', body: 'y' })
					},
					at
				)
			);
		const now = clock.now();
		const at = (seconds: number) => new Date(now.getTime() + 16 * 60_000 + seconds * 1000);
		await event(1, now);
		expect(await deliverDue(t.db, channels, job, at(0))).toBe('retry');
		// Five more events while the message waits out its backoff (60 s): each one's job finds it
		// not yet due, and the first message keeps its single attempt.
		for (let n = 2; n <= 6; n++) {
			await event(n, new Date(now.getTime() + n * 1000));
			expect(await deliverDue(t.db, channels, job, at(n * 5))).toBe('nothing-due');
		}
		const rows = async () =>
			(await notificationsOf(maja)).filter(
				(r) => r.channel === 'sms' && r.idempotency_key?.startsWith('status:outage-')
			);
		const [first] = await rows();
		expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
			['pending', 1],
			...Array(5).fill(['pending', 0])
		]);
		// Its second attempt takes the others with it; the next waits twice as long (120 s).
		expect(await deliverDue(t.db, channels, job, at(60))).toBe('retry');
		expect(await deliverDue(t.db, channels, job, at(170))).toBe('nothing-due');
		// The provider is back: one message for the six events, at its third attempt, not failed.
		sms.failing = false;
		expect(await deliverDue(t.db, channels, job, at(180))).toBe('sent');
		expect(sms.sent).toHaveLength(1);
		expect(sms.sent[0]!.notificationId).toBe(first!.id);
		expect(sms.sent[0]!.text).toMatch(/\b6 (nye|new) /);
		const after = await rows();
		expect(after[0]).toMatchObject({ status: 'sent', attempts: 3 });
		expect(after.slice(1).map((r) => [r.status, r.bundle_id])).toEqual(
			Array(5).fill(['bundled', first!.id])
		);
	});

	it('never re-sends a delivery interrupted between sending and recording: the sweep marks it uncertain', async () => {
		await clearPending();
		const now = clock.now();
		await t.db.transaction().execute((trx) =>
			notifyCitizen(
				trx,
				{
					citizenId: maja,
					type: 'task',
					sourceId: 'crash-test',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				},
				now
			)
		);
		const due = new Date(now.getTime() + 16 * 60_000);
		// The provider accepts the message, and the worker never gets to record it (simulated here by
		// a send that never returns; the e2e test kills a real process at this point).
		const sms = recordingChannel();
		const hanging: Channels = {
			email: recordingChannel(),
			sms: { provider: 'test', send: (m) => sms.send(m).then(() => new Promise(() => {})) }
		};
		void deliverDue(t.db, hanging, { citizenId: maja, channel: 'sms' }, due);
		await expect.poll(() => sms.sent.length, { timeout: 10_000 }).toBe(1);
		const key = 'task:crash-test:sms';
		let row = (await notificationsOf(maja)).find((n) => n.idempotency_key === key)!;
		expect(row.status).toBe('sending');
		// A second job for the same citizen finds nothing to send while the claim stands.
		expect(await deliverDue(t.db, hanging, { citizenId: maja, channel: 'sms' }, due)).toBe(
			'nothing-due'
		);
		// After the sending timeout the sweep takes the claim as interrupted: uncertain, not re-sent.
		const settings = { ...notificationSettings(), sendingTimeoutSeconds: 60 };
		const result = await sweep(t.db, new Date(due.getTime() + 61_000), settings);
		expect(result.interrupted).toBe(1);
		row = (await notificationsOf(maja)).find((n) => n.idempotency_key === key)!;
		expect(row.status).toBe('uncertain');
		expect(await deliverDue(t.db, hanging, { citizenId: maja, channel: 'sms' }, due)).toBe(
			'nothing-due'
		);
		expect(sms.sent).toHaveLength(1);
	});

	it('gives work whose job died unclaimed a new job, one at a time, and it is sent once', async () => {
		await clearPending();
		const now = clock.now();
		const jobsFor = async (queue: string, key: string, value: string) => {
			const rows = await sql<{ n: number }>`
				select count(*)::int as n from pgboss.job
				where name = ${queue} and state = 'created' and data->>${key} = ${value}`.execute(t.db);
			return rows.rows[0]!.n;
		};
		// Events for Maja (e-mail and SMS) and Karl (a letter) whose jobs a dead process had fetched:
		// gone from the queue as far as a live worker can see.
		await t.db.transaction().execute(async (trx) => {
			for (const citizenId of [maja, karl]) {
				await notifyCitizen(
					trx,
					{
						citizenId,
						type: 'task',
						sourceId: `stranded-${citizenId}`,
						journeyId: null,
						departmentId: null,
						letter: () => ({ subject: 'Et brev', body: 'Tekst' })
					},
					now
				);
			}
		});
		await sql`update pgboss.job set state = 'active' where state = 'created'
			and name in (${QUEUES.deliver}, ${QUEUES.letter})`.execute(t.db);
		const letter = await t.db
			.selectFrom('letters')
			.select('id')
			.where('idempotency_key', '=', `letter:task:stranded-${karl}`)
			.executeTakeFirstOrThrow();
		const settings = { ...notificationSettings(), sendingTimeoutSeconds: 60 };
		const bundleMs = settings.bundleMinutes * 60_000;

		// Not yet: the e-mail and SMS wait for their bundle, and a letter job may still be running
		// within the sending timeout.
		await sweep(t.db, new Date(now.getTime() + 30_000), settings);
		expect(await jobsFor(QUEUES.deliver, 'citizenId', maja)).toBe(0);
		expect(await jobsFor(QUEUES.letter, 'letterId', letter.id)).toBe(0);

		const late = new Date(now.getTime() + bundleMs + 61_000);
		expect((await sweep(t.db, late, settings)).resumed).toBeGreaterThanOrEqual(3);
		expect(await jobsFor(QUEUES.deliver, 'citizenId', maja)).toBe(2);
		expect(await jobsFor(QUEUES.letter, 'letterId', letter.id)).toBe(1);
		// A second sweep (another node) while those jobs wait adds none.
		await sweep(t.db, late, settings);
		expect(await jobsFor(QUEUES.deliver, 'citizenId', maja)).toBe(2);
		expect(await jobsFor(QUEUES.letter, 'letterId', letter.id)).toBe(1);

		// Two jobs run for the e-mail (the resumed one, and the dead process's once pg-boss expires
		// it): one message.
		const email = recordingChannel();
		const channels: Channels = { email, sms: recordingChannel() };
		const job = { citizenId: maja, channel: 'email' as const };
		expect(await deliverDue(t.db, channels, job, late)).toBe('sent');
		expect(await deliverDue(t.db, channels, job, late)).toBe('nothing-due');
		expect(email.sent).toHaveLength(1);
		expect(await renderLetter(t.db, letter.id, late)).toBe('rendered');
		expect(await renderLetter(t.db, letter.id, late)).toBe('nothing-due');
		// Tried work is pg-boss's to retry on its schedule: the sweep leaves it alone.
		await sql`update pgboss.job set state = 'active' where state = 'created'
			and name = ${QUEUES.deliver}`.execute(t.db);
		await t.db
			.updateTable('notifications')
			.set({ attempts: 1 })
			.where('idempotency_key', '=', `task:stranded-${maja}:sms`)
			.execute();
		await sweep(t.db, new Date(late.getTime() + 3_600_000), settings);
		expect(await jobsFor(QUEUES.deliver, 'citizenId', maja)).toBe(0);
	});

	it('delivers through the pg-boss worker once a failing SMTP server is back, with backoff', async () => {
		await clearPending();
		process.env.NOTIFY_BUNDLE_MINUTES = '0';
		process.env.NOTIFY_RETRY_DELAY_SECONDS = '1';
		process.env.NOTIFY_MAX_ATTEMPTS = '6';
		smtp.refusing = true;
		const before = smtp.received.length;
		const sms = recordingChannel();
		const worker = await startNotificationWorker(t.db, {
			channels: { email: smtpChannel(smtp.url, 'Sammen <noreply@sammen.example>'), sms },
			pollingIntervalSeconds: 0.5,
			log: { info() {}, warn() {}, error() {} }
		});
		try {
			await t.db.transaction().execute((trx) =>
				notifyCitizen(trx, {
					citizenId: maja,
					type: 'message',
					sourceId: 'worker-retry',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				})
			);
			const key = 'message:worker-retry:email';
			const row = async () => (await notificationsOf(maja)).find((n) => n.idempotency_key === key)!;
			// Refused: the worker records the attempt and pg-boss retries later.
			await expect
				.poll(async () => (await row()).attempts, { timeout: 20_000 })
				.toBeGreaterThanOrEqual(2);
			expect((await row()).status).not.toBe('sent');
			expect(smtp.received.length).toBe(before);
			smtp.refusing = false;
			await expect
				.poll(async () => (await row()).status, { timeout: 30_000, interval: 250 })
				.toBe('sent');
			expect(smtp.received.length).toBe(before + 1);
			// The SMS went out once as well.
			await expect.poll(() => sms.sent.length, { timeout: 10_000 }).toBe(1);
		} finally {
			smtp.refusing = false;
			await worker.stop();
		}
	}, 90_000);

	it('leaves a job for when the message is due when its job comes early by this clock', async () => {
		await clearPending();
		process.env.NOTIFY_BUNDLE_MINUTES = '0';
		const now = clock.now();
		await t.db.transaction().execute((trx) =>
			notifyCitizen(
				trx,
				{
					citizenId: maja,
					type: 'message',
					sourceId: 'early-job',
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				},
				now
			)
		);
		const created = async () =>
			(
				await sql<{ n: number }>`select count(*)::int as n from pgboss.job
				where name = ${QUEUES.deliver} and state = 'created'
				and data->>'citizenId' = ${maja} and data->>'channel' = 'email'`.execute(t.db)
			).rows[0]!.n;
		const before = await created();
		// This worker's clock is 10 s behind the writer's: the message is not due yet by it.
		const email = recordingChannel();
		const job = { citizenId: maja, channel: 'email' as const };
		const early = new Date(now.getTime() - 10_000);
		expect(await deliverDue(t.db, { email, sms: recordingChannel() }, job, early)).toBe(
			'nothing-due'
		);
		expect(email.sent).toHaveLength(0);
		expect(await created()).toBe(before + 1);
		// When the new job comes, the message is due and goes once.
		expect(await deliverDue(t.db, { email, sms: recordingChannel() }, job, now)).toBe('sent');
		expect(email.sent).toHaveLength(1);
	});

	it('sends as many messages at once as it has senders, each once', async () => {
		await clearPending();
		process.env.NOTIFY_BUNDLE_MINUTES = '0';
		const citizens = (
			['Maja Jensen', 'Ahmed Hassan', 'Eva Andersen', 'Mikkel Thomsen'] as const
		).map((name) => demoIds.citizen(name));
		// Only the jobs written below wait: e-mail for all four, SMS for the three who chose it.
		await sql`delete from pgboss.job where name = ${QUEUES.deliver} and state = 'created'`.execute(
			t.db
		);
		await t.db.transaction().execute(async (trx) => {
			for (const citizenId of citizens) {
				await notifyCitizen(trx, {
					citizenId,
					type: 'message',
					sourceId: `senders-${citizenId}`,
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				});
			}
		});
		const email = recordingChannel();
		const sms = recordingChannel();
		// A polling interval far longer than the test: one sender would send one message in it.
		const worker = await startNotificationWorker(t.db, {
			channels: { email, sms },
			pollingIntervalSeconds: 30,
			deliveryConcurrency: 8,
			log: { info() {}, warn() {}, error() {} }
		});
		try {
			await expect
				.poll(() => email.sent.length + sms.sent.length, { timeout: 15_000, interval: 100 })
				.toBe(7);
		} finally {
			await worker.stop();
		}
		expect(new Set(email.sent.map((m) => m.notificationId)).size).toBe(4);
		expect(new Set(sms.sent.map((m) => m.notificationId)).size).toBe(3);
	}, 60_000);
});

// Retention: with a fixed "now", exactly the rows older than each period go
// (sessions, delivered notifications with their bundled rows and demo outbox rows, idempotency
// records), closed journeys are archived after their period, whole audit partitions are dropped
// while recent ones and the default partition stay, every run leaves a run row and one system audit
// row, two runs at once count nothing twice, and the worker registers the daily schedule.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { listRetentionRuns } from '../../src/lib/server/db/retention';
import {
	saveRetentionPeriods,
	DEFAULT_RETENTION
} from '../../src/lib/server/db/retention-settings';
import type { NotificationStatus } from '../../src/lib/domain';
import { QUEUES } from '../../src/lib/server/jobs/queue';
import { retentionSchedule } from '../../src/lib/server/notifications/app';
import { channelsFromEnvironment } from '../../src/lib/server/notifications/channels';
import * as clock from '../../src/lib/server/clock';
import { requestRetentionRun } from '../../src/lib/server/retention/admin';
import { startNotificationWorker } from '../../src/lib/server/notifications/worker';
import { monthsBefore, runRetention } from '../../src/lib/server/retention/run';
import { demoIds } from '../../src/lib/server/seed/demo';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const DAY = 86_400_000;
const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY - extraMs);

/** The first instant of the UTC month `offset` months after the month of `instant`. */
const monthStart = (instant: Date, offset = 0) =>
	new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + offset, 1));
/** The audit partition holding that month, named as audit_ensure_partitions names it. */
const partitionOf = (month: Date) =>
	`audit_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
const maja = demoIds.citizen('Maja Jensen');
const anders = demoIds.staff('Anders Berg');

describe('retentionSchedule', () => {
	it('runs daily at 02:30 Danish time by default, as RETENTION_CRON says, or never', () => {
		expect(retentionSchedule({})).toEqual({ cron: '30 2 * * *', tz: 'Europe/Copenhagen' });
		expect(retentionSchedule({ RETENTION_CRON: '0 4 * * 0' })).toEqual({
			cron: '0 4 * * 0',
			tz: 'Europe/Copenhagen'
		});
		expect(retentionSchedule({ RETENTION_CRON: 'off' })).toBeNull();
	});

	// A pure function fed fixed instants: these dates do not depend on today.
	it('counts months back in UTC, the 31st landing on the last day of a shorter month', () => {
		expect(monthsBefore(new Date('2026-11-28T13:00:00Z'), 60).toISOString()).toBe(
			'2021-11-28T13:00:00.000Z'
		);
		expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1).toISOString()).toBe(
			'2026-02-28T00:00:00.000Z'
		);
	});
});

describe.each(testDialects())('retention on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
		await saveRetentionPeriods(t.db, DEFAULT_RETENTION, null);
		// Whatever the demo left that is already due goes now, so each test counts only its own rows.
		await runRetention(t.db, now);
	});
	afterAll(async () => {
		await t?.close();
	});

	let counter = 0;
	async function notification(
		status: NotificationStatus,
		options: { createdAt: Date; sentAt?: Date | null; bundleId?: string; letterId?: string }
	): Promise<string> {
		counter += 1;
		const row = await t.db
			.insertInto('notifications')
			.values({
				citizen_id: maja,
				event_type: 'meeting_invite',
				timeline_entry_id: null,
				channel: options.letterId ? 'letter' : 'email',
				status,
				letter_id: options.letterId ?? null,
				error: null,
				idempotency_key: `retention-test:${counter}`,
				send_after: options.createdAt,
				created_at: options.createdAt,
				claimed_at: null,
				bundle_id: options.bundleId ?? null,
				sent_at: options.sentAt ?? null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}

	async function session(expiresAt: Date, lastSeenAt: Date): Promise<string> {
		const id = randomBytes(32).toString('hex');
		await t.db
			.insertInto('sessions')
			.values({
				id,
				citizen_id: null,
				staff_user_id: anders,
				acting_for_citizen_id: null,
				assurance_level: null,
				created_at: new Date(lastSeenAt.getTime() - 60_000),
				last_seen_at: lastSeenAt,
				expires_at: expiresAt
			})
			.execute();
		return id;
	}

	async function existing(table: 'notifications' | 'sessions', ids: string[]): Promise<string[]> {
		const rows = await t.db.selectFrom(table).select('id').where('id', 'in', ids).execute();
		return rows.map((r) => r.id);
	}

	async function tableExists(name: string): Promise<boolean> {
		const { rows } = await sql<{
			oid: string | null;
		}>`select to_regclass(${name})::text as oid`.execute(t.db);
		return rows[0]?.oid !== null && rows[0]?.oid !== undefined;
	}

	it('deletes exactly the sessions, notifications and idempotency records past their period', async () => {
		// Sessions: 30 days after they ended (absolute expiry, or last request + 30 minutes idle).
		const expiredLongAgo = await session(ago(31), ago(31, 3_600_000));
		const idleLongAgo = await session(new Date(now.getTime() + 3_600_000), ago(31));
		const expiredRecently = await session(ago(29), ago(29, 3_600_000));
		const active = await session(new Date(now.getTime() + 3_600_000), now);

		// Notifications: 90 days after delivery.
		const sentOld = await notification('sent', { createdAt: ago(92), sentAt: ago(91) });
		const sentYoung = await notification('sent', { createdAt: ago(92), sentAt: ago(89) });
		const cancelledOld = await notification('cancelled', { createdAt: ago(100) });
		const cancelledYoung = await notification('cancelled', { createdAt: ago(10) });
		const undelivered = await Promise.all(
			(['pending', 'sending', 'failed', 'uncertain'] as const).map((s) =>
				notification(s, { createdAt: ago(400) })
			)
		);
		const bundleHead = await notification('sent', { createdAt: ago(120), sentAt: ago(119) });
		const bundledA = await notification('bundled', { createdAt: ago(121), bundleId: bundleHead });
		const bundledB = await notification('bundled', { createdAt: ago(120), bundleId: bundleHead });
		const failedHead = await notification('failed', { createdAt: ago(200) });
		const bundledIntoFailed = await notification('bundled', {
			createdAt: ago(200),
			bundleId: failedHead
		});
		const letter = await t.db
			.selectFrom('letters')
			.select('id')
			.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
			.executeTakeFirstOrThrow();
		const letterNotice = await notification('sent', {
			createdAt: ago(150),
			sentAt: ago(150),
			letterId: letter.id
		});
		await t.db
			.insertInto('demo_outbox')
			.values({
				notification_id: sentOld,
				channel: 'email',
				recipient: 'maja@example.com',
				subject: 'Test',
				body: 'Test',
				created_at: ago(91)
			})
			.execute();

		// Idempotency records: 7 days.
		const key = await createApiKey(t.db, {
			departmentId: demoIds.department('jobcenter'),
			name: 'Retention test',
			createdByStaffId: anders
		});
		for (const [name, createdAt] of [
			['old', ago(8)],
			['young', ago(6)]
		] as const) {
			await t.db
				.insertInto('api_idempotency')
				.values({
					api_key_id: key.id,
					idempotency_key: name,
					method: 'PUT',
					path: '/api/v1/x',
					request_hash: 'h',
					status_code: 200,
					response_body: JSON.stringify({}),
					created_at: createdAt,
					completed_at: createdAt
				})
				.execute();
		}

		const result = await runRetention(t.db, now);

		expect(result.error).toBeNull();
		expect(result.sessionsDeleted).toBe(2);
		expect((await existing('sessions', [expiredLongAgo, idleLongAgo])).length).toBe(0);
		expect((await existing('sessions', [expiredRecently, active])).sort()).toEqual(
			[expiredRecently, active].sort()
		);

		const gone = [sentOld, cancelledOld, bundleHead, bundledA, bundledB, letterNotice];
		const kept = [sentYoung, cancelledYoung, ...undelivered, failedHead, bundledIntoFailed];
		expect(result.notificationsDeleted).toBe(gone.length);
		expect(await existing('notifications', gone)).toEqual([]);
		expect((await existing('notifications', kept)).sort()).toEqual([...kept].sort());
		const outbox = await t.db
			.selectFrom('demo_outbox')
			.select('id')
			.where('notification_id', '=', sentOld)
			.execute();
		expect(outbox).toEqual([]);
		// The letter is the citizen's document: it stays.
		expect(
			await t.db.selectFrom('letters').select('id').where('id', '=', letter.id).executeTakeFirst()
		).toEqual({ id: letter.id });

		expect(result.idempotencyDeleted).toBe(1);
		const records = await t.db
			.selectFrom('api_idempotency')
			.select('idempotency_key')
			.where('api_key_id', '=', key.id)
			.execute();
		expect(records.map((r) => r.idempotency_key)).toEqual(['young']);
	});

	it('archives closed journeys a year after they closed and leaves the rest alone', async () => {
		const extra = await t.db
			.insertInto('journeys')
			.values([
				{
					citizen_id: maja,
					title: 'Lukket for længe siden',
					status: 'closed',
					started_at: ago(500),
					closed_at: ago(366),
					coordinator_id: null,
					title_en: null,
					archived_at: null
				},
				{
					citizen_id: maja,
					title: 'Lukket for nylig',
					status: 'closed',
					started_at: ago(500),
					closed_at: ago(364),
					coordinator_id: null,
					title_en: null,
					archived_at: null
				},
				{
					citizen_id: maja,
					title: 'Aktivt',
					status: 'active',
					started_at: ago(500),
					closed_at: null,
					coordinator_id: null,
					title_en: null,
					archived_at: null
				}
			])
			.returning('id')
			.execute();
		const [old, recent, open] = extra.map((r) => r.id) as [string, string, string];

		const result = await runRetention(t.db, now);
		expect(result.journeysArchived).toBe(1);
		const rows = await t.db
			.selectFrom('journeys')
			.select(['id', 'archived_at'])
			.where('id', 'in', [old, recent, open])
			.execute();
		const archived = new Map(rows.map((r) => [r.id, r.archived_at]));
		expect(archived.get(old)?.toISOString()).toBe(now.toISOString());
		expect(archived.get(recent)).toBeNull();
		expect(archived.get(open)).toBeNull();
		// A second run archives nothing again.
		expect((await runRetention(t.db, now)).journeysArchived).toBe(0);
	});

	it('drops whole old audit partitions, keeps recent ones and the default partition', async () => {
		// 60 months before now: every month that ended by then goes, the month it falls in stays.
		const cutoff = monthsBefore(now, 60);
		const cutoffMonth = monthStart(cutoff);
		// Three months well before the cutoff, and the months around it.
		await sql`select audit_ensure_partitions(${monthStart(cutoffMonth, -22)}, 3)`.execute(t.db);
		await sql`select audit_ensure_partitions(${monthStart(cutoffMonth, -1)}, 3)`.execute(t.db);
		const oldRow = randomBytes(16)
			.toString('hex')
			.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
		const defaultRow = oldRow.replace(/^./, 'a');
		await t.db
			.insertInto('audit_events')
			.values([
				{
					actor_type: 'system',
					action: 'read',
					object_type: 'test',
					object_id: oldRow,
					citizen_id: null,
					occurred_at: new Date(monthStart(cutoffMonth, -21).getTime() + 14 * DAY)
				},
				// No partition covers this month: the row lands in the default partition, which retention leaves alone.
				{
					actor_type: 'system',
					action: 'read',
					object_type: 'test',
					object_id: defaultRow,
					citizen_id: null,
					occurred_at: monthStart(cutoffMonth, -30)
				}
			])
			.execute();

		const result = await runRetention(t.db, now);
		expect(result.auditPartitionsDropped).toBe(4);
		for (const offset of [-22, -21, -20, -1]) {
			expect(await tableExists(partitionOf(monthStart(cutoffMonth, offset)))).toBe(false);
		}
		// The cutoff's own month and the next, and this month and the next (which the app and the
		// seed keep ready).
		for (const month of [
			monthStart(cutoffMonth),
			monthStart(cutoffMonth, 1),
			monthStart(now),
			monthStart(now, 1)
		]) {
			expect(await tableExists(partitionOf(month))).toBe(true);
		}
		const left = await t.db
			.selectFrom('audit_events')
			.select('object_id')
			.where('object_type', '=', 'test')
			.execute();
		expect(left.map((r) => r.object_id)).toEqual([defaultRow]);
	});

	it('records every run with its counts and one system audit row', async () => {
		const sent = await notification('sent', { createdAt: ago(100), sentAt: ago(100) });
		const result = await runRetention(t.db, now);
		expect(result.notificationsDeleted).toBe(1);
		expect(await existing('notifications', [sent])).toEqual([]);

		const run = await t.db
			.selectFrom('retention_runs')
			.selectAll()
			.where('id', '=', result.runId)
			.executeTakeFirstOrThrow();
		expect(run.finished_at).not.toBeNull();
		expect(run.error).toBeNull();
		expect(run.notifications_deleted).toBe(1);
		expect(run.sessions_deleted).toBe(0);
		expect((await listRetentionRuns(t.db, 10))[0]?.id).toBe(result.runId);

		const audit = await t.db
			.selectFrom('audit_events')
			.select(['actor_type', 'action', 'object_type', 'citizen_id', 'actor_staff_id'])
			.where('object_id', '=', result.runId)
			.execute();
		expect(audit).toEqual([
			{
				actor_type: 'system',
				action: 'delete',
				object_type: 'retention_run',
				citizen_id: null,
				actor_staff_id: null
			}
		]);
	});

	it('two runs at once both finish and count each deleted row once', async () => {
		const ids = await Promise.all(
			[100, 101, 102].map((d) => notification('sent', { createdAt: ago(d), sentAt: ago(d) }))
		);
		const results = await Promise.all([runRetention(t.db, now), runRetention(t.db, now)]);
		for (const r of results) expect(r.error).toBeNull();
		expect(results[0].notificationsDeleted + results[1].notificationsDeleted).toBe(3);
		expect(await existing('notifications', ids)).toEqual([]);
		const runs = await t.db
			.selectFrom('retention_runs')
			.select(['finished_at'])
			.where(
				'id',
				'in',
				results.map((r) => r.runId)
			)
			.execute();
		expect(runs.length).toBe(2);
		for (const run of runs) expect(run.finished_at).not.toBeNull();
	});

	it('the worker registers the daily schedule and runs a queued job', async () => {
		const worker = await startNotificationWorker(t.db, {
			channels: channelsFromEnvironment(t.db, true),
			log: { info() {}, warn() {}, error() {} },
			pollingIntervalSeconds: 0.5,
			retentionSchedule: { cron: '30 2 * * *', tz: 'Europe/Copenhagen' }
		});
		try {
			const { rows } = await sql<{
				name: string;
				cron: string;
				timezone: string;
			}>`select name, cron, timezone from pgboss.schedule where name = ${QUEUES.retention}`.execute(
				t.db
			);
			expect(rows).toEqual([
				{ name: 'retention', cron: '30 2 * * *', timezone: 'Europe/Copenhagen' }
			]);
			const before = (await listRetentionRuns(t.db, 100)).length;
			await requestRetentionRun(t.db, {
				kind: 'staff',
				staffId: anders,
				role: 'admin',
				departmentId: null
			});
			const deadline = performance.now() + 20_000;
			while (
				(await listRetentionRuns(t.db, 100)).length === before &&
				performance.now() < deadline
			) {
				await new Promise((r) => setTimeout(r, 200));
			}
			expect((await listRetentionRuns(t.db, 100)).length).toBe(before + 1);
		} finally {
			await worker.stop();
		}
	});
});

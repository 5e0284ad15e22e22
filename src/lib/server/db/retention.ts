// Retention: the queries of the retention job and its run log. Each delete takes the
// cutoff from the caller, so the job (and its tests) decide what "now" is. The job runs each step
// in its own transaction under lockRetention, see retention/run.ts.
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import type { Executor } from './executor';

/**
 * Serialises retention steps across app nodes for the rest of the caller's transaction. A second
 * node waits, then finds the rows already gone, so nothing is counted twice.
 */
export async function lockRetention(trx: Transaction<Database>): Promise<void> {
	await sql`select pg_advisory_xact_lock(hashtext('sammen:retention'))`.execute(trx);
}

/**
 * Drops the audit trail's monthly partitions that end on or before `cutoff` (the migration's
 * audit_drop_partitions_before: whole partitions, never single rows). Rows in the default partition
 * are not touched. Returns how many partitions went.
 */
export async function dropAuditPartitionsBefore(db: Executor, cutoff: Date): Promise<number> {
	const result = await sql<{
		dropped: number;
	}>`select audit_drop_partitions_before(${cutoff}) as dropped`.execute(db);
	return Number(result.rows[0]?.dropped ?? 0);
}

/**
 * Deletes sessions whose end lies on or before `cutoff`: the absolute expiry, or the last request
 * plus the idle timeout, whichever came first. Sessions that ended after the cutoff stay (they
 * cannot be used: validation refuses them and deletes them on sight).
 */
export async function deleteSessionsEndedBefore(
	db: Executor,
	cutoff: Date,
	idleMs: number
): Promise<number> {
	const idleCutoff = new Date(cutoff.getTime() - idleMs);
	const result = await db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', cutoff), eb('last_seen_at', '<=', idleCutoff)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/**
 * Deletes delivered notifications whose delivery (or, for cancelled ones, creation) lies before
 * `cutoff`: messages that were sent or cancelled, with the rows bundled into them. A bundled row
 * only goes with its message (bundle_id points at it), and a message's bundled rows always go with
 * it. Pending, sending, failed and uncertain messages stay, with their bundled rows, whatever their
 * age. Demo outbox rows go with their notification (on delete cascade); letters stay, they are the
 * citizen's documents. Returns how many notification rows went.
 */
export async function deleteDeliveredNotificationsBefore(
	trx: Transaction<Database>,
	cutoff: Date
): Promise<number> {
	const heads = trx
		.selectFrom('notifications')
		.select('id')
		.where('bundle_id', 'is', null)
		.where('status', 'in', ['sent', 'cancelled'])
		.where(sql<Date>`coalesce(sent_at, created_at)`, '<', cutoff);
	const bundled = await trx
		.deleteFrom('notifications')
		.where('bundle_id', 'in', heads)
		.executeTakeFirst();
	const messages = await trx
		.deleteFrom('notifications')
		.where('id', 'in', heads)
		// A message that still has bundled rows (one added since the statement above) waits.
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('notifications as b')
						.select('b.id')
						.whereRef('b.bundle_id', '=', 'notifications.id')
				)
			)
		)
		.executeTakeFirst();
	return Number(bundled.numDeletedRows) + Number(messages.numDeletedRows);
}

/** Deletes stored Idempotency-Key answers created before `cutoff`. */
export async function deleteIdempotencyBefore(db: Executor, cutoff: Date): Promise<number> {
	const result = await db
		.deleteFrom('api_idempotency')
		.where('created_at', '<', cutoff)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/** Archives closed journeys that closed on or before `cutoff`. Returns how many. */
export async function archiveJourneysClosedBefore(
	db: Executor,
	cutoff: Date,
	now: Date
): Promise<number> {
	const result = await db
		.updateTable('journeys')
		.set({ archived_at: now })
		.where('status', '=', 'closed')
		.where('archived_at', 'is', null)
		.where('closed_at', '<=', cutoff)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

export interface RetentionCounts {
	auditPartitionsDropped: number;
	sessionsDeleted: number;
	notificationsDeleted: number;
	idempotencyDeleted: number;
	journeysArchived: number;
}

export interface RetentionRun extends RetentionCounts {
	id: string;
	startedAt: Date;
	finishedAt: Date | null;
	error: string | null;
}

export async function insertRetentionRun(db: Executor, startedAt: Date): Promise<string> {
	const row = await db
		.insertInto('retention_runs')
		.values({ started_at: startedAt })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function finishRetentionRun(
	db: Executor,
	id: string,
	counts: RetentionCounts,
	finishedAt: Date,
	error: string | null
): Promise<void> {
	await db
		.updateTable('retention_runs')
		.set({
			finished_at: finishedAt,
			audit_partitions_dropped: counts.auditPartitionsDropped,
			sessions_deleted: counts.sessionsDeleted,
			notifications_deleted: counts.notificationsDeleted,
			idempotency_deleted: counts.idempotencyDeleted,
			journeys_archived: counts.journeysArchived,
			error
		})
		.where('id', '=', id)
		.execute();
}

/** The latest runs, newest first. */
export async function listRetentionRuns(db: Executor, limit = 10): Promise<RetentionRun[]> {
	const rows = await db
		.selectFrom('retention_runs')
		.selectAll()
		.orderBy('started_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		startedAt: r.started_at,
		finishedAt: r.finished_at,
		error: r.error,
		auditPartitionsDropped: r.audit_partitions_dropped,
		sessionsDeleted: r.sessions_deleted,
		notificationsDeleted: r.notifications_deleted,
		idempotencyDeleted: r.idempotency_deleted,
		journeysArchived: r.journeys_archived
	}));
}

/**
 * The rule "an archived journey is read-only" as SQL, on the journeys table under `alias`: true
 * while the journey takes writes. The staff guard (retention/archived.ts) and the API's choice of
 * the journey that takes a department's entries (db/api.ts) both ask this.
 */
export function journeyWritable(alias: string) {
	return sql<boolean>`${sql.ref(`${alias}.archived_at`)} is null`;
}

/** Whether the journey exists and takes writes (it is not archived). */
export async function isJourneyWritable(db: Executor, journeyId: string): Promise<boolean> {
	const row = await db
		.selectFrom('journeys as j')
		.select('j.id')
		.where('j.id', '=', journeyId)
		.where(journeyWritable('j'))
		.executeTakeFirst();
	return row !== undefined;
}

/** When the journey was archived, or null (also for a journey that does not exist). */
export async function journeyArchivedAt(db: Executor, journeyId: string): Promise<Date | null> {
	const row = await db
		.selectFrom('journeys')
		.select('archived_at')
		.where('id', '=', journeyId)
		.executeTakeFirst();
	return row?.archived_at ?? null;
}

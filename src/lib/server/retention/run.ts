// The retention job: deletes what has outlived its period and archives closed
// journeys, with the periods administrators set at /staff/admin/opbevaring.
//
// One transaction per step, not one for the whole run: dropping an audit partition takes an
// exclusive lock on the audit table, which every request writes to, so that step must commit at
// once instead of waiting for the other steps; and a step that fails (say, a lock timeout) does not
// undo the others. Each step runs under a transaction-level advisory lock, so two app nodes running
// the job at the same moment take turns per step: the second finds the rows already gone and
// counts nothing twice. The run row is written first (so a run that dies shows as unfinished) and
// completed, with one audit row, in the last transaction.
import type { Kysely, Transaction } from 'kysely';
import { sessionLifetimes } from '../auth/session';
import { recordAuditEvent } from '../db/audit';
import {
	archiveJourneysClosedBefore,
	deleteDeliveredNotificationsBefore,
	deleteIdempotencyBefore,
	deleteSessionsEndedBefore,
	dropAuditPartitionsBefore,
	finishRetentionRun,
	insertRetentionRun,
	lockRetention,
	type RetentionCounts
} from '../db/retention';
import { getRetentionPeriods, type RetentionPeriods } from '../db/retention-settings';
import type { Database } from '../db/schema';
import * as clock from '../clock';

const DAY_MS = 86_400_000;

export interface RetentionResult extends RetentionCounts {
	runId: string;
	/** The steps that failed, with their error; null when all went well. */
	error: string | null;
}

/** The moment `months` calendar months before `now` (UTC), for the audit trail's month partitions. */
export function monthsBefore(now: Date, months: number): Date {
	const cutoff = new Date(now.getTime());
	const day = cutoff.getUTCDate();
	cutoff.setUTCDate(1);
	cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
	// The 31st of a month without one becomes its last day, not the 1st of the next month.
	const lastDay = new Date(
		Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)
	).getUTCDate();
	cutoff.setUTCDate(Math.min(day, lastDay));
	return cutoff;
}

export function daysBefore(now: Date, days: number): Date {
	return new Date(now.getTime() - days * DAY_MS);
}

/** The cutoffs of one run: everything on the old side of them goes. */
export function retentionCutoffs(now: Date, periods: RetentionPeriods) {
	return {
		audit: monthsBefore(now, periods.auditMonths),
		sessions: daysBefore(now, periods.sessionDays),
		notifications: daysBefore(now, periods.notificationDays),
		idempotency: daysBefore(now, periods.idempotencyDays),
		journeys: daysBefore(now, periods.journeyArchiveDays)
	};
}

/**
 * Runs retention once. `now` decides the cutoffs (tests fix it); the run row's times are the
 * clock's. A failing step is recorded in the run's error and the other steps still run.
 */
export async function runRetention(db: Kysely<Database>, now: Date): Promise<RetentionResult> {
	const runId = await insertRetentionRun(db, clock.now());
	const periods = await getRetentionPeriods(db);
	const cutoff = retentionCutoffs(now, periods);
	const { idleMs } = sessionLifetimes();
	const counts: RetentionCounts = {
		auditPartitionsDropped: 0,
		sessionsDeleted: 0,
		notificationsDeleted: 0,
		idempotencyDeleted: 0,
		journeysArchived: 0
	};
	const errors: string[] = [];

	const steps: [keyof RetentionCounts, (trx: Transaction<Database>) => Promise<number>][] = [
		['auditPartitionsDropped', (trx) => dropAuditPartitionsBefore(trx, cutoff.audit)],
		['sessionsDeleted', (trx) => deleteSessionsEndedBefore(trx, cutoff.sessions, idleMs)],
		[
			'notificationsDeleted',
			(trx) => deleteDeliveredNotificationsBefore(trx, cutoff.notifications)
		],
		['idempotencyDeleted', (trx) => deleteIdempotencyBefore(trx, cutoff.idempotency)],
		['journeysArchived', (trx) => archiveJourneysClosedBefore(trx, cutoff.journeys, now)]
	];
	for (const [key, step] of steps) {
		try {
			counts[key] = await db.transaction().execute(async (trx) => {
				await lockRetention(trx);
				return step(trx);
			});
		} catch (error) {
			// Database errors about these tables name no person (no CPR, no names).
			errors.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	const error = errors.length > 0 ? errors.join('; ').slice(0, 2000) : null;
	await db.transaction().execute(async (trx) => {
		await finishRetentionRun(trx, runId, counts, clock.now(), error);
		await recordAuditEvent(trx, {
			actor_type: 'system',
			action: 'delete',
			object_type: 'retention_run',
			object_id: runId,
			citizen_id: null
		});
	});
	return { runId, error, ...counts };
}

// Retention periods: one row, edited by administrators, read by the retention job.
import * as clock from '../clock';
import type { Executor } from './executor';

export interface RetentionPeriods {
	/** Audit rows are kept this many months (whole monthly partitions are dropped after it). */
	auditMonths: number;
	/** Ended or expired sessions are deleted this many days after they expired. */
	sessionDays: number;
	/** Delivered notifications (and their demo outbox rows) are deleted after this many days. */
	notificationDays: number;
	/** Stored API answers for Idempotency-Key are deleted after this many days. */
	idempotencyDays: number;
	/** Closed journeys are archived this many days after they closed. */
	journeyArchiveDays: number;
}

/** The defaults of the migration, documented in README and docs/DEPLOY.md. */
export const DEFAULT_RETENTION: RetentionPeriods = {
	auditMonths: 60,
	sessionDays: 30,
	notificationDays: 90,
	idempotencyDays: 7,
	journeyArchiveDays: 365
};

/** The limits the database enforces, for forms to check first. */
export const RETENTION_LIMITS: Record<keyof RetentionPeriods, { min: number; max: number }> = {
	auditMonths: { min: 12, max: 240 },
	sessionDays: { min: 1, max: 365 },
	notificationDays: { min: 7, max: 3650 },
	idempotencyDays: { min: 1, max: 365 },
	journeyArchiveDays: { min: 30, max: 3650 }
};

export async function getRetentionPeriods(db: Executor): Promise<RetentionPeriods> {
	const row = await db.selectFrom('retention_settings').selectAll().executeTakeFirst();
	if (!row) return { ...DEFAULT_RETENTION };
	return {
		auditMonths: row.audit_months,
		sessionDays: row.session_days,
		notificationDays: row.notification_days,
		idempotencyDays: row.idempotency_days,
		journeyArchiveDays: row.journey_archive_days
	};
}

export async function saveRetentionPeriods(
	db: Executor,
	periods: RetentionPeriods,
	staffId: string | null
): Promise<void> {
	const values = {
		audit_months: periods.auditMonths,
		session_days: periods.sessionDays,
		notification_days: periods.notificationDays,
		idempotency_days: periods.idempotencyDays,
		journey_archive_days: periods.journeyArchiveDays,
		updated_at: clock.now(),
		updated_by_staff_id: staffId
	};
	await db
		.insertInto('retention_settings')
		.values({ id: true, ...values })
		.onConflict((oc) => oc.column('id').doUpdateSet(values))
		.execute();
}

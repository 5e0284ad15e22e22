// The administrators' side of retention (/staff/admin/opbevaring): parse and save the periods, and
// ask for a run now. Each change is audited in the same transaction as the change.
import type { Kysely } from 'kysely';
import type { FieldErrors } from '$lib/forms';
import type { AdminKey } from '$lib/i18n/admin';
import {
	RETENTION_LIMITS,
	saveRetentionPeriods,
	type RetentionPeriods
} from '../db/retention-settings';
import type { Database } from '../db/schema';
import { enqueue, QUEUES } from '../jobs/queue';
import { auditStaff, type StaffActor } from '../access/staff';

/** The form's fields in the order shown, with the error that names what to write. */
export const RETENTION_FIELDS: readonly (keyof RetentionPeriods)[] = [
	'auditMonths',
	'sessionDays',
	'notificationDays',
	'idempotencyDays',
	'journeyArchiveDays'
];

const ERROR_KEYS: Record<keyof RetentionPeriods, AdminKey> = {
	auditMonths: 'rtErrorAuditMonths',
	sessionDays: 'rtErrorSessionDays',
	notificationDays: 'rtErrorNotificationDays',
	idempotencyDays: 'rtErrorIdempotencyDays',
	journeyArchiveDays: 'rtErrorJourneyArchiveDays'
};

export type RetentionFormValues = Record<keyof RetentionPeriods, string>;

/** The periods from the form, or an error per field that is not a whole number within its limits. */
export function parseRetentionForm(
	values: RetentionFormValues
): { periods: RetentionPeriods } | { errors: FieldErrors<AdminKey> } {
	const errors: FieldErrors<AdminKey> = {};
	const periods = {} as RetentionPeriods;
	for (const field of RETENTION_FIELDS) {
		const { min, max } = RETENTION_LIMITS[field];
		const text = values[field].replace(/\s/g, '');
		const value = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
		if (!Number.isInteger(value) || value < min || value > max) {
			errors[field] = { key: ERROR_KEYS[field], values: { min, max } };
		} else {
			periods[field] = value;
		}
	}
	return Object.keys(errors).length > 0 ? { errors } : { periods };
}

/** Saves the periods with their audit row; the next run uses them. */
export async function saveRetention(
	db: Kysely<Database>,
	actor: StaffActor,
	periods: RetentionPeriods
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await saveRetentionPeriods(trx, periods, actor.staffId);
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: 'retention_settings',
			objectId: null,
			citizenId: null
		});
	});
}

/**
 * Puts a retention run on the queue with its audit row (the job's id as the object): a worker on
 * any node picks it up within seconds.
 */
export async function requestRetentionRun(
	db: Kysely<Database>,
	actor: StaffActor
): Promise<string | null> {
	return db.transaction().execute(async (trx) => {
		const jobId = await enqueue(trx, QUEUES.retention, { requestedBy: actor.staffId });
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: 'retention_job',
			objectId: jobId,
			citizenId: null
		});
		return jobId;
	});
}

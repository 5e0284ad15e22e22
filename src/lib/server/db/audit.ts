import type { Kysely, Transaction } from 'kysely';
import type { Database, NewAuditEvent } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** Appends one row to the audit trail (the table accepts INSERT only). */
export async function recordAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
	await db.insertInto('audit_events').values(event).execute();
}

/** The audit rows about one citizen, newest first: "who has looked at my data". */
export async function listAuditEventsForCitizen(db: Executor, citizenId: string, limit = 50) {
	return db
		.selectFrom('audit_events')
		.selectAll()
		.where('citizen_id', '=', citizenId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

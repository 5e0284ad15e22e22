// The audit view filtered by action ("every export", "reads of citizens"), newest first: by
// object type alone the newest rows of another action (a day of searches) were read and dropped
// before the first match. Chosen from EXPLAIN on the benchmark's 2,000,000 audit rows.
// Migrations never import app code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create index audit_events_action_idx on audit_events (action, occurred_at desc, id desc)`.execute(
		db
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop index if exists audit_events_action_idx`.execute(db);
}

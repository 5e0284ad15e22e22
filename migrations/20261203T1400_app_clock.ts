// The application's clock is the only source of "now" (docs/TIME.md): the database no longer fills
// in a timestamp of its own. Without these defaults an insert that forgets its time fails at once
// instead of quietly taking the database server's time, which differs from the application's
// when the clock is pinned for the demo or tests. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

/** Every column that had `default now()`, by table. */
const columns: [table: string, column: string][] = [
	['departments', 'created_at'],
	['staff_users', 'created_at'],
	['citizens', 'created_at'],
	['citizens', 'updated_at'],
	['analog_flag_changes', 'changed_at'],
	['cases', 'opened_at'],
	['cases', 'updated_at'],
	['journeys', 'started_at'],
	['journey_cases', 'added_at'],
	['plan_goals', 'agreed_at'],
	['plan_goals', 'updated_at'],
	['meetings', 'created_at'],
	['tasks', 'created_at'],
	['messages', 'sent_at'],
	['letters', 'created_at'],
	['timeline_entries', 'occurred_at'],
	['timeline_entries', 'created_at'],
	['consents', 'occurred_at'],
	['representatives', 'created_at'],
	['notifications', 'send_after'],
	['notifications', 'created_at'],
	['sessions', 'created_at'],
	['sessions', 'last_seen_at'],
	['audit_events', 'occurred_at'],
	['print_batches', 'created_at'],
	['demo_outbox', 'created_at'],
	['api_keys', 'created_at'],
	['api_idempotency', 'created_at'],
	['municipality_settings', 'updated_at'],
	['retention_settings', 'updated_at'],
	['retention_runs', 'started_at']
];

export async function up(db: Kysely<unknown>): Promise<void> {
	for (const [table, column] of columns) {
		// On the partitioned audit table this reaches every partition too.
		await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} drop default`.execute(
			db
		);
	}
}

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const [table, column] of columns) {
		await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set default now()`.execute(
			db
		);
	}
}

// Indexes chosen from EXPLAIN on the benchmark's municipality (100,000 citizens, 2,000,000
// timeline entries and audit rows; docs/DEPLOY.md, "Benchmark"). Migrations never import app code.
import { sql, type Kysely } from 'kysely';

const statements = [
	// The staff timeline looks up the corrections of the entries on a page: without it, a scan of
	// every entry of the municipality per page.
	`create index timeline_entries_corrects_idx on timeline_entries (corrects_entry_id)
		where corrects_entry_id is not null`,
	// The audit view filters by object type, newest first, and lists the types there are (a skip
	// scan over this index instead of reading every row).
	`create index audit_events_object_type_idx on audit_events (object_type, occurred_at desc, id desc)`
];

export async function up(db: Kysely<unknown>): Promise<void> {
	for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop index if exists audit_events_object_type_idx`.execute(db);
	await sql`drop index if exists timeline_entries_corrects_idx`.execute(db);
}

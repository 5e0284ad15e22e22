// The staff workspace: audit rows say which role the staff member acted in (docs/RULES.md,
// access rule 6: who, role, department, what, which citizen, when, purpose). The role is stored as it was
// at the time, because a staff user's role can change later. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

const upStatements: string[] = [
	`alter table audit_events add column actor_role text
		check (actor_role in ('caseworker', 'coordinator', 'admin', 'auditor'))`,
	// Staff search the trail by actor and by action over time (the auditor's view).
	`create index audit_events_occurred_idx on audit_events (occurred_at desc, id desc)`
];

const downStatements: string[] = [
	'drop index if exists audit_events_occurred_idx',
	'alter table audit_events drop column if exists actor_role'
];

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
	for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
	await run(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await run(db, downStatements);
}

// The demo municipality, Sammen Kommune: five departments, their staff and nine fictitious
// citizens with months of history. Seeded into an empty database at demo start (db/index.ts) and by
// `npm run db:seed`. Everything derives from `now`, so tests can rely on the content (see
// tests/db/seed.spec.ts). The municipality is in municipality.ts, each citizen's story in stories/,
// and both write through builder.ts. Relative imports only: scripts/db-seed.ts runs this under tsx.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CprKeys } from '../crypto/cpr';
import type { Database } from '../db/schema';
import * as clock from '../clock';
import { DemoBuilder, type Rows } from './builder';
import { DemoClock } from './demo-time';
import { municipality } from './municipality';
import { ahmed } from './stories/ahmed';
import { eva } from './stories/eva';
import { jens } from './stories/jens';
import { karl } from './stories/karl';
import { lise } from './stories/lise';
import { maja } from './stories/maja';
import { mikkel } from './stories/mikkel';
import { sofie } from './stories/sofie';

export { DEMO_CITIZENS, DEMO_KLE, DEMO_STAFF } from './demo-data';
export { demoId } from './demo-time';
export { demoIds } from './ids';

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
	const row = await db
		.selectFrom('departments')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	return row.n === 0;
}

/** All rows of the demo for this `now`, in memory (exported for tests that only need the data). */
export function buildDemoRows(keys: CprKeys, now: Date): Rows {
	const builder = new DemoBuilder(new DemoClock(now));
	municipality(builder, keys);
	// The order is part of the data: message, consent and audit ids count the rows before them.
	maja(builder);
	karl(builder);
	sofie(builder);
	ahmed(builder);
	eva(builder);
	jens(builder);
	lise(builder);
	mikkel(builder);
	return builder.rows;
}

/**
 * Seeds the demo municipality into an empty database, in one transaction: one multi-row INSERT per
 * table, in foreign-key order (PGlite is slow per statement, not per row).
 */
export async function seedDemo(
	db: Kysely<Database>,
	keys: CprKeys,
	now: Date = clock.now()
): Promise<void> {
	const rows = buildDemoRows(keys, now);
	await db.transaction().execute((trx) => insertDemoRows(trx, rows, now));
}

/**
 * Seeds the demo into an empty database, once even when several app processes start together on
 * one PostgreSQL: the emptiness check and the seed run in one transaction under an advisory lock,
 * so the second process waits and then finds the data. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(
	db: Kysely<Database>,
	keys: CprKeys,
	now: Date = clock.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext('sammen:seed-demo'))`.execute(trx);
		if (!(await isDatabaseEmpty(trx))) return false;
		await insertDemoRows(trx, buildDemoRows(keys, now), now);
		return true;
	});
}

async function insertDemoRows(trx: Transaction<Database>, rows: Rows, now: Date): Promise<void> {
	// Audit rows must land in their monthly partition, not the default one: a default partition
	// holding rows of a month blocks creating that month's partition later.
	const auditTimes = rows.audit_events.map((a) => new Date(a.occurred_at ?? now).getTime());
	if (auditTimes.length > 0) {
		const earliest = new Date(Math.min(...auditTimes));
		const months =
			(now.getUTCFullYear() - earliest.getUTCFullYear()) * 12 +
			(now.getUTCMonth() - earliest.getUTCMonth()) +
			2;
		await sql`select audit_ensure_partitions(${earliest}::timestamptz, ${months}::integer)`.execute(
			trx
		);
	}
	if (rows.departments.length)
		await trx.insertInto('departments').values(rows.departments).execute();
	if (rows.staff_users.length)
		await trx.insertInto('staff_users').values(rows.staff_users).execute();
	if (rows.citizens.length) await trx.insertInto('citizens').values(rows.citizens).execute();
	if (rows.analog_flag_changes.length)
		await trx.insertInto('analog_flag_changes').values(rows.analog_flag_changes).execute();
	if (rows.cases.length) await trx.insertInto('cases').values(rows.cases).execute();
	if (rows.journeys.length) await trx.insertInto('journeys').values(rows.journeys).execute();
	if (rows.journey_cases.length)
		await trx.insertInto('journey_cases').values(rows.journey_cases).execute();
	if (rows.plan_goals.length) await trx.insertInto('plan_goals').values(rows.plan_goals).execute();
	if (rows.meetings.length) await trx.insertInto('meetings').values(rows.meetings).execute();
	if (rows.meeting_participants.length)
		await trx.insertInto('meeting_participants').values(rows.meeting_participants).execute();
	if (rows.tasks.length) await trx.insertInto('tasks').values(rows.tasks).execute();
	if (rows.messages.length) await trx.insertInto('messages').values(rows.messages).execute();
	if (rows.letters.length) await trx.insertInto('letters').values(rows.letters).execute();
	if (rows.timeline_entries.length)
		await trx.insertInto('timeline_entries').values(rows.timeline_entries).execute();
	if (rows.consents.length) await trx.insertInto('consents').values(rows.consents).execute();
	if (rows.representatives.length)
		await trx.insertInto('representatives').values(rows.representatives).execute();
	if (rows.audit_events.length)
		await trx.insertInto('audit_events').values(rows.audit_events).execute();
	// The migrations made the retention settings row, stamped by the database server's clock: the
	// demo's settings date from its own now, like everything else it holds.
	await trx.updateTable('retention_settings').set({ updated_at: now }).execute();
}

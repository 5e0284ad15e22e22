// The benchmark's data set (scripts/bench/scale-data.ts), small: it loads on both databases on top
// of the demo, keeps the personas, has the shape the benchmark relies on (a long timeline for Maja
// Jensen, a busy caseworker, 5 % analog), is found by CPR as the app finds a citizen, and is the
// same for the same seed.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	generateScaleData,
	scaleCpr,
	scaleId,
	type ScaleCounts
} from '../../scripts/bench/scale-data';
import * as clock from '../../src/lib/server/clock';
import { hashCpr } from '../../src/lib/server/crypto/cpr';
import type { Database } from '../../src/lib/server/db/schema';
import { demoIds } from '../../src/lib/server/seed/demo';
import { demoKeys, openSeeded, testDialects, type TestDatabase } from './helpers';

const CITIZENS = 150;
/** Entries in a long timeline: 5,000 in the benchmark, fewer here. */
const LONG = 400;

async function count(db: Kysely<Database>, query: string): Promise<number> {
	const result = await sql<{ n: number }>`${sql.raw(query)}`.execute(db);
	return Number(result.rows[0]!.n);
}

/** A digest of a table's rows in id order, to compare two databases. */
async function digest(db: Kysely<Database>, table: string, columns: string): Promise<string> {
	const result = await sql<{ d: string }>`
		select md5(string_agg(${sql.raw(columns)}, '|' order by id)) as d from ${sql.table(table)}
	`.execute(db);
	return result.rows[0]!.d;
}

// Generated once per database the run has, or twice on PGlite alone: the second set is the
// determinism check, and on two databases it also shows they make the same rows.
describe('the benchmark data set', () => {
	const dialects = testDialects();
	const [dialect] = dialects;
	let t: TestDatabase;
	let other: TestDatabase;
	let before: Record<string, number>;
	let counts: ScaleCounts;
	const now = clock.now();
	const options = { citizens: CITIZENS, seed: 7, now, longTimeline: LONG };

	beforeAll(async () => {
		t = await openSeeded(dialect!);
		other = await openSeeded(dialects[1] ?? dialect!);
		before = {
			citizens: await count(t.db, 'select count(*) as n from citizens'),
			majaEntries: await count(
				t.db,
				`select count(*) as n from timeline_entries where journey_id = '${demoIds.journey('maja')}'`
			),
			analog: await count(t.db, 'select count(*) as n from analog_flag_changes where analog'),
			loneOpen: await count(
				t.db,
				`select count(*) as n from cases where status <> 'closed' and caseworker_id = '${demoIds.staff('Lone Madsen')}'`
			)
		};
		counts = await generateScaleData(t.db, demoKeys, options);
		await generateScaleData(other.db, demoKeys, options);
	}, 120_000);
	afterAll(async () => {
		await t?.close();
		await other?.close();
	});

	it('adds the citizens with their cases, journeys, timelines and the rest', () => {
		expect(counts.citizens).toBe(before.citizens! + CITIZENS);
		// 1 to 5 cases a citizen, 60 % with a journey, entries, messages, meetings and audit rows.
		expect(counts.cases).toBeGreaterThan(CITIZENS * 2);
		expect(counts.cases).toBeLessThan(CITIZENS * 4 + 100);
		expect(counts.journeys).toBeGreaterThan(CITIZENS * 0.45);
		expect(counts.journeys).toBeLessThan(CITIZENS * 0.75 + 20);
		expect(counts.timelineEntries).toBeGreaterThan(LONG + LONG + CITIZENS * 0.45 * 10);
		expect(counts.messages).toBeGreaterThan(CITIZENS * 0.45);
		expect(counts.meetings).toBeGreaterThan(CITIZENS * 0.3);
		expect(counts.auditEvents).toBeGreaterThan(CITIZENS * 10);
		expect(counts.consents).toBeGreaterThan(CITIZENS * 0.45);
		// Citizens 3 and 103 have a representative.
		expect(counts.representatives).toBeGreaterThanOrEqual(2);
		expect(counts.staff).toBeGreaterThanOrEqual(20);
	});

	it('makes about 5 % of the new citizens analog', () => {
		const analog = counts.analog - before.analog!;
		expect(analog).toBeGreaterThan(CITIZENS * 0.01);
		expect(analog).toBeLessThan(CITIZENS * 0.12);
	});

	it("gives Maja Jensen's journey a long timeline and Lone Madsen more open cases", async () => {
		const majaEntries = await count(
			t.db,
			`select count(*) as n from timeline_entries where journey_id = '${demoIds.journey('maja')}'`
		);
		expect(majaEntries).toBe(before.majaEntries! + LONG);
		const loneOpen = await count(
			t.db,
			`select count(*) as n from cases where status <> 'closed' and caseworker_id = '${demoIds.staff('Lone Madsen')}'`
		);
		expect(loneOpen).toBeGreaterThan(before.loneOpen!);
		// Citizen 7 has a long journey.
		const long = await count(
			t.db,
			`select count(*) as n from timeline_entries where journey_id = '${scaleId(7, 'journey', 7)}'`
		);
		expect(long).toBe(LONG);
	});

	it('keeps the personas: Maja is found by her CPR number and still has her demo journey', async () => {
		const maja = await t.db
			.selectFrom('journeys')
			.select('citizen_id')
			.where('id', '=', demoIds.journey('maja'))
			.executeTakeFirstOrThrow();
		expect(maja.citizen_id).toBe(demoIds.citizen('Maja Jensen'));
	});

	it('finds a new citizen by CPR number, as staff search does', async () => {
		const found = await t.db
			.selectFrom('citizens')
			.select('id')
			.where('cpr_hash', '=', hashCpr(demoKeys, scaleCpr(7, 42)))
			.executeTakeFirst();
		expect(found?.id).toBe(scaleId(7, 'citizen', 42));
	});

	it(`makes the same rows again for the same seed (${dialects.join(' and ')})`, async () => {
		for (const [table, columns] of [
			['citizens', "id::text || name || cpr_hash || coalesce(email, '')"],
			['cases', "id::text || status || kle_number || coalesce(caseworker_id::text, '')"],
			[
				'timeline_entries',
				'id::text || kind || visibility || extract(epoch from occurred_at)::text'
			],
			['messages', 'id::text || body || extract(epoch from sent_at)::text'],
			['meetings', 'id::text || extract(epoch from starts_at)::text']
		] as const) {
			expect(await digest(other.db, table, columns), table).toBe(
				await digest(t.db, table, columns)
			);
		}
	});
});

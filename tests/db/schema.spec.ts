import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { listAuditEventsForCitizen, recordAuditEvent } from '../../src/lib/server/db/audit';
import { connect, DataDirLockedError } from '../../src/lib/server/db/connect';
import { migrateToLatest, migrateToNone, migrationNames } from '../../src/lib/server/db/migrate';
import { isDatabaseUp } from '../../src/lib/server/db';
import { appendTimelineEntry, listTimeline } from '../../src/lib/server/db/timeline';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';
import { citizenTimelineFilter } from '../../src/lib/server/access/policy';

const DAY = 86_400_000;

/** The first instant of the UTC month `offset` months after the month of `instant`. */
const monthStart = (instant: Date, offset = 0) =>
	new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + offset, 1));
/** The audit partition holding that month, named as audit_ensure_partitions names it. */
const partitionOf = (month: Date) =>
	`audit_events_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

describe.each(testDialects())('schema on %s', (dialect) => {
	let t: TestDatabase;
	let citizenId: string;
	let journeyId: string;
	let departmentId: string;

	beforeAll(async () => {
		t = await openTestDatabase(dialect);
		const department = await t.db
			.insertInto('departments')
			.values({
				slug: 'jobcenter',
				name: 'Jobcenter',
				name_en: 'Job centre',
				kle_area: '15',
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		departmentId = department.id;
		const citizen = await t.db
			.insertInto('citizens')
			.values({
				cpr_encrypted: 'v1:x',
				cpr_hash: 'h1',
				name: 'Test Borger',
				created_at: clock.now(),
				updated_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		citizenId = citizen.id;
		const journey = await t.db
			.insertInto('journeys')
			.values({ citizen_id: citizenId, title: 'Forløb', started_at: clock.now() })
			.returning('id')
			.executeTakeFirstOrThrow();
		journeyId = journey.id;
	});

	afterAll(async () => {
		await t?.close();
	});

	it('answers the health query', async () => {
		expect(await isDatabaseUp(t.db)).toBe(true);
	});

	it('accepts audit rows and returns them newest first', async () => {
		for (const [i, action] of (['read', 'search', 'export'] as const).entries()) {
			await recordAuditEvent(t.db, {
				actor_type: 'staff',
				action,
				object_type: 'journey',
				object_id: journeyId,
				citizen_id: citizenId,
				purpose: 'sagsbehandling',
				occurred_at: new Date(clock.now().getTime() - (3 - i) * 1000)
			});
		}
		const rows = await listAuditEventsForCitizen(t.db, citizenId);
		expect(rows.map((r) => r.action)).toEqual(['export', 'search', 'read']);
	});

	it('refuses UPDATE, DELETE and TRUNCATE on the audit table and its partitions', async () => {
		await expect(
			t.db.updateTable('audit_events').set({ purpose: 'changed' }).execute()
		).rejects.toThrow(/not allowed/);
		await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/not allowed/);
		await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/not allowed/);
		// This month's partition, which holds the rows just written.
		const partition = sql.table(partitionOf(monthStart(clock.now())));
		await expect(sql`delete from ${partition}`.execute(t.db)).rejects.toThrow(/not allowed/);
		await expect(sql`update ${partition} set purpose = 'x'`.execute(t.db)).rejects.toThrow(
			/not allowed/
		);
		await expect(sql`truncate ${partition}`.execute(t.db)).rejects.toThrow(/not allowed/);
		const rows = await listAuditEventsForCitizen(t.db, citizenId);
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.purpose === 'sagsbehandling')).toBe(true);
	});

	it.runIf(dialect === 'postgres')(
		'refuses a role with every table privilege that does not own the tables: no change, no trigger switched off',
		async () => {
			// The role a deployment gives the running app when another role owns the schema
			// (docs/DEPLOY.md, "Database roles"): it may read and write every table, and still not
			// change or remove an audit row, nor switch off the triggers that guard them.
			const role = `sammen_app_${crypto.randomUUID().slice(0, 8)}`;
			const password = crypto.randomUUID();
			await sql`create role ${sql.id(role)} login password ${sql.lit(password)}`.execute(t.db);
			await sql`grant usage on schema public to ${sql.id(role)}`.execute(t.db);
			await sql`grant select, insert, update, delete, truncate on all tables in schema public to ${sql.id(role)}`.execute(
				t.db
			);
			const url = new URL(t.url!);
			url.username = role;
			url.password = password;
			const app = await connect({ databaseUrl: url.toString(), dataDir: '' });
			try {
				await recordAuditEvent(app.db, {
					actor_type: 'system',
					action: 'read',
					object_type: 'audit_trail',
					citizen_id: null,
					occurred_at: clock.now()
				});
				await expect(
					app.db.updateTable('audit_events').set({ purpose: 'changed' }).execute()
				).rejects.toThrow(/not allowed/);
				await expect(app.db.deleteFrom('audit_events').execute()).rejects.toThrow(/not allowed/);
				await expect(sql`truncate audit_events`.execute(app.db)).rejects.toThrow(/not allowed/);
				await expect(
					sql`alter table audit_events disable trigger user`.execute(app.db)
				).rejects.toThrow(/must be owner/);
				const partition = sql.table(partitionOf(monthStart(clock.now())));
				await expect(
					sql`alter table ${partition} disable trigger user`.execute(app.db)
				).rejects.toThrow(/must be owner/);
				await expect(sql`drop table ${partition}`.execute(app.db)).rejects.toThrow(/must be owner/);
			} finally {
				await app.close();
				await sql`drop owned by ${sql.id(role)}`.execute(t.db);
				await sql`drop role ${sql.id(role)}`.execute(t.db);
			}
		}
	);

	it('drops whole old audit partitions for retention, and only those', async () => {
		// Two months years ago, long before any partition the migrations and this file made.
		const first = monthStart(clock.now(), -80);
		const cutoff = monthStart(first, 2);
		await sql`select audit_ensure_partitions(${new Date(first.getTime() + 14 * DAY)}, 2)`.execute(
			t.db
		);
		await recordAuditEvent(t.db, {
			actor_type: 'system',
			action: 'read',
			object_type: 'citizen',
			citizen_id: citizenId,
			occurred_at: new Date(first.getTime() + 19 * DAY + 12 * 3_600_000)
		});
		const dropped = await sql<{ n: number }>`
			select audit_drop_partitions_before(${cutoff}) as n`.execute(t.db);
		expect(dropped.rows[0]!.n).toBe(2);
		for (const month of [first, monthStart(first, 1)]) {
			expect(
				(await sql`select to_regclass(${partitionOf(month)}) as oid`.execute(t.db)).rows
			).toEqual([{ oid: null }]);
		}
		const rows = await listAuditEventsForCitizen(t.db, citizenId);
		expect(rows).toHaveLength(3);
		expect(rows.some((r) => r.occurred_at.getTime() < cutoff.getTime())).toBe(false);
	});

	it('keeps timeline entries append-only', async () => {
		const entry = await appendTimelineEntry(t.db, {
			journey_id: journeyId,
			kind: 'note',
			visibility: 'staff',
			department_id: departmentId,
			title: 'Notat'
		});
		await expect(
			t.db.updateTable('timeline_entries').set({ body: 'x' }).where('id', '=', entry.id).execute()
		).rejects.toThrow(/not allowed/);
		await expect(
			t.db.deleteFrom('timeline_entries').where('id', '=', entry.id).execute()
		).rejects.toThrow(/not allowed/);
		const correction = await appendTimelineEntry(t.db, {
			journey_id: journeyId,
			kind: 'note',
			visibility: 'staff',
			title: 'Rettelse',
			corrects_entry_id: entry.id
		});
		expect(correction.corrects_entry_id).toBe(entry.id);
	});

	it('rejects a second entry with the same idempotency key', async () => {
		const values = {
			journey_id: journeyId,
			kind: 'status' as const,
			visibility: 'citizen' as const,
			title: 'Status',
			idempotency_key: 'event-42'
		};
		await appendTimelineEntry(t.db, values);
		await expect(appendTimelineEntry(t.db, values)).rejects.toThrow();
	});

	it('pages a timeline newest first by keyset, without gaps or repeats', async () => {
		const journey = await t.db
			.insertInto('journeys')
			.values({ citizen_id: citizenId, title: 'Sidetest', started_at: clock.now() })
			.returning('id')
			.executeTakeFirstOrThrow();
		// A month back, on the minute.
		const base = Math.floor((clock.now().getTime() - 30 * DAY) / 60_000) * 60_000;
		// 25 entries, several sharing one timestamp, every third staff-only.
		const values = Array.from({ length: 25 }, (_, i) => ({
			journey_id: journey.id,
			kind: 'note' as const,
			visibility: i % 3 === 0 ? ('staff' as const) : ('citizen' as const),
			title: `Post ${i}`,
			occurred_at: new Date(base + Math.floor(i / 4) * 60_000 + 0.25),
			created_at: clock.now()
		}));
		await t.db.insertInto('timeline_entries').values(values).execute();

		const seen: string[] = [];
		let after = null;
		do {
			const page = await listTimeline(t.db, journey.id, { after, limit: 7 });
			seen.push(...page.entries.map((e) => e.title));
			after = page.next;
		} while (after);
		expect(seen).toHaveLength(25);
		expect(new Set(seen).size).toBe(25);

		const all = await listTimeline(t.db, journey.id, { limit: 100 });
		const times = all.entries.map((e) => e.occurred_at.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));

		const citizenView = await listTimeline(t.db, journey.id, {
			filter: citizenTimelineFilter(null),
			limit: 100
		});
		expect(citizenView.entries).toHaveLength(16);
		expect(citizenView.entries.every((e) => e.visibility === 'citizen')).toBe(true);
	});

	it('has indexes that serve the overview, the timeline and the caseload', async () => {
		const plans: string[] = [];
		await t.db.connection().execute(async (conn) => {
			await sql`set enable_seqscan = off`.execute(conn);
			const explain = async (query: ReturnType<typeof sql>) => {
				const result = await sql<Record<string, string>>`explain ${query}`.execute(conn);
				plans.push(result.rows.map((r) => Object.values(r)[0]).join('\n'));
			};
			await explain(
				sql`select * from timeline_entries where journey_id = ${journeyId} and visibility = 'citizen'
					order by occurred_at desc, id desc limit 20`
			);
			await explain(sql`select * from cases where citizen_id = ${citizenId}`);
			await explain(
				sql`select * from cases where caseworker_id = ${citizenId} and status <> 'closed'
					order by next_step_due`
			);
			await explain(
				sql`select * from tasks where citizen_id = ${citizenId} and done_at is null order by due_date`
			);
			await sql`reset enable_seqscan`.execute(conn);
		});
		expect(plans[0]).toContain('timeline_entries_citizen_idx');
		expect(plans[1]).toContain('cases_citizen_idx');
		expect(plans[2]).toContain('cases_caseload_idx');
		expect(plans[3]).toContain('tasks_citizen_open_idx');
	});

	it('rejects data that breaks the domain rules', async () => {
		await expect(
			t.db
				.insertInto('cases')
				.values({
					citizen_id: citizenId,
					department_id: departmentId,
					kle_number: '15.2',
					title: 'Forkert KLE',
					opened_at: clock.now(),
					updated_at: clock.now()
				})
				.execute()
		).rejects.toThrow();
		await expect(
			t.db
				.insertInto('consents')
				.values({
					citizen_id: citizenId,
					department_id: departmentId,
					action: 'granted',
					channel: 'portal',
					occurred_at: clock.now()
				})
				.execute()
		).rejects.toThrow();
	});

	it('migrates all the way down and up again', async () => {
		const other = await openTestDatabase(dialect);
		try {
			const down = await migrateToNone(other.db);
			expect(down).toEqual([...migrationNames].reverse().map((n) => `Down ${n}`));
			const tables = await sql<{ n: number }>`
				select count(*)::int as n from information_schema.tables
				where table_schema = 'public' and table_name not like 'kysely_%'`.execute(other.db);
			expect(tables.rows[0]!.n).toBe(0);
			const up = await migrateToLatest(other.db);
			expect(up).toEqual(migrationNames.map((n) => `Up ${n}`));
		} finally {
			await other.close();
		}
	});

	if (dialect === 'pglite') {
		it('lets only one process open an embedded data directory', async () => {
			// The lock file holds the pid of a live process that is not this one: its parent.
			const fs = await import('node:fs');
			const path = await import('node:path');
			const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'sammen-lock-'));
			fs.writeFileSync(path.join(dir, 'sammen.lock'), String(process.ppid));
			await expect(connect({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
			fs.rmSync(dir, { recursive: true, force: true });
		});
	}

	if (dialect === 'postgres') {
		it('migrates once when two processes start at the same time', async () => {
			const fresh = await openTestDatabase(dialect);
			await migrateToNone(fresh.db);
			const a = await connect({ databaseUrl: fresh.url!, dataDir: '/tmp' });
			const b = await connect({ databaseUrl: fresh.url!, dataDir: '/tmp' });
			try {
				const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
				expect([ra, rb].map((r) => r.length).sort()).toEqual([0, migrationNames.length]);
			} finally {
				await a.close();
				await b.close();
				await fresh.close();
			}
		});
	}
});

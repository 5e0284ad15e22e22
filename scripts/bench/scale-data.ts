// The benchmark's data set: a municipality of `citizens` residents on top of the demo, whose
// personas stay so that the same logins work. At 100,000 citizens: 1,000 more staff, ~300,000
// cases, ~60,000 journeys, ~2,000,000 timeline entries (some journeys, Maja Jensen's among them,
// with 5,000 or more), ~200,000 messages, ~100,000 meetings, ~2,000,000 audit rows, consents,
// representatives and 5 % analog citizens. Every count scales with `citizens`.
//
// Deterministic by seed: every id is an md5 of the seed and the row's place, and every choice a
// hash of the same, so two runs with one seed give the same rows (but for the CPR numbers'
// encryption, which is randomised by design; their keyed hashes are the same).
//
// Set-based: the citizens come from here (their CPR numbers are encrypted and hashed with the
// app's keys), everything else is made by the database with INSERT ... SELECT over
// generate_series, one slice of citizens at a time, so that 100,000 citizens load in minutes.
// Timestamps are the app clock's `now` minus a chosen age: the database never fills one in.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { encryptCpr, hashCpr, type CprKeys } from '../../src/lib/server/crypto/cpr';
import type { Database } from '../../src/lib/server/db/schema';
import { demoIds } from '../../src/lib/server/seed/demo';

export interface ScaleOptions {
	citizens: number;
	seed: number;
	now: Date;
	/** Entries in each long timeline (default 5,000; the tests use fewer). */
	longTimeline?: number;
	/** Called as each step makes progress: the step's name, and how far it is (0 to 1). */
	onProgress?: (step: string, done: number) => void;
}

export interface ScaleCounts {
	citizens: number;
	staff: number;
	cases: number;
	journeys: number;
	timelineEntries: number;
	messages: number;
	meetings: number;
	auditEvents: number;
	consents: number;
	representatives: number;
	analog: number;
}

/** Citizens per slice: each step runs one INSERT ... SELECT per slice. */
const SLICE = 10_000;

const FIRST_NAMES = [
	'Anne',
	'Bo',
	'Camilla',
	'Dorthe',
	'Emil',
	'Freja',
	'Gustav',
	'Hanne',
	'Ida',
	'Jakob',
	'Karen',
	'Lars',
	'Mads',
	'Nanna',
	'Ole',
	'Pia',
	'Rasmus',
	'Sara',
	'Thomas',
	'Ulla',
	'Viktor',
	'Yasmin',
	'Zainab',
	'Ahmed',
	'Birgit',
	'Christian',
	'Ditte',
	'Erik',
	'Fatima',
	'Jonas'
];
const LAST_NAMES = [
	'Nielsen',
	'Jensen',
	'Hansen',
	'Pedersen',
	'Andersen',
	'Christensen',
	'Larsen',
	'Sørensen',
	'Rasmussen',
	'Jørgensen',
	'Petersen',
	'Madsen',
	'Kristensen',
	'Olsen',
	'Thomsen',
	'Poulsen',
	'Johansen',
	'Møller',
	'Mortensen',
	'Hassan'
];
const STREETS = ['Bygaden', 'Skolevej', 'Kirkevej', 'Stationsvej', 'Enghavevej', 'Søndergade'];

/** The id of row `key` `n` under `seed`, as the database makes it too (md5(...)::uuid). */
export function scaleId(seed: number, key: string, n: number): string {
	const hex = createHash('md5').update(`s${seed}:${key}:${n}`).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A number from the seed and a row's place, the same here as in `pg_temp.r` below. */
function pick(seed: number, key: string, n: number): number {
	return parseInt(createHash('md5').update(`${seed}:${key}:${n}`).digest('hex').slice(0, 12), 16);
}

/**
 * A fictitious CPR number for citizen `n`: a real date and a serial from 5000 up (the demo's
 * personas use serials below 100), so it never meets a persona's. Unique by construction for up
 * to 360,000 citizens: citizens with the same serial (n modulo 5000) are born in different blocks
 * of 373 days.
 */
export function scaleCpr(seed: number, n: number): string {
	const block = Math.floor(n / 5000);
	const dayNumber = (block * 373 + (pick(seed, 'birth', n) % 373)) % 27_000;
	const day = new Date(Date.UTC(1940, 0, 1) + dayNumber * 86_400_000);
	const dd = String(day.getUTCDate()).padStart(2, '0');
	const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
	const yy = String(day.getUTCFullYear() % 100).padStart(2, '0');
	return `${dd}${mm}${yy}-${5000 + (n % 5000)}`;
}

export async function generateScaleData(
	db: Kysely<Database>,
	keys: CprKeys,
	options: ScaleOptions
): Promise<ScaleCounts> {
	const { citizens, seed, now } = options;
	const progress = options.onProgress ?? (() => {});
	const scale = citizens / 100_000;
	const extraStaff = Math.max(20, Math.round(1000 * scale));
	const slices = Math.ceil(citizens / SLICE);
	const lone = demoIds.staff('Lone Madsen');
	const maja = demoIds.journey('maja');
	const long = options.longTimeline ?? 5000;

	return db.connection().execute(async (conn) => {
		const run = (query: ReturnType<typeof sql>) => query.execute(conn);
		// A number from the seed and a row's place: the first 48 bits of an md5, as pick() above.
		await run(sql`
			create or replace function pg_temp.r(key text, n bigint) returns bigint
			language sql immutable as $$
				select ('x' || substr(md5(${sql.lit(String(seed))} || ':' || key || ':' || n), 1, 12))::bit(48)::bigint
			$$
		`);
		await run(sql`
			create or replace function pg_temp.id(key text, n bigint) returns uuid
			language sql immutable as $$
				select md5(${sql.lit(`s${seed}:`)} || key || ':' || n)::uuid
			$$
		`);
		// The demo's departments in a fixed order, numbered from 0.
		await run(sql`drop table if exists pg_temp.bench_dept`);
		await run(sql`
			create temp table bench_dept as
			select (row_number() over (order by slug) - 1)::int as k, id, slug, kle_area from departments
		`);
		const departments = Number(
			(await sql<{ n: number }>`select count(*)::int as n from bench_dept`.execute(conn)).rows[0]!.n
		);

		// Staff: caseworkers and about one coordinator in ten, in every department.
		progress('staff', 0);
		await run(sql`
			insert into staff_users (id, email, name, department_id, role, phone, created_at)
			select pg_temp.id('staff', i), 'bench-staff-' || i || '@sammen-kommune.example',
				'Medarbejder ' || i, d.id,
				case when i <= ${departments} or (i / ${departments}) % 10 = 0 then 'coordinator'
					else 'caseworker' end,
				'70 ' || lpad((i % 100)::text, 2, '0') || ' 00 00', ${now}
			from generate_series(1, ${extraStaff}) i
			join bench_dept d on d.k = i % ${departments}
			on conflict do nothing
		`);
		await run(sql`drop table if exists pg_temp.bench_staff`);
		await run(sql`
			create temp table bench_staff as
			select d.k as dept, s.role,
				(row_number() over (partition by d.k, s.role order by s.id) - 1)::int as idx, s.id
			from staff_users s join bench_dept d on d.id = s.department_id
			where s.active and s.role in ('caseworker', 'coordinator')
		`);
		await run(sql`create index on bench_staff (dept, role, idx)`);
		await run(sql`analyze bench_staff`);
		await run(sql`drop table if exists pg_temp.bench_staff_count`);
		await run(sql`
			create temp table bench_staff_count as
			select dept, role, count(*)::int as n from bench_staff group by dept, role
		`);
		progress('staff', 1);

		// Citizens, with CPR numbers encrypted and hashed as the app does.
		const batch = 1000;
		for (let from = 1; from <= citizens; from += batch) {
			const rows = [];
			for (let n = from; n < Math.min(from + batch, citizens + 1); n++) {
				const cpr = scaleCpr(seed, n);
				const first = FIRST_NAMES[pick(seed, 'first', n) % FIRST_NAMES.length]!;
				const last = LAST_NAMES[pick(seed, 'last', n) % LAST_NAMES.length]!;
				const street = STREETS[pick(seed, 'street', n) % STREETS.length]!;
				rows.push({
					id: scaleId(seed, 'citizen', n),
					cpr_encrypted: encryptCpr(keys, cpr),
					cpr_hash: hashCpr(keys, cpr),
					name: `${first} ${last}`,
					address_line: `${street} ${1 + (n % 120)}`,
					postal_code: '9999',
					city: 'Sammenby',
					preferred_language: n % 25 === 0 ? ('en' as const) : ('da' as const),
					email: n % 3 === 0 ? null : `borger-${n}@example.com`,
					phone: n % 4 === 0 ? null : `20 ${String(n % 100).padStart(2, '0')} 00 00`,
					created_at: now,
					updated_at: now
				});
			}
			await conn.insertInto('citizens').values(rows).execute();
			progress('citizens', Math.min(1, (from + batch - 1) / citizens));
		}

		// One row per generated citizen: its number, id, and whether it has a journey (60 %; every
		// citizen whose number ends in 007 has one, with 5,000 entries).
		await run(sql`drop table if exists pg_temp.bench_citizen`);
		await run(sql`
			create temp table bench_citizen as
			select n, pg_temp.id('citizen', n) as id,
				(pg_temp.r('journey', n) % 10 < 6 or n % 1000 = 7) as has_journey
			from generate_series(1, ${citizens}) n
		`);
		await run(sql`create index on bench_citizen (n)`);
		await run(sql`analyze bench_citizen`);

		const sliced = async (step: string, body: (from: number, to: number) => Promise<unknown>) => {
			for (let s = 0; s < slices; s++) {
				await body(s * SLICE + 1, Math.min((s + 1) * SLICE, citizens));
				progress(step, (s + 1) / slices);
			}
		};

		// Cases: 1 to 5 per citizen (3 on average), each in a department, a quarter closed. In the
		// job centre about one open case in forty is Lone Madsen's, so that she is busy.
		await sliced('cases', (from, to) =>
			run(sql`
				insert into cases (id, citizen_id, department_id, kle_number, title, title_en, status,
					waiting_on, next_step, next_step_due, caseworker_id, opened_at, decided_at, closed_at,
					updated_at)
				select pg_temp.id('case', c.n * 10 + j), c.id, d.id,
					d.kle_area || '.' || lpad((10 + (c.n + j) % 80)::text, 2, '0') || '.0' || (1 + j % 9),
					'Sag ' || j || ' om ' || d.kle_area, 'Case ' || j || ' about ' || d.kle_area,
					st.status,
					case when st.status = 'in_progress' then 'citizen' end,
					case when st.status = 'in_progress' then 'Send os dine papirer' end,
					case when st.status = 'in_progress'
						then to_char(${now}::timestamptz + ((pg_temp.r('due', c.n * 10 + j) % 60) - 10) * interval '1 day', 'YYYY-MM-DD')::date end,
					case
						when d.slug = 'jobcenter' and st.status <> 'closed' and pg_temp.r('lone', c.n * 10 + j) % 40 = 0
							then ${lone}::uuid
						else cw.id
					end,
					${now}::timestamptz - (400 + pg_temp.r('opened', c.n * 10 + j) % 700) * interval '1 day',
					case when st.status in ('decided', 'closed') then ${now}::timestamptz - interval '200 days' end,
					case when st.status = 'closed' then ${now}::timestamptz - interval '100 days' end,
					${now}::timestamptz - (pg_temp.r('updated', c.n * 10 + j) % 300) * interval '1 day'
				from bench_citizen c
				cross join lateral generate_series(1, 1 + (pg_temp.r('cases', c.n) % 5)::int) j
				join bench_dept d on d.k = (c.n + j) % ${departments}
				join bench_staff_count sc on sc.dept = d.k and sc.role = 'caseworker'
				join bench_staff cw on cw.dept = d.k and cw.role = 'caseworker'
					and cw.idx = pg_temp.r('caseworker', c.n * 10 + j) % sc.n
				cross join lateral (select (array['received', 'in_progress', 'in_progress', 'decided',
					'closed', 'in_progress', 'received', 'closed'])[1 + pg_temp.r('status', c.n * 10 + j) % 8]
					as status) st
				where c.n between ${from} and ${to}
				on conflict do nothing
			`)
		);

		// Journeys, with every case of their citizen and a coordinator.
		await sliced('journeys', async (from, to) => {
			await run(sql`
				insert into journeys (id, citizen_id, title, title_en, coordinator_id, status, started_at)
				select pg_temp.id('journey', c.n), c.id, 'Dit forløb', 'Your journey',
					co.id,
					case when pg_temp.r('journey-status', c.n) % 10 = 0 then 'paused' else 'active' end,
					${now}::timestamptz - (300 + pg_temp.r('started', c.n) % 700) * interval '1 day'
				from bench_citizen c
				join bench_staff_count sc on sc.dept = c.n % ${departments} and sc.role = 'coordinator'
				join bench_staff co on co.dept = sc.dept and co.role = 'coordinator'
					and co.idx = pg_temp.r('coordinator', c.n) % sc.n
				where c.has_journey and c.n between ${from} and ${to}
				on conflict do nothing
			`);
			await run(sql`
				insert into journey_cases (journey_id, case_id, added_at)
				select pg_temp.id('journey', c.n), k.id, k.opened_at
				from bench_citizen c join cases k on k.citizen_id = c.id
				where c.has_journey and c.n between ${from} and ${to}
				on conflict do nothing
			`);
		});

		// Timeline entries: 10 to 46 per journey (28 on average); 5,000 for a citizen whose number
		// ends in 007. Notes for staff, status changes and decisions for the citizen too.
		const entries = (
			journey: ReturnType<typeof sql>,
			key: string,
			count: ReturnType<typeof sql>
		) => sql`
			insert into timeline_entries (id, journey_id, kind, visibility, author_staff_id,
				department_id, title, title_en, body, occurred_at, created_at)
			select pg_temp.id(${key}, x.n::bigint * 10000 + e), ${journey},
				kd.kind, case when kd.kind = 'note' then 'staff' else 'citizen' end,
				j.coordinator_id, d.id,
				case kd.kind when 'note' then 'Notat' when 'status' then 'Sagen er opdateret'
					else 'Afgørelse' end,
				case kd.kind when 'note' then 'Note' when 'status' then 'The case was updated'
					else 'Decision' end,
				'Tekst ' || e, x.at - e * interval '1 hour', x.at - e * interval '1 hour'
			from (${count}) x
			join journeys j on j.id = x.journey_id
			cross join lateral generate_series(1, x.entries) e
			join bench_dept d on d.k = (x.n + e) % ${departments}
			cross join lateral (select (array['note', 'status', 'status', 'note', 'decision'])
				[1 + pg_temp.r('kind', x.n::bigint * 10000 + e) % 5] as kind) kd
			on conflict do nothing
		`;
		await sliced('timeline entries', (from, to) =>
			run(
				entries(
					sql`x.journey_id`,
					'entry',
					sql`select c.n, pg_temp.id('journey', c.n) as journey_id,
						case when c.n % 1000 = 7 then ${long} else 10 + (pg_temp.r('entries', c.n) % 37)::int end
							as entries,
						${now}::timestamptz - (pg_temp.r('last-entry', c.n) % 30) * interval '1 day' as at
					from bench_citizen c where c.has_journey and c.n between ${from} and ${to}`
				)
			)
		);
		// Maja Jensen's journey gets 5,000 older entries: the long timeline a persona reads.
		await run(
			entries(
				sql`x.journey_id`,
				'maja-entry',
				sql`select 0 as n, ${maja}::uuid as journey_id, ${long}::int as entries,
					${now}::timestamptz - interval '400 days' as at`
			)
		);
		progress('timeline entries', 1);

		// Messages: 0 to 6 per journey (3 on average), citizen and coordinator in turn.
		await sliced('messages', (from, to) =>
			run(sql`
				insert into messages (id, journey_id, author_citizen_id, author_staff_id, body, sent_at,
					read_by_citizen_at, read_by_staff_at)
				select pg_temp.id('message', c.n * 10 + m), j.id,
					case when m % 2 = 1 then c.id end,
					case when m % 2 = 0 then j.coordinator_id end,
					'Besked ' || m,
					${now}::timestamptz - (m * 3 + pg_temp.r('message', c.n) % 20) * interval '1 day',
					${now}::timestamptz - interval '1 day', ${now}::timestamptz - interval '1 day'
				from bench_citizen c
				join journeys j on j.id = pg_temp.id('journey', c.n)
				cross join lateral generate_series(1, (pg_temp.r('messages', c.n) % 7)::int) m
				where c.has_journey and c.n between ${from} and ${to} and j.coordinator_id is not null
				on conflict do nothing
			`)
		);

		// Meetings: 0 to 3 per journey, some past, some to come.
		await sliced('meetings', (from, to) =>
			run(sql`
				insert into meetings (id, journey_id, title, title_en, starts_at, ends_at, location,
					organizer_staff_id, citizen_response, created_at, department_id)
				select pg_temp.id('meeting', c.n * 10 + m), j.id, 'Møde om dit forløb',
					'Meeting about your journey', at.starts, at.starts + interval '1 hour',
					'Rådhuset, mødelokale ' || (1 + m), j.coordinator_id,
					case when at.starts < ${now}::timestamptz then 'accepted' else 'pending' end,
					at.starts - interval '14 days', null
				from bench_citizen c
				join journeys j on j.id = pg_temp.id('journey', c.n)
				cross join lateral generate_series(1, (pg_temp.r('meetings', c.n) % 4)::int) m
				cross join lateral (select date_trunc('hour', ${now}::timestamptz)
					+ ((pg_temp.r('meeting-day', c.n * 10 + m) % 120) - 60) * interval '1 day'
					as starts) at
				where c.has_journey and c.n between ${from} and ${to}
				on conflict do nothing
			`)
		);

		// Consents to the departments of the citizen's cases; representatives for 1 %; analog 5 %.
		await sliced('consents, representatives, analog', async (from, to) => {
			await run(sql`
				insert into consents (id, citizen_id, department_id, action, channel,
					recorded_by_citizen_id, occurred_at)
				select pg_temp.id('consent', c.n * 10 + d.k), c.id, d.id, 'granted', 'portal', c.id,
					${now}::timestamptz - interval '300 days'
				from bench_citizen c
				join bench_dept d on d.id in (select k.department_id from cases k where k.citizen_id = c.id)
				where c.has_journey and c.n between ${from} and ${to}
				on conflict do nothing
			`);
			await run(sql`
				insert into representatives (id, citizen_id, representative_citizen_id, scope, basis,
					valid_from, created_at)
				select pg_temp.id('representative', c.n), c.id, pg_temp.id('citizen', c.n + 1),
					case when c.n % 200 = 3 then 'read_only' else 'full' end, 'power_of_attorney',
					to_char(${now}::timestamptz - interval '200 days', 'YYYY-MM-DD')::date,
					${now}::timestamptz - interval '200 days'
				from bench_citizen c
				where c.n % 100 = 3 and c.n < ${citizens} and c.n between ${from} and ${to}
				on conflict do nothing
			`);
			await run(sql`
				insert into analog_flag_changes (id, citizen_id, analog, reason, changed_at)
				select pg_temp.id('analog', c.n), c.id, true, 'digital_post_exempt',
					${now}::timestamptz - interval '500 days'
				from bench_citizen c
				where pg_temp.r('analog', c.n) % 20 = 0 and c.n between ${from} and ${to}
				on conflict do nothing
			`);
		});

		// Audit rows: staff reading citizens over the last twelve months, 0 to 40 per citizen (20 on
		// average). The monthly partitions must exist before their rows arrive.
		await run(sql`select audit_ensure_partitions(${now}::timestamptz - interval '13 months', 15)`);
		await sliced('audit rows', (from, to) =>
			run(sql`
				insert into audit_events (occurred_at, actor_type, actor_staff_id, actor_department_id,
					actor_role, action, object_type, object_id, citizen_id, purpose)
				select ${now}::timestamptz - (pg_temp.r('audit-at', c.n * 100 + a) % 525600) * interval '1 minute',
					'staff', s.id, d.id, s.role, 'read', 'citizen', c.id, c.id, 'casework'
				from bench_citizen c
				cross join lateral generate_series(1, (pg_temp.r('audits', c.n) % 41)::int) a
				join bench_dept d on d.k = (c.n + a) % ${departments}
				join bench_staff s on s.dept = d.k and s.role = 'caseworker' and s.idx = 0
				where c.n between ${from} and ${to}
			`)
		);

		const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
			Number((await query.execute(conn)).rows[0]!.n);
		return {
			citizens: await count(sql`select count(*)::int as n from citizens`),
			staff: await count(sql`select count(*)::int as n from staff_users`),
			cases: await count(sql`select count(*)::int as n from cases`),
			journeys: await count(sql`select count(*)::int as n from journeys`),
			timelineEntries: await count(sql`select count(*)::int as n from timeline_entries`),
			messages: await count(sql`select count(*)::int as n from messages`),
			meetings: await count(sql`select count(*)::int as n from meetings`),
			auditEvents: await count(sql`select count(*)::int as n from audit_events`),
			consents: await count(sql`select count(*)::int as n from consents`),
			representatives: await count(sql`select count(*)::int as n from representatives`),
			analog: await count(sql`select count(*)::int as n from analog_flag_changes where analog`)
		};
	});
}

// The staff caseload, search, citizen view and analog flag against a real database: only what the
// access policy lets the reader see, searches audited with their criterion (the CPR number only as
// its keyed hash), and an analog flag change stored together with its audit row.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { hashCpr } from '../../src/lib/server/crypto/cpr';
import {
	loadCitizenFacts,
	loadCitizenFactsMany,
	loadJourneyAccess,
	loadJourneyFacts,
	loadJourneyFactsMany
} from '../../src/lib/server/db/access-facts';
import { analogCitizenIds, currentAnalogFlag } from '../../src/lib/server/db/analog';
import type { StaffRole } from '../../src/lib/domain';
import {
	changeAnalogFlag,
	parseAnalogClear,
	parseAnalogSet
} from '../../src/lib/server/analog/service';
import { loadCaseload, parseCaseloadFilters } from '../../src/lib/server/caseload/service';
import { loadCitizenView } from '../../src/lib/server/citizens/staff-view';
import {
	parseSearch,
	searchCitizens,
	SEARCH_RESULTS_MAX,
	type SearchQuery
} from '../../src/lib/server/citizens/search';
import type { StaffActor, StaffCitizenContext } from '../../src/lib/server/access/staff';
import { DEMO_CITIZENS, demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { demoKeys, openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const today = todayInDenmark(now);
// The due dates the seed gives Lone's cases (seed/demo.ts).
const demo = new DemoClock(now);
const due = {
	ahmedMentor: demo.dateOf(demo.workdayAt(4, 14)),
	majaJob: demo.dueDate(5),
	mikkelPlacement: demo.dueDate(12),
	ahmedPlacement: demo.dueDate(21)
};
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const ahmed = demoIds.citizen('Ahmed Hassan');
const mikkel = demoIds.citizen('Mikkel Thomsen');

function staff(
	name: 'Lone Madsen' | 'Peter Holm' | 'Hanne Vestergaard' | 'Mette Larsen' | 'Anders Berg',
	role: StaffRole,
	department: Parameters<typeof demoIds.department>[0] | null
): StaffActor {
	return {
		kind: 'staff',
		staffId: demoIds.staff(name),
		role,
		departmentId: department ? demoIds.department(department) : null
	};
}
const lone = staff('Lone Madsen', 'caseworker', 'jobcenter');
const peter = staff('Peter Holm', 'caseworker', 'boern-og-familie');
const hanne = staff('Hanne Vestergaard', 'caseworker', 'sundhed-og-omsorg');
const mette = staff('Mette Larsen', 'coordinator', 'socialforvaltningen');
const anders = staff('Anders Berg', 'admin', null);

const filters = (query = '') => parseCaseloadFilters(new URLSearchParams(query));

describe.each(testDialects())('staff caseload on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	async function context(actor: StaffActor, citizenId: string): Promise<StaffCitizenContext> {
		const citizen = (await loadCitizenFacts(t.db, citizenId))!;
		// loadCitizenView and changeAnalogFlag use db, actor and citizen; the rest is for pages.
		return { db: t.db, actor, citizen } as StaffCitizenContext;
	}

	// The demo has search rows of its own: a test looks at the rows added since `seen`.
	const seen = new Set<string>();
	async function newSearchRows() {
		const rows = await t.db
			.selectFrom('audit_events')
			.select([
				'id',
				'actor_staff_id',
				'citizen_id',
				'object_id',
				'object_type',
				'criterion',
				'purpose'
			])
			.where('action', '=', 'search')
			.orderBy('occurred_at')
			.execute();
		const fresh = rows.filter((r) => !seen.has(r.id));
		for (const r of fresh) seen.add(r.id);
		return fresh.map(({ id, ...rest }) => (void id, rest));
	}

	it('reads many citizens’ and journeys’ policy facts in one round trip, as one by one would', async () => {
		const citizens = await t.db.selectFrom('citizens').select('id').orderBy('id').execute();
		const journeys = await t.db.selectFrom('journeys').select('id').orderBy('id').execute();
		const citizenIds = citizens.map((c) => c.id);
		const journeyIds = journeys.map((j) => j.id);
		const made = '00000000-0000-4000-8000-000000000000';
		const many = await loadCitizenFactsMany(t.db, [
			...citizenIds,
			made,
			'not-a-uuid',
			citizenIds[0]!
		]);
		expect([...many.keys()].sort()).toEqual(citizenIds);
		for (const id of citizenIds) expect(many.get(id)).toEqual(await loadCitizenFacts(t.db, id));
		const manyJourneys = await loadJourneyFactsMany(t.db, [...journeyIds, made]);
		expect([...manyJourneys.keys()].sort()).toEqual(journeyIds);
		for (const id of journeyIds) {
			expect(manyJourneys.get(id)).toEqual(await loadJourneyFacts(t.db, id));
		}
		expect((await loadCitizenFactsMany(t.db, [])).size).toBe(0);
		// A journey's access facts hold its own citizen's facts, not a mix over every citizen (an
		// alias shared by the outer query and a subquery once made the coordinators everyone's).
		const coordinators = new Set<string>();
		for (const id of journeyIds) {
			const access = (await loadJourneyAccess(t.db, id))!;
			expect(access.journey).toEqual(manyJourneys.get(id));
			expect(access.citizen).toEqual(many.get(access.journey.citizenId));
			for (const c of access.citizen.coordinatorIds) coordinators.add(c);
		}
		expect(coordinators.size).toBeGreaterThan(1);
	});

	it('lists Lone’s own cases and the cases of the journey she coordinates, soonest due first', async () => {
		const { rows } = await loadCaseload(t.db, lone, filters(), today);
		// The same order whatever today is: a working day 4 days on is never after the due date 5
		// days on (a weekend moves both to the same Monday, and then Ahmed comes first by name), and
		// both come before the due dates 12 and 21 days on.
		expect(rows.map((r) => [r.citizenName, r.title, r.nextStepDue])).toEqual([
			['Ahmed Hassan', 'Din mentor', due.ahmedMentor],
			['Maja Jensen', 'Din vej til job', due.majaJob],
			['Mikkel Thomsen', 'Din virksomhedspraktik', due.mikkelPlacement],
			['Ahmed Hassan', 'Din virksomhedspraktik', due.ahmedPlacement],
			// Borgerservice's case on Ahmed's journey, which Lone coordinates (he consented).
			['Ahmed Hassan', 'Din ansøgning om hjælp til en enkeltudgift', null]
		]);
		const majaRow = rows.find((r) => r.citizenId === maja)!;
		expect(majaRow.journey?.id).toBe(demoIds.journey('maja'));
		expect(majaRow.consentMissing).toBe(false);
		expect(majaRow.analog).toBe(false);
		// Mikkel withdrew his consent to Jobcenter.
		expect(rows.find((r) => r.citizenId === mikkel)!.consentMissing).toBe(true);
		expect(rows.every((r) => r.status !== 'closed')).toBe(true);
	});

	it('pages the caseload in the database: the same rows in the same order, counted, a stale page clamped', async () => {
		const all = await loadCaseload(t.db, lone, filters(), today);
		expect(all).toMatchObject({ total: 5, page: 1, pages: 1 });
		const pages = [];
		for (const side of [1, 2, 3]) {
			const page = await loadCaseload(t.db, lone, filters(`side=${side}`), today, 2);
			expect(page).toMatchObject({ total: 5, page: side, pages: 3 });
			pages.push(...page.rows);
		}
		expect(pages).toEqual(all.rows);
		// A page past the end (cases closed since the link was made) shows the last page.
		const stale = await loadCaseload(t.db, lone, filters('side=9'), today, 2);
		expect(stale).toMatchObject({ page: 3, pages: 3 });
		expect(stale.rows).toEqual(all.rows.slice(4));
		// Nonsense reads as the first page.
		expect(filters('side=-1').page).toBe(1);
		expect(filters('side=1e3').page).toBe(1000);
		expect(filters('side=abc').page).toBe(1);
		// Filters count in the database too: one Jobcenter case waits on the citizen.
		const waiting = await loadCaseload(t.db, lone, filters('venter=citizen'), today, 2);
		expect(waiting.total).toBe(waiting.rows.length);
	});

	it('shows the whole department: every open Jobcenter case, nothing of other departments', async () => {
		const { rows } = await loadCaseload(t.db, lone, filters('visning=afdeling'), today);
		expect(rows).toHaveLength(4);
		expect(new Set(rows.map((r) => r.departmentName))).toEqual(new Set(['Jobcenter']));
	});

	it('filters by department, status, waiting on and due soon; ignores unknown values', async () => {
		const titles = async (query: string) =>
			(await loadCaseload(t.db, lone, filters(query), today)).rows.map(
				(r) => `${r.citizenName}: ${r.title}`
			);
		expect(await titles(`afdeling=${demoIds.department('borgerservice')}`)).toEqual([
			'Ahmed Hassan: Din ansøgning om hjælp til en enkeltudgift'
		]);
		expect(await titles('status=received')).toEqual(['Ahmed Hassan: Din virksomhedspraktik']);
		expect(await titles('venter=citizen')).toEqual(['Maja Jensen: Din vej til job']);
		expect(await titles('snart=ja')).toEqual([
			'Ahmed Hassan: Din mentor',
			'Maja Jensen: Din vej til job',
			'Mikkel Thomsen: Din virksomhedspraktik'
		]);
		expect(await titles('venter=other_authority')).toEqual([]);
		expect(await titles('status=closed&afdeling=not-a-uuid&venter=x')).toHaveLength(5);
	});

	it('shows Peter Maja with consent missing, and his own journey’s cases', async () => {
		const { rows } = await loadCaseload(t.db, peter, filters(), today);
		const majaRow = rows.find((r) => r.citizenId === maja)!;
		expect(majaRow.title).toBe('Støtte til din familie');
		expect(majaRow.consentMissing).toBe(true);
		// He may open Maja's journey: his department has an open case on it.
		expect(majaRow.journey?.id).toBe(demoIds.journey('maja'));
		expect(rows.filter((r) => r.citizenId === maja)).toHaveLength(1);
		expect(rows.map((r) => r.citizenName).sort()).toEqual([
			'Maja Jensen',
			'Sofie Hansen',
			'Sofie Hansen'
		]);
	});

	it('marks Karl analog in Hanne’s caseload; an administrator has no caseload', async () => {
		const { rows } = await loadCaseload(t.db, hanne, filters(), today);
		expect(rows.find((r) => r.citizenId === karl)?.analog).toBe(true);
		expect((await loadCaseload(t.db, anders, filters(), today)).rows).toEqual([]);
		expect((await analogCitizenIds(t.db, [karl, maja])).has(karl)).toBe(true);
	});

	it('validates the search: empty, too short, a malformed CPR number, a too long purpose', () => {
		const errors = (query: string, purpose = '') => {
			const parsed = parseSearch(demoKeys, { query, purpose });
			return 'errors' in parsed ? parsed.errors : null;
		};
		expect(errors('')).toEqual({ query: 'caseloadSearchErrorEmpty' });
		expect(errors('M')).toEqual({ query: 'caseloadSearchErrorShort' });
		expect(errors('123')).toEqual({ query: 'caseloadSearchErrorCpr' });
		expect(errors('991390-0001')).toEqual({ query: 'caseloadSearchErrorCpr' });
		expect(errors('Maja', 'x'.repeat(201))).toMatchObject({ purpose: { key: 'fieldTooLong' } });
		expect(errors('Ma')).toBeNull();
	});

	it('finds Maja for Lone by name and by CPR; audits the criterion, the CPR only as its hash', async () => {
		await newSearchRows();
		const byName = parseSearch(demoKeys, { query: 'maja', purpose: '' }) as { query: SearchQuery };
		const named = (await searchCitizens(t.db, lone, byName.query)).results;
		expect(named.map((r) => r.name)).toEqual(['Maja Jensen']);
		expect(named[0]).toMatchObject({ addressLine: 'Lærkevej 7, st. th.', analog: false });

		const cpr = DEMO_CITIZENS['Maja Jensen'];
		expect(cpr).toBe('120390-0001');
		const byCpr = parseSearch(demoKeys, { query: cpr, purpose: 'Opfølgning på samtale' }) as {
			query: SearchQuery;
		};
		expect((await searchCitizens(t.db, lone, byCpr.query)).results.map((r) => r.id)).toEqual([
			maja
		]);

		const rows = await newSearchRows();
		expect(rows).toEqual([
			{
				actor_staff_id: lone.staffId,
				citizen_id: maja,
				object_id: maja,
				object_type: 'citizen',
				criterion: 'navn: maja',
				purpose: 'casework'
			},
			{
				actor_staff_id: lone.staffId,
				citizen_id: maja,
				object_id: maja,
				object_type: 'citizen',
				criterion: `cpr: ${hashCpr(demoKeys, cpr)}`,
				purpose: 'Opfølgning på samtale'
			}
		]);
		const all = await t.db.selectFrom('audit_events').select('criterion').execute();
		for (const row of all) {
			expect(row.criterion ?? '').not.toContain('1203900001');
			expect(row.criterion ?? '').not.toContain('120390-0001');
		}
	});

	it('shows the first matches the searcher may see, says when more matched, and audits only those shown', async () => {
		const rollback = new Error('rollback');
		await t.db
			.transaction()
			.execute(async (trx) => {
				const now = clock.now();
				// "Mangesen 00" first by name, without a case Lone may see; 51 more with Jobcenter cases.
				const citizens = Array.from({ length: SEARCH_RESULTS_MAX + 2 }, (_, i) => ({
					cpr_encrypted: 'x',
					cpr_hash: `search-test-${i}`,
					name: `Mangesen ${String(i).padStart(2, '0')}`,
					created_at: now,
					updated_at: now
				}));
				const ids = await trx.insertInto('citizens').values(citizens).returning('id').execute();
				await trx
					.insertInto('cases')
					.values(
						ids.slice(1).map(({ id }) => ({
							citizen_id: id,
							department_id: lone.departmentId!,
							kle_number: '15.00.00',
							title: 'Sag',
							opened_at: now,
							updated_at: now
						}))
					)
					.execute();
				const parsed = parseSearch(demoKeys, { query: 'mangesen', purpose: '' }) as {
					query: SearchQuery;
				};
				const { results, more } = await searchCitizens(trx, lone, parsed.query);
				expect(more).toBe(true);
				expect(results.map((r) => r.name)).toEqual(
					citizens.slice(1, SEARCH_RESULTS_MAX + 1).map((c) => c.name)
				);
				const audited = await trx
					.selectFrom('audit_events')
					.select('citizen_id')
					.where('action', '=', 'search')
					.where('criterion', '=', 'navn: mangesen')
					.execute();
				expect(audited.map((a) => a.citizen_id).sort()).toEqual(results.map((r) => r.id).sort());
				throw rollback;
			})
			.catch((error: unknown) => {
				if (error !== rollback) throw error;
			});
	});

	it('finds nothing for Lone searching Karl (no Jobcenter case), and logs the empty search', async () => {
		for (const query of ['Karl', DEMO_CITIZENS['Karl Nielsen']]) {
			await newSearchRows();
			const parsed = parseSearch(demoKeys, { query, purpose: '' }) as { query: SearchQuery };
			expect((await searchCitizens(t.db, lone, parsed.query)).results).toEqual([]);
			const rows = await newSearchRows();
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ citizen_id: null, object_id: null, purpose: 'casework' });
			expect(rows[0]!.criterion).toMatch(/^(navn: Karl|cpr: [0-9a-f]{64})$/);
		}
		// Hanne, with Karl's case, finds him, analog.
		const parsed = parseSearch(demoKeys, { query: 'nielsen', purpose: '' }) as {
			query: SearchQuery;
		};
		const found = (await searchCitizens(t.db, hanne, parsed.query)).results;
		expect(found).toMatchObject([{ id: karl, analog: true, consentMissing: true }]);
	});

	it('treats LIKE wildcards in a name as literal characters', async () => {
		const parsed = parseSearch(demoKeys, { query: '%%', purpose: '' }) as { query: SearchQuery };
		expect((await searchCitizens(t.db, mette, parsed.query)).results).toEqual([]);
		// Case does not matter; Mette sees the citizens Socialforvaltningen has an open case with.
		const sen = parseSearch(demoKeys, { query: 'SEN', purpose: '' }) as { query: SearchQuery };
		expect((await searchCitizens(t.db, mette, sen.query)).results.map((r) => r.name)).toEqual([
			'Eva Andersen',
			'Maja Jensen',
			'Mikkel Thomsen'
		]);
	});

	it('shows Peter one of Maja’s three cases and says two are hidden; Lone sees all three', async () => {
		const forPeter = await loadCitizenView(await context(peter, maja));
		expect(forPeter.cases.map((c) => c.departmentName)).toEqual(['Børn og Familie']);
		expect(forPeter.hiddenCases).toBe(2);
		expect(forPeter.journeys.map((j) => j.id)).toEqual([demoIds.journey('maja')]);
		const forLone = await loadCitizenView(await context(lone, maja));
		expect(forLone.cases).toHaveLength(3);
		expect(forLone.hiddenCases).toBe(0);
		expect(forLone.cases.find((c) => c.departmentName === 'Jobcenter')).toMatchObject({
			kleNumber: '15.20.02',
			caseworkerName: 'Lone Madsen',
			caseworkerPhone: '12 34 51 01'
		});
		// Ahmed's journey is Lone's; Karl's is not visible to anyone outside Sundhed og Omsorg.
		expect((await loadCitizenView(await context(lone, ahmed))).journeys).toHaveLength(1);
	});

	it('validates the analog flag: a reason, a note for "other", a note to clear', () => {
		expect(parseAnalogSet({ reason: '', note: '' })).toEqual({
			errors: { reason: 'caseloadAnalogErrorReason' }
		});
		expect(parseAnalogSet({ reason: 'other', note: '' })).toEqual({
			errors: { note: 'caseloadAnalogErrorNoteOther' }
		});
		expect(parseAnalogSet({ reason: 'citizen_choice', note: '' })).toEqual({
			change: { analog: true, reason: 'citizen_choice', note: null }
		});
		expect(parseAnalogClear({ note: '' })).toEqual({
			errors: { clearNote: 'caseloadAnalogErrorNoteClear' }
		});
	});

	it('sets and clears Maja’s analog flag, each change with its audit row', async () => {
		const count = async () =>
			(
				await t.db
					.selectFrom('audit_events')
					.select(sql<number>`count(*)::int`.as('n'))
					.where('object_type', '=', 'analog_flag')
					.where('citizen_id', '=', maja)
					.where('action', '=', 'update')
					.executeTakeFirstOrThrow()
			).n;
		expect(await count()).toBe(0);
		const ctx = await context(lone, maja);
		const set = await changeAnalogFlag(ctx, {
			analog: true,
			reason: 'no_digital_access',
			note: 'Har ingen computer'
		});
		expect(set).toMatchObject({
			analog: true,
			set_by_staff_id: lone.staffId,
			set_by_citizen_id: null
		});
		expect((await currentAnalogFlag(t.db, maja))?.analog).toBe(true);
		expect(await count()).toBe(1);
		await changeAnalogFlag(ctx, { analog: false, reason: null, note: 'Har fået computer' });
		expect((await currentAnalogFlag(t.db, maja))?.analog).toBe(false);
		expect(await count()).toBe(2);
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_type', '=', 'analog_flag')
			.where('citizen_id', '=', maja)
			.orderBy('id')
			.execute();
		expect(audit.map((a) => [a.actor_staff_id, a.actor_role, a.actor_department_id])).toEqual([
			[lone.staffId, 'caseworker', lone.departmentId],
			[lone.staffId, 'caseworker', lone.departmentId]
		]);
	});
});

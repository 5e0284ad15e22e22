// The facts the access policy (access/policy.ts) decides on, read fresh for every request: no
// cache, so a withdrawn consent, a closed case or a new coordinator counts from the next request.
import { sql, type Expression } from 'kysely';
import { isUuid } from '../../uuid';
import type { CitizenFacts, JourneyFacts } from '../access/policy';
import { consentedDepartmentsNow } from './consents';
import type { Executor } from './executor';

// Each loader reads its facts in one round trip: the lists are array subqueries of one row. The
// subqueries' aliases (fact_*) are their own: an alias the outer query also uses would shadow it,
// and `j.citizen_id = j.citizen_id` inside a subquery on journeys aliased j is true for every row.

/** The citizen's facts as array subqueries over their id (see CitizenFacts). */
function citizenFactColumns(citizenId: Expression<string>) {
	return [
		sql<string[]>`array(
			select distinct fact_case.department_id::text from cases fact_case
			where fact_case.citizen_id = ${citizenId} and fact_case.status <> 'closed'
		)`.as('openCaseDepartmentIds'),
		sql<string[]>`array(
			select fact_journey.coordinator_id::text from journeys fact_journey
			where fact_journey.citizen_id = ${citizenId} and fact_journey.status <> 'closed'
				and fact_journey.coordinator_id is not null
		)`.as('coordinatorIds'),
		consentedDepartmentsNow(citizenId).as('consentedDepartmentIds')
	] as const;
}

/** The columns citizenFactColumns reads, as CitizenFacts for the citizen `citizenId`. */
function toCitizenFacts(
	citizenId: string,
	row: Pick<CitizenFacts, 'openCaseDepartmentIds' | 'coordinatorIds' | 'consentedDepartmentIds'>
): CitizenFacts {
	return {
		citizenId,
		openCaseDepartmentIds: row.openCaseDepartmentIds,
		coordinatorIds: row.coordinatorIds,
		consentedDepartmentIds: row.consentedDepartmentIds
	};
}

/** The citizen's facts, or null when there is no such citizen (or the id is malformed). */
export async function loadCitizenFacts(
	db: Executor,
	citizenId: string
): Promise<CitizenFacts | null> {
	return (await loadCitizenFactsMany(db, [citizenId])).get(citizenId) ?? null;
}

/**
 * The facts of many citizens in one round trip (a list such as the caseload asks the policy about
 * each of its rows): by id, missing ids and malformed ones left out.
 */
export async function loadCitizenFactsMany(
	db: Executor,
	citizenIds: readonly string[]
): Promise<Map<string, CitizenFacts>> {
	const ids = [...new Set(citizenIds.filter(isUuid))];
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('citizens as c')
		.select(['c.id', ...citizenFactColumns(sql.ref('c.id'))])
		.where(sql<boolean>`c.id = any(${ids}::uuid[])`)
		.execute();
	return new Map(rows.map((row) => [row.id, toCitizenFacts(row.id, row)]));
}

/** A journey's open cases' departments as an array subquery over its id. */
function journeyCaseDepartments(journeyId: Expression<string>) {
	return sql<string[]>`array(
		select distinct fact_case.department_id::text from journey_cases fact_link
		join cases fact_case on fact_case.id = fact_link.case_id
		where fact_link.journey_id = ${journeyId} and fact_case.status <> 'closed'
	)`;
}

/** A journey's facts with its citizen's id, or null when there is no such journey. */
export async function loadJourneyFacts(
	db: Executor,
	journeyId: string
): Promise<(JourneyFacts & { citizenId: string }) | null> {
	return (await loadJourneyFactsMany(db, [journeyId])).get(journeyId) ?? null;
}

/** The facts of many journeys in one round trip, by id (see loadCitizenFactsMany). */
export async function loadJourneyFactsMany(
	db: Executor,
	journeyIds: readonly string[]
): Promise<Map<string, JourneyFacts & { citizenId: string }>> {
	const ids = [...new Set(journeyIds.filter(isUuid))];
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('journeys as j')
		.select([
			'j.id',
			'j.citizen_id',
			'j.coordinator_id',
			journeyCaseDepartments(sql.ref('j.id')).as('openCaseDepartmentIds')
		])
		.where(sql<boolean>`j.id = any(${ids}::uuid[])`)
		.execute();
	return new Map(
		rows.map((row) => [
			row.id,
			{
				journeyId: row.id,
				citizenId: row.citizen_id,
				coordinatorId: row.coordinator_id,
				openCaseDepartmentIds: row.openCaseDepartmentIds
			}
		])
	);
}

/**
 * A journey's facts and its citizen's, in one round trip: what every page about one journey asks
 * the policy with. Null when there is no such journey.
 */
export async function loadJourneyAccess(
	db: Executor,
	journeyId: string
): Promise<{ journey: JourneyFacts & { citizenId: string }; citizen: CitizenFacts } | null> {
	if (!isUuid(journeyId)) return null;
	const row = await db
		.selectFrom('journeys as j')
		.select([
			'j.id',
			'j.citizen_id',
			'j.coordinator_id',
			journeyCaseDepartments(sql.ref('j.id')).as('journeyCaseDepartmentIds'),
			...citizenFactColumns(sql.ref('j.citizen_id'))
		])
		.where('j.id', '=', journeyId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		journey: {
			journeyId: row.id,
			citizenId: row.citizen_id,
			coordinatorId: row.coordinator_id,
			openCaseDepartmentIds: row.journeyCaseDepartmentIds
		},
		citizen: toCitizenFacts(row.citizen_id, row)
	};
}

/** The departments of a meeting's organiser and staff participants. */
export async function meetingDepartmentIds(db: Executor, meetingId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('meeting_participants')
		.select('department_id')
		.where('meeting_id', '=', meetingId)
		.where('department_id', 'is not', null)
		.union(
			db
				.selectFrom('meetings as m')
				.innerJoin('staff_users as s', 's.id', 'm.organizer_staff_id')
				.select('s.department_id')
				.where('m.id', '=', meetingId)
				.where('s.department_id', 'is not', null)
		)
		.execute();
	return rows.flatMap((r) => (r.department_id ? [r.department_id] : []));
}

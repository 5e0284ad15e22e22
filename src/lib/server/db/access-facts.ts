// The facts the access policy (access/policy.ts) decides on, read fresh for every request: no
// cache, so a withdrawn consent, a closed case or a new coordinator counts from the next request.
import { sql, type Expression } from 'kysely';
import { isUuid } from '../../uuid';
import type { CitizenFacts, JourneyFacts } from '../access/policy';
import { consentedDepartmentsNow } from './consents';
import type { Executor } from './executor';

// Each loader reads its facts in one round trip: the lists are array subqueries of one row.

/** The citizen's facts as array subqueries over their id (see CitizenFacts). */
function citizenFactColumns(citizenId: Expression<string>) {
	return [
		sql<string[]>`array(
			select distinct k.department_id::text from cases k
			where k.citizen_id = ${citizenId} and k.status <> 'closed'
		)`.as('openCaseDepartmentIds'),
		sql<string[]>`array(
			select j.coordinator_id::text from journeys j
			where j.citizen_id = ${citizenId} and j.status <> 'closed' and j.coordinator_id is not null
		)`.as('coordinatorIds'),
		consentedDepartmentsNow(citizenId).as('consentedDepartmentIds')
	] as const;
}

/** The citizen's facts, or null when there is no such citizen (or the id is malformed). */
export async function loadCitizenFacts(
	db: Executor,
	citizenId: string
): Promise<CitizenFacts | null> {
	if (!isUuid(citizenId)) return null;
	const row = await db
		.selectFrom('citizens as c')
		.select(['c.id', ...citizenFactColumns(sql.ref('c.id'))])
		.where('c.id', '=', citizenId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		citizenId: row.id,
		openCaseDepartmentIds: row.openCaseDepartmentIds,
		coordinatorIds: row.coordinatorIds,
		consentedDepartmentIds: row.consentedDepartmentIds
	};
}

/** A journey's open cases' departments as an array subquery over its id. */
function journeyCaseDepartments(journeyId: Expression<string>) {
	return sql<string[]>`array(
		select distinct c.department_id::text from journey_cases jc
		join cases c on c.id = jc.case_id
		where jc.journey_id = ${journeyId} and c.status <> 'closed'
	)`;
}

/** A journey's facts with its citizen's id, or null when there is no such journey. */
export async function loadJourneyFacts(
	db: Executor,
	journeyId: string
): Promise<(JourneyFacts & { citizenId: string }) | null> {
	if (!isUuid(journeyId)) return null;
	const row = await db
		.selectFrom('journeys as j')
		.select([
			'j.id',
			'j.citizen_id',
			'j.coordinator_id',
			journeyCaseDepartments(sql.ref('j.id')).as('openCaseDepartmentIds')
		])
		.where('j.id', '=', journeyId)
		.executeTakeFirst();
	if (!row) return null;
	return {
		journeyId: row.id,
		citizenId: row.citizen_id,
		coordinatorId: row.coordinator_id,
		openCaseDepartmentIds: row.openCaseDepartmentIds
	};
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
		citizen: {
			citizenId: row.citizen_id,
			openCaseDepartmentIds: row.openCaseDepartmentIds,
			coordinatorIds: row.coordinatorIds,
			consentedDepartmentIds: row.consentedDepartmentIds
		}
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

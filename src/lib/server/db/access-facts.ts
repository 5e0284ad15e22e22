// The facts the access policy (policy/access.ts) decides on, read fresh for every request: no
// cache, so a withdrawn consent, a closed case or a new coordinator counts from the next request.
import type { Kysely, Transaction } from 'kysely';
import { isUuid } from '../../uuid';
import type { CitizenFacts, JourneyFacts } from '../policy/access';
import { consentedDepartmentIds } from './consents';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** The citizen's facts, or null when there is no such citizen (or the id is malformed). */
export async function loadCitizenFacts(
	db: Executor,
	citizenId: string
): Promise<CitizenFacts | null> {
	if (!isUuid(citizenId)) return null;
	const citizen = await db
		.selectFrom('citizens')
		.select('id')
		.where('id', '=', citizenId)
		.executeTakeFirst();
	if (!citizen) return null;
	const [cases, journeys, consented] = await Promise.all([
		db
			.selectFrom('cases')
			.select('department_id')
			.distinct()
			.where('citizen_id', '=', citizenId)
			.where('status', '!=', 'closed')
			.execute(),
		db
			.selectFrom('journeys')
			.select('coordinator_id')
			.where('citizen_id', '=', citizenId)
			.where('status', '!=', 'closed')
			.where('coordinator_id', 'is not', null)
			.execute(),
		consentedDepartmentIds(db, citizenId)
	]);
	return {
		citizenId,
		openCaseDepartmentIds: cases.map((c) => c.department_id),
		coordinatorIds: journeys.flatMap((j) => (j.coordinator_id ? [j.coordinator_id] : [])),
		consentedDepartmentIds: consented
	};
}

/** A journey's facts with its citizen's id, or null when there is no such journey. */
export async function loadJourneyFacts(
	db: Executor,
	journeyId: string
): Promise<(JourneyFacts & { citizenId: string }) | null> {
	if (!isUuid(journeyId)) return null;
	const journey = await db
		.selectFrom('journeys')
		.select(['id', 'citizen_id', 'coordinator_id'])
		.where('id', '=', journeyId)
		.executeTakeFirst();
	if (!journey) return null;
	const cases = await db
		.selectFrom('journey_cases as jc')
		.innerJoin('cases as c', 'c.id', 'jc.case_id')
		.select('c.department_id')
		.distinct()
		.where('jc.journey_id', '=', journeyId)
		.where('c.status', '!=', 'closed')
		.execute();
	return {
		journeyId: journey.id,
		citizenId: journey.citizen_id,
		coordinatorId: journey.coordinator_id,
		openCaseDepartmentIds: cases.map((c) => c.department_id)
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

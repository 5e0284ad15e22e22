import { sql, type Expression, type Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from './schema';
import { isUuid } from '../../uuid';

/** A citizen's journey with its coordinator, or undefined when it is not this citizen's. */
export async function findCitizenJourney(
	db: Kysely<Database>,
	journeyId: string,
	citizenId: string
) {
	return citizenJourneyQuery(db, journeyId, citizenId).executeTakeFirst();
}

function citizenJourneyQuery(db: Kysely<Database>, journeyId: string, citizenId: string) {
	return db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			'j.id',
			'j.title',
			'j.title_en as titleEn',
			'j.status',
			's.name as coordinatorName',
			's.phone as coordinatorPhone',
			's.email as coordinatorEmail',
			'd.name as coordinatorDepartmentName',
			'd.name_en as coordinatorDepartmentNameEn',
			'd.opening_hours as coordinatorHours'
		])
		.where('j.id', '=', journeyId)
		.where('j.citizen_id', '=', citizenId);
}

/**
 * The citizen's journey with its plan's goals, in one statement (the goals as a json array): the
 * journey page's heading and plan cost one round trip.
 */
export async function findCitizenJourneyWithPlan(
	db: Kysely<Database>,
	journeyId: string,
	citizenId: string
) {
	// A malformed id is no journey (the database would refuse it as a uuid).
	if (!isUuid(journeyId)) return undefined;
	return citizenJourneyQuery(db, journeyId, citizenId)
		.select(jsonArrayFrom(planGoalsQuery(db, sql.ref<string>('j.id'))).as('goals'))
		.executeTakeFirst();
}

export async function listPlanGoals(db: Kysely<Database>, journeyId: string) {
	return planGoalsQuery(db, journeyId).execute();
}

/** The plan's goals in their order, without the dropped ones. */
function planGoalsQuery(db: Kysely<Database>, journeyId: string | Expression<string>) {
	return db
		.selectFrom('plan_goals as g')
		.leftJoin('departments as d', 'd.id', 'g.responsible_department_id')
		.select([
			'g.id',
			'g.title',
			'g.title_en as titleEn',
			'g.description',
			'g.status',
			'g.progress',
			'g.target_date as targetDate',
			'd.name as departmentName',
			'd.name_en as departmentNameEn'
		])
		.where('g.journey_id', '=', journeyId)
		.where('g.status', '<>', 'dropped')
		.orderBy('g.sort_order');
}

import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** A citizen's journey with its coordinator, or undefined when it is not this citizen's. */
export async function findCitizenJourney(
	db: Kysely<Database>,
	journeyId: string,
	citizenId: string
) {
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
		.where('j.citizen_id', '=', citizenId)
		.executeTakeFirst();
}

export async function listPlanGoals(db: Kysely<Database>, journeyId: string) {
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
		.orderBy('g.sort_order')
		.execute();
}

/** Department names by id, for labelling timeline entries (the table holds a handful of rows). */
export async function departmentNames(db: Kysely<Database>) {
	const rows = await db.selectFrom('departments').select(['id', 'name', 'name_en']).execute();
	return new Map(rows.map((r) => [r.id, { da: r.name, en: r.name_en }]));
}

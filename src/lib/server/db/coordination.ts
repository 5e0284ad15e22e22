// Coordination of a journey: its coordinator, which of the citizen's cases belong to it, and the
// plan's goals as staff edit them with the citizen (dropped goals included, unlike listPlanGoals).
import type { Insertable, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, PlanGoalsTable } from './schema';
import type { CaseStatus } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export async function findJourney(db: Executor, journeyId: string) {
	return db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.select([
			'j.id',
			'j.citizen_id as citizenId',
			'j.title',
			'j.status',
			'j.coordinator_id as coordinatorId',
			's.name as coordinatorName'
		])
		.where('j.id', '=', journeyId)
		.executeTakeFirstOrThrow();
}

/** Serialises coordination changes of one journey. */
export async function lockJourney(trx: Transaction<Database>, journeyId: string) {
	return trx
		.selectFrom('journeys')
		.select(['id', 'coordinator_id'])
		.where('id', '=', journeyId)
		.forUpdate()
		.executeTakeFirstOrThrow();
}

export async function setJourneyCoordinator(
	db: Executor,
	journeyId: string,
	staffId: string
): Promise<void> {
	await db
		.updateTable('journeys')
		.set({ coordinator_id: staffId })
		.where('id', '=', journeyId)
		.execute();
}

export interface CitizenCaseRow {
	id: string;
	title: string;
	status: CaseStatus;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
	onJourney: boolean;
	/** On another journey: a case belongs to one journey at most (journey_cases.case_id is unique). */
	onOtherJourney: boolean;
}

/** All of the citizen's cases, each marked whether it belongs to the journey. */
export async function listCitizenCasesForJourney(
	db: Executor,
	citizenId: string,
	journeyId: string
): Promise<CitizenCaseRow[]> {
	const rows = await db
		.selectFrom('cases as c')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.leftJoin('journey_cases as jc', 'jc.case_id', 'c.id')
		.select([
			'c.id',
			'c.title',
			'c.status',
			'd.id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'jc.journey_id as onJourneyId'
		])
		.where('c.citizen_id', '=', citizenId)
		.orderBy('d.name')
		.orderBy('c.opened_at')
		.orderBy('c.id')
		.execute();
	return rows.map(({ onJourneyId, ...row }) => ({
		...row,
		onJourney: onJourneyId === journeyId,
		onOtherJourney: onJourneyId !== null && onJourneyId !== journeyId
	}));
}

export async function addJourneyCase(
	db: Executor,
	row: { journeyId: string; caseId: string; staffId: string }
): Promise<boolean> {
	const inserted = await db
		.insertInto('journey_cases')
		.values({
			journey_id: row.journeyId,
			case_id: row.caseId,
			added_by_staff_id: row.staffId,
			added_at: clock.now()
		})
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function removeJourneyCase(
	db: Executor,
	journeyId: string,
	caseId: string
): Promise<boolean> {
	const result = await db
		.deleteFrom('journey_cases')
		.where('journey_id', '=', journeyId)
		.where('case_id', '=', caseId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}

export type GoalRow = Selectable<PlanGoalsTable>;

/** Every goal of the journey's plan, dropped ones too, in the plan's order. */
export async function listJourneyGoals(db: Executor, journeyId: string): Promise<GoalRow[]> {
	return db
		.selectFrom('plan_goals')
		.selectAll()
		.where('journey_id', '=', journeyId)
		.orderBy('sort_order')
		.orderBy('agreed_at')
		.orderBy('id')
		.execute();
}

export async function insertGoal(db: Executor, row: Insertable<PlanGoalsTable>): Promise<GoalRow> {
	return db.insertInto('plan_goals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateGoal(
	db: Executor,
	goalId: string,
	journeyId: string,
	change: Updateable<PlanGoalsTable>
): Promise<void> {
	await db
		.updateTable('plan_goals')
		.set(change)
		.where('id', '=', goalId)
		.where('journey_id', '=', journeyId)
		.execute();
}

export async function nextGoalSortOrder(db: Executor, journeyId: string): Promise<number> {
	const row = await db
		.selectFrom('plan_goals')
		.select((eb) => eb.fn.max('sort_order').as('max'))
		.where('journey_id', '=', journeyId)
		.executeTakeFirst();
	return Number(row?.max ?? 0) + 1;
}

export async function departmentsByIds(db: Executor, ids: readonly string[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en as nameEn'])
		.where('id', 'in', ids)
		.orderBy('name')
		.execute();
}

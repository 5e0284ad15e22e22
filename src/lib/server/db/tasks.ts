// Tasks for the citizen ("send your payslips"), within a CitizenScope: only tasks the citizen is
// to do (tasks on staff are never shown), and with a representation limited to some departments,
// only tasks of cases in those departments.
import { sql } from 'kysely';
import type { CitizenScope } from '../access/policy';
import type { Executor } from './executor';

type TaskScope = Pick<CitizenScope, 'citizenId' | 'departmentIds'>;

export interface CitizenTask {
	id: string;
	journeyId: string | null;
	title: string;
	titleEn: string | null;
	description: string | null;
	dueDate: string | null;
	doneAt: Date | null;
	doneComment: string | null;
	caseTitle: string | null;
	caseTitleEn: string | null;
	departmentId: string | null;
	departmentName: string | null;
	departmentNameEn: string | null;
}

function tasksInScope(db: Executor, scope: TaskScope) {
	let query = db
		.selectFrom('tasks as t')
		.leftJoin('cases as c', 'c.id', 't.case_id')
		.leftJoin('departments as d', 'd.id', 'c.department_id')
		.select([
			't.id',
			't.journey_id as journeyId',
			't.title',
			't.title_en as titleEn',
			't.description',
			't.due_date as dueDate',
			't.done_at as doneAt',
			't.done_comment as doneComment',
			'c.title as caseTitle',
			'c.title_en as caseTitleEn',
			'c.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn'
		])
		.where('t.citizen_id', '=', scope.citizenId)
		.where('t.assignee', '=', 'citizen');
	// A task without a case belongs to no department, so a limited representation does not see it.
	if (scope.departmentIds) query = query.where('c.department_id', 'in', scope.departmentIds);
	return query;
}

/** A task of the citizen's within the scope, or undefined (someone else's, staff's or missing). */
export async function findCitizenTask(
	db: Executor,
	taskId: string,
	scope: TaskScope
): Promise<CitizenTask | undefined> {
	if (scope.departmentIds?.length === 0) return undefined;
	return tasksInScope(db, scope).where('t.id', '=', taskId).executeTakeFirst();
}

/** Open tasks, soonest deadline first, and done ones, most recently done first. */
export async function listCitizenTasks(
	db: Executor,
	scope: TaskScope
): Promise<{ open: CitizenTask[]; done: CitizenTask[] }> {
	if (scope.departmentIds?.length === 0) return { open: [], done: [] };
	const [open, done] = await Promise.all([
		tasksInScope(db, scope)
			.where('t.done_at', 'is', null)
			.orderBy(sql`t.due_date asc nulls last`)
			.orderBy('t.created_at')
			.orderBy('t.id')
			.execute(),
		tasksInScope(db, scope)
			.where('t.done_at', 'is not', null)
			.orderBy('t.done_at', 'desc')
			.orderBy('t.id')
			.execute()
	]);
	return { open, done };
}

/**
 * Marks a task done unless it already is; false when it was done already (also when two
 * submissions race: only one of them updates the row).
 */
export async function markTaskDone(
	db: Executor,
	taskId: string,
	done: { comment: string | null; at: Date }
): Promise<boolean> {
	const updated = await db
		.updateTable('tasks')
		.set({ done_at: done.at, done_comment: done.comment })
		.where('id', '=', taskId)
		.where('done_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	return updated !== undefined;
}

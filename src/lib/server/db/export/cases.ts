// The citizen's cases, the coordinated journeys they belong to (with the plan's goals), and the
// tasks the citizen was asked to do.
import type { CaseStatus, GoalStatus, JourneyStatus, WaitingOn } from '../../../domain';
import type { Executor } from '../executor';
import type { DateString, DepartmentLookup, DepartmentRef } from './shared';

export interface ExportedCase {
	id: string;
	department: DepartmentRef;
	title: string;
	titleEn: string | null;
	/** The subject's number in the municipality's classification (KLE). */
	kleNumber: string;
	caseNumber: string | null;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: DateString | null;
	caseworkerName: string | null;
	openedAt: Date;
	decidedAt: Date | null;
	closedAt: Date | null;
	updatedAt: Date;
}

export interface ExportedGoal {
	id: string;
	title: string;
	titleEn: string | null;
	description: string | null;
	status: GoalStatus;
	progress: number;
	responsibleDepartment: DepartmentRef | null;
	targetDate: DateString | null;
	agreedAt: Date;
	updatedAt: Date;
}

export interface ExportedJourney {
	id: string;
	title: string;
	titleEn: string | null;
	status: JourneyStatus;
	startedAt: Date;
	closedAt: Date | null;
	coordinator: { name: string; department: DepartmentRef | null } | null;
	caseIds: string[];
	planGoals: ExportedGoal[];
}

export interface ExportedTask {
	id: string;
	journeyId: string | null;
	caseId: string | null;
	department: DepartmentRef | null;
	title: string;
	titleEn: string | null;
	description: string | null;
	dueDate: DateString | null;
	createdAt: Date;
	doneAt: Date | null;
	doneComment: string | null;
}

export function selectCases(db: Executor, citizenId: string) {
	return db
		.selectFrom('cases as c')
		.leftJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select([
			'c.id',
			'c.department_id',
			'c.title',
			'c.title_en',
			'c.kle_number',
			'c.external_ref',
			'c.status',
			'c.waiting_on',
			'c.next_step',
			'c.next_step_en',
			'c.next_step_due',
			's.name as caseworker_name',
			'c.opened_at',
			'c.decided_at',
			'c.closed_at',
			'c.updated_at'
		])
		.where('c.citizen_id', '=', citizenId)
		.orderBy('c.opened_at', 'desc')
		.execute();
}

type CaseRow = Awaited<ReturnType<typeof selectCases>>[number];

export function toCase(c: CaseRow, department: DepartmentLookup): ExportedCase {
	return {
		id: c.id,
		department: department(c.department_id)!,
		title: c.title,
		titleEn: c.title_en,
		kleNumber: c.kle_number,
		caseNumber: c.external_ref,
		status: c.status,
		waitingOn: c.waiting_on,
		nextStep: c.next_step,
		nextStepEn: c.next_step_en,
		nextStepDue: c.next_step_due,
		caseworkerName: c.caseworker_name,
		openedAt: c.opened_at,
		decidedAt: c.decided_at,
		closedAt: c.closed_at,
		updatedAt: c.updated_at
	};
}

export function selectJourneys(db: Executor, citizenId: string) {
	return db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.select([
			'j.id',
			'j.title',
			'j.title_en',
			'j.status',
			'j.started_at',
			'j.closed_at',
			's.name as coordinator_name',
			's.department_id as coordinator_department_id'
		])
		.where('j.citizen_id', '=', citizenId)
		.orderBy('j.started_at', 'desc')
		.execute();
}

type JourneyRow = Awaited<ReturnType<typeof selectJourneys>>[number];

export function selectJourneyCases(db: Executor, journeyIds: string[]) {
	return db
		.selectFrom('journey_cases')
		.select(['journey_id', 'case_id'])
		.where('journey_id', 'in', journeyIds)
		.orderBy('added_at')
		.execute();
}

type JourneyCaseRow = Awaited<ReturnType<typeof selectJourneyCases>>[number];

export function selectPlanGoals(db: Executor, journeyIds: string[]) {
	return db
		.selectFrom('plan_goals')
		.selectAll()
		.where('journey_id', 'in', journeyIds)
		.orderBy('sort_order')
		.execute();
}

type PlanGoalRow = Awaited<ReturnType<typeof selectPlanGoals>>[number];

export function toJourney(
	j: JourneyRow,
	links: JourneyCaseRow[],
	goals: PlanGoalRow[],
	department: DepartmentLookup
): ExportedJourney {
	return {
		id: j.id,
		title: j.title,
		titleEn: j.title_en,
		status: j.status,
		startedAt: j.started_at,
		closedAt: j.closed_at,
		coordinator: j.coordinator_name
			? { name: j.coordinator_name, department: department(j.coordinator_department_id) }
			: null,
		caseIds: links.filter((l) => l.journey_id === j.id).map((l) => l.case_id),
		planGoals: goals
			.filter((g) => g.journey_id === j.id)
			.map((g) => ({
				id: g.id,
				title: g.title,
				titleEn: g.title_en,
				description: g.description,
				status: g.status,
				progress: g.progress,
				responsibleDepartment: department(g.responsible_department_id),
				targetDate: g.target_date,
				agreedAt: g.agreed_at,
				updatedAt: g.updated_at
			}))
	};
}

/** Only the citizen's own tasks, not what staff have to do for them. */
export function selectTasks(db: Executor, citizenId: string) {
	return db
		.selectFrom('tasks')
		.select([
			'id',
			'journey_id',
			'case_id',
			'title',
			'title_en',
			'description',
			'due_date',
			'created_at',
			'done_at',
			'done_comment'
		])
		.where('citizen_id', '=', citizenId)
		.where('assignee', '=', 'citizen')
		.orderBy('created_at', 'desc')
		.execute();
}

type TaskRow = Awaited<ReturnType<typeof selectTasks>>[number];

/** A task has no department of its own: it is its case's, when it has one. */
export function toTask(
	task: TaskRow,
	caseDepartment: ReadonlyMap<string, string>,
	department: DepartmentLookup
): ExportedTask {
	return {
		id: task.id,
		journeyId: task.journey_id,
		caseId: task.case_id,
		department: department(task.case_id ? caseDepartment.get(task.case_id) : null),
		title: task.title,
		titleEn: task.title_en,
		description: task.description,
		dueDate: task.due_date,
		createdAt: task.created_at,
		doneAt: task.done_at,
		doneComment: task.done_comment
	};
}

// The caseworker's caseload (/staff): the open cases they work on, the cases of the journeys they
// coordinate, or every open case of their department, one page at a time. The filters and the
// department rule (a case of another department needs the citizen's consent, access rule 4) are
// applied here so that pages and totals are counted in the database; the service
// (caseload/service.ts) still asks the access policy about every row it shows.
import { sql } from 'kysely';
import type { CaseStatus, JourneyStatus, WaitingOn } from '../../domain';
import { consentedDepartmentsNow } from './consents';
import type { Executor } from './executor';

/** The caseload's filters as the database applies them. */
export interface CaseloadQuery {
	scope: 'mine' | 'department';
	departmentId: string | null;
	status: Exclude<CaseStatus, 'closed'> | null;
	waitingOn: WaitingOn | null;
	/** Only cases due on or before this day ('YYYY-MM-DD'). */
	dueBy: string | null;
	limit: number;
	offset: number;
}

export interface CaseloadCandidate {
	caseId: string;
	citizenId: string;
	citizenName: string;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
	title: string;
	titleEn: string | null;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: string | null;
	caseworkerId: string | null;
	journeyId: string | null;
	journeyTitle: string | null;
	journeyTitleEn: string | null;
	journeyStatus: JourneyStatus | null;
	journeyCoordinatorId: string | null;
}

/**
 * One page of the open cases that are the reader's work: `mine` is the cases they are caseworker
 * on plus every case of a journey they coordinate; `department` is every open case of their
 * department. Soonest due first; `total` counts every matching case.
 */
export async function listCaseloadCandidates(
	db: Executor,
	reader: { staffId: string; departmentId: string | null },
	filters: CaseloadQuery
): Promise<{ rows: CaseloadCandidate[]; total: number }> {
	const scope = filters.scope;
	const readerDepartment = reader.departmentId;
	// Without a department nobody reads a case (rule 4 reads by department).
	if (!readerDepartment) return { rows: [], total: 0 };
	// The page is chosen from the cases and their citizens' names alone; departments and journeys
	// are joined to its rows only, not to every case of a busy caseload.
	let query = db
		.selectFrom('cases as c')
		.innerJoin('citizens as ci', 'ci.id', 'c.citizen_id')
		.select([
			'c.id as caseId',
			'c.citizen_id as citizenId',
			'ci.name as citizenName',
			'c.department_id as departmentId',
			'c.title as title',
			'c.title_en as titleEn',
			'c.status as status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_en as nextStepEn',
			'c.next_step_due as nextStepDue',
			'c.caseworker_id as caseworkerId',
			sql<number>`count(*) over ()`.as('total')
		])
		.where('c.status', '!=', 'closed')
		.where(
			sql<boolean>`(c.department_id = ${readerDepartment}
				or ${readerDepartment}::text = any(${consentedDepartmentsNow(sql.ref('c.citizen_id'))}))`
		);
	if (filters.departmentId) query = query.where('c.department_id', '=', filters.departmentId);
	if (filters.status) query = query.where('c.status', '=', filters.status);
	if (filters.waitingOn) query = query.where('c.waiting_on', '=', filters.waitingOn);
	if (filters.dueBy) query = query.where('c.next_step_due', '<=', filters.dueBy);
	if (scope === 'department') {
		query = query.where('c.department_id', '=', readerDepartment);
	} else {
		// One set of ids from two indexes (the caseworker's open cases, the coordinated journeys'
		// cases): an OR of the two would make PostgreSQL scan every case of the municipality.
		query = query.where('c.id', 'in', (eb) =>
			eb
				.selectFrom('cases as own')
				.select('own.id')
				.where('own.caseworker_id', '=', reader.staffId)
				.where('own.status', '!=', 'closed')
				.union(
					eb
						.selectFrom('journey_cases as jc2')
						.innerJoin('journeys as j2', 'j2.id', 'jc2.journey_id')
						.select('jc2.case_id as id')
						.where('j2.coordinator_id', '=', reader.staffId)
						.where('j2.status', '!=', 'closed')
				)
		);
	}
	const page = query
		.orderBy('c.next_step_due', (o) => o.asc().nullsLast())
		.orderBy('ci.name')
		.orderBy('c.id')
		.limit(filters.limit)
		.offset(filters.offset);
	const rows = await db
		.selectFrom(page.as('p'))
		.innerJoin('departments as d', 'd.id', 'p.departmentId')
		// A case is on one journey at most (journey_cases.case_id is unique).
		.leftJoin('journey_cases as jc', 'jc.case_id', 'p.caseId')
		.leftJoin('journeys as j', (join) =>
			join.onRef('j.id', '=', 'jc.journey_id').on('j.status', '!=', 'closed')
		)
		.selectAll('p')
		.select([
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'j.id as journeyId',
			'j.title as journeyTitle',
			'j.title_en as journeyTitleEn',
			'j.status as journeyStatus',
			'j.coordinator_id as journeyCoordinatorId'
		])
		.orderBy('p.nextStepDue', (o) => o.asc().nullsLast())
		.orderBy('p.citizenName')
		.orderBy('p.caseId')
		.execute();
	return {
		rows: rows.map(({ total, ...row }) => (void total, row)),
		total: Number(rows[0]?.total ?? (filters.offset > 0 ? -1 : 0))
	};
}

/** Every department, for the caseload's department filter. */
export async function listDepartmentsForFilter(db: Executor) {
	return db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en as nameEn'])
		.orderBy('name')
		.execute();
}

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
	// The page is chosen in three steps, so that only its rows are read whole:
	// 1. `k`: the ids of the matching open cases with what the filters and the order need, from
	//    the caseload index alone (cases_caseload_idx covers them: an index-only scan);
	// 2. `p`: the access rule and the citizens' names (the order's tie-break), counted and paged;
	// 3. the page's rows with their case, department and journey.

	// The filters on the cases aliased `c`, the same in each branch below.
	const conditions = [sql`c.status <> 'closed'`];
	if (filters.departmentId) conditions.push(sql`c.department_id = ${filters.departmentId}`);
	if (filters.status) conditions.push(sql`c.status = ${filters.status}`);
	if (filters.waitingOn) conditions.push(sql`c.waiting_on = ${filters.waitingOn}`);
	if (filters.dueBy) conditions.push(sql`c.next_step_due <= ${filters.dueBy}`);
	const matching = sql<boolean>`(${sql.join(conditions, sql` and `)})`;
	const keys = ['c.id', 'c.next_step_due', 'c.citizen_id', 'c.department_id'] as const;
	const candidates =
		scope === 'department'
			? db
					.selectFrom('cases as c')
					.where('c.department_id', '=', readerDepartment)
					.where(matching)
					.select(keys)
			: // The caseworker's own open cases and the coordinated journeys' cases, each from its
				// own index: an OR of the two would make PostgreSQL scan every case of the municipality.
				db
					.selectFrom('cases as c')
					.where('c.caseworker_id', '=', reader.staffId)
					.where(matching)
					.select(keys)
					.union(
						db
							.selectFrom('journeys as j2')
							.innerJoin('journey_cases as jc2', 'jc2.journey_id', 'j2.id')
							.innerJoin('cases as c', 'c.id', 'jc2.case_id')
							.where('j2.coordinator_id', '=', reader.staffId)
							.where('j2.status', '!=', 'closed')
							.where(matching)
							.select(keys)
					);
	const page = db
		.with('k', () => candidates)
		.selectFrom('k')
		.innerJoin('citizens as ci', 'ci.id', 'k.citizen_id')
		.select([
			'k.id',
			'k.next_step_due',
			'ci.name as citizen_name',
			sql<number>`count(*) over ()`.as('total')
		])
		.where(
			sql<boolean>`(k.department_id = ${readerDepartment}
				or ${readerDepartment}::text = any(${consentedDepartmentsNow(sql.ref('k.citizen_id'))}))`
		)
		.orderBy('k.next_step_due', (o) => o.asc().nullsLast())
		.orderBy('ci.name')
		.orderBy('k.id')
		.limit(filters.limit)
		.offset(filters.offset);
	const rows = await db
		.selectFrom(page.as('p'))
		.innerJoin('cases as c', 'c.id', 'p.id')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		// A case is on one journey at most (journey_cases.case_id is unique).
		.leftJoin('journey_cases as jc', 'jc.case_id', 'p.id')
		.leftJoin('journeys as j', (join) =>
			join.onRef('j.id', '=', 'jc.journey_id').on('j.status', '!=', 'closed')
		)
		.select([
			'c.id as caseId',
			'c.citizen_id as citizenId',
			'p.citizen_name as citizenName',
			'c.department_id as departmentId',
			'c.title as title',
			'c.title_en as titleEn',
			'c.status as status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_en as nextStepEn',
			'c.next_step_due as nextStepDue',
			'c.caseworker_id as caseworkerId',
			'p.total',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'j.id as journeyId',
			'j.title as journeyTitle',
			'j.title_en as journeyTitleEn',
			'j.status as journeyStatus',
			'j.coordinator_id as journeyCoordinatorId'
		])
		.orderBy('p.next_step_due', (o) => o.asc().nullsLast())
		.orderBy('p.citizen_name')
		.orderBy('p.id')
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

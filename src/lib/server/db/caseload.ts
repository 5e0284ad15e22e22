// The caseworker's caseload (/staff): the open cases they work on, the cases of the journeys they
// coordinate, or every open case of their department. These queries only gather candidates; the
// service (caseload/service.ts) keeps the rows the access policy lets the reader see.
import type { CaseStatus, JourneyStatus, WaitingOn } from '../../domain';
import type { Executor } from './executor';

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
 * Open cases that are the reader's work: `mine` is the cases they are caseworker on plus every
 * case of a journey they coordinate; `department` is every open case of their department.
 * A case on more than one journey comes once per journey.
 */
export async function listCaseloadCandidates(
	db: Executor,
	reader: { staffId: string; departmentId: string | null },
	scope: 'mine' | 'department'
): Promise<CaseloadCandidate[]> {
	let query = db
		.selectFrom('cases as c')
		.innerJoin('citizens as ci', 'ci.id', 'c.citizen_id')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.leftJoin('journey_cases as jc', 'jc.case_id', 'c.id')
		.leftJoin('journeys as j', (join) =>
			join.onRef('j.id', '=', 'jc.journey_id').on('j.status', '!=', 'closed')
		)
		.select([
			'c.id as caseId',
			'c.citizen_id as citizenId',
			'ci.name as citizenName',
			'c.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'c.title as title',
			'c.title_en as titleEn',
			'c.status as status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_en as nextStepEn',
			'c.next_step_due as nextStepDue',
			'c.caseworker_id as caseworkerId',
			'j.id as journeyId',
			'j.title as journeyTitle',
			'j.title_en as journeyTitleEn',
			'j.status as journeyStatus',
			'j.coordinator_id as journeyCoordinatorId'
		])
		.where('c.status', '!=', 'closed');
	if (scope === 'department') {
		if (!reader.departmentId) return [];
		query = query.where('c.department_id', '=', reader.departmentId);
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
	const rows = await query
		.orderBy('c.next_step_due', (o) => o.asc().nullsLast())
		.orderBy('ci.name')
		.orderBy('c.id')
		.execute();
	return rows;
}

/** Every department, for the caseload's department filter. */
export async function listDepartmentsForFilter(db: Executor) {
	return db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en as nameEn'])
		.orderBy('name')
		.execute();
}

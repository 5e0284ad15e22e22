// The citizen's overview ("Mit overblik"): cases across departments, open tasks, the next meeting,
// unread messages and whom to talk to, within a CitizenScope (access/policy.ts).
import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { CitizenScope } from '../access/policy';
import type { Database } from './schema';
import type { CaseStatus, MeetingResponse, WaitingOn } from '../../domain';
import * as clock from '../clock';

export interface OverviewCase {
	id: string;
	title: string;
	titleEn: string | null;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
	departmentPhone: string | null;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: string | null;
	decidedAt: Date | null;
	closedAt: Date | null;
	caseworkerName: string | null;
	caseworkerPhone: string | null;
}

export interface OverviewTask {
	id: string;
	title: string;
	titleEn: string | null;
	description: string | null;
	dueDate: string | null;
}

export interface OverviewMeeting {
	id: string;
	title: string;
	titleEn: string | null;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	videoUrl: string | null;
	response: MeetingResponse;
}

export interface OverviewJourney {
	id: string;
	title: string;
	titleEn: string | null;
	coordinatorName: string | null;
	coordinatorPhone: string | null;
	coordinatorDepartmentName: string | null;
	coordinatorDepartmentNameEn: string | null;
	unreadMessages: number;
}

export interface CitizenOverview {
	cases: OverviewCase[];
	tasks: OverviewTask[];
	nextMeeting: OverviewMeeting | null;
	journeys: OverviewJourney[];
}

/** A timestamp read from json (an ISO string there) as the Date the other queries give. */
function jsonDate(value: Date | string): Date;
function jsonDate(value: Date | string | null): Date | null;
function jsonDate(value: Date | string | null): Date | null {
	return value === null ? null : new Date(value);
}

/**
 * The overview in one statement: its parts are json sub-selects of one query, so a page costs one
 * round trip to the database instead of one per part (docs/ARCHITECTURE.md, "Queries at a
 * municipality's scale").
 */
export async function citizenOverview(
	db: Kysely<Database>,
	scope: CitizenScope,
	now: Date = clock.now()
): Promise<CitizenOverview> {
	const departments = scope.departmentIds;
	if (departments !== null && departments.length === 0) {
		return { cases: [], tasks: [], nextMeeting: null, journeys: [] };
	}

	let casesQuery = db
		.selectFrom('cases as c')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.leftJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select([
			'c.id',
			'c.title',
			'c.title_en as titleEn',
			'c.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone',
			'c.status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_en as nextStepEn',
			'c.next_step_due as nextStepDue',
			'c.decided_at as decidedAt',
			'c.closed_at as closedAt',
			's.name as caseworkerName',
			's.phone as caseworkerPhone'
		])
		.where('c.citizen_id', '=', scope.citizenId)
		// Most urgent first: what waits on the citizen, then by date, closed cases last.
		.orderBy(
			sql`case when c.status = 'closed' then 2 when c.waiting_on = 'citizen' then 0 else 1 end`
		)
		.orderBy(sql`c.next_step_due asc nulls last`)
		.orderBy('c.opened_at', 'desc');
	if (departments) casesQuery = casesQuery.where('c.department_id', 'in', departments);

	let tasksQuery = db
		.selectFrom('tasks as t')
		.leftJoin('cases as c', 'c.id', 't.case_id')
		.select(['t.id', 't.title', 't.title_en as titleEn', 't.description', 't.due_date as dueDate'])
		.where('t.citizen_id', '=', scope.citizenId)
		.where('t.assignee', '=', 'citizen')
		.where('t.done_at', 'is', null)
		.orderBy(sql`t.due_date asc nulls last`)
		.orderBy('t.created_at');
	if (departments) tasksQuery = tasksQuery.where('c.department_id', 'in', departments);

	const meetingQuery = db
		.selectFrom('meetings as m')
		.innerJoin('journeys as j', 'j.id', 'm.journey_id')
		.select([
			'm.id',
			'm.title',
			'm.title_en as titleEn',
			'm.starts_at as startsAt',
			'm.ends_at as endsAt',
			'm.location',
			'm.video_url as videoUrl',
			'm.citizen_response as response'
		])
		.where('j.citizen_id', '=', scope.citizenId)
		.where('m.cancelled_at', 'is', null)
		.where('m.ends_at', '>', now)
		.orderBy('m.starts_at')
		.limit(1);

	const journeysQuery = db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select((eb) => [
			'j.id',
			'j.title',
			'j.title_en as titleEn',
			's.name as coordinatorName',
			's.phone as coordinatorPhone',
			'd.name as coordinatorDepartmentName',
			'd.name_en as coordinatorDepartmentNameEn',
			eb
				.selectFrom('messages as msg')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('msg.journey_id', '=', 'j.id')
				.where('msg.author_staff_id', 'is not', null)
				.where('msg.read_by_citizen_at', 'is', null)
				.as('unreadMessages')
		])
		.where('j.citizen_id', '=', scope.citizenId)
		.where('j.status', '<>', 'closed')
		.orderBy('j.started_at');

	// Meetings and journeys only where the scope includes journeys (a representative's may not).
	const journeys = scope.includesJourneys;
	const row = await db
		.selectNoFrom([
			jsonArrayFrom(casesQuery).as('cases'),
			jsonArrayFrom(tasksQuery).as('tasks'),
			(journeys ? jsonObjectFrom(meetingQuery) : sql<null>`null`).as('nextMeeting'),
			(journeys ? jsonArrayFrom(journeysQuery) : sql<never[]>`'[]'::json`).as('journeys')
		])
		.executeTakeFirstOrThrow();
	const meeting = row.nextMeeting;
	return {
		cases: row.cases.map((c) => ({
			...c,
			decidedAt: jsonDate(c.decidedAt),
			closedAt: jsonDate(c.closedAt)
		})),
		tasks: row.tasks,
		nextMeeting: meeting
			? { ...meeting, startsAt: jsonDate(meeting.startsAt), endsAt: jsonDate(meeting.endsAt) }
			: null,
		journeys: row.journeys.map((j) => ({ ...j, unreadMessages: Number(j.unreadMessages ?? 0) }))
	};
}

// Meetings as staff plan and run them: who can be invited, the meeting with its minutes, the
// citizen's answers from the timeline, and the letter that carries an invitation to an analog
// citizen. The citizen's side of the same rows is in meetings.ts.
import type { Insertable, Selectable, Transaction } from 'kysely';
import type {
	Database,
	LettersTable,
	MeetingParticipantsTable,
	MeetingsTable,
	TimelineEntriesTable
} from './schema';
import type { MeetingResponse, StaffRole } from '../../domain';
import type { Executor } from './executor';

export interface StaffCandidate {
	id: string;
	name: string;
	role: StaffRole;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
}

/**
 * Active caseworkers and coordinators of the departments with a case on the journey: the staff
 * a joint meeting can invite. `openOnly` limits it to departments whose case is not closed.
 */
export async function listJourneyStaff(
	db: Executor,
	journeyId: string,
	options: { openOnly?: boolean } = {}
): Promise<StaffCandidate[]> {
	let departments = db
		.selectFrom('journey_cases as jc')
		.innerJoin('cases as c', 'c.id', 'jc.case_id')
		.select('c.department_id')
		.where('jc.journey_id', '=', journeyId);
	if (options.openOnly) departments = departments.where('c.status', '!=', 'closed');
	const rows = await db
		.selectFrom('staff_users as s')
		.innerJoin('departments as d', 'd.id', 's.department_id')
		.select([
			's.id',
			's.name',
			's.role',
			'd.id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn'
		])
		.where('s.active', '=', true)
		.where('s.role', 'in', ['caseworker', 'coordinator'])
		.where('s.department_id', 'in', departments)
		.orderBy('d.name')
		.orderBy('s.name')
		.orderBy('s.id')
		.execute();
	return rows;
}

export type StaffMeeting = Selectable<MeetingsTable> & {
	citizenId: string;
	organizerName: string | null;
	organizerDepartmentId: string | null;
};

/** A meeting with its journey's citizen and its organiser, or undefined when there is none. */
export async function findStaffMeeting(
	db: Executor,
	meetingId: string
): Promise<StaffMeeting | undefined> {
	return db
		.selectFrom('meetings as m')
		.innerJoin('journeys as j', 'j.id', 'm.journey_id')
		.leftJoin('staff_users as o', 'o.id', 'm.organizer_staff_id')
		.selectAll('m')
		.select([
			'j.citizen_id as citizenId',
			'o.name as organizerName',
			'o.department_id as organizerDepartmentId'
		])
		.where('m.id', '=', meetingId)
		.executeTakeFirst();
}

/** Serialises changes of one meeting, so a change and a cancellation cannot cross. */
export async function lockMeeting(trx: Transaction<Database>, meetingId: string) {
	return trx
		.selectFrom('meetings')
		.select(['id', 'cancelled_at', 'starts_at'])
		.where('id', '=', meetingId)
		.forUpdate()
		.executeTakeFirst();
}

export async function insertMeeting(
	db: Executor,
	row: Insertable<MeetingsTable>
): Promise<Selectable<MeetingsTable>> {
	return db.insertInto('meetings').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertMeetingParticipants(
	db: Executor,
	rows: Insertable<MeetingParticipantsTable>[]
): Promise<void> {
	if (rows.length === 0) return;
	await db.insertInto('meeting_participants').values(rows).execute();
}

/** New time or place: the citizen's earlier answer was about the old one, so it is pending again. */
export async function rescheduleMeeting(
	db: Executor,
	meetingId: string,
	change: { startsAt: Date; endsAt: Date; location: string | null; videoUrl: string | null }
): Promise<void> {
	const response: MeetingResponse = 'pending';
	await db
		.updateTable('meetings')
		.set({
			starts_at: change.startsAt,
			ends_at: change.endsAt,
			location: change.location,
			video_url: change.videoUrl,
			citizen_response: response,
			citizen_response_reason: null,
			citizen_responded_at: null
		})
		.where('id', '=', meetingId)
		.execute();
}

export async function setMeetingMinutes(
	db: Executor,
	meetingId: string,
	minutes: string
): Promise<void> {
	await db.updateTable('meetings').set({ minutes }).where('id', '=', meetingId).execute();
}

export async function markMeetingCancelled(db: Executor, meetingId: string, at: Date) {
	await db.updateTable('meetings').set({ cancelled_at: at }).where('id', '=', meetingId).execute();
}

/** The timeline entries about one meeting (invitation, answers, changes, minutes), oldest first. */
export async function listMeetingEntries(
	db: Executor,
	meetingId: string
): Promise<Selectable<TimelineEntriesTable>[]> {
	return db
		.selectFrom('timeline_entries')
		.selectAll()
		.where('meeting_id', '=', meetingId)
		.orderBy('occurred_at')
		.orderBy('id')
		.execute();
}

/** The journey's meetings, soonest first, for the planning page's list. */
export async function listJourneyMeetings(db: Executor, journeyId: string) {
	return db
		.selectFrom('meetings')
		.select([
			'id',
			'title',
			'starts_at as startsAt',
			'ends_at as endsAt',
			'cancelled_at as cancelledAt'
		])
		.where('journey_id', '=', journeyId)
		.orderBy('starts_at', 'desc')
		.orderBy('id')
		.execute();
}

/** Where letters to the citizen go: name, address lines and language. */
export async function citizenPostalDetails(db: Executor, citizenId: string) {
	return db
		.selectFrom('citizens')
		.select(['name', 'co_name', 'address_line', 'postal_code', 'city', 'preferred_language'])
		.where('id', '=', citizenId)
		.executeTakeFirstOrThrow();
}

export async function insertLetter(
	db: Executor,
	row: Insertable<LettersTable>
): Promise<Selectable<LettersTable>> {
	return db.insertInto('letters').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Name, phone and department of a member of staff, for the signature of a letter. */
export async function staffContact(db: Executor, staffId: string) {
	return db
		.selectFrom('staff_users as s')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			's.name',
			's.phone',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone'
		])
		.where('s.id', '=', staffId)
		.executeTakeFirstOrThrow();
}

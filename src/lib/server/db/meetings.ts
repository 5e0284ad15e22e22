// Meetings as the citizen sees them: a meeting in one of their journeys, who takes part, and the
// citizen's answer to the invitation. Minutes are for staff and are never selected here.
import { sql } from 'kysely';
import type { MeetingResponse } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export interface CitizenMeeting {
	id: string;
	journeyId: string;
	title: string;
	titleEn: string | null;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	videoUrl: string | null;
	agenda: string | null;
	whatToBring: string | null;
	response: MeetingResponse;
	responseReason: string | null;
	respondedAt: Date | null;
	cancelledAt: Date | null;
	organizerName: string | null;
	organizerPhone: string | null;
	organizerDepartmentId: string | null;
	organizerDepartmentName: string | null;
	organizerDepartmentNameEn: string | null;
	organizerDepartmentPhone: string | null;
}

/** A meeting in one of the citizen's journeys, or undefined when it is not theirs (or missing). */
export async function findCitizenMeeting(
	db: Executor,
	meetingId: string,
	citizenId: string
): Promise<CitizenMeeting | undefined> {
	return db
		.selectFrom('meetings as m')
		.innerJoin('journeys as j', 'j.id', 'm.journey_id')
		.leftJoin('staff_users as o', 'o.id', 'm.organizer_staff_id')
		.leftJoin('departments as d', 'd.id', 'o.department_id')
		.select([
			'm.id',
			'm.journey_id as journeyId',
			'm.title',
			'm.title_en as titleEn',
			'm.starts_at as startsAt',
			'm.ends_at as endsAt',
			'm.location',
			'm.video_url as videoUrl',
			'm.agenda',
			'm.what_to_bring as whatToBring',
			'm.citizen_response as response',
			'm.citizen_response_reason as responseReason',
			'm.citizen_responded_at as respondedAt',
			'm.cancelled_at as cancelledAt',
			'o.name as organizerName',
			'o.phone as organizerPhone',
			'o.department_id as organizerDepartmentId',
			'd.name as organizerDepartmentName',
			'd.name_en as organizerDepartmentNameEn',
			'd.phone as organizerDepartmentPhone'
		])
		.where('m.id', '=', meetingId)
		.where('j.citizen_id', '=', citizenId)
		.executeTakeFirst();
}

export interface MeetingParticipant {
	id: string;
	name: string | null;
	role: string | null;
	departmentName: string | null;
	departmentNameEn: string | null;
}

/** Who takes part: staff with their department, or others (a mentor, a teacher) by name. */
export async function listMeetingParticipants(
	db: Executor,
	meetingId: string
): Promise<MeetingParticipant[]> {
	return db
		.selectFrom('meeting_participants as p')
		.leftJoin('staff_users as s', 's.id', 'p.staff_user_id')
		.leftJoin('departments as d', (join) =>
			join.on((eb) => eb('d.id', '=', eb.fn.coalesce('p.department_id', 's.department_id')))
		)
		.select((eb) => [
			'p.id',
			eb.fn.coalesce('s.name', 'p.name').as('name'),
			'p.role',
			'd.name as departmentName',
			'd.name_en as departmentNameEn'
		])
		.where('p.meeting_id', '=', meetingId)
		.orderBy(sql`coalesce(s.name, p.name)`)
		.orderBy('p.id')
		.execute();
}

export interface MeetingListItem {
	id: string;
	title: string;
	titleEn: string | null;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	videoUrl: string | null;
	response: MeetingResponse;
	cancelledAt: Date | null;
}

/**
 * The citizen's meetings across their journeys: those still to come (soonest first) and the
 * earlier ones (latest first). A meeting under way counts as still to come.
 */
export async function listCitizenMeetings(
	db: Executor,
	citizenId: string,
	now: Date = clock.now()
): Promise<{ upcoming: MeetingListItem[]; earlier: MeetingListItem[] }> {
	const rows = await db
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
			'm.citizen_response as response',
			'm.cancelled_at as cancelledAt'
		])
		.where('j.citizen_id', '=', citizenId)
		.orderBy('m.starts_at')
		.orderBy('m.id')
		.execute();
	const upcoming = rows.filter((m) => m.endsAt.getTime() > now.getTime());
	const earlier = rows.filter((m) => m.endsAt.getTime() <= now.getTime()).reverse();
	return { upcoming, earlier };
}

/** The citizen's current answer; the history of answers is on the timeline. */
export async function setMeetingResponse(
	db: Executor,
	meetingId: string,
	answer: { response: Exclude<MeetingResponse, 'pending'>; reason: string | null; at: Date }
): Promise<void> {
	await db
		.updateTable('meetings')
		.set({
			citizen_response: answer.response,
			citizen_response_reason: answer.reason,
			citizen_responded_at: answer.at
		})
		.where('id', '=', meetingId)
		.execute();
}

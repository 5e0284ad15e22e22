// The journeys' meetings (with who takes part and the citizen's answer) and their messages.
import type { MeetingResponse } from '../../../domain';
import type { Executor } from '../executor';
import type { DepartmentLookup, DepartmentRef } from './shared';

export interface ExportedMeeting {
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
	organizerName: string | null;
	cancelledAt: Date | null;
	participants: { name: string | null; role: string | null; department: DepartmentRef | null }[];
	yourAnswer: { response: MeetingResponse; reason: string | null; answeredAt: Date | null };
}

export interface ExportedMessage {
	id: string;
	journeyId: string;
	sentAt: Date;
	from: 'you' | 'representative' | 'municipality';
	authorName: string | null;
	body: string;
	readByYouAt: Date | null;
}

export function selectMeetings(db: Executor, journeyIds: string[]) {
	return db
		.selectFrom('meetings as m')
		.leftJoin('staff_users as s', 's.id', 'm.organizer_staff_id')
		.select([
			'm.id',
			'm.journey_id',
			'm.title',
			'm.title_en',
			'm.starts_at',
			'm.ends_at',
			'm.location',
			'm.video_url',
			'm.agenda',
			'm.what_to_bring',
			's.name as organizer_name',
			'm.cancelled_at',
			'm.citizen_response',
			'm.citizen_response_reason',
			'm.citizen_responded_at'
		])
		.where('m.journey_id', 'in', journeyIds)
		.orderBy('m.starts_at', 'desc')
		.execute();
}

type MeetingRow = Awaited<ReturnType<typeof selectMeetings>>[number];

/** No query at all without meetings: `in ()` is not SQL. */
export async function selectParticipants(db: Executor, meetingIds: string[]) {
	if (meetingIds.length === 0) return [];
	return db
		.selectFrom('meeting_participants as p')
		.leftJoin('staff_users as s', 's.id', 'p.staff_user_id')
		.select([
			'p.id',
			'p.meeting_id',
			'p.name',
			's.name as staff_name',
			'p.role',
			'p.department_id',
			's.department_id as staff_department_id'
		])
		.where('p.meeting_id', 'in', meetingIds)
		.orderBy('p.id')
		.execute();
}

type ParticipantRow = Awaited<ReturnType<typeof selectParticipants>>[number];

export function toMeeting(
	m: MeetingRow,
	participantRows: ParticipantRow[],
	department: DepartmentLookup
): ExportedMeeting {
	return {
		id: m.id,
		journeyId: m.journey_id,
		title: m.title,
		titleEn: m.title_en,
		startsAt: m.starts_at,
		endsAt: m.ends_at,
		location: m.location,
		videoUrl: m.video_url,
		agenda: m.agenda,
		whatToBring: m.what_to_bring,
		organizerName: m.organizer_name,
		cancelledAt: m.cancelled_at,
		participants: participantRows
			.filter((p) => p.meeting_id === m.id)
			.map((p) => ({
				name: p.staff_name ?? p.name,
				role: p.role,
				department: department(p.department_id ?? p.staff_department_id)
			})),
		yourAnswer: {
			response: m.citizen_response,
			reason: m.citizen_response_reason,
			answeredAt: m.citizen_responded_at
		}
	};
}

export function selectMessages(db: Executor, journeyIds: string[]) {
	return db
		.selectFrom('messages as m')
		.leftJoin('staff_users as s', 's.id', 'm.author_staff_id')
		.leftJoin('citizens as c', 'c.id', 'm.author_citizen_id')
		.select([
			'm.id',
			'm.journey_id',
			'm.sent_at',
			'm.author_citizen_id',
			'm.author_staff_id',
			's.name as staff_name',
			'c.name as citizen_name',
			'm.body',
			'm.read_by_citizen_at'
		])
		.where('m.journey_id', 'in', journeyIds)
		.orderBy('m.sent_at', 'desc')
		.orderBy('m.id', 'desc')
		.execute();
}

type MessageRow = Awaited<ReturnType<typeof selectMessages>>[number];

export function toMessage(citizenId: string, m: MessageRow): ExportedMessage {
	return {
		id: m.id,
		journeyId: m.journey_id,
		sentAt: m.sent_at,
		from: m.author_staff_id
			? 'municipality'
			: m.author_citizen_id === citizenId
				? 'you'
				: 'representative',
		authorName: m.staff_name ?? m.citizen_name,
		body: m.body,
		readByYouAt: m.read_by_citizen_at
	};
}

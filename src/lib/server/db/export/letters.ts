// What the municipality wrote to the citizen: the letters (their text, not the PDF) and the
// journeys' timeline as the citizen sees it.
import type { Language, LetterStatus, TimelineKind } from '../../../domain';
import { citizenTimelineFilter } from '../../access/policy';
import type { Executor } from '../executor';
import { visibleTo } from '../timeline';
import type { DepartmentLookup, DepartmentRef } from './shared';

export interface ExportedLetter {
	id: string;
	subject: string;
	body: string;
	language: Language;
	recipientName: string;
	recipientAddress: string;
	status: LetterStatus;
	pageCount: number | null;
	createdAt: Date;
	printedAt: Date | null;
	postedAt: Date | null;
}

export interface ExportedTimelineEntry {
	id: string;
	journeyId: string;
	kind: TimelineKind;
	department: DepartmentRef | null;
	title: string;
	titleEn: string | null;
	body: string;
	bodyEn: string | null;
	occurredAt: Date;
	postedLetterAt: Date | null;
	meetingId: string | null;
	taskId: string | null;
	letterId: string | null;
}

export function selectLetters(db: Executor, citizenId: string) {
	return (
		db
			.selectFrom('letters')
			// Not the PDF (its text is here) and not the print service's error messages.
			.select([
				'id',
				'subject',
				'body',
				'language',
				'recipient_name',
				'recipient_address',
				'status',
				'page_count',
				'created_at',
				'printed_at',
				'posted_at'
			])
			.where('citizen_id', '=', citizenId)
			.orderBy('created_at', 'desc')
			.execute()
	);
}

type LetterRow = Awaited<ReturnType<typeof selectLetters>>[number];

export function toLetter(l: LetterRow): ExportedLetter {
	return {
		id: l.id,
		subject: l.subject,
		body: l.body,
		language: l.language,
		recipientName: l.recipient_name,
		recipientAddress: l.recipient_address,
		status: l.status,
		pageCount: l.page_count,
		createdAt: l.created_at,
		printedAt: l.printed_at,
		postedAt: l.posted_at
	};
}

export function selectTimeline(db: Executor, journeyIds: string[]) {
	return (
		db
			.selectFrom('timeline_entries')
			.select([
				'id',
				'journey_id',
				'kind',
				'department_id',
				'title',
				'title_en',
				'body',
				'body_en',
				'occurred_at',
				'posted_letter_at',
				'meeting_id',
				'task_id',
				'letter_id'
			])
			.where('journey_id', 'in', journeyIds)
			// The citizen's own view: never what staff keep among themselves.
			.where(visibleTo(citizenTimelineFilter(null), 'timeline_entries'))
			.orderBy('occurred_at', 'desc')
			.orderBy('id', 'desc')
			.execute()
	);
}

type TimelineRow = Awaited<ReturnType<typeof selectTimeline>>[number];

export function toTimelineEntry(
	e: TimelineRow,
	department: DepartmentLookup
): ExportedTimelineEntry {
	return {
		id: e.id,
		journeyId: e.journey_id,
		kind: e.kind,
		department: department(e.department_id),
		title: e.title,
		titleEn: e.title_en,
		body: e.body,
		bodyEn: e.body_en,
		occurredAt: e.occurred_at,
		postedLetterAt: e.posted_letter_at,
		meetingId: e.meeting_id,
		taskId: e.task_id,
		letterId: e.letter_id
	};
}

// A meeting planned, moved or cancelled, by staff or by a department system through the API: the
// same citizen-visible meeting entry, the same letter for an analog citizen and the same audit rows
// whoever changes it, recorded through recordEvent.
import type { Transaction } from 'kysely';
import { catalogues, format, localized } from '../../i18n/all';
import type { Locale } from '../../i18n/locale';
import { formatMeetingTime } from '../../meeting-time';
import type { Database } from '../db/schema';
import type { ApiActor } from '../events/actor';
import { recordEvent, type RecordedEvent } from '../events/record';
import type { LetterSender } from '../notifications/route';
import type { MeetingTimePlace } from './form';
import type { StaffActor } from '../access/staff';

export type MeetingChangeKind = 'invite' | 'moved' | 'cancelled';
type Kind = MeetingChangeKind;

export const eventTypes = {
	invite: 'meeting_invite',
	moved: 'meeting_moved',
	cancelled: 'meeting_cancelled'
} as const;

function whereText(locale: Locale, place: { location: string | null; videoUrl: string | null }) {
	const m = catalogues[locale];
	return [
		place.location ? format(m.smEntryWhere, { place: place.location }) : null,
		place.videoUrl ? format(m.smEntryVideo, { url: place.videoUrl }) : null
	].filter((line): line is string => line !== null);
}

/** The body of a meeting entry (and the facts of a letter): when and where. */
function timePlaceLines(locale: Locale, meeting: MeetingTimePlace): string[] {
	const m = catalogues[locale];
	return [
		format(m.smEntryWhen, { time: formatMeetingTime(meeting.startsAt, meeting.endsAt, locale) }),
		...whereText(locale, meeting)
	];
}

const entryTitleKeys = {
	invite: 'smEntryInvitedTitle',
	moved: 'smEntryMovedTitle',
	cancelled: 'smEntryCancelledTitle'
} as const;

/** The meeting entry's titles and bodies in Danish and English. */
export function meetingEntryTexts(kind: Kind, title: string, meeting: MeetingTimePlace) {
	const texts = (locale: Locale) => {
		const m = catalogues[locale];
		const lines =
			kind === 'cancelled'
				? [
						format(m.smEntryCancelledBody, {
							time: formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)
						})
					]
				: [
						...timePlaceLines(locale, meeting),
						kind === 'moved' ? m.smEntryMovedBody : m.smEntryInvitedBody
					];
		return { title: format(m[entryTitleKeys[kind]], { title }), body: lines.join('\n') };
	};
	const da = texts('da');
	const en = texts('en');
	return { title: da.title, title_en: en.title, body: da.body, body_en: en.body };
}

const letterKeys = {
	invite: { subject: 'smLetterInviteSubject', intro: 'smLetterInviteIntro' },
	moved: { subject: 'smLetterMovedSubject', intro: 'smLetterMovedIntro' },
	cancelled: { subject: 'smLetterCancelledSubject', intro: 'smLetterCancelledIntro' }
} as const;

/**
 * The letter about a meeting change, in the citizen's language: time, place, agenda, what to bring
 * and whom to call, signed by `sender`.
 */
export function meetingLetter(
	kind: Kind,
	meeting: MeetingTimePlace & { title: string; agenda: string | null; whatToBring: string | null },
	citizenName: string,
	sender: NonNullable<LetterSender>
) {
	return (language: Locale) => {
		const m = catalogues[language];
		const keys = letterKeys[kind];
		const department = sender.departmentName
			? localized(language, sender.departmentName, sender.departmentNameEn)
			: null;
		const phone = sender.phone ?? sender.departmentPhone;
		const paragraphs = [
			format(m.smLetterGreeting, { name: citizenName }),
			m[keys.intro],
			[meeting.title, ...timePlaceLines(language, meeting)].join('\n'),
			kind !== 'cancelled' && meeting.agenda ? `${m.smLetterAgenda}\n${meeting.agenda}` : null,
			kind !== 'cancelled' && meeting.whatToBring
				? `${m.smLetterBring}\n${meeting.whatToBring}`
				: null,
			kind === 'cancelled'
				? phone
					? format(m.smLetterCancelledCall, { phone })
					: null
				: phone
					? format(m.smLetterCall, { phone })
					: null,
			`${m.smLetterRegards}\n${department ? `${sender.name}, ${department}` : sender.name}`
		].filter((p): p is string => p !== null);
		return {
			subject: format(m[keys.subject], { title: meeting.title }),
			body: paragraphs.join('\n\n')
		};
	};
}

/** The meeting as it is after the change. */
export interface ChangedMeeting extends MeetingTimePlace {
	id: string;
	journeyId: string;
	citizenId: string;
	title: string;
	agenda: string | null;
	whatToBring: string | null;
}

/**
 * Records a meeting change in the caller's transaction: the citizen-visible meeting entry, the
 * meeting's audit row ('create' for an invitation, 'update' for a move or cancellation), and the
 * notification, a letter in the citizen's own language when they are analog. The entry is the
 * actor's own (a department system's has no author); `letterAuthorStaffId` is who the letter's
 * entry names, the organiser when a system plans for a caseworker.
 */
export async function recordMeetingChange(
	trx: Transaction<Database>,
	actor: StaffActor | ApiActor,
	kind: Kind,
	meeting: ChangedMeeting,
	from: { sender: NonNullable<LetterSender>; letterAuthorStaffId: string | null },
	now: Date
): Promise<RecordedEvent> {
	const timePlace = {
		startsAt: meeting.startsAt,
		endsAt: meeting.endsAt,
		location: meeting.location,
		videoUrl: meeting.videoUrl
	};
	const details = {
		...timePlace,
		title: meeting.title,
		agenda: kind === 'cancelled' ? null : meeting.agenda,
		whatToBring: kind === 'cancelled' ? null : meeting.whatToBring
	};
	return recordEvent(
		trx,
		actor,
		{
			citizenId: meeting.citizenId,
			type: eventTypes[kind],
			entries: [
				{
					journey_id: meeting.journeyId,
					kind: 'meeting',
					visibility: 'citizen',
					author_staff_id: actor.kind === 'staff' ? actor.staffId : null,
					department_id: actor.departmentId,
					...meetingEntryTexts(kind, meeting.title, timePlace),
					occurred_at: now,
					meeting_id: meeting.id
				}
			],
			object: { action: kind === 'invite' ? 'create' : 'update', type: 'meeting', id: meeting.id },
			authorStaffId: from.letterAuthorStaffId,
			sender: from.sender,
			letter: ({ citizenName }) => meetingLetter(kind, details, citizenName, from.sender),
			meetingStartsAt: timePlace.startsAt
		},
		now
	);
}

// The citizen's answer to a meeting invitation: the meeting's current answer, a timeline entry
// that staff see at once (one per answer, so changes of mind stay visible) and an audit row, in
// one transaction.
import { formatDateTime } from '../../format';
import { catalogues, format } from '../../i18n/all';
import type { CitizenMeeting } from '../db/meetings';
import { setMeetingResponse } from '../db/meetings';
import type { MeetingResponse } from '../../domain';
import { appendTimelineEntry } from '../db/timeline';
import { auditActor, auditPortal, type PortalContext } from '../access/portal';
import * as clock from '../clock';

export type MeetingAnswer = Exclude<MeetingResponse, 'pending'>;

export const MEETING_ANSWERS: readonly MeetingAnswer[] = [
	'accepted',
	'reschedule_requested',
	'declined'
];

export const MEETING_REASON_MAX = 1000;

/** A meeting can be answered until it starts, unless it is cancelled. */
export function isAnswerable(
	meeting: Pick<CitizenMeeting, 'startsAt' | 'cancelledAt'>,
	now: Date = clock.now()
): boolean {
	return meeting.cancelledAt === null && meeting.startsAt.getTime() > now.getTime();
}

const entryKeys = {
	accepted: 'meetingEntryAccepted',
	reschedule_requested: 'meetingEntryReschedule',
	declined: 'meetingEntryDeclined'
} as const;

/** "Maja Jensen", or "Henrik Hansen på vegne af Sofie Hansen" when a representative acts. */
function whoAnswered(context: PortalContext, locale: 'da' | 'en'): string {
	if (!context.scope.representing) return context.actor.name;
	return format(catalogues[locale].meetingEntryOnBehalf, {
		actor: context.actor.name,
		citizen: context.subject.name
	});
}

export async function answerMeeting(
	context: PortalContext,
	meeting: CitizenMeeting,
	answer: { response: MeetingAnswer; reason: string },
	now: Date = clock.now()
): Promise<void> {
	const reason = answer.reason === '' ? null : answer.reason;
	const title = (locale: 'da' | 'en') =>
		format(catalogues[locale][entryKeys[answer.response]], {
			name: whoAnswered(context, locale),
			title: locale === 'en' && meeting.titleEn ? meeting.titleEn : meeting.title,
			date: formatDateTime(meeting.startsAt, locale)
		});
	const actor = auditActor(context);
	await context.db.transaction().execute(async (trx) => {
		await setMeetingResponse(trx, meeting.id, { response: answer.response, reason, at: now });
		await appendTimelineEntry(trx, {
			journey_id: meeting.journeyId,
			kind: 'meeting',
			visibility: 'citizen',
			author_citizen_id: actor.actor_citizen_id,
			department_id: meeting.organizerDepartmentId,
			title: title('da'),
			title_en: title('en'),
			// The citizen's own words, as written: there is no translation of them.
			body: reason ?? '',
			occurred_at: now,
			meeting_id: meeting.id
		});
		await auditPortal(trx, context, 'update', { type: 'meeting', id: meeting.id });
	});
}

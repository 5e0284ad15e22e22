// The citizen's answer to a meeting invitation.
import type { MessageKey } from '../i18n/all';

export const MEETING_RESPONSES = [
	'pending',
	'accepted',
	'declined',
	'reschedule_requested'
] as const;
export type MeetingResponse = (typeof MEETING_RESPONSES)[number];

/** To the citizen ("Du har sagt ja til mødet."), and to staff ("Kommer"). */
export const MEETING_RESPONSE_LABELS = {
	citizen: {
		pending: 'responsePending',
		accepted: 'responseAccepted',
		declined: 'responseDeclined',
		reschedule_requested: 'responseReschedule'
	},
	staff: {
		pending: 'smAnswerPending',
		accepted: 'smAnswerAccepted',
		declined: 'smAnswerDeclined',
		reschedule_requested: 'smAnswerReschedule'
	}
} as const satisfies Record<string, Record<MeetingResponse, MessageKey>>;

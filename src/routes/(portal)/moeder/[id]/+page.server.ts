import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { PortalKey } from '$lib/i18n/portal';
import { findCitizenMeeting, listMeetingParticipants } from '$lib/server/db/meetings';
import {
	answerMeeting,
	isAnswerable,
	MEETING_ANSWERS,
	MEETING_REASON_MAX
} from '$lib/server/meetings/answer';
import { safeWebUrl } from '$lib/server/meetings/calendar';
import { auditPortal, portal, requireMayAct, type PortalContext } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

/** The meeting in the URL if it is in one of the citizen's journeys; else 404, whatever the id. */
async function meetingOf(event: RequestEvent<{ id: string }>, context: PortalContext) {
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const meeting = await findCitizenMeeting(context.db, id, context.scope.citizenId);
	if (!meeting) error(404, 'Not Found');
	return meeting;
}

// A meeting: when and where, who takes part, the agenda, and the citizen's answer to it.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'journeys');
	const meeting = await meetingOf(event, context);
	const participants = await listMeetingParticipants(context.db, meeting.id);
	await auditPortal(context.db, context, 'read', { type: 'meeting', id: meeting.id });
	const now = clock.now();
	return {
		meeting: { ...meeting, videoUrl: safeWebUrl(meeting.videoUrl) },
		participants,
		answerable: isAnswerable(meeting, now),
		started: meeting.cancelledAt === null && meeting.startsAt.getTime() <= now.getTime(),
		held: meeting.cancelledAt === null && meeting.endsAt.getTime() <= now.getTime(),
		mayAct: context.scope.mayAct,
		subjectName: context.subject.name,
		saved: event.url.searchParams.has('svaret')
	};
};

export const actions: Actions = {
	svar: async (event) => {
		const context = await portal(event, 'journeys');
		const meeting = await meetingOf(event, context);
		requireMayAct(context);

		const data = await event.request.formData();
		const values = { response: formText(data, 'response'), reason: formText(data, 'reason') };
		const errors: FieldErrors<PortalKey> = {};
		if (!isAnswerable(meeting)) return fail(400, { values, errors, closed: true });

		const response = MEETING_ANSWERS.find((answer) => answer === values.response);
		if (!response) errors.response = 'meetingErrorResponse';
		const reasonTooLong = tooLong(values.reason, MEETING_REASON_MAX);
		if (reasonTooLong) errors.reason = reasonTooLong;
		else if (response === 'reschedule_requested' && values.reason === '') {
			errors.reason = 'meetingErrorReason';
		}
		if (!response || Object.keys(errors).length > 0) {
			return fail(400, { values, errors, closed: false });
		}

		await answerMeeting(context, meeting, { response, reason: values.reason });
		// An absolute path: resolve() gives a path relative to the page during a request.
		redirect(303, `/moeder/${meeting.id}?svaret=1`);
	}
};

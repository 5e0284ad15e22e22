import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { StaffKey } from '$lib/i18n/staff';
import { meetingDepartmentIds } from '$lib/server/db/access-facts';
import { listMeetingParticipants } from '$lib/server/db/meetings';
import { findStaffMeeting, listMeetingEntries } from '$lib/server/db/staff-meetings';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { safeWebUrl } from '$lib/server/meetings/calendar';
import { checkTimePlace, readMeetingForm, TEXT_MAX } from '$lib/server/meetings/form';
import {
	addMinutes,
	cancelMeeting,
	isChangeable,
	mayWriteMinutes,
	moveMeeting
} from '$lib/server/meetings/service';
import { allowOr404, auditStaffRead, CASE_ROLES, staffJourney } from '$lib/server/access/staff';
import { can, type Resource } from '$lib/server/access/policy';
import { refuseArchived } from '$lib/server/retention/archived';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

/**
 * The guard: the meeting in the URL, the journey's guard (404 unless the staff member sees the
 * journey), then the policy for the meeting itself. Anything else answers 404.
 */
async function meetingContext(event: RequestEvent<{ meetingId: string }>) {
	requireStaff(event, CASE_ROLES);
	const id = event.params.meetingId;
	if (!isUuid(id)) error(404, 'Not Found');
	const meeting = await findStaffMeeting(getDb(), id);
	if (!meeting) error(404, 'Not Found');
	const context = await staffJourney(event, meeting.journey_id);
	const resource: Resource = {
		kind: 'meeting',
		citizen: context.citizen,
		journey: context.journey,
		organizerId: meeting.organizer_staff_id,
		departmentIds: await meetingDepartmentIds(context.db, meeting.id)
	};
	allowOr404(context, 'read', resource);
	return { context, meeting, resource };
}

async function writer(event: RequestEvent<{ meetingId: string }>) {
	const found = await meetingContext(event);
	allowOr404(found.context, 'write', found.resource);
	// An archived journey is read-only: moving, cancelling and minutes answer 404 like other writes.
	await refuseArchived(found.context);
	return found;
}

/** 'YYYY-MM-DD' and 'HH:MM' in Danish time, to fill the form for moving the meeting. */
function danishParts(value: Date) {
	const parts: Record<string, string> = {};
	const formatter = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Copenhagen',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
	for (const p of formatter.formatToParts(value)) parts[p.type] = p.value;
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		time: `${parts.hour}:${parts.minute}`
	};
}

export const load: PageServerLoad = async (event) => {
	const { context, meeting, resource } = await meetingContext(event);
	const [participants, entries] = await Promise.all([
		listMeetingParticipants(context.db, meeting.id),
		listMeetingEntries(context.db, meeting.id)
	]);
	// The entries about the meeting, as far as the policy lets this reader see them.
	const visible = entries.filter((e) =>
		can(context.actor, 'read', {
			kind: 'timelineEntry',
			citizen: context.citizen,
			journey: context.journey,
			departmentId: e.department_id,
			visibility: e.visibility
		})
	);
	await auditStaffRead(context, 'meeting', meeting.id);
	const now = clock.now();
	const start = danishParts(meeting.starts_at);
	const end = danishParts(meeting.ends_at);
	const done = event.url.searchParams;
	return {
		banner: context.banner,
		meeting: {
			id: meeting.id,
			journeyId: meeting.journey_id,
			title: meeting.title,
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			location: meeting.location,
			videoUrl: safeWebUrl(meeting.video_url),
			agenda: meeting.agenda,
			whatToBring: meeting.what_to_bring,
			organizerName: meeting.organizerName,
			response: meeting.citizen_response,
			responseReason: meeting.citizen_response_reason,
			respondedAt: meeting.citizen_responded_at,
			minutes: meeting.minutes,
			cancelledAt: meeting.cancelled_at
		},
		current: {
			date: start.date,
			start: start.time,
			end: end.time,
			location: meeting.location ?? '',
			videoUrl: meeting.video_url ?? ''
		},
		participants,
		entries: visible.map((e) => ({
			id: e.id,
			kind: e.kind,
			title: e.title,
			titleEn: e.title_en,
			body: e.body,
			bodyEn: e.body_en,
			occurredAt: e.occurred_at,
			byCitizen: e.author_citizen_id !== null
		})),
		hiddenEntries: visible.length < entries.length,
		mayWrite: can(context.actor, 'write', resource),
		changeable: isChangeable(meeting, now),
		minutesOpen: mayWriteMinutes(meeting, now),
		done: {
			created: done.get('ny'),
			moved: done.get('flyttet'),
			cancelled: done.get('aflyst'),
			minutes: done.has('referat')
		}
	};
};

const flag = (letter: unknown) => (letter ? 'brev' : '1');

export const actions: Actions = {
	referat: async (event) => {
		const { context, meeting } = await writer(event);
		const minutes = formText(await event.request.formData(), 'minutes');
		const errors: FieldErrors<StaffKey> = {};
		if (minutes === '') errors.minutes = 'smErrorMinutes';
		const long = tooLong(minutes, TEXT_MAX);
		if (long) errors.minutes = long;
		if (!mayWriteMinutes(meeting))
			return fail(400, { form: 'minutes', errors, closed: true, minutes });
		if (Object.keys(errors).length > 0) return fail(400, { form: 'minutes', errors, minutes });
		const saved = await addMinutes(context.db, context.actor, meeting, minutes);
		if (!saved) return fail(400, { form: 'minutes', errors, closed: true, minutes });
		redirect(303, `/staff/moeder/${meeting.id}?referat=1`);
	},
	flyt: async (event) => {
		const { context, meeting } = await writer(event);
		const values = readMeetingForm(await event.request.formData());
		if (!isChangeable(meeting))
			return fail(400, { form: 'move', errors: {}, closed: true, values });
		const errors: FieldErrors<StaffKey> = {};
		const change = checkTimePlace(values, errors, clock.now());
		if (!change) return fail(400, { form: 'move', errors, values });
		const result = await moveMeeting(context.db, context.actor, meeting, change);
		if ('closed' in result) return fail(400, { form: 'move', errors, closed: true, values });
		redirect(303, `/staff/moeder/${meeting.id}?flyttet=${flag(result.letter)}`);
	},
	aflys: async (event) => {
		const { context, meeting } = await writer(event);
		const confirmed = formText(await event.request.formData(), 'confirm') === 'ja';
		if (!isChangeable(meeting)) return fail(400, { form: 'cancel', errors: {}, closed: true });
		if (!confirmed) {
			return fail(400, {
				form: 'cancel',
				errors: { confirm: 'smErrorCancelConfirm' } as FieldErrors<StaffKey>
			});
		}
		const result = await cancelMeeting(context.db, context.actor, meeting);
		if ('closed' in result) return fail(400, { form: 'cancel', errors: {}, closed: true });
		redirect(303, `/staff/moeder/${meeting.id}?aflyst=${flag(result.letter)}`);
	}
};

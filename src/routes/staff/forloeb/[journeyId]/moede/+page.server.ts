import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { isAnalog } from '$lib/server/db/analog';
import {
	citizenPostalDetails,
	listJourneyMeetings,
	listJourneyStaff
} from '$lib/server/db/staff-meetings';
import { checkMeetingForm, readMeetingForm } from '$lib/server/meetings/form';
import { postalAddress } from '$lib/server/notifications/route';
import { planMeeting } from '$lib/server/meetings/service';
import {
	allowOr404,
	auditStaffRead,
	staffJourney,
	type StaffJourneyContext
} from '$lib/server/access/staff';
import { refuseArchived } from '$lib/server/retention/archived';
import * as clock from '$lib/server/clock';
import type { Actions, PageServerLoad } from './$types';

/** The guard for the page and its action: only those who may plan a meeting on the journey. */
async function planner(event: RequestEvent<{ journeyId: string }>) {
	const context = await staffJourney(event, event.params.journeyId);
	allowOr404(context, 'write', {
		kind: 'meeting',
		citizen: context.citizen,
		journey: context.journey,
		organizerId: null,
		departmentIds: []
	});
	// An archived journey can be read, not changed (retention/archived.ts).
	await refuseArchived(context);
	return context;
}

/** Staff who can be invited: everyone on the journey's departments except the organiser. */
async function inviteable(context: StaffJourneyContext) {
	const staff = await listJourneyStaff(context.db, context.journey.journeyId);
	return staff.filter((s) => s.id !== context.actor.staffId);
}

export const load: PageServerLoad = async (event) => {
	const context = await planner(event);
	const [candidates, meetings, analog, postal] = await Promise.all([
		inviteable(context),
		listJourneyMeetings(context.db, context.journey.journeyId),
		isAnalog(context.db, context.citizen.citizenId),
		citizenPostalDetails(context.db, context.citizen.citizenId)
	]);
	await auditStaffRead(context, 'journey', context.journey.journeyId);
	return {
		banner: context.banner,
		journeyId: context.journey.journeyId,
		candidates,
		meetings,
		// The page marks meetings that have ended: by the server's clock, not the browser's.
		now: clock.now(),
		letterAddress: analog ? postalAddress(postal).replace(/\n/g, ', ') : null
	};
};

export const actions: Actions = {
	planlaeg: async (event) => {
		const context = await planner(event);
		const candidates = await inviteable(context);
		const values = readMeetingForm(await event.request.formData());
		const { errors, input } = checkMeetingForm(values, new Set(candidates.map((c) => c.id)));
		if (!input) return fail(400, { values, errors });
		const result = await planMeeting(context, input, candidates);
		redirect(303, `/staff/moeder/${result.meetingId}?ny=${result.letter ? 'brev' : '1'}`);
	}
};

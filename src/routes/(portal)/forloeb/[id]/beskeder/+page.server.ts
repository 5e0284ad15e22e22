import { error, fail, redirect } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { PortalKey } from '$lib/i18n/portal';
import { findCitizenJourney } from '$lib/server/db/journeys';
import { listThread, markThreadReadByCitizen, MESSAGE_MAX_LENGTH } from '$lib/server/db/messages';
import { sendCitizenMessage } from '$lib/server/messages/service';
import {
	auditActor,
	auditPortal,
	portal,
	requireMayAct,
	type PortalContext
} from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

/** The journey whose thread this is; someone else's, a made-up and a malformed id alike: 404. */
async function citizenJourney(context: PortalContext, id: string) {
	if (!isUuid(id)) error(404, 'Not Found');
	const journey = await findCitizenJourney(context.db, id, context.scope.citizenId);
	if (!journey) error(404, 'Not Found');
	return journey;
}

// One journey's conversation between the citizen's side and the municipality.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'journeys');
	const { db, actor } = context;
	const journey = await citizenJourney(context, event.params.id);
	const messages = await listThread(db, journey.id);
	// Opening the thread marks the staff's messages as read on the citizen's side. Reading by a
	// representative counts too, a read-only one included: read_by_citizen_at tells staff that
	// the citizen's side has seen the message (the citizen, or someone they chose to let read
	// their messages), and the audit trail records which representative read it and when.
	await markThreadReadByCitizen(db, journey.id);
	await auditPortal(db, context, 'read', { type: 'message_thread', id: journey.id });
	return {
		journey,
		messages: messages.map((message) => ({
			id: message.id,
			body: message.body,
			sentAt: message.sentAt,
			fromCitizenSide: message.authorCitizenId !== null,
			byMe: message.authorCitizenId === actor.id,
			authorName: message.authorCitizenName ?? message.authorStaffName,
			department:
				message.authorCitizenId === null && message.authorDepartmentName
					? { da: message.authorDepartmentName, en: message.authorDepartmentNameEn }
					: null,
			readByStaffAt: message.readByStaffAt,
			// Shown as new this once: staff's messages nobody on the citizen's side had read.
			isNew: message.authorCitizenId === null && message.readByCitizenAt === null
		})),
		mayAct: context.scope.mayAct,
		subjectName: context.subject.name,
		maxLength: MESSAGE_MAX_LENGTH,
		sent: event.url.searchParams.has('sendt')
	};
};

export const actions: Actions = {
	skriv: async (event) => {
		const context = await portal(event, 'journeys');
		const journey = await citizenJourney(context, event.params.id);
		requireMayAct(context);
		if (journey.status === 'closed') error(403, 'The journey has ended');

		const data = await event.request.formData();
		const body = formText(data, 'besked');
		const errors: FieldErrors<PortalKey> = {};
		if (body === '') errors.besked = 'conversationBodyMissing';
		else {
			const long = tooLong(body, MESSAGE_MAX_LENGTH);
			if (long) errors.besked = long;
		}
		if (Object.keys(errors).length > 0) return fail(400, { values: { besked: body }, errors });

		await sendCitizenMessage(context.db, {
			journeyId: journey.id,
			authorCitizenId: context.actor.id,
			body,
			audit: auditActor(context)
		});
		redirect(303, `${event.url.pathname}?sendt=1`);
	}
};

import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { StaffKey } from '$lib/i18n/staff';
import { listThread, markThreadReadByStaff, MESSAGE_MAX_LENGTH } from '$lib/server/db/messages';
import { findJourneyHeader } from '$lib/server/db/staff-timeline';
import { allowOr404, auditStaffRead, staffJourney } from '$lib/server/access/staff';
import { sendStaffMessage } from '$lib/server/messages/staff';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

/** The thread's guard: the journey, and the policy's 'messages' (coordinator, or with consent). */
async function thread(event: RequestEvent<{ journeyId: string }>, action: 'read' | 'write') {
	const context = await staffJourney(event, event.params.journeyId);
	allowOr404(context, action, {
		kind: 'messages',
		citizen: context.citizen,
		journey: context.journey
	});
	const header = await findJourneyHeader(context.db, context.journey.journeyId);
	if (!header) error(404, 'Not Found');
	return { context, header };
}

// The staff side of the citizen portal's conversation about one journey.
export const load: PageServerLoad = async (event) => {
	const { context, header } = await thread(event, 'read');
	const { db, journey } = context;
	const messages = await listThread(db, journey.journeyId);
	// Opening the thread marks the citizen's messages read by the municipality: the citizen's side
	// then sees "read". The audit row records which member of staff read the thread.
	await markThreadReadByStaff(db, journey.journeyId);
	await auditStaffRead(context, 'message_thread', journey.journeyId);
	return {
		banner: context.banner,
		journey: { id: header.id, title: header.title, titleEn: header.titleEn, status: header.status },
		messages: messages.map((message) => ({
			id: message.id,
			body: message.body,
			sentAt: message.sentAt,
			fromCitizenSide: message.authorCitizenId !== null,
			authorName: message.authorCitizenName ?? message.authorStaffName,
			department:
				message.authorCitizenId === null && message.authorDepartmentName
					? { da: message.authorDepartmentName, en: message.authorDepartmentNameEn }
					: null,
			readByCitizenAt: message.readByCitizenAt,
			readByStaffAt: message.readByStaffAt,
			// Shown as new this once: the citizen's messages nobody in the municipality had read.
			isNew: message.authorCitizenId !== null && message.readByStaffAt === null
		})),
		maxLength: MESSAGE_MAX_LENGTH,
		token: crypto.randomUUID(),
		sent: event.url.searchParams.has('sendt')
	};
};

export const actions: Actions = {
	skriv: async (event) => {
		const { context, header } = await thread(event, 'write');
		if (header.status === 'closed') error(404, 'Not Found');
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			error(400, 'Bad Request');
		}
		const body = formText(data, 'besked');
		const token = formText(data, 'token');
		const errors: FieldErrors<StaffKey> = {};
		if (body === '') errors.besked = 'sjReplyBodyMissing';
		else {
			const long = tooLong(body, MESSAGE_MAX_LENGTH);
			if (long) errors.besked = long;
		}
		if (Object.keys(errors).length > 0) {
			return fail(400, { values: { besked: body }, errors });
		}
		await sendStaffMessage(context, {
			body,
			authorName: context.staff.name,
			token: isUuid(token) ? token : crypto.randomUUID()
		});
		redirect(303, `/staff/forloeb/${context.journey.journeyId}/beskeder?sendt=1`);
	}
};

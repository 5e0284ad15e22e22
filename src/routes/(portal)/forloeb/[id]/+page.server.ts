import { error } from '@sveltejs/kit';
import { findCitizenJourneyWithPlan } from '$lib/server/db/journeys';
import { loadJourneyAccess } from '$lib/server/db/access-facts';
import { decodeCursor, encodeCursor, listTimeline } from '$lib/server/db/timeline';
import { auditPortal, portal, portalTimelineFilter } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 15;

// A journey: the coordinator, the shared plan and the citizen-visible timeline of all departments.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'journeys');
	const { db, scope } = context;
	// Someone else's journey, a malformed id and a missing one all answer the same 404: the
	// policy decides on the loaded journey, and its timeline filter says which entries show.
	const id = event.params.id;
	// The journey is read alongside the policy's facts and shown only when the policy allows it.
	const [access, found] = await Promise.all([
		loadJourneyAccess(db, id),
		findCitizenJourneyWithPlan(db, id, scope.citizenId)
	]);
	const filter = access ? portalTimelineFilter(context, access) : null;
	if (!filter || !found) error(404, 'Not Found');
	const { goals, ...journey } = found;

	const after = decodeCursor(event.url.searchParams.get('efter'));
	const page = await listTimeline(db, id, { filter, after, limit: PAGE_SIZE });
	await auditPortal(db, context, 'read', { type: 'journey', id });
	return {
		journey,
		goals,
		entries: page.entries.map((e) => ({
			id: e.id,
			kind: e.kind,
			title: e.title,
			titleEn: e.title_en,
			body: e.body,
			bodyEn: e.body_en,
			occurredAt: e.occurred_at,
			postedLetterAt: e.posted_letter_at,
			letterReturnedAt: e.letter_returned_at,
			letterFailed: e.letter_status === 'failed',
			digitalPostAt: e.digital_post_at,
			meetingId: e.meeting_id,
			letterId: e.letter_id,
			department:
				e.department_name === null
					? null
					: { da: e.department_name, en: e.department_name_en ?? e.department_name }
		})),
		next: page.next ? encodeCursor(page.next) : null,
		isFirstPage: after === null
	};
};

import { error } from '@sveltejs/kit';
import { departmentNames, findCitizenJourney, listPlanGoals } from '$lib/server/db/journeys';
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
	const access = await loadJourneyAccess(db, id);
	const filter = access ? portalTimelineFilter(context, access) : null;
	const journey = filter ? await findCitizenJourney(db, id, scope.citizenId) : undefined;
	if (!filter || !journey) error(404, 'Not Found');

	const after = decodeCursor(event.url.searchParams.get('efter'));
	const [goals, page, names] = await Promise.all([
		listPlanGoals(db, id),
		listTimeline(db, id, { filter, after, limit: PAGE_SIZE }),
		departmentNames(db)
	]);
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
			meetingId: e.meeting_id,
			letterId: e.letter_id,
			department: e.department_id ? (names.get(e.department_id) ?? null) : null
		})),
		next: page.next ? encodeCursor(page.next) : null,
		isFirstPage: after === null
	};
};

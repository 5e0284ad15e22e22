import { error } from '@sveltejs/kit';
import { todayInDenmark } from '$lib/format';
import { requireCitizen } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { recordAuditEvent } from '$lib/server/db/audit';
import { departmentNames, findCitizenJourney, listPlanGoals } from '$lib/server/db/journeys';
import { activeRepresentations } from '$lib/server/db/representatives';
import { decodeCursor, encodeCursor, listTimeline } from '$lib/server/db/timeline';
import { citizenScope } from '$lib/server/policy/citizen-scope';
import type { PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PAGE_SIZE = 15;

// A journey: the coordinator, the shared plan and the citizen-visible timeline of all departments.
export const load: PageServerLoad = async (event) => {
	const { citizen, actingFor } = requireCitizen(event);
	const db = getDb();
	let representation = null;
	if (actingFor) {
		const found = (await activeRepresentations(db, citizen.id, todayInDenmark())).find(
			(r) => r.citizen_id === actingFor.id
		);
		representation = found ? { scope: found.scope, departmentIds: found.department_ids } : null;
	}
	const scope = citizenScope({
		loggedInCitizenId: citizen.id,
		actingForCitizenId: actingFor?.id ?? null,
		representation
	});
	// Someone else's journey, a malformed id and a missing one all answer the same 404.
	const id = event.params.id;
	if (!scope || !scope.includesJourneys || !UUID.test(id)) error(404, 'Not Found');
	const journey = await findCitizenJourney(db, id, scope.citizenId);
	if (!journey) error(404, 'Not Found');

	const after = decodeCursor(event.url.searchParams.get('efter'));
	const [goals, page, names] = await Promise.all([
		listPlanGoals(db, id),
		listTimeline(db, id, { visibility: 'citizen', after, limit: PAGE_SIZE }),
		departmentNames(db)
	]);
	if (scope.representing) {
		await recordAuditEvent(db, {
			actor_type: 'representative',
			actor_citizen_id: citizen.id,
			action: 'read',
			object_type: 'journey',
			object_id: id,
			citizen_id: scope.citizenId
		});
	}
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
			department: e.department_id ? (names.get(e.department_id) ?? null) : null
		})),
		next: page.next ? encodeCursor(page.next) : null,
		isFirstPage: after === null
	};
};

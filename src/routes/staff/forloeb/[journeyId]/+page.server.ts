import { error } from '@sveltejs/kit';
import { listPlanGoals } from '$lib/server/db/journeys';
import {
	countHiddenEntries,
	findJourneyHeader,
	journeyDepartments,
	listJourneyCases,
	listStaffTimeline
} from '$lib/server/db/staff-timeline';
import { isOneOf, TIMELINE_KINDS } from '$lib/domain';
import { decodeCursor, encodeCursor } from '$lib/server/db/timeline';
import { can } from '$lib/server/access/policy';
import { allowOr404, auditStaffRead, staffJourney } from '$lib/server/access/staff';
import { mayCorrect, mayWriteEntries, readerFilter } from '$lib/server/journeys/staff-view';
import { isUuid } from '$lib/uuid';
import { journeyArchivedAt } from '$lib/server/retention/archived';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

// A journey for the staff on it: the cases the reader may see, the plan, and the shared timeline
// with only what the access policy lets this reader see (filtered and paged in SQL).
export const load: PageServerLoad = async (event) => {
	const context = await staffJourney(event, event.params.journeyId);
	const { db, actor, citizen, journey } = context;
	allowOr404(context, 'read', { kind: 'journey', citizen, journey });
	const header = await findJourneyHeader(db, journey.journeyId);
	if (!header) error(404, 'Not Found');
	const filter = readerFilter(context);

	// GET filters: an unknown value shows everything rather than an error (nothing is changed).
	const params = event.url.searchParams;
	const departments = await journeyDepartments(db, journey.journeyId);
	const departmentParam = params.get('afdeling') ?? '';
	const departmentId =
		departmentParam === 'none'
			? 'none'
			: isUuid(departmentParam) && departments.some((d) => d.id === departmentParam)
				? departmentParam
				: null;
	const kindParam = params.get('type') ?? '';
	const kind = isOneOf(TIMELINE_KINDS, kindParam) ? kindParam : null;
	const after = decodeCursor(params.get('efter'));
	const from = after ? null : decodeCursor(params.get('fra'));

	const [cases, goals, page, hidden, archivedAt] = await Promise.all([
		listJourneyCases(db, journey.journeyId),
		listPlanGoals(db, journey.journeyId),
		listStaffTimeline(db, journey.journeyId, filter, {
			departmentId,
			kind,
			after,
			from,
			limit: PAGE_SIZE
		}),
		countHiddenEntries(db, journey.journeyId, filter),
		journeyArchivedAt(db, journey.journeyId)
	]);
	await auditStaffRead(context, 'journey', journey.journeyId);

	const readableCases = cases.filter((c) =>
		can(actor, 'read', { kind: 'case', citizen, departmentId: c.departmentId })
	);
	return {
		banner: context.banner,
		journey: header,
		cases: readableCases,
		hiddenCases: cases.length - readableCases.length,
		goals,
		departments:
			filter.departmentIds === 'all'
				? departments
				: departments.filter((d) => (filter.departmentIds as readonly string[]).includes(d.id)),
		filters: { department: departmentId ?? '', kind: kind ?? '' },
		entries: page.entries.map((entry) => ({
			...entry,
			mayCorrect: mayCorrect(context, entry),
			correctsLink:
				entry.correctsEntryId && entry.correctsOccurredAt
					? encodeCursor({ occurredAt: entry.correctsOccurredAt, id: entry.correctsEntryId })
					: null,
			correctedByLink:
				entry.correctedById && entry.correctedByOccurredAt
					? encodeCursor({ occurredAt: entry.correctedByOccurredAt, id: entry.correctedById })
					: null
		})),
		next: page.next ? encodeCursor(page.next) : null,
		isFirstPage: after === null && from === null,
		hiddenEntries: filter.hidesOtherDepartments ? hidden : 0,
		// An archived journey can be read, not changed (retention/archived.ts).
		archivedAt,
		may: {
			write: !archivedAt && mayWriteEntries(context),
			coordinate: !archivedAt && can(actor, 'write', { kind: 'journey', citizen, journey }),
			meeting:
				!archivedAt &&
				can(actor, 'write', {
					kind: 'meeting',
					citizen,
					journey,
					organizerId: null,
					departmentIds: []
				}),
			messages: can(actor, 'read', { kind: 'messages', citizen, journey })
		},
		saved: params.get('gemt')
	};
};

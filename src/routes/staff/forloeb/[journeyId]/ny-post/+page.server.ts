import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { todayInDenmark } from '$lib/format';
import { formText } from '$lib/forms';
import { lix } from '$lib/lix';
import {
	findJourneyEntry,
	findJourneyHeader,
	listJourneyCases,
	listJourneyColleagues
} from '$lib/server/db/staff-timeline';
import {
	allowOr404,
	auditStaffRead,
	staffJourney,
	type StaffJourneyContext
} from '$lib/server/access/staff';
import { FIELDS, parseEntry, writeEntry, type EntryValues } from '$lib/server/journeys/entry';
import { mayCorrect, mayWriteEntries, ownOpenCases } from '$lib/server/journeys/staff-view';
import { isUuid } from '$lib/uuid';
import { refuseArchived } from '$lib/server/retention/archived';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';
import { isCitizenVisible } from '$lib/server/access/policy';

/** The guard of the page and its actions: someone who may write entries on this journey. */
async function writer(event: RequestEvent<{ journeyId: string }>) {
	const context = await staffJourney(event, event.params.journeyId);
	allowOr404(context, 'read', {
		kind: 'journey',
		citizen: context.citizen,
		journey: context.journey
	});
	if (!mayWriteEntries(context)) error(404, 'Not Found');
	// An archived journey can be read, not changed (retention/archived.ts).
	await refuseArchived(context);
	return context;
}

/** The entry to correct: one of the writer's own department's on this journey, or 404. */
async function correctable(context: StaffJourneyContext, id: string) {
	if (!isUuid(id)) error(404, 'Not Found');
	const entry = await findJourneyEntry(context.db, context.journey.journeyId, id);
	if (!entry || !mayCorrect(context, entry)) error(404, 'Not Found');
	return entry;
}

async function options(context: StaffJourneyContext) {
	const [cases, colleagues] = await Promise.all([
		listJourneyCases(context.db, context.journey.journeyId),
		listJourneyColleagues(context.db, context.journey.journeyId)
	]);
	return { ownCases: ownOpenCases(context, cases), colleagues };
}

export const load: PageServerLoad = async (event) => {
	const context = await writer(event);
	const { db, journey } = context;
	const header = await findJourneyHeader(db, journey.journeyId);
	if (!header) error(404, 'Not Found');
	const retter = event.url.searchParams.get('ret');
	const corrects = retter === null ? null : await correctable(context, retter);
	const { ownCases, colleagues } = await options(context);
	const department = context.banner.readerDepartment;
	await auditStaffRead(
		context,
		corrects ? 'timeline_entry' : 'journey',
		corrects ? corrects.id : journey.journeyId
	);
	return {
		banner: context.banner,
		journey: { id: header.id, title: header.title, titleEn: header.titleEn },
		department,
		corrects,
		ownCases: ownCases.map((c) => ({
			id: c.id,
			title: c.title,
			titleEn: c.titleEn,
			status: c.status
		})),
		colleagues,
		// A fresh one-time token per form: a second submit of the same form is recognised.
		token: crypto.randomUUID(),
		today: todayInDenmark(clock.now())
	};
};

function readValues(data: FormData): EntryValues {
	const values = {} as EntryValues;
	for (const field of FIELDS) values[field] = formText(data, field);
	return values;
}

async function formData(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
}

/** Parses the form against what this writer may use; 404 for ids that are not theirs to use. */
async function parse(context: StaffJourneyContext, values: EntryValues) {
	const { ownCases, colleagues } = await options(context);
	const corrects = values.retter === '' ? null : await correctable(context, values.retter);
	const result = parseEntry(values, {
		ownCases,
		colleagueIds: colleagues.map((c) => c.id),
		correctable: (id) => corrects?.id === id,
		today: todayInDenmark(clock.now())
	});
	if (!result.ok && 'notFound' in result) error(404, 'Not Found');
	return { result, ownCases, corrects };
}

export const actions: Actions = {
	// Shows the entry as it will look, with its visibility marker and readability, without saving.
	forhaandsvis: async (event) => {
		const context = await writer(event);
		const values = readValues(await formData(event));
		const { result, corrects } = await parse(context, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		const { entry } = result;
		const department = context.banner.readerDepartment;
		return {
			values,
			preview: {
				id: 'preview',
				kind: entry.kind,
				visibility: entry.visibility,
				departmentName: department?.name ?? null,
				departmentNameEn: department?.nameEn ?? null,
				authorName: context.staff.name,
				byCitizen: false,
				title: entry.title,
				titleEn: null,
				body: entry.body,
				bodyEn: null,
				occurredAt: clock.now(),
				postedLetterAt: null,
				correctsEntryId: corrects?.id ?? null,
				correctsTitle: corrects?.title ?? null,
				correctsOccurredAt: corrects?.occurredAt ?? null,
				correctsLink: null,
				correctedById: null,
				correctedByOccurredAt: null,
				correctedByLink: null,
				mayCorrect: false
			},
			lix: isCitizenVisible(entry) ? lix(`${entry.title}. ${entry.body}`).lix : null
		};
	},
	gem: async (event) => {
		const context = await writer(event);
		const { actor, citizen, journey } = context;
		const values = readValues(await formData(event));
		const { result, ownCases } = await parse(context, values);
		if (!result.ok) return fail(400, { values, errors: result.errors });
		const { entry } = result;
		allowOr404(context, 'write', {
			kind: 'timelineEntry',
			citizen,
			journey,
			departmentId: actor.departmentId,
			visibility: entry.visibility
		});
		const caseOf = (id: string) => ownCases.find((c) => c.id === id);
		if (entry.status) {
			const target = caseOf(entry.status.caseId);
			if (!target) error(404, 'Not Found');
			allowOr404(context, 'write', { kind: 'case', citizen, departmentId: target.departmentId });
		}
		// A task belongs to the writer's department's case on the journey, if it has one, so the
		// citizen's task list says which department asks.
		const taskCase = ownCases[0] ?? null;
		if (entry.task) {
			allowOr404(context, 'write', {
				kind: 'task',
				citizen,
				journey,
				departmentId: taskCase?.departmentId ?? null,
				assignee: entry.task.assignee,
				assignedStaffId: entry.task.assignee === 'staff' ? entry.task.staffId : null
			});
		}
		const written = await writeEntry(context, entry, { taskCaseId: taskCase?.id ?? null });
		const base = `/staff/forloeb/${journey.journeyId}`;
		if (written.duplicate) redirect(303, `${base}?gemt=igen`);
		redirect(303, `${base}?gemt=1#post-${written.entryId}`);
	}
};

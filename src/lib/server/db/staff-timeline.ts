// The staff side of a journey: its header and cases, the shared timeline as the access policy's
// TimelineFilter allows (filtered and paged in SQL, never afterwards), the count of entries hidden
// for lack of consent, and the rows a staff write touches (case status, tasks).
import { sql, type Insertable } from 'kysely';
import type { TimelineFilter } from '../access/policy';
import type { TasksTable } from './schema';
import type { CaseStatus, TimelineKind, Visibility, WaitingOn } from '../../domain';
import { digitalPostAt, visibleTo, type TimelineCursor } from './timeline';
import type { Executor } from './executor';

export interface JourneyHeader {
	id: string;
	citizenId: string;
	title: string;
	titleEn: string | null;
	status: string;
	coordinatorId: string | null;
	coordinatorName: string | null;
	coordinatorPhone: string | null;
	coordinatorEmail: string | null;
	coordinatorDepartmentName: string | null;
	coordinatorDepartmentNameEn: string | null;
}

export async function findJourneyHeader(
	db: Executor,
	journeyId: string
): Promise<JourneyHeader | undefined> {
	return db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			'j.id',
			'j.citizen_id as citizenId',
			'j.title',
			'j.title_en as titleEn',
			'j.status',
			'j.coordinator_id as coordinatorId',
			's.name as coordinatorName',
			's.phone as coordinatorPhone',
			's.email as coordinatorEmail',
			'd.name as coordinatorDepartmentName',
			'd.name_en as coordinatorDepartmentNameEn'
		])
		.where('j.id', '=', journeyId)
		.executeTakeFirst();
}

export interface JourneyCase {
	id: string;
	title: string;
	titleEn: string | null;
	kleNumber: string;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepDue: string | null;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
	caseworkerName: string | null;
}

/** Every case of the journey, by department; the caller shows those the policy lets it read. */
export async function listJourneyCases(db: Executor, journeyId: string): Promise<JourneyCase[]> {
	return db
		.selectFrom('journey_cases as jc')
		.innerJoin('cases as c', 'c.id', 'jc.case_id')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.leftJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select([
			'c.id',
			'c.title',
			'c.title_en as titleEn',
			'c.kle_number as kleNumber',
			'c.status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_due as nextStepDue',
			'c.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			's.name as caseworkerName'
		])
		.where('jc.journey_id', '=', journeyId)
		.orderBy('d.name')
		.orderBy('c.opened_at')
		.orderBy('c.id')
		.execute();
}

/** The departments with a case on the journey (for the timeline's department filter). */
export async function journeyDepartments(
	db: Executor,
	journeyId: string
): Promise<{ id: string; name: string; nameEn: string }[]> {
	return db
		.selectFrom('journey_cases as jc')
		.innerJoin('cases as c', 'c.id', 'jc.case_id')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.select(['d.id', 'd.name', 'd.name_en as nameEn'])
		.distinct()
		.where('jc.journey_id', '=', journeyId)
		.orderBy('d.name')
		.execute();
}

/** Active caseworkers and coordinators of the departments with an open case on the journey. */
export async function listJourneyColleagues(
	db: Executor,
	journeyId: string
): Promise<{ id: string; name: string; departmentName: string; departmentNameEn: string }[]> {
	return db
		.selectFrom('staff_users as s')
		.innerJoin('departments as d', 'd.id', 's.department_id')
		.select(['s.id', 's.name', 'd.name as departmentName', 'd.name_en as departmentNameEn'])
		.where('s.active', '=', true)
		.where('s.role', 'in', ['caseworker', 'coordinator'])
		.where('s.department_id', 'in', (eb) =>
			eb
				.selectFrom('journey_cases as jc')
				.innerJoin('cases as c', 'c.id', 'jc.case_id')
				.select('c.department_id')
				.where('jc.journey_id', '=', journeyId)
				.where('c.status', '!=', 'closed')
		)
		.orderBy('d.name')
		.orderBy('s.name')
		.execute();
}

export interface StaffTimelineEntry {
	id: string;
	kind: TimelineKind;
	visibility: Visibility;
	departmentId: string | null;
	departmentName: string | null;
	departmentNameEn: string | null;
	authorName: string | null;
	/** True when a citizen (or their representative) wrote it. */
	byCitizen: boolean;
	title: string;
	titleEn: string | null;
	body: string;
	bodyEn: string | null;
	occurredAt: Date;
	postedLetterAt: Date | null;
	/** When the post sent the entry's letter back. */
	letterReturnedAt: Date | null;
	correctsEntryId: string | null;
	correctsTitle: string | null;
	correctsOccurredAt: Date | null;
	/** The newest visible correction of this entry, if any. */
	correctedById: string | null;
	correctedByOccurredAt: Date | null;
}

export interface StaffTimelineOptions {
	/** Only this department's entries ('none': entries of no department). */
	departmentId?: string | 'none' | null;
	kind?: TimelineKind | null;
	/** Entries strictly older than this (the next page). */
	after?: TimelineCursor | null;
	/** Entries from this one on, inclusive (a link to one entry). */
	from?: TimelineCursor | null;
	limit?: number;
}

/**
 * One page of the journey's timeline for a member of staff, newest first, keyset-paged on
 * (occurred_at, id), with only what `filter` (from the access policy) lets them see.
 */
export async function listStaffTimeline(
	db: Executor,
	journeyId: string,
	filter: TimelineFilter,
	options: StaffTimelineOptions = {}
): Promise<{ entries: StaffTimelineEntry[]; next: TimelineCursor | null }> {
	const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
	let query = db
		.selectFrom('timeline_entries as e')
		.leftJoin('departments as d', 'd.id', 'e.department_id')
		.leftJoin('staff_users as s', 's.id', 'e.author_staff_id')
		.leftJoin('citizens as c', 'c.id', 'e.author_citizen_id')
		.leftJoin('timeline_entries as o', 'o.id', 'e.corrects_entry_id')
		// Entries are append-only: a letter posted after its entry was written has its date on the
		// letter (the print queue's hand-over), not on the entry.
		.leftJoin('letters as l', 'l.id', 'e.letter_id')
		.select((eb) => [
			'e.id',
			'e.kind',
			'e.visibility',
			'e.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			eb.fn.coalesce('s.name', 'c.name').as('authorName'),
			sql<boolean>`(e.author_citizen_id is not null)`.as('byCitizen'),
			'e.title',
			'e.title_en as titleEn',
			'e.body',
			'e.body_en as bodyEn',
			'e.occurred_at as occurredAt',
			eb.fn.coalesce('e.posted_letter_at', 'l.posted_at').as('postedLetterAt'),
			'l.returned_at as letterReturnedAt',
			'l.status as letterStatus',
			digitalPostAt.as('digitalPostAt'),
			'e.corrects_entry_id as correctsEntryId',
			'o.title as correctsTitle',
			'o.occurred_at as correctsOccurredAt'
		])
		.where('e.journey_id', '=', journeyId)
		.where(visibleTo(filter))
		.orderBy('e.occurred_at', 'desc')
		.orderBy('e.id', 'desc')
		.limit(limit + 1);
	if (options.departmentId === 'none') query = query.where('e.department_id', 'is', null);
	else if (options.departmentId) query = query.where('e.department_id', '=', options.departmentId);
	if (options.kind) query = query.where('e.kind', '=', options.kind);
	const after = options.after;
	if (after) {
		query = query.where(
			// A row comparison, which the (occurred_at, id) index answers directly: the same
			// as "before in time, or at the same time with a lower id", spelled as an OR, which
			// PostgreSQL can only filter by, reading every newer entry first. The plain bound on
			// occurred_at says the same again for the planner, which cannot estimate a row
			// comparison (it guessed 12 rows of 2,266 and sorted them all instead of stopping at
			// the page's end), and lets it skip the newer audit partitions.
			sql<boolean>`(e.occurred_at <= ${after.occurredAt} and (e.occurred_at, e.id) < (${after.occurredAt}, ${after.id}))`
		);
	}
	const from = options.from;
	if (from) {
		query = query.where(
			// A row comparison, which the (occurred_at, id) index answers directly: the same
			// as "before in time, or at the same time with a lower id", spelled as an OR, which
			// PostgreSQL can only filter by, reading every newer entry first. The plain bound on
			// occurred_at says the same again for the planner, which cannot estimate a row
			// comparison (it guessed 12 rows of 2,266 and sorted them all instead of stopping at
			// the page's end), and lets it skip the newer audit partitions.
			sql<boolean>`(e.occurred_at <= ${from.occurredAt} and (e.occurred_at, e.id) <= (${from.occurredAt}, ${from.id}))`
		);
	}
	const rows = await query.execute();
	const page = rows.slice(0, limit);
	const last = page.at(-1);

	// Corrections of the entries on this page that the reader may also see (in practice the same
	// department wrote both, but the filter is applied to them as well).
	const ids = page.map((r) => r.id);
	let corrections: { id: string; corrects: string; occurredAt: Date }[] = [];
	if (ids.length > 0) {
		const cq = db
			.selectFrom('timeline_entries as x')
			.select(['x.id', 'x.corrects_entry_id as corrects', 'x.occurred_at as occurredAt'])
			.where('x.corrects_entry_id', 'in', ids)
			.where(visibleTo(filter, 'x'))
			.orderBy('x.occurred_at', 'desc')
			.orderBy('x.id', 'desc');
		corrections = (await cq.execute()).flatMap((r) =>
			r.corrects ? [{ id: r.id, corrects: r.corrects, occurredAt: r.occurredAt }] : []
		);
	}
	const newestCorrection = new Map<string, { id: string; occurredAt: Date }>();
	for (const c of corrections)
		if (!newestCorrection.has(c.corrects)) newestCorrection.set(c.corrects, c);

	return {
		entries: page.map((r) => {
			const correction = newestCorrection.get(r.id);
			return {
				...r,
				authorName: r.authorName ?? null,
				byCitizen: Boolean(r.byCitizen),
				correctedById: correction?.id ?? null,
				correctedByOccurredAt: correction?.occurredAt ?? null
			};
		}),
		next: rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null
	};
}

/**
 * How many of the journey's entries the reader does not see because they belong to departments
 * outside the filter (lack of consent). 0 when the filter shows every department.
 */
export async function countHiddenEntries(
	db: Executor,
	journeyId: string,
	filter: TimelineFilter
): Promise<number> {
	if (filter.departmentIds === 'all') return 0;
	const departments = filter.departmentIds;
	let query = db
		.selectFrom('timeline_entries as e')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('e.journey_id', '=', journeyId)
		.where('e.visibility', 'in', [...filter.visibilities])
		.where('e.department_id', 'is not', null);
	if (departments.length > 0) query = query.where('e.department_id', 'not in', departments);
	const row = await query.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** One entry of the journey (for a correction), or undefined. */
export async function findJourneyEntry(db: Executor, journeyId: string, entryId: string) {
	return db
		.selectFrom('timeline_entries')
		.select([
			'id',
			'kind',
			'visibility',
			'department_id as departmentId',
			'title',
			'title_en as titleEn',
			'body',
			'body_en as bodyEn',
			'occurred_at as occurredAt'
		])
		.where('journey_id', '=', journeyId)
		.where('id', '=', entryId)
		.executeTakeFirst();
}

/** Whether an entry with this idempotency key exists (a form submitted twice). */
export async function entryWithKeyExists(db: Executor, key: string): Promise<boolean> {
	const row = await db
		.selectFrom('timeline_entries')
		.select('id')
		.where('idempotency_key', '=', key)
		.executeTakeFirst();
	return row !== undefined;
}

/** A new status, who it waits on and the next step of one case. */
export async function updateCaseStatus(
	db: Executor,
	caseId: string,
	change: {
		status: CaseStatus;
		waitingOn: WaitingOn | null;
		nextStep: string | null;
		nextStepEn: string | null;
		nextStepDue: string | null;
	},
	now: Date
): Promise<void> {
	await db
		.updateTable('cases')
		.set({
			status: change.status,
			waiting_on: change.waitingOn,
			next_step: change.nextStep,
			next_step_en: change.nextStepEn,
			next_step_due: change.nextStepDue,
			updated_at: now,
			...(change.status === 'decided' ? { decided_at: now } : {}),
			...(change.status === 'closed' ? { closed_at: now } : {})
		})
		.where('id', '=', caseId)
		.execute();
}

export async function insertTask(db: Executor, task: Insertable<TasksTable>): Promise<string> {
	const row = await db.insertInto('tasks').values(task).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

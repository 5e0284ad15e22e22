// Writing to a journey's shared timeline from the staff workspace: a note, a decision, a status
// change of one of the writer's own department's cases, or a task for the citizen or a colleague,
// each visible to the citizen or to staff only, chosen explicitly. Entries are never edited: a
// correction is a new entry pointing at the old one. Every write is one transaction with its audit
// rows, the entry recorded through recordEvent (events/record.ts). A double submit (the same form sent twice) is recognised by the form's one-time token,
// stored as the entry's idempotency key, and answered as if it had succeeded once.
import { parseIsoDate } from '../../dates';
import { tooLong, type FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { isUuid } from '../../uuid';
import type { Database } from '../db/schema';
import {
	CASE_STATUSES,
	type CaseStatus,
	isOneOf,
	type TimelineKind,
	type Visibility,
	WAITING_ON,
	type WaitingOn
} from '../../domain';
import {
	entryWithKeyExists,
	insertTask,
	updateCaseStatus,
	type JourneyCase
} from '../db/staff-timeline';
import { recordEvent } from '../events/record';
import { auditStaff, purposeFor, type StaffJourneyContext } from '../access/staff';
import type { Transaction } from 'kysely';
import * as clock from '../clock';

export const ENTRY_KINDS = [
	'note',
	'decision',
	'status',
	'task'
] as const satisfies readonly TimelineKind[];
export type EntryKind = (typeof ENTRY_KINDS)[number];
/** A correction is a text: a note or a decision. */
export const CORRECTION_KINDS: readonly EntryKind[] = ['note', 'decision'];

export const TITLE_MAX = 200;
export const BODY_MAX = 4000;

/** The form as sent, for showing it again after an error or a preview. */
export interface EntryValues {
	type: string;
	synlighed: string;
	titel: string;
	tekst: string;
	titelEn: string;
	tekstEn: string;
	sag: string;
	status: string;
	venterPaa: string;
	naesteSkridt: string;
	frist: string;
	modtager: string;
	opgaveFrist: string;
	retter: string;
	token: string;
}

export const FIELDS: readonly (keyof EntryValues)[] = [
	'type',
	'synlighed',
	'titel',
	'tekst',
	'titelEn',
	'tekstEn',
	'sag',
	'status',
	'venterPaa',
	'naesteSkridt',
	'frist',
	'modtager',
	'opgaveFrist',
	'retter',
	'token'
];

export interface ParsedEntry {
	kind: EntryKind;
	visibility: Visibility;
	title: string;
	body: string;
	titleEn: string | null;
	bodyEn: string | null;
	correctsEntryId: string | null;
	token: string;
	status: {
		caseId: string;
		status: CaseStatus;
		waitingOn: WaitingOn | null;
		nextStep: string | null;
		nextStepDue: string | null;
	} | null;
	task: { assignee: 'citizen' } | { assignee: 'staff'; staffId: string } | null;
	taskDue: string | null;
}

export type ParseResult =
	| { ok: true; entry: ParsedEntry }
	| { ok: false; errors: FieldErrors<StaffKey> }
	/** An id in the form that is malformed or not one the writer may use: answered as 404. */
	| { ok: false; notFound: true };

/**
 * Checks the form. `ownCases` are the writer's department's open cases on the journey,
 * `colleagues` the staff a task may go to, `correctable` the entry ids the writer may correct.
 */
export function parseEntry(
	values: EntryValues,
	allowed: {
		ownCases: readonly Pick<JourneyCase, 'id'>[];
		colleagueIds: readonly string[];
		correctable: (id: string) => boolean;
		today: string;
	}
): ParseResult {
	const errors: FieldErrors<StaffKey> = {};
	const correcting = values.retter !== '';
	if (correcting && (!isUuid(values.retter) || !allowed.correctable(values.retter))) {
		return { ok: false, notFound: true };
	}
	const kind = isOneOf(correcting ? CORRECTION_KINDS : ENTRY_KINDS, values.type)
		? values.type
		: null;
	if (!kind) errors.type = 'sjErrorKind';
	const visibility =
		values.synlighed === 'citizen' || values.synlighed === 'staff'
			? (values.synlighed as Visibility)
			: null;
	if (!visibility) errors.synlighed = 'sjErrorVisibility';
	if (values.titel === '') errors.titel = 'sjErrorTitle';
	else {
		const long = tooLong(values.titel, TITLE_MAX);
		if (long) errors.titel = long;
	}
	if (values.tekst === '') errors.tekst = 'sjErrorBody';
	else {
		const long = tooLong(values.tekst, BODY_MAX);
		if (long) errors.tekst = long;
	}
	const longTitleEn = tooLong(values.titelEn, TITLE_MAX);
	if (longTitleEn) errors.titelEn = longTitleEn;
	const longBodyEn = tooLong(values.tekstEn, BODY_MAX);
	if (longBodyEn) errors.tekstEn = longBodyEn;

	let status: ParsedEntry['status'] = null;
	let task: ParsedEntry['task'] = null;
	let taskDue: string | null = null;
	if (kind === 'status') {
		if (values.sag === '') errors.sag = 'sjErrorCase';
		else if (!isUuid(values.sag) || !allowed.ownCases.some((c) => c.id === values.sag)) {
			return { ok: false, notFound: true };
		}
		const newStatus = CASE_STATUSES.find((s) => s === values.status) ?? null;
		if (!newStatus) errors.status = 'sjErrorStatus';
		let waitingOn: WaitingOn | null = null;
		if (values.venterPaa !== '' && values.venterPaa !== 'none') {
			waitingOn = WAITING_ON.find((w) => w === values.venterPaa) ?? null;
			if (!waitingOn) errors.venterPaa = 'sjErrorWaitingOn';
		}
		const longStep = tooLong(values.naesteSkridt, TITLE_MAX);
		if (longStep) errors.naesteSkridt = longStep;
		const nextStepDue = values.frist === '' ? null : parseIsoDate(values.frist);
		if (values.frist !== '' && !nextStepDue) errors.frist = 'sjErrorDate';
		if (newStatus && values.sag !== '') {
			status = {
				caseId: values.sag,
				status: newStatus,
				waitingOn,
				nextStep: values.naesteSkridt || null,
				nextStepDue
			};
		}
	}
	if (kind === 'task') {
		if (values.modtager === '') errors.modtager = 'sjErrorAssignee';
		else if (values.modtager === 'citizen') task = { assignee: 'citizen' };
		else if (isUuid(values.modtager) && allowed.colleagueIds.includes(values.modtager)) {
			task = { assignee: 'staff', staffId: values.modtager };
		} else return { ok: false, notFound: true };
		const due = parseIsoDate(values.opgaveFrist);
		if (values.opgaveFrist === '') errors.opgaveFrist = 'sjErrorDue';
		else if (!due) errors.opgaveFrist = 'sjErrorDate';
		// Both 'YYYY-MM-DD', so comparing the strings compares the days.
		else if (due < allowed.today) errors.opgaveFrist = 'sjErrorDuePast';
		else taskDue = due;
		// The citizen sees their tasks in the portal, so the entry about it cannot be hidden.
		if (task?.assignee === 'citizen' && visibility === 'staff') {
			errors.synlighed = 'sjErrorTaskVisibility';
		}
	}
	if (Object.keys(errors).length > 0 || !kind || !visibility) return { ok: false, errors };
	return {
		ok: true,
		entry: {
			kind,
			visibility,
			title: values.titel,
			body: values.tekst,
			titleEn: values.titelEn || null,
			bodyEn: values.tekstEn || null,
			correctsEntryId: correcting ? values.retter : null,
			token: isUuid(values.token) ? values.token : crypto.randomUUID(),
			status,
			task,
			taskDue
		}
	};
}

class DuplicateSubmit extends Error {}

function isUniqueViolation(error: unknown): boolean {
	return (
		typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
	);
}

/**
 * Writes the entry and what it stands for (the case's new status, the task) with the audit rows,
 * in one transaction. The caller has checked with the policy that the writer may write each of
 * them. `duplicate`: the same form was saved before; nothing was written this time.
 */
export async function writeEntry(
	context: StaffJourneyContext,
	entry: ParsedEntry,
	extra: { taskCaseId: string | null },
	now: Date = clock.now()
): Promise<{ entryId: string | null; duplicate: boolean }> {
	const { db, actor, citizen, journey } = context;
	const key = `staff-entry:${entry.token}`;
	const purpose = purposeFor(actor, citizen);
	try {
		return await db.transaction().execute(async (trx: Transaction<Database>) => {
			if (await entryWithKeyExists(trx, key)) throw new DuplicateSubmit();
			let taskId: string | null = null;
			if (entry.status) {
				await updateCaseStatus(
					trx,
					entry.status.caseId,
					{ ...entry.status, nextStepEn: null },
					now
				);
				await auditStaff(trx, actor, {
					action: 'update',
					objectType: 'case',
					objectId: entry.status.caseId,
					citizenId: citizen.citizenId,
					purpose
				});
			}
			if (entry.task) {
				taskId = await insertTask(trx, {
					citizen_id: citizen.citizenId,
					journey_id: journey.journeyId,
					case_id: extra.taskCaseId,
					assignee: entry.task.assignee,
					assigned_staff_id: entry.task.assignee === 'staff' ? entry.task.staffId : null,
					title: entry.title,
					title_en: entry.titleEn,
					description: entry.body,
					due_date: entry.taskDue,
					created_by_staff_id: actor.staffId,
					created_at: now
				});
				await auditStaff(trx, actor, {
					action: 'create',
					objectType: 'task',
					objectId: taskId,
					citizenId: citizen.citizenId,
					purpose
				});
			}
			const kind: TimelineKind = entry.kind;
			// recordEvent decides who is told: a staff-only entry gets its audit row, no notification.
			const recorded = await recordEvent(
				trx,
				actor,
				{
					citizenId: citizen.citizenId,
					type: entry.kind,
					entries: [
						{
							journey_id: journey.journeyId,
							kind,
							visibility: entry.visibility,
							author_staff_id: actor.staffId,
							author_citizen_id: null,
							department_id: actor.departmentId,
							title: entry.title,
							title_en: entry.titleEn,
							body: entry.body,
							body_en: entry.bodyEn,
							occurred_at: now,
							idempotency_key: key,
							corrects_entry_id: entry.correctsEntryId,
							task_id: taskId
						}
					],
					object: { action: 'create', type: 'timeline_entry' },
					purpose
				},
				now
			);
			return { entryId: recorded.entry!.id, duplicate: false };
		});
	} catch (error) {
		// Saved before, or the twin request won the race for the same key: nothing more to do.
		if (error instanceof DuplicateSubmit || isUniqueViolation(error)) {
			return { entryId: null, duplicate: true };
		}
		throw error;
	}
}

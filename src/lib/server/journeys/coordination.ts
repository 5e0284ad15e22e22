// Coordinator tools: who coordinates, which cases belong to the journey, and the plan's goals as
// agreed with the citizen. Each change is one transaction with a citizen-visible entry (the plan
// is the citizen's too: Én plan) and its audit row, recorded through recordEvent.
import type { Kysely, Transaction } from 'kysely';
import { parseIsoDate } from '../../dates';
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { catalogues, format } from '../../i18n/all';
import {
	addJourneyCase,
	insertGoal,
	lockJourney,
	nextGoalSortOrder,
	removeJourneyCase,
	setJourneyCoordinator,
	updateGoal,
	type GoalRow
} from '../db/coordination';
import type { Database } from '../db/schema';
import { GOAL_STATUSES, type GoalStatus, type TimelineKind } from '../../domain';
import type { StaffPurpose } from '../events/actor';
import { recordEvent, staffPurpose } from '../events/record';
import type { StaffActor } from '../access/staff';
import * as clock from '../clock';

export interface CoordinationTarget {
	db: Kysely<Database>;
	actor: StaffActor;
	journeyId: string;
	citizenId: string;
	/** Why the member of staff acts; without it, as the citizen's facts show it before the change. */
	purpose?: StaffPurpose;
}

interface Texts {
	title: string;
	title_en: string;
	body: string;
	body_en: string | null;
}

/** The change's citizen-visible entry, its audit row and the citizen's notification. */
async function citizenEntry(
	trx: Transaction<Database>,
	target: CoordinationTarget,
	kind: TimelineKind,
	texts: Texts,
	object: { action: 'create' | 'update'; type: string; id: string },
	now: Date,
	purpose = target.purpose
): Promise<void> {
	await recordEvent(
		trx,
		target.actor,
		{
			citizenId: target.citizenId,
			type: kind === 'plan' ? 'plan' : 'status',
			entries: [
				{
					journey_id: target.journeyId,
					kind,
					visibility: 'citizen',
					author_staff_id: target.actor.staffId,
					department_id: target.actor.departmentId,
					...texts,
					occurred_at: now
				}
			],
			object,
			purpose
		},
		now
	);
}

/**
 * A new coordinator, announced to the citizen as a 'status' entry: who to call changes, and the
 * citizen's overview shows the coordinator. Returns false when nothing changed.
 */
export async function changeCoordinator(
	target: CoordinationTarget,
	coordinator: { id: string; name: string; departmentName: string; departmentNameEn: string },
	now: Date = clock.now()
): Promise<boolean> {
	return target.db.transaction().execute(async (trx) => {
		const journey = await lockJourney(trx, target.journeyId);
		if (journey.coordinator_id === coordinator.id) return false;
		// As the facts were when they acted: afterwards the actor may no longer coordinate.
		const purpose = target.purpose ?? (await staffPurpose(trx, target.actor, target.citizenId));
		await setJourneyCoordinator(trx, target.journeyId, coordinator.id);
		const texts = (locale: 'da' | 'en') =>
			format(catalogues[locale].smEntryCoordinatorBody, {
				name: coordinator.name,
				department: locale === 'da' ? coordinator.departmentName : coordinator.departmentNameEn
			});
		await citizenEntry(
			trx,
			target,
			'status',
			{
				title: format(catalogues.da.smEntryCoordinatorTitle, { name: coordinator.name }),
				title_en: format(catalogues.en.smEntryCoordinatorTitle, { name: coordinator.name }),
				body: texts('da'),
				body_en: texts('en')
			},
			{ action: 'update', type: 'journey', id: target.journeyId },
			now,
			purpose
		);
		return true;
	});
}

/** Adds the case to the journey or takes it off, with a 'status' entry naming the case. */
export async function changeJourneyCase(
	target: CoordinationTarget,
	change: 'add' | 'remove',
	theCase: { id: string; title: string; departmentName: string; departmentNameEn: string },
	now: Date = clock.now()
): Promise<boolean> {
	return target.db.transaction().execute(async (trx) => {
		await lockJourney(trx, target.journeyId);
		const changed =
			change === 'add'
				? await addJourneyCase(trx, {
						journeyId: target.journeyId,
						caseId: theCase.id,
						staffId: target.actor.staffId
					})
				: await removeJourneyCase(trx, target.journeyId, theCase.id);
		if (!changed) return false;
		const key = change === 'add' ? 'smEntryCaseAdded' : 'smEntryCaseRemoved';
		const body = change === 'add' ? 'smEntryCaseAddedBody' : 'smEntryCaseRemovedBody';
		const values = (locale: 'da' | 'en') => ({
			title: theCase.title,
			department: locale === 'da' ? theCase.departmentName : theCase.departmentNameEn
		});
		await citizenEntry(
			trx,
			target,
			'status',
			{
				title: format(catalogues.da[key], values('da')),
				title_en: format(catalogues.en[key], values('en')),
				body: format(catalogues.da[body], values('da')),
				body_en: format(catalogues.en[body], values('en'))
			},
			{ action: 'update', type: 'case', id: theCase.id },
			now
		);
		return true;
	});
}

export const GOAL_TITLE_MAX = 200;
export const GOAL_TEXT_MAX = 2000;

export interface GoalFormValues {
	title: string;
	description: string;
	status: string;
	progress: string;
	department: string;
	targetDate: string;
	sortOrder: string;
}

export interface GoalInput {
	title: string;
	description: string | null;
	status: GoalStatus;
	progress: number;
	departmentId: string | null;
	targetDate: string | null;
	sortOrder: number | null;
}

export function readGoalForm(data: FormData): GoalFormValues {
	return {
		title: formText(data, 'title'),
		description: formText(data, 'description'),
		status: formText(data, 'status'),
		progress: formText(data, 'progress'),
		department: formText(data, 'department'),
		targetDate: formText(data, 'targetDate'),
		sortOrder: formText(data, 'sortOrder')
	};
}

/** Checks a goal; `departmentIds` are those a goal may be the responsibility of. */
export function checkGoalForm(
	values: GoalFormValues,
	departmentIds: ReadonlySet<string>
): { errors: FieldErrors<StaffKey>; input: GoalInput | null } {
	const errors: FieldErrors<StaffKey> = {};
	if (values.title === '') errors.title = 'smErrorGoalTitle';
	else {
		const long = tooLong(values.title, GOAL_TITLE_MAX);
		if (long) errors.title = long;
	}
	const long = tooLong(values.description, GOAL_TEXT_MAX);
	if (long) errors.description = long;
	const status = GOAL_STATUSES.find((s) => s === values.status);
	if (!status) errors.status = 'smErrorGoalStatus';
	const progress = /^\d{1,3}$/.test(values.progress) ? Number(values.progress) : NaN;
	if (!(progress >= 0 && progress <= 100)) errors.progress = 'smErrorGoalProgress';
	if (values.department !== '' && !departmentIds.has(values.department)) {
		errors.department = 'smErrorGoalDepartment';
	}
	const targetDate = values.targetDate === '' ? null : parseIsoDate(values.targetDate);
	if (values.targetDate !== '' && !targetDate) errors.targetDate = 'smErrorDate';
	const sortOrder = values.sortOrder === '' ? null : Number(values.sortOrder);
	if (sortOrder !== null && !(Number.isInteger(sortOrder) && sortOrder >= 0 && sortOrder <= 999)) {
		errors.sortOrder = 'smErrorGoalSort';
	}
	if (!status || Object.keys(errors).length > 0) return { errors, input: null };
	return {
		errors,
		input: {
			title: values.title,
			description: values.description || null,
			status,
			progress,
			departmentId: values.department || null,
			targetDate,
			sortOrder
		}
	};
}

function planEntryTexts(key: 'smEntryGoalAdded' | 'smEntryGoalChanged', goal: string): Texts {
	return {
		title: format(catalogues.da[key], { goal }),
		title_en: format(catalogues.en[key], { goal }),
		body: catalogues.da.smEntryGoalBody,
		body_en: catalogues.en.smEntryGoalBody
	};
}

export async function addGoal(
	target: CoordinationTarget,
	input: GoalInput,
	now: Date = clock.now()
): Promise<GoalRow> {
	return target.db.transaction().execute(async (trx) => {
		await lockJourney(trx, target.journeyId);
		const goal = await insertGoal(trx, {
			journey_id: target.journeyId,
			title: input.title,
			title_en: null,
			description: input.description,
			status: input.status,
			progress: input.progress,
			responsible_department_id: input.departmentId,
			target_date: input.targetDate,
			agreed_at: now,
			sort_order: input.sortOrder ?? (await nextGoalSortOrder(trx, target.journeyId)),
			updated_at: now
		});
		await citizenEntry(
			trx,
			target,
			'plan',
			planEntryTexts('smEntryGoalAdded', goal.title),
			{
				action: 'create',
				type: 'plan_goal',
				id: goal.id
			},
			now
		);
		return goal;
	});
}

/** Edits a goal; the English title is dropped when the Danish one changes (it would be stale). */
export async function editGoal(
	target: CoordinationTarget,
	goal: GoalRow,
	input: GoalInput,
	now: Date = clock.now()
): Promise<void> {
	await target.db.transaction().execute(async (trx) => {
		await lockJourney(trx, target.journeyId);
		await updateGoal(trx, goal.id, target.journeyId, {
			title: input.title,
			...(input.title !== goal.title ? { title_en: null } : {}),
			description: input.description,
			status: input.status,
			progress: input.progress,
			responsible_department_id: input.departmentId,
			target_date: input.targetDate,
			sort_order: input.sortOrder ?? goal.sort_order,
			updated_at: now
		});
		await citizenEntry(
			trx,
			target,
			'plan',
			planEntryTexts('smEntryGoalChanged', input.title),
			{
				action: 'update',
				type: 'plan_goal',
				id: goal.id
			},
			now
		);
	});
}

import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, type FieldErrors } from '$lib/forms';
import type { StaffKey } from '$lib/i18n/staff';
import {
	departmentsByIds,
	findJourney,
	listCitizenCasesForJourney,
	listJourneyGoals
} from '$lib/server/db/coordination';
import { listJourneyStaff } from '$lib/server/db/staff-meetings';
import { can } from '$lib/server/access/policy';
import {
	addGoal,
	changeCoordinator,
	changeJourneyCase,
	checkGoalForm,
	readGoalForm,
	type CoordinationTarget
} from '$lib/server/journeys/coordination';
import {
	allowOr404,
	auditStaffRead,
	purposeFor,
	staffJourney,
	type StaffJourneyContext
} from '$lib/server/access/staff';
import { editGoal } from '$lib/server/journeys/coordination';
import { isUuid } from '$lib/uuid';
import { refuseArchived } from '$lib/server/retention/archived';
import type { Actions, PageServerLoad } from './$types';

/** The guard: coordination is for the journey's coordinator and coordinators by role on it. */
async function coordinator(event: RequestEvent<{ journeyId: string }>) {
	const context = await staffJourney(event, event.params.journeyId);
	allowOr404(context, 'write', {
		kind: 'journey',
		citizen: context.citizen,
		journey: context.journey
	});
	// An archived journey can be read, not changed (retention/archived.ts).
	await refuseArchived(context);
	return context;
}

function target(context: StaffJourneyContext): CoordinationTarget {
	return {
		db: context.db,
		actor: context.actor,
		journeyId: context.journey.journeyId,
		citizenId: context.citizen.citizenId,
		purpose: purposeFor(context.actor, context.citizen)
	};
}

/** What the page offers, computed the same way for the page and for checking a post. */
async function options(context: StaffJourneyContext) {
	const { db, journey, citizen, actor } = context;
	const [candidates, cases, goals] = await Promise.all([
		listJourneyStaff(db, journey.journeyId, { openOnly: true }),
		listCitizenCasesForJourney(db, citizen.citizenId, journey.journeyId),
		listJourneyGoals(db, journey.journeyId)
	]);
	const readable = (departmentId: string) =>
		can(actor, 'read', { kind: 'case', citizen, departmentId });
	const onJourney = cases.filter((c) => c.onJourney);
	const addable = cases.filter(
		(c) => !c.onJourney && !c.onOtherJourney && readable(c.departmentId)
	);
	const departments = await departmentsByIds(db, [
		...new Set(onJourney.map((c) => c.departmentId))
	]);
	return {
		candidates,
		onJourney: onJourney.map((c) => ({ ...c, readable: readable(c.departmentId) })),
		addable,
		goals,
		departments
	};
}

export const load: PageServerLoad = async (event) => {
	const context = await coordinator(event);
	const [journey, offered] = await Promise.all([
		findJourney(context.db, context.journey.journeyId),
		options(context)
	]);
	await auditStaffRead(context, 'journey', context.journey.journeyId);
	return {
		banner: context.banner,
		journey: {
			id: journey.id,
			coordinatorId: journey.coordinatorId,
			coordinatorName: journey.coordinatorName
		},
		...offered,
		done: event.url.searchParams.get('gemt')
	};
};

const back = (context: StaffJourneyContext, what: string) =>
	redirect(303, `/staff/forloeb/${context.journey.journeyId}/koordinering?gemt=${what}`);

export const actions: Actions = {
	tovholder: async (event) => {
		const context = await coordinator(event);
		const staffId = formText(await event.request.formData(), 'coordinator');
		const { candidates } = await options(context);
		const chosen = candidates.find((c) => c.id === staffId);
		if (!chosen) {
			return fail(400, {
				form: 'coordinator',
				errors: { coordinator: 'smErrorCoordinator' } as FieldErrors<StaffKey>
			});
		}
		const changed = await changeCoordinator(target(context), {
			id: chosen.id,
			name: chosen.name,
			departmentName: chosen.departmentName,
			departmentNameEn: chosen.departmentNameEn
		});
		back(context, changed ? 'tovholder' : 'uaendret');
	},
	tilfoej: async (event) => {
		const context = await coordinator(event);
		const caseId = formText(await event.request.formData(), 'case');
		const { addable } = await options(context);
		const chosen = addable.find((c) => c.id === caseId);
		if (!chosen)
			return fail(400, { form: 'add', errors: { case: 'smErrorCase' } as FieldErrors<StaffKey> });
		const changed = await changeJourneyCase(target(context), 'add', chosen);
		back(context, changed ? 'tilfoejet' : 'uaendret');
	},
	fjern: async (event) => {
		const context = await coordinator(event);
		const caseId = formText(await event.request.formData(), 'case');
		const { onJourney } = await options(context);
		// A case that is not on the journey, or that the reader may not see, is not theirs to remove.
		const chosen = onJourney.find((c) => c.id === caseId && c.readable);
		if (!chosen) error(404, 'Not Found');
		if (onJourney.length <= 1) {
			return fail(400, {
				form: 'remove',
				errors: { cases: 'smErrorLastCase' } as FieldErrors<StaffKey>
			});
		}
		const changed = await changeJourneyCase(target(context), 'remove', chosen);
		back(context, changed ? 'fjernet' : 'uaendret');
	},
	maal: async (event) => {
		const context = await coordinator(event);
		const data = await event.request.formData();
		const goalId = formText(data, 'goal');
		const { goals, departments } = await options(context);
		const goal = goalId === '' ? null : goals.find((g) => g.id === goalId);
		if (goalId !== '' && (!isUuid(goalId) || !goal)) error(404, 'Not Found');
		const values = readGoalForm(data);
		const { errors, input } = checkGoalForm(values, new Set(departments.map((d) => d.id)));
		// Field ids carry the form's prefix, so the error summary links to the right form.
		const prefix = goal ? `g${goal.id.slice(0, 8)}-` : 'new-';
		if (!input) {
			const prefixed: FieldErrors<StaffKey> = {};
			for (const [field, message] of Object.entries(errors)) prefixed[prefix + field] = message;
			return fail(400, { form: 'goal', goalId: goal?.id ?? null, errors: prefixed, values });
		}
		if (goal) await editGoal(target(context), goal, input);
		else await addGoal(target(context), input);
		back(context, goal ? 'maal-aendret' : 'maal-tilfoejet');
	}
};

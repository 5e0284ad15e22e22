import { fail, redirect } from '@sveltejs/kit';
import { todayInDenmark } from '$lib/format';
import { safePath } from '$lib/safe-path';
import { requireCitizen } from '$lib/server/auth/guards';
import { setActingFor } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { recordAuditEvent } from '$lib/server/db/audit';
import { activeRepresentations } from '$lib/server/db/representatives';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// Representations run by Danish calendar days, as in the citizen scope (portal/scope.ts).
const today = () => todayInDenmark(clock.now());

// A representative chooses whom they act for: themselves or a person they represent.
export const load: PageServerLoad = async (event) => {
	const { citizen } = await requireCitizen(event);
	const represented = await activeRepresentations(getDb(), citizen.id, today());
	return {
		self: citizen.name,
		represented: represented.map((r) => ({ id: r.citizen_id, name: r.name })),
		returnTo: safePath(event.url.searchParams.get('returnTo') ?? '/')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { citizen, session } = await requireCitizen(event);
		const form = await event.request.formData();
		const choice = form.get('for');
		const returnTo = safePath(form.get('returnTo'));
		const db = getDb();
		let actingFor: string | null = null;
		if (typeof choice === 'string' && choice !== 'self') {
			const represented = await activeRepresentations(db, citizen.id, today());
			// Only a person the representation covers today; anything else is refused as unknown.
			if (!represented.some((r) => r.citizen_id === choice)) return fail(404);
			actingFor = choice;
		}
		await setActingFor(db, session.id, actingFor);
		await recordAuditEvent(db, {
			actor_type: actingFor ? 'representative' : 'citizen',
			actor_citizen_id: citizen.id,
			action: 'update',
			object_type: 'acting_for',
			object_id: actingFor,
			citizen_id: actingFor ?? citizen.id
		});
		redirect(303, returnTo);
	}
};

import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { todayInDenmark } from '$lib/format';
import { formText } from '$lib/forms';
import { getCprKeys } from '$lib/server/db';
import { listDepartmentsForFilter } from '$lib/server/db/audit';
import { listRepresentationsOfCitizen } from '$lib/server/db/representatives';
import { can } from '$lib/server/access/policy';
import {
	endRepresentation,
	parseRepresentationForm,
	registerRepresentation
} from '$lib/server/representation/service';
import { allowOr404, auditStaffRead, purposeFor, staffCitizen } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

const SAVED = ['registreret', 'afsluttet', 'uaendret'] as const;

// The citizen's representatives (in force, future and ended), registering one (the person named by
// CPR number, POST only) and ending one.
export const load: PageServerLoad = async (event) => {
	const context = await staffCitizen(event, event.params.citizenId);
	allowOr404(context, 'read', { kind: 'representation', citizen: context.citizen });
	const [representations, departments] = await Promise.all([
		listRepresentationsOfCitizen(context.db, context.citizen.citizenId),
		listDepartmentsForFilter(context.db)
	]);
	await auditStaffRead(context, 'representation');
	const saved = event.url.searchParams.get('gemt');
	return {
		banner: context.banner,
		mayWrite: can(context.actor, 'write', { kind: 'representation', citizen: context.citizen }),
		representations,
		departments,
		today: todayInDenmark(clock.now()),
		saved: SAVED.find((s) => s === saved) ?? null
	};
};

async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
}

function back(citizenId: string, saved: (typeof SAVED)[number]): never {
	redirect(303, `/staff/borger/${citizenId}/repraesentanter?gemt=${saved}#resultat`);
}

export const actions: Actions = {
	registrer: async (event) => {
		const context = await staffCitizen(event, event.params.citizenId);
		allowOr404(context, 'write', { kind: 'representation', citizen: context.citizen });
		const citizenId = context.citizen.citizenId;
		const departments = await listDepartmentsForFilter(context.db);
		const parsed = parseRepresentationForm(
			await readForm(event),
			departments.map((d) => d.id)
		);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		const result = await registerRepresentation(
			context.db,
			getCprKeys(),
			context.actor,
			citizenId,
			parsed.input,
			purposeFor(context.actor, context.citizen)
		);
		if (!result.ok) {
			const { cpr, ...values } = parsed.input;
			void cpr;
			return fail(400, {
				values: {
					name: values.name,
					scope: values.scope,
					coverage: values.departmentIds ? 'some' : 'all',
					departments: values.departmentIds ?? [],
					basis: values.basis,
					reference: values.reference,
					validFrom: values.validFrom,
					validTo: values.validTo ?? ''
				},
				errors: result.errors
			});
		}
		back(citizenId, 'registreret');
	},

	afslut: async (event) => {
		const context = await staffCitizen(event, event.params.citizenId);
		allowOr404(context, 'write', { kind: 'representation', citizen: context.citizen });
		const id = formText(await readForm(event), 'representation');
		const outcome = await endRepresentation(
			context.db,
			context.actor,
			context.citizen.citizenId,
			id,
			purposeFor(context.actor, context.citizen)
		);
		// Another citizen's representation, a made-up id and a malformed one answer alike.
		if (outcome === 'missing') error(404, 'Not Found');
		back(context.citizen.citizenId, outcome === 'ended' ? 'afsluttet' : 'uaendret');
	}
};

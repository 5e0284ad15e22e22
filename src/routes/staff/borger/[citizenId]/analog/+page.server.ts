import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText } from '$lib/forms';
import { listAnalogFlagHistory } from '$lib/server/db/analog';
import { changeAnalogFlag, parseAnalogClear, parseAnalogSet } from '$lib/server/analog/service';
import { allowOr404, auditStaffRead, staffCitizen } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';

// The analog flag of one citizen: set it with a reason, change the reason, or clear it, each with
// a note where it needs one. Every load and action passes the guard and the policy (404 alike for
// a citizen the reader may not see, a made-up and a malformed id); reads and changes are audited.
export const load: PageServerLoad = async (event) => {
	const context = await staffCitizen(event, event.params.citizenId);
	allowOr404(context, 'read', { kind: 'analogFlag', citizen: context.citizen });
	const history = await listAnalogFlagHistory(context.db, context.citizen.citizenId);
	await auditStaffRead(context, 'analog_flag', context.citizen.citizenId);
	const saved = event.url.searchParams.get('gemt');
	return {
		banner: context.banner,
		history,
		saved: saved === 'sat' || saved === 'fjernet' ? saved : null
	};
};

async function guarded(event: RequestEvent<{ citizenId: string }>) {
	const context = await staffCitizen(event, event.params.citizenId);
	allowOr404(context, 'write', { kind: 'analogFlag', citizen: context.citizen });
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
	return { context, data };
}

export const actions: Actions = {
	saet: async (event) => {
		const { context, data } = await guarded(event);
		const values = {
			reason: formText(data, 'reason'),
			note: formText(data, 'note'),
			clearNote: ''
		};
		const parsed = parseAnalogSet(values);
		if ('errors' in parsed)
			return fail(400, { form: 'set' as const, values, errors: parsed.errors });
		await changeAnalogFlag(context, parsed.change);
		redirect(303, `/staff/borger/${context.citizen.citizenId}/analog?gemt=sat`);
	},
	fjern: async (event) => {
		const { context, data } = await guarded(event);
		const values = { reason: '', note: '', clearNote: formText(data, 'clearNote') };
		if (!context.banner.analog) {
			// Nothing to clear: the page shows the flag as it is.
			redirect(303, `/staff/borger/${context.citizen.citizenId}/analog`);
		}
		const parsed = parseAnalogClear({ note: values.clearNote });
		if ('errors' in parsed)
			return fail(400, { form: 'clear' as const, values, errors: parsed.errors });
		await changeAnalogFlag(context, parsed.change);
		redirect(303, `/staff/borger/${context.citizen.citizenId}/analog?gemt=fjernet`);
	}
};

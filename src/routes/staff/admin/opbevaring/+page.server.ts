import { error, fail, redirect } from '@sveltejs/kit';
import { formText } from '$lib/forms';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRetentionRuns } from '$lib/server/db/retention';
import {
	DEFAULT_RETENTION,
	getRetentionPeriods,
	RETENTION_LIMITS
} from '$lib/server/db/retention-settings';
import {
	parseRetentionForm,
	requestRetentionRun,
	RETENTION_FIELDS,
	saveRetention,
	type RetentionFormValues
} from '$lib/server/retention/admin';
import { staffActor } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';

// Retention periods and the retention job's last runs, for administrators only (404 for everyone
// else). No case content: only periods and counts.
export const load: PageServerLoad = async (event) => {
	requireStaff(event, ['admin']);
	const db = getDb();
	const [periods, runs] = await Promise.all([getRetentionPeriods(db), listRetentionRuns(db, 10)]);
	const done = event.url.searchParams.get('gemt');
	return {
		periods,
		defaults: DEFAULT_RETENTION,
		limits: RETENTION_LIMITS,
		runs,
		notice: done === 'perioder' || done === 'koersel' ? done : null
	};
};

async function formData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, 'Bad Request');
	}
}

export const actions: Actions = {
	gem: async (event) => {
		const { staff } = requireStaff(event, ['admin']);
		const data = await formData(event.request);
		const values = Object.fromEntries(
			RETENTION_FIELDS.map((field) => [field, formText(data, field)])
		) as RetentionFormValues;
		const parsed = parseRetentionForm(values);
		if ('errors' in parsed) return fail(400, { values, errors: parsed.errors });
		await saveRetention(getDb(), staffActor(staff), parsed.periods);
		redirect(303, '/staff/admin/opbevaring?gemt=perioder');
	},
	koerNu: async (event) => {
		const { staff } = requireStaff(event, ['admin']);
		await formData(event.request);
		await requestRetentionRun(getDb(), staffActor(staff));
		redirect(303, '/staff/admin/opbevaring?gemt=koersel');
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { adminForm, adminPage } from '$lib/server/admin/route';
import { createDepartment } from '$lib/server/admin/service';
import { departmentValues, parseDepartment } from '$lib/server/admin/validate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	adminPage(event);
	return {};
};

export const actions: Actions = {
	opret: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const values = departmentValues(data);
		const parsed = parseDepartment(values);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const outcome = await createDepartment(db, actor, parsed.input);
		if (!outcome?.ok) return fail(400, { values, errors: outcome?.errors ?? {} });
		redirect(303, '/staff/admin/afdelinger?oprettet=1');
	}
};

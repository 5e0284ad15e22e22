import { fail, redirect } from '@sveltejs/kit';
import { adminForm, adminPage } from '$lib/server/admin/route';
import { createStaffUser } from '$lib/server/admin/service';
import { parseStaffUser, staffValues } from '$lib/server/admin/validate';
import { listDepartments } from '$lib/server/db/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	const departments = await listDepartments(db);
	return { departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })) };
};

export const actions: Actions = {
	opret: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const values = staffValues(data);
		const departments = new Set((await listDepartments(db)).map((d) => d.id));
		const parsed = parseStaffUser(values, departments);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const outcome = await createStaffUser(db, actor, parsed.input);
		if (!outcome?.ok) return fail(400, { values, errors: outcome?.errors ?? {} });
		redirect(303, '/staff/admin/medarbejdere?oprettet=1');
	}
};

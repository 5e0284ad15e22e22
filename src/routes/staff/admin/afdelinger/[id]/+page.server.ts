import { error, fail, redirect } from '@sveltejs/kit';
import { adminForm, adminPage, idParam } from '$lib/server/admin/route';
import { changeDepartment } from '$lib/server/admin/service';
import { departmentValues, parseDepartment } from '$lib/server/admin/validate';
import { findDepartment } from '$lib/server/db/admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	const department = await findDepartment(db, idParam(event.params.id));
	if (!department) error(404, 'Not Found');
	return { department };
};

export const actions: Actions = {
	gem: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const id = idParam(event.params.id);
		const values = departmentValues(data);
		const parsed = parseDepartment(values);
		if (!parsed.ok) {
			if (!(await findDepartment(db, id))) error(404, 'Not Found');
			return fail(400, { values, errors: parsed.errors });
		}
		const outcome = await changeDepartment(db, actor, id, parsed.input);
		if (!outcome) error(404, 'Not Found');
		if (!outcome.ok) return fail(400, { values, errors: outcome.errors });
		redirect(303, '/staff/admin/afdelinger?gemt=1');
	}
};

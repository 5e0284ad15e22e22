import { error, fail, redirect } from '@sveltejs/kit';
import { adminForm, adminPage, idParam } from '$lib/server/admin/route';
import { changeStaffUser, setStaffActive } from '$lib/server/admin/service';
import { parseStaffUser, staffValues } from '$lib/server/admin/validate';
import { findStaffUser, listDepartments } from '$lib/server/db/admin';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
	const { db, staff } = adminPage(event);
	const user = await findStaffUser(db, idParam(event.params.id));
	if (!user) error(404, 'Not Found');
	const departments = await listDepartments(db);
	return {
		user,
		self: user.id === staff.id,
		departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		notice: event.url.searchParams.get('udfoert')
	};
};

async function toggle(event: RequestEvent, active: boolean) {
	const { db, actor } = await adminForm(event);
	const id = idParam(event.params.id);
	const outcome = await setStaffActive(db, actor, id, active);
	if (!outcome) error(404, 'Not Found');
	if (!outcome.ok) return fail(400, { values: null, errors: outcome.errors });
	redirect(303, `/staff/admin/medarbejdere/${id}?udfoert=${active ? 'aabnet' : 'lukket'}`);
}

export const actions: Actions = {
	gem: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const id = idParam(event.params.id);
		const user = await findStaffUser(db, id);
		if (!user) error(404, 'Not Found');
		const values = staffValues(data);
		const departments = new Set((await listDepartments(db)).map((d) => d.id));
		const parsed = parseStaffUser(values, departments, false);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const outcome = await changeStaffUser(db, actor, id, parsed.input);
		if (!outcome) error(404, 'Not Found');
		if (!outcome.ok) return fail(400, { values, errors: outcome.errors });
		redirect(303, `/staff/admin/medarbejdere/${id}?udfoert=gemt`);
	},
	luk: (event) => toggle(event, false),
	aabn: (event) => toggle(event, true)
};

import { error, fail, redirect } from '@sveltejs/kit';
import { formText, tooLong, type FieldErrors } from '$lib/forms';
import type { AdminKey } from '$lib/i18n/admin';
import { adminForm, adminPage, idParam } from '$lib/server/admin/route';
import { issueApiKey, withdrawApiKey } from '$lib/server/admin/service';
import { listDepartments } from '$lib/server/db/admin';
import { listApiKeys } from '$lib/server/db/api-keys';
import type { Actions, PageServerLoad } from './$types';

// API keys for department systems. A new key is in the action's answer only (never a URL, a log or
// the database), on a page that is not stored (Cache-Control: no-store, as every logged-in page).
// Closing a key asks first: ?luk=<id> shows the question, the form posts it.
export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	const [keys, departments] = await Promise.all([listApiKeys(db), listDepartments(db)]);
	const closing = event.url.searchParams.get('luk');
	let confirm: { id: string; name: string } | null = null;
	if (closing !== null) {
		const key = keys.find((k) => k.id === idParam(closing) && !k.revokedAt);
		if (!key) error(404, 'Not Found');
		confirm = { id: key.id, name: key.name };
	}
	return {
		keys,
		departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		confirm,
		revoked: event.url.searchParams.has('lukket')
	};
};

export const actions: Actions = {
	opret: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const values = { name: formText(data, 'name'), departmentId: formText(data, 'departmentId') };
		const departments = await listDepartments(db);
		const department = departments.find((d) => d.id === values.departmentId);
		const errors: FieldErrors<AdminKey> = {};
		if (!department) errors.departmentId = 'adErrDepartmentUnknown';
		if (values.name === '') errors.name = 'adErrKeyName';
		const long = tooLong(values.name, 200);
		if (long) errors.name = long;
		if (!department || Object.keys(errors).length > 0) {
			return fail(400, { values, errors, created: null });
		}
		const made = await issueApiKey(db, actor, values);
		return {
			values: null,
			errors: null,
			created: { key: made.key, name: values.name, departmentName: department.name }
		};
	},
	tilbagekald: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const id = idParam(formText(data, 'id'));
		if (!(await withdrawApiKey(db, actor, id))) error(404, 'Not Found');
		redirect(303, '/staff/admin/noegler?lukket=1');
	}
};

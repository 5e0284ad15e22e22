import { adminPage } from '$lib/server/admin/route';
import { listDepartments } from '$lib/server/db/admin';
import type { PageServerLoad } from './$types';

// Departments: listed, created and edited by administrators; never deleted (cases refer to them).
export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	return {
		departments: await listDepartments(db),
		created: event.url.searchParams.has('oprettet'),
		saved: event.url.searchParams.has('gemt')
	};
};

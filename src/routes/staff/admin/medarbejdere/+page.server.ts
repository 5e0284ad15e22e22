import { adminPage } from '$lib/server/admin/route';
import { STAFF_ROLES } from '$lib/domain';
import { listDepartments, listStaffUsers } from '$lib/server/db/admin';
import type { PageServerLoad } from './$types';

// Staff users, filtered by department and role (a filter that names nothing known shows everyone).
export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	const departments = await listDepartments(db);
	const wantedDepartment = event.url.searchParams.get('afdeling') ?? '';
	const wantedRole = event.url.searchParams.get('rolle') ?? '';
	const departmentId = departments.some((d) => d.id === wantedDepartment) ? wantedDepartment : null;
	const role = STAFF_ROLES.find((r) => r === wantedRole) ?? null;
	return {
		departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn })),
		filter: { departmentId, role },
		staffUsers: await listStaffUsers(db, { departmentId, role }),
		created: event.url.searchParams.has('oprettet')
	};
};

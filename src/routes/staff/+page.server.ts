import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { departmentName } from '$lib/server/db/departments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { staff } = await requireStaff(event);
	return {
		staffName: staff.name,
		role: staff.role,
		department: staff.departmentId
			? await departmentName(getDb(), staff.departmentId, event.locals.locale)
			: null
	};
};

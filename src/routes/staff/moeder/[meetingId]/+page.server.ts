import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { CASE_ROLES } from '$lib/server/staff/context';
import type { PageServerLoad } from './$types';

// Placeholder until the page is built in this issue.
export const load: PageServerLoad = async (event) => {
	requireStaff(event, CASE_ROLES);
	error(404, 'Not Found');
};

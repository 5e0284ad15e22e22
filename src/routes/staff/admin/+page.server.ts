import { requireStaff } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

// Administration for administrators only (404 for everyone else).
export const load: PageServerLoad = async (event) => {
	requireStaff(event, ['admin']);
	return {};
};

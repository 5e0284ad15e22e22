import { requireStaff } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

// Placeholder until the page is built (issue 6).
export const load: PageServerLoad = async (event) => {
	requireStaff(event, ['admin']);
	return {};
};

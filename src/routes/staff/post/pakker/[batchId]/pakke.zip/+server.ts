import { error } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import type { RequestHandler } from './$types';

// Placeholder until the export is built (issue 6).
export const GET: RequestHandler = async (event) => {
	requireStaff(event, ['admin']);
	error(404);
};

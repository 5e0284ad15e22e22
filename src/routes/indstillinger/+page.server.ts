import { portal } from '$lib/server/portal/context';
import type { PageServerLoad } from './$types';

// Placeholder until the page is built (issue 4): guarded like the real page will be.
export const load: PageServerLoad = async (event) => {
	await portal(event, 'everything');
	return {};
};

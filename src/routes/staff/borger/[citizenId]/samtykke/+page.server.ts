import { staffCitizen } from '$lib/server/staff/context';
import type { PageServerLoad } from './$types';

// Placeholder until the page is built in this issue: the guard and the citizen banner.
export const load: PageServerLoad = async (event) => {
	const context = await staffCitizen(event, event.params.citizenId);
	return { banner: context.banner };
};

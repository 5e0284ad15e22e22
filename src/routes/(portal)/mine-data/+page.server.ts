import { portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// "My data": what the citizen can download and how. The page shows no data itself, so looking at
// it is not recorded; the two downloads are.
export const load: PageServerLoad = async (event) => {
	const { scope, subject } = await portal(event, 'everything');
	return { representing: scope.representing ? subject.name : null };
};

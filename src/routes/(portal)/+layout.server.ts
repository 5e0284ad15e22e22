import { allows } from '$lib/server/access/portal';
import type { LayoutServerLoad } from './$types';

// Navigation only: which of the portal's pages the logged-in citizen's navigation offers (null: no
// navigation). Every page and action of the portal calls its own guard ($lib/server/access/portal).
export const load: LayoutServerLoad = async ({ locals }) => {
	const scope = locals.citizen ? locals.citizenScope : null;
	return { portalNav: scope ? { everything: allows(scope, 'everything') } : null };
};

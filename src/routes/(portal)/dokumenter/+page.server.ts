import { listCitizenDocuments } from '$lib/server/db/documents';
import { auditPortal, portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

/** Documents per page. */
const PAGE_SIZE = 20;

// The citizen's letters and decisions, newest first, each to open or download as PDF, a page at
// a time (?side=2 and on).
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const asked = Number(event.url.searchParams.get('side'));
	const page = Number.isSafeInteger(asked) && asked >= 1 ? asked : 1;
	// One more than a page says whether there is a next one.
	const found = await listCitizenDocuments(context.db, context.scope.citizenId, {
		limit: PAGE_SIZE + 1,
		offset: (page - 1) * PAGE_SIZE
	});
	await auditPortal(context.db, context, 'read', { type: 'documents' });
	return {
		documents: found.slice(0, PAGE_SIZE),
		page,
		previousPage: page > 1 ? page - 1 : null,
		nextPage: found.length > PAGE_SIZE ? page + 1 : null
	};
};

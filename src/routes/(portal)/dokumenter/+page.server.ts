import { listCitizenDocuments } from '$lib/server/db/documents';
import { auditPortal, portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// The citizen's letters and decisions, newest first, each to open or download as PDF.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const documents = await listCitizenDocuments(context.db, context.scope.citizenId);
	await auditPortal(context.db, context, 'read', { type: 'documents' });
	return { documents };
};

import { unreadCountsForCitizen } from '$lib/server/db/messages';
import { auditPortal, portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// Every journey's conversation: how many new messages, and when the latest came.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'journeys');
	const threads = await unreadCountsForCitizen(context.db, context.scope.citizenId);
	await auditPortal(context.db, context, 'read', { type: 'message_threads' });
	return { threads, mayAct: context.scope.mayAct };
};

import { listCitizenMeetings } from '$lib/server/db/meetings';
import { auditPortal, portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// The citizen's meetings: those still to come first, with the answer given, then earlier ones.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'journeys');
	const meetings = await listCitizenMeetings(context.db, context.scope.citizenId);
	await auditPortal(context.db, context, 'read', { type: 'meetings' });
	return {
		...meetings,
		forName: context.scope.representing ? context.subject.name : null
	};
};

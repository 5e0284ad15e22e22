import { error } from '@sveltejs/kit';
import { findCitizenConsent, latestConsent } from '$lib/server/db/consents';
import { auditPortal, portal } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { PageServerLoad } from './$types';

// The receipt for one consent change: what, when, by whom, and what applies now.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	// Another citizen's consent, a made-up id and a malformed one all answer the same 404.
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const consent = await findCitizenConsent(db, id, scope.citizenId);
	if (!consent) error(404, 'Not Found');
	const current = await latestConsent(db, scope.citizenId, consent.departmentId);
	await auditPortal(db, context, 'read', { type: 'consent', id });
	return {
		consent,
		// A later change for the same department, when there is one.
		supersededAt: current && current.id !== consent.id ? current.occurred_at : null,
		viewer: {
			actorId: context.actor.id,
			subjectId: context.subject.id,
			subjectName: context.subject.name,
			representing: scope.representing
		},
		saved: event.url.searchParams.has('ny')
	};
};

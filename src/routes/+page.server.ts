import { getDb } from '$lib/server/db';
import { citizenOverview } from '$lib/server/db/overview';
import { auditRepresentativeRead, loadCitizenScope } from '$lib/server/portal/scope';
import type { PageServerLoad } from './$types';

// The front page explains Sammen to visitors; a logged-in citizen sees their overview here.
export const load: PageServerLoad = async ({ locals }) => {
	const { citizen, actingFor } = locals;
	if (!citizen) return { overview: null };
	const db = getDb();
	const scope = await loadCitizenScope(db, citizen, actingFor);
	if (!scope) return { overview: null };
	await auditRepresentativeRead(db, scope, citizen.id, { type: 'overview' });
	return {
		overview: await citizenOverview(db, scope),
		overviewFor: scope.representing ? (actingFor?.name ?? null) : null
	};
};

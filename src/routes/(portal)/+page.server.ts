import { getDb } from '$lib/server/db';
import { citizenOverview } from '$lib/server/db/overview';
import { auditRepresentativeRead } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// The front page explains Sammen to visitors; a logged-in citizen sees their overview here.
export const load: PageServerLoad = async ({ locals }) => {
	const { citizen, actingFor, citizenScope: scope } = locals;
	if (!citizen || !scope) return { overview: null };
	const db = getDb();
	await auditRepresentativeRead(db, scope, citizen.id, { type: 'overview' });
	return {
		overview: await citizenOverview(db, scope),
		overviewFor: scope.representing ? (actingFor?.name ?? null) : null
	};
};

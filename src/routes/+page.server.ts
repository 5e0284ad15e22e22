import { getDb } from '$lib/server/db';
import { recordAuditEvent } from '$lib/server/db/audit';
import { citizenOverview } from '$lib/server/db/overview';
import { activeRepresentations } from '$lib/server/db/representatives';
import { todayInDenmark } from '$lib/format';
import { citizenScope } from '$lib/server/policy/citizen-scope';
import type { PageServerLoad } from './$types';

// The front page explains Sammen to visitors; a logged-in citizen sees their overview here.
export const load: PageServerLoad = async ({ locals }) => {
	const { citizen, actingFor } = locals;
	if (!citizen) return { overview: null };
	const db = getDb();
	let representation = null;
	if (actingFor) {
		const found = (await activeRepresentations(db, citizen.id, todayInDenmark())).find(
			(r) => r.citizen_id === actingFor.id
		);
		representation = found ? { scope: found.scope, departmentIds: found.department_ids } : null;
	}
	const scope = citizenScope({
		loggedInCitizenId: citizen.id,
		actingForCitizenId: actingFor?.id ?? null,
		representation
	});
	if (!scope) return { overview: null };
	if (scope.representing) {
		await recordAuditEvent(db, {
			actor_type: 'representative',
			actor_citizen_id: citizen.id,
			action: 'read',
			object_type: 'overview',
			citizen_id: scope.citizenId
		});
	}
	return {
		overview: await citizenOverview(db, scope),
		overviewFor: scope.representing ? (actingFor?.name ?? null) : null
	};
};

// The facts the citizen-scope policy needs, gathered for a request, and the audit of what a
// representative reads. Every citizen page loads its scope through here.
import type { Kysely } from 'kysely';
import { todayInDenmark } from '../../format';
import { recordAuditEvent } from '../db/audit';
import { activeRepresentations } from '../db/representatives';
import type { Database } from '../db/schema';
import { citizenScope, type CitizenScope } from '../policy/access';
import * as clock from '../clock';

export async function loadCitizenScope(
	db: Kysely<Database>,
	citizen: { id: string },
	actingFor: { id: string } | null
): Promise<CitizenScope | null> {
	let representation = null;
	if (actingFor) {
		const found = (await activeRepresentations(db, citizen.id, todayInDenmark(clock.now()))).find(
			(r) => r.citizen_id === actingFor.id
		);
		representation = found ? { scope: found.scope, departmentIds: found.department_ids } : null;
	}
	return citizenScope({
		loggedInCitizenId: citizen.id,
		actingForCitizenId: actingFor?.id ?? null,
		representation
	});
}

/** Reads by a representative are recorded as done by them for the citizen they act for. */
export async function auditRepresentativeRead(
	db: Kysely<Database>,
	scope: CitizenScope,
	representativeId: string,
	object: { type: string; id?: string }
): Promise<void> {
	if (!scope.representing) return;
	await recordAuditEvent(db, {
		actor_type: 'representative',
		actor_citizen_id: representativeId,
		action: 'read',
		object_type: object.type,
		object_id: object.id ?? null,
		citizen_id: scope.citizenId
	});
}

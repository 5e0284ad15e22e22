// Who acts, as the audit trail records them (docs/RULES.md, access rule 6): a member of staff, a
// department system through the integration API, or the citizen's side (the citizen or their
// representative). One mapping to audit columns, so an event by staff and the same event by the API
// cannot be recorded differently. No web framework here: services of every layer use it.
import type { AuditAction } from '../../domain';
import type { NewAuditEvent } from '../db/schema';
import type { CitizenFacts } from '../access/policy';
import type { StaffActor } from '../access/staff';

/** A department system behind an API key: it acts for the key's department. */
export interface ApiActor {
	kind: 'api';
	departmentId: string;
	/** The key's public prefix: the purpose "api:<prefix>" names the key that acted. */
	prefix: string;
}

/** The person logged in to the portal: the citizen, or a representative acting for them. */
export interface CitizenSideActor {
	kind: 'citizen' | 'representative';
	/** The acting person's own citizen id (the representative's, when representing). */
	citizenId: string;
}

export type EventActor = StaffActor | ApiActor | CitizenSideActor;

/**
 * Why staff looked, as a code the citizen's "who has looked at my data" puts in words: the
 * journey's coordinator coordinates, everyone else works on their own department's case.
 */
export type StaffPurpose = 'casework' | 'coordination' | 'audit_review';

export function purposeFor(actor: StaffActor, citizen: CitizenFacts): StaffPurpose {
	return citizen.coordinatorIds.includes(actor.staffId) ? 'coordination' : 'casework';
}

export interface AuditFields {
	action: AuditAction;
	objectType: string;
	objectId?: string | null;
	citizenId: string | null;
	/** Staff and the citizen's side give their own; an API client's is always its key. */
	purpose?: string | null;
	criterion?: string | null;
}

/** The audit row for what `actor` did. */
export function auditRow(actor: EventActor, fields: AuditFields): NewAuditEvent {
	const what = {
		action: fields.action,
		object_type: fields.objectType,
		object_id: fields.objectId ?? null,
		citizen_id: fields.citizenId,
		criterion: fields.criterion ?? null
	};
	switch (actor.kind) {
		case 'staff':
			return {
				actor_type: 'staff',
				actor_staff_id: actor.staffId,
				actor_citizen_id: null,
				actor_department_id: actor.departmentId,
				actor_role: actor.role,
				...what,
				purpose: fields.purpose ?? null
			};
		case 'api':
			return {
				actor_type: 'system',
				actor_staff_id: null,
				actor_citizen_id: null,
				actor_department_id: actor.departmentId,
				actor_role: null,
				...what,
				purpose: `api:${actor.prefix}`
			};
		default:
			return {
				actor_type: actor.kind,
				actor_staff_id: null,
				actor_citizen_id: actor.citizenId,
				actor_department_id: null,
				actor_role: null,
				...what,
				purpose: fields.purpose ?? null
			};
	}
}

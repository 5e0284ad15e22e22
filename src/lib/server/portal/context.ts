// What every citizen page and action starts with: the guard, the citizen's scope (whose data and
// how much of it) and who is acting, for the audit trail and for authorship of what they write.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import { requireCitizen } from '../auth/guards';
import { getDb } from '../db';
import { recordAuditEvent } from '../db/audit';
import type { Database } from '../db/schema';
import type { AuditAction } from '../../domain';
import {
	actorFromScope,
	can,
	type CitizenFacts,
	type CitizenScope,
	type Resource
} from '../policy/access';
import { loadCitizenScope } from './scope';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * What a page needs of the scope:
 * - 'any': the citizen's own pages, or any valid representation (cases of some departments);
 * - 'journeys': journey-wide things (meetings, messages, the plan), which a representation
 *   limited to some departments does not cover;
 * - 'everything': all data about the citizen (consent, settings, the audit trail, "my data").
 */
export type PortalNeed = 'any' | 'journeys' | 'everything';

export interface PortalContext {
	db: Kysely<Database>;
	scope: CitizenScope;
	/** The person logged in (the representative when acting for someone). */
	actor: { id: string; name: string };
	/** The person the data is about. */
	subject: { id: string; name: string };
}

/**
 * Whether the scope covers a page, decided by the access policy: 'any' is the citizen's overview,
 * 'journeys' a journey, 'everything' the whole person (the export covers it all). The citizen's
 * rules depend only on whose data it is, so the facts about cases and consent stay empty here.
 */
export function allows(scope: CitizenScope, need: PortalNeed): boolean {
	const citizen: CitizenFacts = {
		citizenId: scope.citizenId,
		openCaseDepartmentIds: [],
		coordinatorIds: [],
		consentedDepartmentIds: []
	};
	const resource: Resource =
		need === 'any'
			? { kind: 'citizen', citizen }
			: need === 'journeys'
				? {
						kind: 'journey',
						citizen,
						journey: { journeyId: '', coordinatorId: null, openCaseDepartmentIds: [] }
					}
				: { kind: 'citizenExport', citizen };
	// Who the representative is does not change what the representation covers.
	return can(actorFromScope('', scope), 'read', resource);
}

/** The policy's answer for an object the page has loaded, as the logged-in person. */
export function portalCan(
	context: PortalContext,
	action: 'read' | 'write',
	resource: Resource
): boolean {
	return can(actorFromScope(context.actor.id, context.scope), action, resource);
}

/**
 * The guard for citizen pages: redirects to login when nobody is logged in, and answers 404 when
 * the representation does not cover the page, exactly as for a page that does not exist.
 */
export async function portal(
	event: RequestEvent,
	need: PortalNeed = 'any'
): Promise<PortalContext> {
	const { citizen, actingFor } = requireCitizen(event);
	const db = getDb();
	const scope = await loadCitizenScope(db, citizen, actingFor);
	if (!scope || !allows(scope, need)) error(404, 'Not Found');
	const subject =
		scope.representing && actingFor
			? { id: actingFor.id, name: actingFor.name }
			: { id: citizen.id, name: citizen.name };
	return { db, scope, actor: { id: citizen.id, name: citizen.name }, subject };
}

/**
 * For actions that answer, write or change something: a read-only representative may look but not
 * act. They can see the object, so this is a 403 with a reason, not a 404.
 */
export function requireMayAct(context: PortalContext): void {
	if (!context.scope.mayAct) error(403, 'Read-only representation');
}

/** The audit fields for what the logged-in person does: as the citizen, or as a representative. */
export function auditActor(context: PortalContext) {
	return {
		actor_type: context.scope.representing ? ('representative' as const) : ('citizen' as const),
		actor_citizen_id: context.actor.id,
		citizen_id: context.subject.id
	};
}

/**
 * Records a citizen-side action. Reads are recorded only for representatives (a citizen reading
 * their own data is not "someone looking at my data"); changes and exports always.
 */
export async function auditPortal(
	db: Executor,
	context: PortalContext,
	action: AuditAction,
	object: { type: string; id?: string | null },
	purpose?: string
): Promise<void> {
	if (action === 'read' && !context.scope.representing) return;
	await recordAuditEvent(db, {
		...auditActor(context),
		action,
		object_type: object.type,
		object_id: object.id ?? null,
		purpose: purpose ?? null
	});
}

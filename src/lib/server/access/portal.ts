// What every citizen page and action starts with: the guard, the citizen's scope (whose data and
// how much of it) and who is acting, for the audit trail and for authorship of what they write.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { requireCitizen } from '../auth/guards';
import { getDb } from '../db';
import { recordAuditEvent } from '../db/audit';
import type { Database } from '../db/schema';
import type { AuditAction } from '../../domain';
import { auditRow, type CitizenSideActor } from '../events/actor';
import {
	actorFromScope,
	can,
	scopeCovers,
	timelineFilter,
	type CitizenFacts,
	type CitizenScope,
	type JourneyFacts,
	type TimelineFilter,
	type Resource,
	type ResourceKind
} from './policy';
import type { Executor } from '../db/executor';

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

/** The kind of object each need is about, as the access policy names it. */
const NEED_KIND = {
	any: 'citizen',
	journeys: 'journey',
	everything: 'citizenExport'
} as const satisfies Record<PortalNeed, ResourceKind>;

/** Whether the scope covers a page, decided by the access policy (scopeCovers). */
export function allows(scope: CitizenScope, need: PortalNeed): boolean {
	return scopeCovers(scope, NEED_KIND[need]);
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
 * Which of a journey's timeline entries the logged-in person sees, by the access policy's
 * timelineFilter; null when the journey is not theirs to see at all.
 */
export function portalTimelineFilter(
	context: PortalContext,
	access: { journey: JourneyFacts; citizen: CitizenFacts }
): TimelineFilter | null {
	return timelineFilter(
		actorFromScope(context.actor.id, context.scope),
		access.citizen,
		access.journey
	);
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
	// Worked out once per request from the session (hooks.server.ts).
	const scope = event.locals.citizenScope;
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

/** The logged-in person as the actor of an event: the citizen, or a representative. */
export function portalActor(context: PortalContext): CitizenSideActor {
	return {
		kind: context.scope.representing ? 'representative' : 'citizen',
		citizenId: context.actor.id
	};
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
	await recordAuditEvent(
		db,
		auditRow(portalActor(context), {
			action,
			objectType: object.type,
			objectId: object.id ?? null,
			citizenId: context.subject.id,
			purpose: purpose ?? null
		})
	);
}

/** A representative's read of a page that needs no portal context (the front page's overview). */
export async function auditRepresentativeRead(
	db: Kysely<Database>,
	scope: CitizenScope,
	representativeId: string,
	object: { type: string; id?: string }
): Promise<void> {
	if (!scope.representing) return;
	await recordAuditEvent(
		db,
		auditRow(
			{ kind: 'representative', citizenId: representativeId },
			{ action: 'read', objectType: object.type, objectId: object.id, citizenId: scope.citizenId }
		)
	);
}

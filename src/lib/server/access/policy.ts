// The access rules of docs/RULES.md as pure functions over facts: who may read or write which object.
// Every page, action and download of both the citizen portal and the staff workspace asks `can()`
// (or the filters derived from the same rules below) after loading the facts for the request; the
// matrix test in policy.spec.ts runs every role against every kind of object.
//
// Facts are gathered per request and never cached, so a withdrawn consent or a closed case counts
// from the next request on. Unauthorised access must look exactly like a missing object: callers
// answer 404 when `can()` is false, never 403 (the one exception is a read-only representative who
// can see an object but not act on it; see the portal's requireMayAct).
import type { RepresentationScope, StaffRole, TaskAssignee, Visibility } from '../../domain';

/** The person asking. */
export type Actor =
	| { kind: 'citizen'; citizenId: string }
	| {
			kind: 'representative';
			/** The representative's own citizen id. */
			citizenId: string;
			/** The representation valid today for the citizen they act for. */
			representation: {
				citizenId: string;
				scope: RepresentationScope;
				/** Departments covered; null covers every department and the journey-wide items. */
				departmentIds: readonly string[] | null;
			};
	  }
	| { kind: 'staff'; staffId: string; role: StaffRole; departmentId: string | null };

/** What the rules need to know about the citizen an object belongs to. */
export interface CitizenFacts {
	citizenId: string;
	/** Departments with a case for the citizen that is not closed (rule 3). */
	openCaseDepartmentIds: readonly string[];
	/** Staff who coordinate one of the citizen's journeys that is not closed. */
	coordinatorIds: readonly string[];
	/** Departments whose consent from the citizen is in force now (rule 4). */
	consentedDepartmentIds: readonly string[];
}

/** What the rules need to know about a journey. */
export interface JourneyFacts {
	journeyId: string;
	coordinatorId: string | null;
	/** Departments with a case in this journey that is not closed. */
	openCaseDepartmentIds: readonly string[];
}

/** The kinds of object Sammen shows or changes. */
export type Resource =
	/** The citizen: name, contact details, the overview of cases and journeys. */
	| { kind: 'citizen'; citizen: CitizenFacts }
	/** One department's case. Writing is a status change or a new next step. */
	| { kind: 'case'; citizen: CitizenFacts; departmentId: string }
	/** A journey: coordinator, cases, the plan. Writing is coordination (coordinator, cases, goals). */
	| { kind: 'journey'; citizen: CitizenFacts; journey: JourneyFacts }
	/** A timeline entry (or, for `write`, a new one by the actor). */
	| {
			kind: 'timelineEntry';
			citizen: CitizenFacts;
			journey: JourneyFacts;
			/** The department that wrote it; null for the citizen's own entries and Sammen's. */
			departmentId: string | null;
			visibility: Visibility;
	  }
	/** A meeting on a journey (for `write`: planning one, changing it, its minutes). */
	| {
			kind: 'meeting';
			citizen: CitizenFacts;
			journey: JourneyFacts;
			organizerId: string | null;
			/** Departments of the organiser and the staff participants. */
			departmentIds: readonly string[];
	  }
	/** A task for the citizen or for a member of staff. */
	| {
			kind: 'task';
			citizen: CitizenFacts;
			journey: JourneyFacts | null;
			/** The department of the case the task belongs to, if any. */
			departmentId: string | null;
			assignee: TaskAssignee;
			assignedStaffId: string | null;
	  }
	/** The message thread of a journey. */
	| { kind: 'messages'; citizen: CitizenFacts; journey: JourneyFacts }
	/** A letter or a decision as a document (PDF). */
	| {
			kind: 'document';
			citizen: CitizenFacts;
			journey: JourneyFacts | null;
			departmentId: string | null;
			visibility: Visibility;
	  }
	/** The citizen's consents (history and the consent in force). */
	| { kind: 'consent'; citizen: CitizenFacts }
	/** Representations registered for the citizen. */
	| { kind: 'representation'; citizen: CitizenFacts }
	/** The analog flag and its history. */
	| { kind: 'analogFlag'; citizen: CitizenFacts }
	/** The audit rows about one citizen ("who has looked at my data"). */
	| { kind: 'citizenAudit'; citizen: CitizenFacts }
	/** All of the citizen's data as an export ("my data"). */
	| { kind: 'citizenExport'; citizen: CitizenFacts }
	/** The whole audit trail, across citizens. */
	| { kind: 'auditLog' }
	/** Departments, staff users, API keys, municipality settings. */
	| { kind: 'administration' };

export type Action = 'read' | 'write';
export type ResourceKind = Resource['kind'];

/**
 * What a representation limited to some departments covers: the citizen's overview, and the cases
 * and tasks of those departments. Journeys, meetings, messages, the timeline and documents belong to
 * the whole journey, and consent, settings and the audit trail to the whole person.
 */
const LIMITED_REPRESENTATION: ReadonlySet<ResourceKind> = new Set(['citizen', 'case', 'task']);

/**
 * Whether a representation covers a kind of object at all: one of every department covers every
 * kind, one limited to some departments only LIMITED_REPRESENTATION's. The portal's guard asks
 * this before it loads anything; `can()` asks it again of the loaded object.
 */
function representationCovers(departmentIds: readonly string[] | null, kind: ResourceKind) {
	return departmentIds === null || LIMITED_REPRESENTATION.has(kind);
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
	switch (actor.kind) {
		case 'citizen':
			return citizenMay(actor.citizenId, null, action, resource);
		case 'representative': {
			const { representation } = actor;
			if (action === 'write' && representation.scope !== 'full') return false;
			return citizenMay(representation.citizenId, representation.departmentIds, action, resource);
		}
		case 'staff':
			return staffMay(actor, action, resource);
	}
}

/** Rules 1 and 2: the citizen's own data, citizen-visible parts only, within a representation. */
function citizenMay(
	citizenId: string,
	departmentIds: readonly string[] | null,
	action: Action,
	resource: Resource
): boolean {
	if (resource.kind === 'auditLog' || resource.kind === 'administration') return false;
	if (resource.citizen.citizenId !== citizenId) return false;
	const limited = departmentIds !== null;
	const inScope = (departmentId: string | null) =>
		!limited || (departmentId !== null && departmentIds.includes(departmentId));
	if (!representationCovers(departmentIds, resource.kind)) return false;
	switch (resource.kind) {
		case 'citizen':
			// Writing: their own contact details and language. Not for a limited representation.
			return action === 'read' || !limited;
		case 'case':
			return action === 'read' && inScope(resource.departmentId);
		case 'journey':
			return action === 'read';
		case 'timelineEntry':
			// Citizens write through answers, tasks and messages, never directly on the timeline.
			return action === 'read' && isCitizenVisible(resource) && inScope(resource.departmentId);
		case 'meeting':
			// Writing is answering the invitation.
			return true;
		case 'task':
			// Writing is marking the task done.
			return resource.assignee === 'citizen' && inScope(resource.departmentId);
		case 'messages':
			return true;
		case 'document':
			return action === 'read' && isCitizenVisible(resource) && inScope(resource.departmentId);
		case 'consent':
		case 'analogFlag':
			// Giving and withdrawing consent; choosing letters by post.
			return true;
		case 'representation':
		case 'citizenAudit':
		case 'citizenExport':
			return action === 'read';
	}
}

/** Rule 3: a member of staff sees a citizen while their department has an open case, or coordinates. */
export function staffSeesCitizen(
	actor: Extract<Actor, { kind: 'staff' }>,
	citizen: CitizenFacts
): boolean {
	if (!worksOnCases(actor)) return false;
	return (
		(actor.departmentId !== null && citizen.openCaseDepartmentIds.includes(actor.departmentId)) ||
		citizen.coordinatorIds.includes(actor.staffId)
	);
}

/** A staff member who may see a journey: on it with an open case of their department, or its coordinator. */
export function staffSeesJourney(
	actor: Extract<Actor, { kind: 'staff' }>,
	citizen: CitizenFacts,
	journey: JourneyFacts
): boolean {
	if (!staffSeesCitizen(actor, citizen)) return false;
	return (
		journey.coordinatorId === actor.staffId ||
		(actor.departmentId !== null && journey.openCaseDepartmentIds.includes(actor.departmentId))
	);
}

/** Rule 4: what another department wrote needs the citizen's consent for the reader's department. */
export function hasConsent(
	actor: Extract<Actor, { kind: 'staff' }>,
	citizen: CitizenFacts
): boolean {
	return actor.departmentId !== null && citizen.consentedDepartmentIds.includes(actor.departmentId);
}

/** Own department's (or nobody's) information, or another's with consent. */
function staffMayReadDepartment(
	actor: Extract<Actor, { kind: 'staff' }>,
	citizen: CitizenFacts,
	departmentId: string | null
): boolean {
	return departmentId === null || departmentId === actor.departmentId || hasConsent(actor, citizen);
}

/** Caseworkers and coordinators work on cases; administrators and auditors do not (rule 5). */
function worksOnCases(actor: Extract<Actor, { kind: 'staff' }>): boolean {
	return (
		(actor.role === 'caseworker' || actor.role === 'coordinator') && actor.departmentId !== null
	);
}

/** Coordination of a journey: its coordinator, or a coordinator by role on the journey. */
export function staffCoordinates(
	actor: Extract<Actor, { kind: 'staff' }>,
	citizen: CitizenFacts,
	journey: JourneyFacts
): boolean {
	if (!staffSeesJourney(actor, citizen, journey)) return false;
	return journey.coordinatorId === actor.staffId || actor.role === 'coordinator';
}

function staffMay(
	actor: Extract<Actor, { kind: 'staff' }>,
	action: Action,
	resource: Resource
): boolean {
	if (resource.kind === 'administration') return actor.role === 'admin';
	if (resource.kind === 'auditLog') return actor.role === 'auditor' && action === 'read';
	if (resource.kind === 'citizenAudit') return actor.role === 'auditor' && action === 'read';
	if (resource.kind === 'citizenExport') return false;
	const citizen = resource.citizen;
	if (!staffSeesCitizen(actor, citizen)) return false;
	switch (resource.kind) {
		case 'citizen':
			// Staff see name, address and contact details; the citizen keeps them up to date.
			return action === 'read';
		case 'case':
			return action === 'read'
				? staffMayReadDepartment(actor, citizen, resource.departmentId)
				: resource.departmentId === actor.departmentId;
		case 'journey':
			return action === 'read'
				? staffSeesJourney(actor, citizen, resource.journey)
				: staffCoordinates(actor, citizen, resource.journey);
		case 'timelineEntry':
			if (!staffSeesJourney(actor, citizen, resource.journey)) return false;
			// A new entry is written in the name of the writer's own department.
			return action === 'read'
				? staffMayReadDepartment(actor, citizen, resource.departmentId)
				: resource.departmentId === actor.departmentId;
		case 'meeting': {
			if (!staffSeesJourney(actor, citizen, resource.journey)) return false;
			if (action === 'write') {
				return (
					staffCoordinates(actor, citizen, resource.journey) ||
					(resource.organizerId !== null && resource.organizerId === actor.staffId)
				);
			}
			return (
				resource.organizerId === actor.staffId ||
				resource.journey.coordinatorId === actor.staffId ||
				(actor.departmentId !== null && resource.departmentIds.includes(actor.departmentId)) ||
				hasConsent(actor, citizen)
			);
		}
		case 'task':
			if (resource.journey && !staffSeesJourney(actor, citizen, resource.journey)) return false;
			if (resource.assignedStaffId === actor.staffId) return true;
			return action === 'read'
				? staffMayReadDepartment(actor, citizen, resource.departmentId)
				: resource.departmentId === null || resource.departmentId === actor.departmentId;
		case 'messages':
			// The thread is the citizen's conversation with the journey: its coordinator, and
			// departments on the journey that the citizen has let see the shared information.
			return (
				staffSeesJourney(actor, citizen, resource.journey) &&
				(resource.journey.coordinatorId === actor.staffId || hasConsent(actor, citizen))
			);
		case 'document':
			if (resource.journey && !staffSeesJourney(actor, citizen, resource.journey)) return false;
			return action === 'read' && staffMayReadDepartment(actor, citizen, resource.departmentId);
		case 'consent':
		case 'representation':
		case 'analogFlag':
			// Read, and record on the citizen's behalf (consent on paper, a power of attorney, the
			// exemption from Digital Post).
			return true;
	}
}

/**
 * Which timeline entries of a journey the actor sees, as a filter a query can apply (the list is
 * paged in SQL, so it cannot be filtered afterwards). `can()` for each entry agrees with it; the
 * matrix test checks that. Null: not the journey at all.
 */
export interface TimelineFilter {
	visibilities: readonly Visibility[];
	/** 'all', or entries of these departments plus those of no department. */
	departmentIds: 'all' | readonly string[];
	/** True when entries of other departments exist for others but not for this reader. */
	hidesOtherDepartments: boolean;
}

/** Rule 1 for one entry or document: the citizen's side sees it only when it is citizen-visible. */
export function isCitizenVisible(item: { visibility: Visibility }): boolean {
	return item.visibility === 'citizen';
}

/**
 * Rule 1 as a filter: the citizen's side sees only citizen-visible entries, within the departments
 * of a limited representation (null: all). Also what the citizen's documents and "my data" show.
 */
export function citizenTimelineFilter(departmentIds: readonly string[] | null): TimelineFilter {
	return {
		visibilities: ['citizen'],
		departmentIds: departmentIds ?? 'all',
		hidesOtherDepartments: false
	};
}

export function timelineFilter(
	actor: Actor,
	citizen: CitizenFacts,
	journey: JourneyFacts
): TimelineFilter | null {
	const probe: Resource = { kind: 'journey', citizen, journey };
	if (!can(actor, 'read', probe)) return null;
	if (actor.kind !== 'staff') {
		return citizenTimelineFilter(
			actor.kind === 'representative' ? actor.representation.departmentIds : null
		);
	}
	const all = hasConsent(actor, citizen);
	return {
		visibilities: ['citizen', 'staff'],
		departmentIds: all ? 'all' : actor.departmentId ? [actor.departmentId] : [],
		hidesOtherDepartments: !all
	};
}

// Rules 1 and 2 for the portal's pages: whose data a logged-in citizen sees, and how much of it.

export interface RepresentationFacts {
	/** The representation that lets the logged-in citizen act for another, valid today. */
	scope: RepresentationScope;
	/** Departments the representation covers; null covers them all. */
	departmentIds: string[] | null;
}

export interface CitizenScope {
	/** Whose cases, journeys and tasks are shown. */
	citizenId: string;
	/** Only cases (and their tasks) of these departments; null: every department. */
	departmentIds: string[] | null;
	/**
	 * Journey-wide items (coordinator, meetings, messages, the plan) belong to no single department,
	 * so a representation limited to some departments does not cover them.
	 */
	includesJourneys: boolean;
	/** May answer, write and change on the citizen's behalf (a read-only representation may not). */
	mayAct: boolean;
	representing: boolean;
}

export function citizenScope(facts: {
	loggedInCitizenId: string;
	actingForCitizenId: string | null;
	representation: RepresentationFacts | null;
}): CitizenScope | null {
	if (!facts.actingForCitizenId || facts.actingForCitizenId === facts.loggedInCitizenId) {
		return {
			citizenId: facts.loggedInCitizenId,
			departmentIds: null,
			includesJourneys: true,
			mayAct: true,
			representing: false
		};
	}
	// Acting for someone without a representation valid today: nothing at all.
	if (!facts.representation) return null;
	const limited = facts.representation.departmentIds !== null;
	return {
		citizenId: facts.actingForCitizenId,
		departmentIds: facts.representation.departmentIds,
		includesJourneys: !limited,
		mayAct: facts.representation.scope === 'full',
		representing: true
	};
}

/**
 * Whether the scope reaches a kind of object at all, before any is loaded: the portal's guard for
 * a page about such objects ('citizen' for the overview, 'journey' for journey-wide pages,
 * 'citizenExport' for the pages about the whole person).
 */
export function scopeCovers(scope: CitizenScope, kind: ResourceKind): boolean {
	return representationCovers(scope.departmentIds, kind);
}

/** The portal's view of the same rules: the logged-in citizen or representative as an Actor. */
export function actorFromScope(loggedInCitizenId: string, scope: CitizenScope): Actor {
	if (!scope.representing) return { kind: 'citizen', citizenId: scope.citizenId };
	return {
		kind: 'representative',
		citizenId: loggedInCitizenId,
		representation: {
			citizenId: scope.citizenId,
			scope: scope.mayAct ? 'full' : 'read_only',
			departmentIds: scope.departmentIds
		}
	};
}

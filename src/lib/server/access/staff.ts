// What every staff page and action about a citizen starts with: the guard, the policy's facts for
// this request, the citizen's banner (name, how to reach them, the analog flag, missing consent) and
// the audit trail. Unauthorised access to an existing citizen or journey answers 404, exactly as a
// missing one.
import { error, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import { loadCitizenFacts, loadJourneyAccess } from '../db/access-facts';
import { currentAnalogFlag } from '../db/analog';
import { citizenContactCard } from '../db/citizens';
import { departmentNames } from '../db/departments';
import { recordAuditEvent } from '../db/audit';
import type { Database } from '../db/schema';
import type { AnalogReason, StaffRole } from '../../domain';
import { auditRow, purposeFor, type AuditFields } from '../events/actor';
import {
	can,
	hasConsent,
	type Actor,
	type CitizenFacts,
	type JourneyFacts,
	type Resource
} from './policy';
import type { Executor } from '../db/executor';

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

/** Roles that work on cases; administrators and auditors never see case content (rule 5). */
export const CASE_ROLES: readonly StaffRole[] = ['caseworker', 'coordinator'];

/** What every staff page about a citizen shows at the top. Serialisable, for the page data. */
export interface CitizenBanner {
	id: string;
	name: string;
	coName: string | null;
	addressLine: string | null;
	/** Name and address protection: the address is not shown (it is null here). */
	addressProtected: boolean;
	postalCode: string | null;
	city: string | null;
	phone: string | null;
	email: string | null;
	/** Set while the citizen gets everything on paper. */
	analog: { reason: AnalogReason | null; note: string | null; since: string } | null;
	/** True when the reader's department has no consent: other departments' entries are hidden. */
	consentMissing: boolean;
	/** The reader's own department, for the consent notice. */
	readerDepartment: { name: string; nameEn: string } | null;
}

export interface StaffCitizenContext {
	db: Kysely<Database>;
	actor: StaffActor;
	staff: NonNullable<App.Locals['staff']>;
	citizen: CitizenFacts;
	banner: CitizenBanner;
}

export interface StaffJourneyContext extends StaffCitizenContext {
	journey: JourneyFacts;
}

export function staffActor(staff: NonNullable<App.Locals['staff']>): StaffActor {
	return { kind: 'staff', staffId: staff.id, role: staff.role, departmentId: staff.departmentId };
}

function notFound(): never {
	error(404, 'Not Found');
}

async function loadBanner(
	db: Executor,
	actor: StaffActor,
	facts: CitizenFacts
): Promise<CitizenBanner> {
	const [row, flag, department] = await Promise.all([
		citizenContactCard(db, facts.citizenId),
		currentAnalogFlag(db, facts.citizenId),
		actor.departmentId ? departmentNames(db, actor.departmentId) : undefined
	]);
	return {
		id: row.id,
		name: row.name,
		coName: row.co_name,
		addressLine: row.address_line,
		postalCode: row.postal_code,
		city: row.city,
		addressProtected: row.address_protected,
		phone: row.phone,
		email: row.email,
		analog: flag?.analog
			? { reason: flag.reason, note: flag.note, since: flag.changed_at.toISOString() }
			: null,
		consentMissing: !hasConsent(actor, facts),
		readerDepartment: department ? { name: department.name, nameEn: department.name_en } : null
	};
}

/**
 * The guard for a staff page or action about one citizen: redirects to the staff login when nobody
 * is logged in, and answers 404 unless the policy lets this member of staff see the citizen.
 */
export async function staffCitizen(
	event: RequestEvent,
	citizenId: string
): Promise<StaffCitizenContext> {
	const { staff } = requireStaff(event, CASE_ROLES);
	const db = getDb();
	const actor = staffActor(staff);
	const facts = await loadCitizenFacts(db, citizenId);
	if (!facts || !can(actor, 'read', { kind: 'citizen', citizen: facts })) notFound();
	return { db, actor, staff, citizen: facts, banner: await loadBanner(db, actor, facts) };
}

/** The guard for a staff page or action about one journey: 404 unless the policy allows it. */
export async function staffJourney(
	event: RequestEvent,
	journeyId: string
): Promise<StaffJourneyContext> {
	const { staff } = requireStaff(event, CASE_ROLES);
	const db = getDb();
	const actor = staffActor(staff);
	const access = await loadJourneyAccess(db, journeyId);
	if (!access) notFound();
	const { journey, citizen: facts } = access;
	if (!can(actor, 'read', { kind: 'journey', citizen: facts, journey })) notFound();
	return {
		db,
		actor,
		staff,
		citizen: facts,
		journey,
		banner: await loadBanner(db, actor, facts)
	};
}

/** 404 unless the policy allows `action` on `resource`: the same answer as for a missing object. */
export function allowOr404(
	context: { actor: StaffActor },
	action: 'read' | 'write',
	resource: Resource
): void {
	if (!can(context.actor, action, resource)) notFound();
}

export { purposeFor, type StaffPurpose } from '../events/actor';

/**
 * Records what a member of staff read, searched, changed or exported (docs/RULES.md, access rule 6): who, in
 * which role and department, what, about which citizen, and why. Call it in the same transaction
 * as a change, so a change is never stored without its audit row.
 */
export async function auditStaff(
	db: Executor,
	actor: StaffActor,
	event: AuditFields
): Promise<void> {
	await recordAuditEvent(db, auditRow(actor, event));
}

/** Shorthand for the common case: a read of an object about the context's citizen. */
export async function auditStaffRead(
	context: StaffCitizenContext,
	objectType: string,
	objectId?: string | null
): Promise<void> {
	await auditStaff(context.db, context.actor, {
		action: 'read',
		objectType,
		objectId: objectId ?? null,
		citizenId: context.citizen.citizenId,
		purpose: purposeFor(context.actor, context.citizen)
	});
}

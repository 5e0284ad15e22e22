// SQL for login sessions. The policy (token format, timeouts, when to touch) lives in
// src/lib/server/auth/session.ts; this module only reads and writes rows.
import type { Selectable } from 'kysely';
import type { SessionsTable } from './schema';
import type { Language, StaffRole } from '../../domain';
import type { Executor } from './executor';

export type SessionRow = Selectable<SessionsTable>;

/** A session row with the people it speaks of, loaded in one query for every request. */
export interface SessionWithPrincipal {
	session: SessionRow;
	citizen: { id: string; name: string; preferredLanguage: Language } | null;
	staff: {
		id: string;
		name: string;
		email: string;
		role: StaffRole;
		departmentId: string | null;
		active: boolean;
	} | null;
	actingFor: { id: string; name: string } | null;
}

export async function insertSession(
	db: Executor,
	row: {
		id: string;
		citizen_id: string | null;
		staff_user_id: string | null;
		assurance_level: string | null;
		created_at: Date;
		last_seen_at: Date;
		expires_at: Date;
	}
): Promise<SessionRow> {
	return db.insertInto('sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * The session with this id, joined with its citizen or staff user and the citizen acted for.
 * One round trip per request: this runs before every authenticated page.
 */
export async function findSessionWithPrincipal(
	db: Executor,
	id: string
): Promise<SessionWithPrincipal | null> {
	const row = await db
		.selectFrom('sessions')
		.leftJoin('citizens as c', 'c.id', 'sessions.citizen_id')
		.leftJoin('staff_users as s', 's.id', 'sessions.staff_user_id')
		.leftJoin('citizens as af', 'af.id', 'sessions.acting_for_citizen_id')
		.selectAll('sessions')
		.select([
			'c.name as citizen_name',
			'c.preferred_language as citizen_language',
			's.name as staff_name',
			's.email as staff_email',
			's.role as staff_role',
			's.department_id as staff_department_id',
			's.active as staff_active',
			'af.name as acting_for_name'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return null;
	const session: SessionRow = {
		id: row.id,
		citizen_id: row.citizen_id,
		staff_user_id: row.staff_user_id,
		acting_for_citizen_id: row.acting_for_citizen_id,
		assurance_level: row.assurance_level,
		created_at: row.created_at,
		last_seen_at: row.last_seen_at,
		expires_at: row.expires_at
	};
	return {
		session,
		citizen:
			row.citizen_id !== null && row.citizen_name !== null
				? {
						id: row.citizen_id,
						name: row.citizen_name,
						preferredLanguage: row.citizen_language ?? 'da'
					}
				: null,
		staff:
			row.staff_user_id !== null &&
			row.staff_name !== null &&
			row.staff_email !== null &&
			row.staff_role !== null
				? {
						id: row.staff_user_id,
						name: row.staff_name,
						email: row.staff_email,
						role: row.staff_role,
						departmentId: row.staff_department_id,
						active: row.staff_active === true
					}
				: null,
		actingFor:
			row.acting_for_citizen_id !== null && row.acting_for_name !== null
				? { id: row.acting_for_citizen_id, name: row.acting_for_name }
				: null
	};
}

export async function touchSession(db: Executor, id: string, lastSeenAt: Date): Promise<void> {
	await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsForCitizen(db: Executor, citizenId: string): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where('citizen_id', '=', citizenId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

export async function deleteSessionsForStaff(db: Executor, staffUserId: string): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where('staff_user_id', '=', staffUserId)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

/**
 * Sets or clears the citizen a representative acts for. Only citizen sessions can act for someone,
 * so a staff session is left alone (and false returned).
 */
export async function updateActingFor(
	db: Executor,
	id: string,
	actingForCitizenId: string | null
): Promise<boolean> {
	const result = await db
		.updateTable('sessions')
		.set({ acting_for_citizen_id: actingForCitizenId })
		.where('id', '=', id)
		.where('citizen_id', 'is not', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Deletes sessions past their absolute expiry or idle since before `idleCutoff`. */
export async function deleteSessionsExpiredAt(
	db: Executor,
	now: Date,
	idleCutoff: Date
): Promise<number> {
	const result = await db
		.deleteFrom('sessions')
		.where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}

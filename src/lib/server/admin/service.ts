// Administration's changes: each change and its audit row in one transaction, so a
// change is never without its record and a failed audit write undoes the change.
import type { Kysely } from 'kysely';
import type { FieldErrors } from '../../forms';
import type { AdminKey } from '../../i18n/admin';
import { invalidateAllSessionsForStaff } from '../auth/session';
import { createApiKey, revokeApiKey } from '../db/api-keys';
import {
	departmentSlugTaken,
	findDepartment,
	insertDepartment,
	insertStaffUser,
	lockActiveAdmins,
	lockStaffUser,
	setStaffUserActive,
	staffEmailTaken,
	updateDepartment,
	updateStaffUser,
	type DepartmentInput,
	type StaffUserInput
} from '../db/admin';
import {
	saveMunicipalitySettings,
	type LogoContentType,
	type MunicipalityTextSettings
} from '../db/municipality-settings';
import type { Database } from '../db/schema';
import { auditStaff, type StaffActor } from '../access/staff';
import { clearMunicipalityCache } from './municipality';

type Db = Kysely<Database>;
type Outcome<T = string> =
	{ ok: true; id: T } | { ok: false; errors: FieldErrors<AdminKey> } | null;

/** Audit object types written here (audit-text.ts words them). */
export const AUDIT = {
	department: 'department',
	staffUser: 'staff_user',
	apiKey: 'api_key',
	settings: 'municipality_settings'
} as const;

export async function createDepartment(
	db: Db,
	actor: StaffActor,
	input: DepartmentInput
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (await departmentSlugTaken(trx, input.slug, null)) {
			return { ok: false, errors: { slug: 'adErrSlugTaken' } };
		}
		const id = await insertDepartment(trx, input);
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: AUDIT.department,
			objectId: id,
			citizenId: null
		});
		return { ok: true, id };
	});
}

/** null: no such department. */
export async function changeDepartment(
	db: Db,
	actor: StaffActor,
	id: string,
	input: DepartmentInput
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (!(await findDepartment(trx, id))) return null;
		if (await departmentSlugTaken(trx, input.slug, id)) {
			return { ok: false, errors: { slug: 'adErrSlugTaken' } };
		}
		await updateDepartment(trx, id, input);
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: AUDIT.department,
			objectId: id,
			citizenId: null
		});
		return { ok: true, id };
	});
}

export async function createStaffUser(
	db: Db,
	actor: StaffActor,
	input: StaffUserInput
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (await staffEmailTaken(trx, input.email, null)) {
			return { ok: false, errors: { email: 'adErrEmailTaken' } };
		}
		const id = await insertStaffUser(trx, input);
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: AUDIT.staffUser,
			objectId: id,
			citizenId: null
		});
		return { ok: true, id };
	});
}

/**
 * Changes name, role, department and phone. A change of role or department ends the person's
 * sessions, so the new rights apply from the next request. Refuses to take away the last active
 * administrator's role. null: no such staff user.
 */
export async function changeStaffUser(
	db: Db,
	actor: StaffActor,
	id: string,
	input: Pick<StaffUserInput, 'name' | 'role' | 'departmentId' | 'phone'>
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		const admins = await lockActiveAdmins(trx);
		const user = await lockStaffUser(trx, id);
		if (!user) return null;
		if (user.role === 'admin' && input.role !== 'admin' && user.active && admins.length <= 1) {
			return { ok: false, errors: { role: 'adErrLastAdmin' } };
		}
		await updateStaffUser(trx, id, input);
		if (user.role !== input.role || user.departmentId !== input.departmentId) {
			await invalidateAllSessionsForStaff(trx, id);
		}
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: AUDIT.staffUser,
			objectId: id,
			citizenId: null
		});
		return { ok: true, id };
	});
}

/**
 * Deactivates (ending every session at once) or reactivates a staff user. Refuses to deactivate
 * oneself or the last active administrator. null: no such staff user.
 */
export async function setStaffActive(
	db: Db,
	actor: StaffActor,
	id: string,
	active: boolean
): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		const admins = await lockActiveAdmins(trx);
		const user = await lockStaffUser(trx, id);
		if (!user) return null;
		if (!active) {
			if (id === actor.staffId) return { ok: false, errors: { active: 'adErrDeactivateSelf' } };
			if (user.role === 'admin' && user.active && admins.length <= 1) {
				return { ok: false, errors: { active: 'adErrLastAdmin' } };
			}
		}
		const changed = await setStaffUserActive(trx, id, active);
		if (!changed) return { ok: true, id };
		if (!active) await invalidateAllSessionsForStaff(trx, id);
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: AUDIT.staffUser,
			objectId: id,
			citizenId: null,
			purpose: active ? 'reactivate' : 'deactivate'
		});
		return { ok: true, id };
	});
}

/** Makes a key; the plaintext is returned once, for the answer page, and stored nowhere. */
export async function issueApiKey(
	db: Db,
	actor: StaffActor,
	input: { departmentId: string; name: string }
): Promise<{ id: string; key: string; prefix: string }> {
	return db.transaction().execute(async (trx) => {
		const made = await createApiKey(trx, { ...input, createdByStaffId: actor.staffId });
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: AUDIT.apiKey,
			objectId: made.id,
			citizenId: null
		});
		return made;
	});
}

/** False when the key does not exist or was already revoked. */
export async function withdrawApiKey(db: Db, actor: StaffActor, id: string): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (!(await revokeApiKey(trx, id, actor.staffId))) return false;
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: AUDIT.apiKey,
			objectId: id,
			citizenId: null,
			purpose: 'revoke'
		});
		return true;
	});
}

export async function saveSettings(
	db: Db,
	actor: StaffActor,
	input: MunicipalityTextSettings & {
		logo?: { bytes: Uint8Array; contentType: LogoContentType } | null;
	}
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await saveMunicipalitySettings(trx, input, actor.staffId);
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: AUDIT.settings,
			citizenId: null
		});
	});
	clearMunicipalityCache();
}

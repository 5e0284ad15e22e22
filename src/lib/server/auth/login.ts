// What a verified ID token means for Sammen: which citizen or staff user logs in, or why not.
// Every login and every refusal is written to the audit trail, and no CPR number leaves here.
import type { Kysely } from 'kysely';
import { encryptCpr, hashCpr, normalizeCpr, type CprKeys } from '../crypto/cpr';
import { recordAuditEvent } from '../db/audit';
import { createCitizen, findCitizenIdByCprHash } from '../db/citizens';
import type { Database } from '../db/schema';
import type { Language } from '../../domain';
import { findActiveStaffByLogin } from '../db/staff';
import {
	meetsMinimum,
	readLoa,
	readString,
	type CitizenSettings,
	type Loa,
	type StaffSettings
} from './oidc';

/** Why a login was refused; each has its own explanation on the refusal page. */
export type RefusalReason =
	| 'loa_too_low'
	| 'missing_cpr'
	| 'unknown_staff'
	| 'missing_claim'
	| 'expired'
	| 'failed'
	| 'cancelled';

export const REFUSAL_REASONS: readonly RefusalReason[] = [
	'loa_too_low',
	'missing_cpr',
	'unknown_staff',
	'missing_claim',
	'expired',
	'failed',
	'cancelled'
];

export type CitizenLoginResult =
	| {
			ok: true;
			citizenId: string;
			name: string;
			loa: Loa;
			created: boolean;
			/** The language the citizen chose in their settings. */
			language: Language;
	  }
	| { ok: false; reason: RefusalReason };

export async function citizenFromClaims(
	db: Kysely<Database>,
	keys: CprKeys,
	settings: CitizenSettings,
	claims: Record<string, unknown>
): Promise<CitizenLoginResult> {
	const rawCpr = readString(claims, settings.cprClaim);
	const cpr = rawCpr ? normalizeCpr(rawCpr) : null;
	const loa = readLoa(settings, claims);
	if (!cpr) {
		await recordRefusal(db, 'citizen', 'missing_cpr', null);
		return { ok: false, reason: 'missing_cpr' };
	}
	const cprHash = hashCpr(keys, cpr);
	const existing = await findCitizenIdByCprHash(db, cprHash);
	// The level comes from what the provider returned, never from what we asked for.
	if (!loa || !meetsMinimum(loa, settings.minLoa)) {
		await recordRefusal(db, 'citizen', 'loa_too_low', existing?.id ?? null);
		return { ok: false, reason: 'loa_too_low' };
	}
	const name = readString(claims, 'name') ?? 'Borger';
	return db.transaction().execute(async (trx) => {
		const found = await findCitizenIdByCprHash(trx, cprHash);
		const citizen =
			found ?? (await createCitizen(trx, { cprEncrypted: encryptCpr(keys, cpr), cprHash, name }));
		await recordAuditEvent(trx, {
			actor_type: 'citizen',
			actor_citizen_id: citizen.id,
			action: 'login',
			object_type: 'session',
			citizen_id: citizen.id,
			purpose: `loa:${loa}`
		});
		return {
			ok: true,
			citizenId: citizen.id,
			name: citizen.name,
			loa,
			created: !found,
			language: citizen.preferred_language
		};
	});
}

export type StaffLoginResult =
	{ ok: true; staffUserId: string; name: string } | { ok: false; reason: RefusalReason };

export async function staffFromClaims(
	db: Kysely<Database>,
	settings: StaffSettings,
	claims: Record<string, unknown>
): Promise<StaffLoginResult> {
	const value = readString(claims, settings.matchClaim);
	if (!value) {
		await recordRefusal(db, 'staff', 'missing_claim', null);
		return { ok: false, reason: 'missing_claim' };
	}
	const staff = await findActiveStaffByLogin(
		db,
		settings.matchClaim === 'sub' ? { subject: value } : { email: value }
	);
	if (!staff) {
		// Nothing is created for an unknown person: only the refusal is recorded.
		await recordRefusal(db, 'staff', 'unknown_staff', null);
		return { ok: false, reason: 'unknown_staff' };
	}
	await recordAuditEvent(db, {
		actor_type: 'staff',
		actor_staff_id: staff.id,
		actor_department_id: staff.department_id,
		actor_role: staff.role,
		action: 'login',
		object_type: 'session'
	});
	return { ok: true, staffUserId: staff.id, name: staff.name };
}

export async function recordRefusal(
	db: Kysely<Database>,
	kind: 'citizen' | 'staff',
	reason: RefusalReason,
	citizenId: string | null
): Promise<void> {
	await recordAuditEvent(db, {
		actor_type: 'system',
		action: 'login',
		object_type: kind === 'citizen' ? 'citizen_login_refused' : 'staff_login_refused',
		citizen_id: citizenId,
		purpose: reason
	});
}

// API keys for department systems. A key is shown once when it is made; only its SHA-256
// is stored. A key belongs to one department and can only reach that department's data.
import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import * as clock from '../clock';
import type { Executor } from './executor';

/** Every key starts with this, so secret scanners and people can recognise one. */
export const API_KEY_PREFIX = 'sammen_';
/** How much of the key is stored in clear and shown in lists ("sammen_abcdefgh…"). */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 8;

export function hashApiKey(key: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(key)));
}

export interface ApiKeySummary {
	id: string;
	departmentId: string;
	departmentName: string;
	name: string;
	prefix: string;
	createdAt: Date;
	createdByName: string | null;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

/** Makes a key; the returned `key` is the only time the secret exists outside the caller. */
export async function createApiKey(
	db: Executor,
	input: { departmentId: string; name: string; createdByStaffId: string | null }
): Promise<{ id: string; key: string; prefix: string }> {
	const key = API_KEY_PREFIX + encodeBase32LowerCaseNoPadding(randomBytes(32));
	const prefix = key.slice(0, SHOWN_LENGTH);
	const row = await db
		.insertInto('api_keys')
		.values({
			created_at: clock.now(),
			department_id: input.departmentId,
			name: input.name,
			prefix,
			secret_hash: hashApiKey(key),
			created_by_staff_id: input.createdByStaffId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id: row.id, key, prefix };
}

/** The department of an active key, or null for an unknown or revoked one. */
export async function findActiveApiKey(
	db: Executor,
	key: string
): Promise<{ id: string; departmentId: string; prefix: string } | null> {
	if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
	const row = await db
		.selectFrom('api_keys')
		.select(['id', 'department_id', 'prefix'])
		.where('secret_hash', '=', hashApiKey(key))
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return row ? { id: row.id, departmentId: row.department_id, prefix: row.prefix } : null;
}

/** Records that a key was used (at most once a minute, so busy keys do not write on every call). */
export async function touchApiKey(
	db: Executor,
	id: string,
	now: Date = clock.now()
): Promise<void> {
	await db
		.updateTable('api_keys')
		.set({ last_used_at: now })
		.where('id', '=', id)
		.where((eb) =>
			eb.or([
				eb('last_used_at', 'is', null),
				eb('last_used_at', '<', new Date(now.getTime() - 60_000))
			])
		)
		.execute();
}

/** Revokes a key at once; returns false when it does not exist or was already revoked. */
export async function revokeApiKey(
	db: Executor,
	id: string,
	staffId: string | null
): Promise<boolean> {
	const result = await db
		.updateTable('api_keys')
		.set({ revoked_at: clock.now(), revoked_by_staff_id: staffId })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Every key, newest first, optionally for one department. */
export async function listApiKeys(db: Executor, departmentId?: string): Promise<ApiKeySummary[]> {
	let query = db
		.selectFrom('api_keys as k')
		.innerJoin('departments as d', 'd.id', 'k.department_id')
		.leftJoin('staff_users as s', 's.id', 'k.created_by_staff_id')
		.select([
			'k.id',
			'k.department_id',
			'd.name as department_name',
			'k.name',
			'k.prefix',
			'k.created_at',
			's.name as created_by_name',
			'k.last_used_at',
			'k.revoked_at'
		])
		.orderBy('k.created_at', 'desc')
		.orderBy('k.id');
	if (departmentId) query = query.where('k.department_id', '=', departmentId);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		departmentId: r.department_id,
		departmentName: r.department_name,
		name: r.name,
		prefix: r.prefix,
		createdAt: r.created_at,
		createdByName: r.created_by_name,
		lastUsedAt: r.last_used_at,
		revokedAt: r.revoked_at
	}));
}

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenFromClaims, staffFromClaims } from '../../src/lib/server/auth/login';
import { CITIZEN_PRESETS, type CitizenSettings } from '../../src/lib/server/auth/oidc';
import * as clock from '../../src/lib/server/clock';
import { decryptCpr, deriveCprKeys, hashCpr } from '../../src/lib/server/crypto/cpr';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';

const keys = deriveCprKeys(Buffer.alloc(32, 3));

function settings(preset: keyof typeof CITIZEN_PRESETS): CitizenSettings {
	const p = CITIZEN_PRESETS[preset];
	return {
		preset,
		demoOrigin: null,
		issuer: 'http://127.0.0.1:1',
		clientId: 'c',
		clientSecret: 's',
		scopes: p.scopes,
		acrValues: p.acrValues,
		cprClaim: p.cprClaim,
		loaClaim: p.loaClaim,
		levels: p.levels,
		minLoa: 'substantial'
	};
}

describe.each(testDialects())('what a login means, on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openTestDatabase(dialect);
		const department = await t.db
			.insertInto('departments')
			.values({
				slug: 'jobcenter',
				name: 'Jobcenter',
				name_en: 'Job centre',
				kle_area: '15',
				created_at: clock.now()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('staff_users')
			.values({
				email: 'lone@kommune.example',
				name: 'Lone Madsen',
				role: 'caseworker',
				department_id: department.id,
				created_at: clock.now()
			})
			.execute();
	});
	afterAll(async () => {
		await t?.close();
	});

	const count = async (table: 'citizens' | 'staff_users' | 'audit_events') =>
		(await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.db))
			.rows[0]!.n;

	it.each(['idura', 'signicat', 'nemlogin'] as const)(
		'creates the citizen at the first %s login and finds them by CPR after that',
		async (preset) => {
			const s = settings(preset);
			const cpr = { idura: '0101900011', signicat: '0101900012', nemlogin: '0101900013' }[preset];
			const claims = { [s.cprClaim]: cpr, [s.loaClaim]: s.levels.high, name: `Borger ${preset}` };
			const first = await citizenFromClaims(t.db, keys, s, claims);
			expect(first).toMatchObject({ ok: true, created: true, loa: 'high' });
			const again = await citizenFromClaims(t.db, keys, s, claims);
			expect(again).toMatchObject({ ok: true, created: false });
			if (!first.ok || !again.ok) return;
			expect(again.citizenId).toBe(first.citizenId);
			const row = await t.db
				.selectFrom('citizens')
				.selectAll()
				.where('id', '=', first.citizenId)
				.executeTakeFirstOrThrow();
			expect(row.cpr_hash).toBe(hashCpr(keys, cpr));
			expect(row.cpr_encrypted).not.toContain(cpr);
			expect(decryptCpr(keys, row.cpr_encrypted)).toBe(cpr);
			const audit = await t.db
				.selectFrom('audit_events')
				.selectAll()
				.where('citizen_id', '=', first.citizenId)
				.where('action', '=', 'login')
				.execute();
			expect(audit).toHaveLength(2);
			expect(JSON.stringify(audit)).not.toContain(cpr);
		}
	);

	it('refuses a level below the minimum, by what the provider returned', async () => {
		const s = settings('idura');
		const before = await count('citizens');
		const low = await citizenFromClaims(t.db, keys, s, {
			cprNumberIdentifier: '0202900021',
			acr: s.levels.low
		});
		expect(low).toEqual({ ok: false, reason: 'loa_too_low' });
		const unknown = await citizenFromClaims(t.db, keys, s, {
			cprNumberIdentifier: '0202900021',
			acr: 'urn:something:else'
		});
		expect(unknown).toEqual({ ok: false, reason: 'loa_too_low' });
		expect(await count('citizens')).toBe(before);
	});

	it('refuses a login without a valid CPR claim and records why', async () => {
		const s = settings('nemlogin');
		const before = await count('audit_events');
		for (const claims of [{}, { [s.cprClaim]: 'not-a-cpr' }]) {
			const result = await citizenFromClaims(t.db, keys, s, {
				...claims,
				[s.loaClaim]: s.levels.substantial
			});
			expect(result).toEqual({ ok: false, reason: 'missing_cpr' });
		}
		const rows = await t.db
			.selectFrom('audit_events')
			.select(['object_type', 'purpose'])
			.where('object_type', '=', 'citizen_login_refused')
			.where('purpose', '=', 'missing_cpr')
			.execute();
		expect(rows.length).toBeGreaterThanOrEqual(2);
		expect(await count('audit_events')).toBe(before + 2);
	});

	it('lets known staff in with their stored role, and creates nothing for anyone else', async () => {
		const staffSettings = {
			demoOrigin: null,
			issuer: 'http://127.0.0.1:1',
			clientId: 'c',
			clientSecret: 's',
			scopes: 'openid email',
			acrValues: null,
			matchClaim: 'email'
		};
		const known = await staffFromClaims(t.db, staffSettings, { email: 'LONE@kommune.example' });
		expect(known).toMatchObject({ ok: true, name: 'Lone Madsen' });
		const staffBefore = await count('staff_users');
		const citizensBefore = await count('citizens');
		const stranger = await staffFromClaims(t.db, staffSettings, { email: 'ukendt@example.org' });
		expect(stranger).toEqual({ ok: false, reason: 'unknown_staff' });
		const noClaim = await staffFromClaims(t.db, staffSettings, { sub: 'x' });
		expect(noClaim).toEqual({ ok: false, reason: 'missing_claim' });
		expect(await count('staff_users')).toBe(staffBefore);
		expect(await count('citizens')).toBe(citizensBefore);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	createSession,
	deleteExpiredSessions,
	generateSessionToken,
	invalidateAllSessionsForCitizen,
	invalidateAllSessionsForStaff,
	invalidateSession,
	sessionIdFromToken,
	setActingFor,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import * as clock from '../../src/lib/server/clock';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(testDialects())('sessions on %s', (dialect) => {
	let t: TestDatabase;
	let citizenId: string;
	let representedId: string;
	let departmentId: string;
	let staffId: string;
	const t0 = clock.now();

	async function sessionRow(token: string) {
		return t.db
			.selectFrom('sessions')
			.selectAll()
			.where('id', '=', sessionIdFromToken(token))
			.executeTakeFirst();
	}

	beforeAll(async () => {
		t = await openTestDatabase(dialect);
		const department = await t.db
			.insertInto('departments')
			.values({
				slug: 'jobcenter',
				name: 'Jobcenter',
				name_en: 'Job centre',
				kle_area: '15',
				created_at: t0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		departmentId = department.id;
		const citizens = await t.db
			.insertInto('citizens')
			.values([
				{
					cpr_encrypted: 'v1:a',
					cpr_hash: 'ha',
					name: 'Test Borger',
					preferred_language: 'en',
					created_at: t0,
					updated_at: t0
				},
				{
					cpr_encrypted: 'v1:b',
					cpr_hash: 'hb',
					name: 'Repræsenteret Borger',
					created_at: t0,
					updated_at: t0
				}
			])
			.returning(['id', 'name'])
			.execute();
		citizenId = citizens.find((c) => c.name === 'Test Borger')!.id;
		representedId = citizens.find((c) => c.name === 'Repræsenteret Borger')!.id;
		const staff = await t.db
			.insertInto('staff_users')
			.values({
				email: 'sagsbehandler@kommune.example',
				name: 'Sara Sagsbehandler',
				department_id: departmentId,
				role: 'caseworker',
				created_at: t0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		staffId = staff.id;
	});

	afterAll(async () => {
		await t?.close();
	});

	it('stores only the hash of the token and validates it, loading the citizen', async () => {
		const token = generateSessionToken();
		const created = await createSession(
			t.db,
			token,
			{ citizenId },
			{ assuranceLevel: 'substantial', now: t0 }
		);
		expect(created.id).toBe(sessionIdFromToken(token));
		expect(created.expiresAt.getTime()).toBe(t0.getTime() + 12 * HOUR);
		const rows = await t.db.selectFrom('sessions').select('id').execute();
		expect(rows.map((r) => r.id)).not.toContain(token);

		const validated = await validateSessionToken(t.db, token, new Date(t0.getTime() + 5 * MINUTE));
		expect(validated).not.toBeNull();
		expect(validated?.session).toMatchObject({
			id: created.id,
			citizenId,
			staffUserId: null,
			actingForCitizenId: null,
			assuranceLevel: 'substantial'
		});
		expect(validated?.citizen).toEqual({
			id: citizenId,
			name: 'Test Borger',
			preferredLanguage: 'en'
		});
		expect(validated?.staff).toBeNull();
		expect(validated?.actingFor).toBeNull();
	});

	it('refuses unknown and malformed tokens', async () => {
		expect(await validateSessionToken(t.db, generateSessionToken(), t0)).toBeNull();
		expect(await validateSessionToken(t.db, 'not a token', t0)).toBeNull();
		expect(await validateSessionToken(t.db, '', t0)).toBeNull();
		// The id itself is no token: knowing a row's id must not log anyone in.
		const token = generateSessionToken();
		const session = await createSession(t.db, token, { citizenId }, { now: t0 });
		expect(await validateSessionToken(t.db, session.id, t0)).toBeNull();
	});

	it('loads role and department for a staff session', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, { staffUserId: staffId }, { now: t0 });
		const validated = await validateSessionToken(t.db, token, t0);
		expect(validated?.citizen).toBeNull();
		expect(validated?.staff).toEqual({
			id: staffId,
			name: 'Sara Sagsbehandler',
			email: 'sagsbehandler@kommune.example',
			role: 'caseworker',
			departmentId
		});
		expect(validated?.session.staffUserId).toBe(staffId);
	});

	it('bumps last_seen_at, but at most once a minute', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, { citizenId }, { now: t0 });
		await validateSessionToken(t.db, token, new Date(t0.getTime() + 30_000));
		expect((await sessionRow(token))?.last_seen_at.getTime()).toBe(t0.getTime());
		const later = new Date(t0.getTime() + 2 * MINUTE);
		const validated = await validateSessionToken(t.db, token, later);
		expect(validated?.session.lastSeenAt.getTime()).toBe(later.getTime());
		expect((await sessionRow(token))?.last_seen_at.getTime()).toBe(later.getTime());
	});

	it('ends after 30 idle minutes and deletes the row', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, { citizenId }, { now: t0 });
		const seen = new Date(t0.getTime() + 10 * MINUTE);
		expect(await validateSessionToken(t.db, token, seen)).not.toBeNull();
		expect(
			await validateSessionToken(t.db, token, new Date(seen.getTime() + 31 * MINUTE))
		).toBeNull();
		expect(await sessionRow(token)).toBeUndefined();
	});

	it('ends after 12 hours however active, and deletes the row', async () => {
		const token = generateSessionToken();
		await createSession(t.db, token, { citizenId }, { now: t0 });
		let now = t0.getTime();
		for (; now + 20 * MINUTE < t0.getTime() + 12 * HOUR;) {
			now += 20 * MINUTE;
			expect(await validateSessionToken(t.db, token, new Date(now))).not.toBeNull();
		}
		expect(await validateSessionToken(t.db, token, new Date(t0.getTime() + 12 * HOUR))).toBeNull();
		expect(await sessionRow(token)).toBeUndefined();
	});

	it('is gone once invalidated', async () => {
		const token = generateSessionToken();
		const session = await createSession(t.db, token, { citizenId }, { now: t0 });
		await invalidateSession(t.db, session.id);
		expect(await validateSessionToken(t.db, token, t0)).toBeNull();
	});

	it('invalidates all sessions of one citizen or one staff user, and no others', async () => {
		const citizenTokens = [generateSessionToken(), generateSessionToken()];
		for (const token of citizenTokens) await createSession(t.db, token, { citizenId }, { now: t0 });
		const staffToken = generateSessionToken();
		await createSession(t.db, staffToken, { staffUserId: staffId }, { now: t0 });
		const otherToken = generateSessionToken();
		await createSession(t.db, otherToken, { citizenId: representedId }, { now: t0 });

		expect(await invalidateAllSessionsForCitizen(t.db, citizenId)).toBeGreaterThanOrEqual(2);
		for (const token of citizenTokens)
			expect(await validateSessionToken(t.db, token, t0)).toBeNull();
		expect(await validateSessionToken(t.db, staffToken, t0)).not.toBeNull();

		expect(await invalidateAllSessionsForStaff(t.db, staffId)).toBeGreaterThanOrEqual(1);
		expect(await validateSessionToken(t.db, staffToken, t0)).toBeNull();
		expect(await validateSessionToken(t.db, otherToken, t0)).not.toBeNull();
	});

	it('ends a staff session when the staff user is deactivated', async () => {
		const staff = await t.db
			.insertInto('staff_users')
			.values({
				email: 'fratraadt@kommune.example',
				name: 'Fratrådt',
				role: 'coordinator',
				department_id: departmentId,
				created_at: t0
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const token = generateSessionToken();
		await createSession(t.db, token, { staffUserId: staff.id }, { now: t0 });
		expect(await validateSessionToken(t.db, token, t0)).not.toBeNull();
		await t.db
			.updateTable('staff_users')
			.set({ active: false })
			.where('id', '=', staff.id)
			.execute();
		expect(await validateSessionToken(t.db, token, t0)).toBeNull();
		expect(await sessionRow(token)).toBeUndefined();
	});

	it('records whom a representative acts for, on citizen sessions only', async () => {
		await t.db
			.insertInto('representatives')
			.values({
				citizen_id: representedId,
				representative_citizen_id: citizenId,
				scope: 'full',
				basis: 'power_of_attorney',
				// Valid for a while already, today included.
				valid_from: new DemoClock(t0).date(-30),
				created_at: t0
			})
			.execute();
		const token = generateSessionToken();
		const session = await createSession(t.db, token, { citizenId }, { now: t0 });
		expect(await setActingFor(t.db, session.id, representedId)).toBe(true);
		let validated = await validateSessionToken(t.db, token, t0);
		expect(validated?.actingFor).toEqual({ id: representedId, name: 'Repræsenteret Borger' });
		expect(validated?.session.actingForCitizenId).toBe(representedId);
		expect(validated?.citizen?.id).toBe(citizenId);

		expect(await setActingFor(t.db, session.id, null)).toBe(true);
		validated = await validateSessionToken(t.db, token, t0);
		expect(validated?.actingFor).toBeNull();

		const staffToken = generateSessionToken();
		const staffSession = await createSession(
			t.db,
			staffToken,
			{ staffUserId: staffId },
			{ now: t0 }
		);
		expect(await setActingFor(t.db, staffSession.id, representedId)).toBe(false);
	});

	it('stops acting for someone as soon as the representation has ended', async () => {
		const token = generateSessionToken();
		const session = await createSession(t.db, token, { citizenId }, { now: t0 });
		await setActingFor(t.db, session.id, representedId);
		expect((await validateSessionToken(t.db, token, t0))?.actingFor?.id).toBe(representedId);
		await t.db
			.updateTable('representatives')
			.set({ ended_at: t0 })
			.where('representative_citizen_id', '=', citizenId)
			.execute();
		const validated = await validateSessionToken(t.db, token, t0);
		expect(validated?.citizen?.id).toBe(citizenId);
		expect(validated?.actingFor).toBeNull();
		expect(validated?.session.actingForCitizenId).toBeNull();
		expect((await sessionRow(token))?.acting_for_citizen_id).toBeNull();
	});

	it('deletes expired and idle sessions in bulk, keeping live ones', async () => {
		const late = new Date(t0.getTime() + 24 * HOUR);
		const live = generateSessionToken();
		await createSession(t.db, live, { citizenId }, { now: new Date(late.getTime() - 5 * MINUTE) });
		const idle = generateSessionToken();
		await createSession(t.db, idle, { citizenId }, { now: new Date(late.getTime() - 45 * MINUTE) });
		const old = generateSessionToken();
		await createSession(t.db, old, { citizenId }, { now: t0 });

		expect(await deleteExpiredSessions(t.db, late)).toBeGreaterThanOrEqual(2);
		expect(await sessionRow(live)).toBeDefined();
		expect(await sessionRow(idle)).toBeUndefined();
		expect(await sessionRow(old)).toBeUndefined();
	});
});

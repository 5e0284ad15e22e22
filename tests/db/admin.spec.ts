// Administration on both dialects: each change and its audit row together, unique slugs and
// e-mails as field errors, the last administrator and one's own access protected, deactivation
// ending sessions at once, API keys that work once made and never appear in a listing, and the
// municipality's settings over the environment's defaults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { clearMunicipalityCache, getMunicipality } from '../../src/lib/server/admin/municipality';
import {
	AUDIT,
	changeDepartment,
	changeStaffUser,
	createDepartment,
	createStaffUser,
	issueApiKey,
	saveSettings,
	setStaffActive,
	withdrawApiKey
} from '../../src/lib/server/admin/service';
import { municipality } from '../../src/lib/server/config';
import { findDepartment, findStaffUser } from '../../src/lib/server/db/admin';
import { findActiveApiKey, listApiKeys } from '../../src/lib/server/db/api-keys';
import { readMunicipalityLogo } from '../../src/lib/server/db/municipality-settings';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const anders: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Anders Berg'),
	role: 'admin',
	departmentId: null
};
const jobcenter = demoIds.department('jobcenter');
const department = {
	slug: 'ny-afdeling',
	name: 'Ny afdeling',
	nameEn: 'New department',
	kleArea: '27',
	phone: null,
	email: null,
	address: null,
	openingHours: null
};
const noSettings = {
	name: null,
	phone: null,
	email: null,
	address: null,
	openingHoursDa: null,
	openingHoursEn: null,
	accessibilityStatementUrl: null,
	primaryColor: null,
	letterhead: null
};

describe.each(testDialects())('administration on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});
	beforeEach(() => clearMunicipalityCache());

	async function auditRows(objectType: string, objectId: string | null) {
		let query = t.db
			.selectFrom('audit_events')
			.select(['action', 'actor_staff_id', 'purpose', 'citizen_id'])
			.where('object_type', '=', objectType);
		if (objectId) query = query.where('object_id', '=', objectId);
		return query.orderBy('occurred_at').execute();
	}

	it('creates and edits a department with its audit rows; a taken slug is a field error', async () => {
		const made = await createDepartment(t.db, anders, department);
		expect(made?.ok).toBe(true);
		const id = made && made.ok ? made.id : '';
		expect((await findDepartment(t.db, id))?.nameEn).toBe('New department');
		expect(await createDepartment(t.db, anders, department)).toEqual({
			ok: false,
			errors: { slug: 'adErrSlugTaken' }
		});
		expect(await changeDepartment(t.db, anders, id, { ...department, slug: 'jobcenter' })).toEqual({
			ok: false,
			errors: { slug: 'adErrSlugTaken' }
		});
		expect(
			await changeDepartment(t.db, anders, '00000000-0000-4000-8000-000000000000', department)
		).toBeNull();
		await changeDepartment(t.db, anders, id, { ...department, phone: '70 10 20 30' });
		expect((await findDepartment(t.db, id))?.phone).toBe('70 10 20 30');
		const rows = await auditRows(AUDIT.department, id);
		expect(rows.map((r) => r.action)).toEqual(['create', 'update']);
		expect(rows.every((r) => r.actor_staff_id === anders.staffId && r.citizen_id === null)).toBe(
			true
		);
	});

	it('creates staff users with unique e-mails and guards the last administrator', async () => {
		const made = await createStaffUser(t.db, anders, {
			name: 'Nina Nyansat',
			email: 'nina@sammen-kommune.example',
			role: 'caseworker',
			departmentId: jobcenter,
			phone: null
		});
		expect(made?.ok).toBe(true);
		const again = await createStaffUser(t.db, anders, {
			name: 'Nina Igen',
			email: 'nina@sammen-kommune.example',
			role: 'auditor',
			departmentId: null,
			phone: null
		});
		expect(again).toEqual({ ok: false, errors: { email: 'adErrEmailTaken' } });

		// Anders is the demo's only administrator: neither demoted nor deactivated.
		const demote = await changeStaffUser(t.db, anders, anders.staffId, {
			name: 'Anders Berg',
			role: 'auditor',
			departmentId: null,
			phone: null
		});
		expect(demote).toEqual({ ok: false, errors: { role: 'adErrLastAdmin' } });
		expect(await setStaffActive(t.db, anders, anders.staffId, false)).toEqual({
			ok: false,
			errors: { active: 'adErrDeactivateSelf' }
		});
		expect((await findStaffUser(t.db, anders.staffId))?.role).toBe('admin');
	});

	it('deactivating ends every session at once; reactivating lets the person in again', async () => {
		const mette = demoIds.staff('Mette Larsen');
		const token = generateSessionToken();
		await createSession(t.db, token, { staffUserId: mette });
		expect(await validateSessionToken(t.db, token)).not.toBeNull();
		expect(await setStaffActive(t.db, anders, mette, false)).toEqual({ ok: true, id: mette });
		const left = await t.db
			.selectFrom('sessions')
			.select('id')
			.where('staff_user_id', '=', mette)
			.execute();
		expect(left).toEqual([]);
		expect((await findStaffUser(t.db, mette))?.active).toBe(false);
		expect(await setStaffActive(t.db, anders, mette, true)).toEqual({ ok: true, id: mette });
		expect((await findStaffUser(t.db, mette))?.active).toBe(true);
		const rows = await auditRows(AUDIT.staffUser, mette);
		expect(rows.map((r) => r.purpose)).toEqual(['deactivate', 'reactivate']);
		expect(
			await setStaffActive(t.db, anders, '00000000-0000-4000-8000-000000000000', false)
		).toBeNull();
	});

	it('a new API key works, is never listed, and stops working once revoked', async () => {
		const made = await issueApiKey(t.db, anders, { departmentId: jobcenter, name: 'Fagsystem' });
		expect(made.key.startsWith(made.prefix)).toBe(true);
		expect(await findActiveApiKey(t.db, made.key)).toMatchObject({ departmentId: jobcenter });
		const listed = JSON.stringify(await listApiKeys(t.db));
		expect(listed).toContain(made.prefix);
		expect(listed).not.toContain(made.key);
		const stored = JSON.stringify(await t.db.selectFrom('api_keys').selectAll().execute());
		expect(stored).not.toContain(made.key);
		expect(await withdrawApiKey(t.db, anders, made.id)).toBe(true);
		expect(await withdrawApiKey(t.db, anders, made.id)).toBe(false);
		expect(await findActiveApiKey(t.db, made.key)).toBeNull();
		const rows = await auditRows(AUDIT.apiKey, made.id);
		expect(rows.map((r) => [r.action, r.purpose])).toEqual([
			['create', null],
			['update', 'revoke']
		]);
	});

	it('stored settings win over the environment, null falls back, the logo is kept or removed', async () => {
		const env = municipality();
		expect((await getMunicipality(t.db)).name).toBe(env.name);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
		await saveSettings(t.db, anders, {
			...noSettings,
			name: 'Testby Kommune',
			primaryColor: '#3c5c22',
			letterhead: 'Rådhuset\nTorvet 1',
			logo: { bytes: png, contentType: 'image/png' }
		});
		const saved = await getMunicipality(t.db);
		expect(saved).toMatchObject({
			name: 'Testby Kommune',
			phone: env.phone,
			primaryColor: '#3c5c22',
			letterhead: 'Rådhuset\nTorvet 1'
		});
		expect(saved.logoVersion).not.toBeNull();
		// Saving the text again without a logo keeps the logo.
		await saveSettings(t.db, anders, { ...noSettings, name: 'Testby Kommune' });
		expect(Array.from((await readMunicipalityLogo(t.db))!.bytes)).toEqual(Array.from(png));
		await saveSettings(t.db, anders, { ...noSettings, logo: null });
		expect(await readMunicipalityLogo(t.db)).toBeNull();
		expect((await getMunicipality(t.db)).name).toBe(env.name);
		expect((await auditRows(AUDIT.settings, null)).length).toBe(3);
	});

	it('caches the settings per process for a short time', async () => {
		const first = await getMunicipality(t.db, 1_000);
		await t.db.updateTable('municipality_settings').set({ name: 'Direkte' }).execute();
		expect((await getMunicipality(t.db, 2_000)).name).toBe(first.name);
		expect((await getMunicipality(t.db, 1_000 + 31_000)).name).toBe('Direkte');
	});
});

// "Who has seen my information" (the audit rows about a citizen made by others) and "my data"
// (everything Sammen holds about the citizen), on the demo data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	decodeAuditCursor,
	encodeAuditCursor,
	listAuditForCitizen,
	recordAuditEvent,
	type CitizenAuditRow
} from '../../src/lib/server/db/audit';
import { exportCitizenData } from '../../src/lib/server/db/export';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const municipality = {
	name: 'Sammen Kommune',
	phone: '70 10 20 30',
	email: 'kontakt@sammen-kommune.example',
	address: 'Rådhuspladsen 1, 9999 Sammenby'
};

describe.each(testDialects())('who has seen my information, on %s', (dialect) => {
	let t: TestDatabase;
	const maja = demoIds.citizen('Maja Jensen');
	const henrik = demoIds.citizen('Henrik Hansen');
	const jobcenter = demoIds.department('jobcenter');

	beforeAll(async () => {
		t = await openSeeded(dialect);
		// Maja's own doings, which are not "someone looking at my data".
		await recordAuditEvent(t.db, {
			actor_type: 'citizen',
			actor_citizen_id: maja,
			action: 'login',
			object_type: 'session',
			citizen_id: maja,
			purpose: 'loa:substantial'
		});
		await recordAuditEvent(t.db, {
			actor_type: 'citizen',
			actor_citizen_id: maja,
			action: 'export',
			object_type: 'citizen_data',
			citizen_id: maja
		});
		// Someone else's doings about her: a representative and the system.
		await recordAuditEvent(t.db, {
			actor_type: 'representative',
			actor_citizen_id: henrik,
			action: 'read',
			object_type: 'overview',
			citizen_id: maja
		});
		await recordAuditEvent(t.db, {
			actor_type: 'system',
			action: 'login',
			object_type: 'citizen_login_refused',
			citizen_id: maja,
			purpose: 'loa_too_low'
		});
	});
	afterAll(async () => {
		await t?.close();
	});

	const all = async (
		citizenId: string,
		options: { departmentId?: string; staffNames?: boolean }
	) => {
		const rows: CitizenAuditRow[] = [];
		let after = null;
		for (let i = 0; i < 100; i++) {
			const page = await listAuditForCitizen(t.db, citizenId, {
				after,
				limit: 4,
				departmentId: options.departmentId ?? null,
				staffNames: options.staffNames ?? false
			});
			rows.push(...page.rows);
			if (!page.next) break;
			after = decodeAuditCursor(encodeAuditCursor(page.next));
		}
		return rows;
	};

	it("lists staff reads and searches from the seed, others' doings, never her own", async () => {
		const rows = await all(maja, {});
		expect(rows.filter((r) => r.actorType === 'staff')).toHaveLength(8);
		expect(rows.some((r) => r.actorType === 'citizen')).toBe(false);
		expect(rows.find((r) => r.actorType === 'representative')?.representativeName).toBe(
			'Henrik Hansen'
		);
		expect(rows.find((r) => r.actorType === 'system')?.objectType).toBe('citizen_login_refused');
		const search = rows.find((r) => r.action === 'search');
		expect(search).toMatchObject({
			objectType: 'citizen',
			purpose: 'Ny opgave',
			department: { id: jobcenter, name: 'Jobcenter', nameEn: 'Job Centre' }
		});
		const departments = new Set(rows.map((r) => r.department?.name).filter(Boolean));
		expect(departments).toEqual(new Set(['Jobcenter', 'Socialforvaltningen', 'Børn og Familie']));
		const times = rows.map((r) => r.occurredAt.getTime());
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('shows staff names only when the municipality chooses to', async () => {
		const hidden = await all(maja, {});
		expect(hidden.every((r) => r.staffName === null)).toBe(true);
		const shown = await all(maja, { staffNames: true });
		expect(new Set(shown.map((r) => r.staffName).filter(Boolean))).toEqual(
			new Set(['Lone Madsen', 'Mette Larsen', 'Jonas Friis', 'Peter Holm'])
		);
		// A representative's name is always shown: the citizen knows who represents them.
		expect(hidden.some((r) => r.representativeName === 'Henrik Hansen')).toBe(true);
	});

	it('filters by department', async () => {
		const rows = await all(maja, { departmentId: jobcenter });
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.department?.id === jobcenter)).toBe(true);
		expect(await all(maja, { departmentId: demoIds.department('sundhed-og-omsorg') })).toHaveLength(
			0
		);
	});

	it('pages without overlap or gaps, also through rows written in one transaction', async () => {
		const karl = demoIds.citizen('Karl Nielsen');
		const before = await all(karl, {});
		// One transaction, every row at the same instant, as a burst of reads within one request.
		const sameTime = clock.now();
		await t.db.transaction().execute(async (trx) => {
			for (let i = 0; i < 9; i++) {
				await recordAuditEvent(trx, {
					occurred_at: sameTime,
					actor_type: 'staff',
					actor_staff_id: demoIds.staff('Hanne Vestergaard'),
					actor_department_id: demoIds.department('sundhed-og-omsorg'),
					action: 'read',
					object_type: 'case',
					citizen_id: karl,
					purpose: `Opfølgning ${i}`
				});
			}
		});
		// Rows within one millisecond, which a JavaScript Date cannot tell apart: some days ago, to
		// the microsecond.
		const earlier = new DemoClock(now)
			.past(8, 11)
			.toISOString()
			.replace(/\.000Z$/, '');
		for (const time of [`${earlier}.123456Z`, `${earlier}.123400Z`]) {
			await recordAuditEvent(t.db, {
				occurred_at: time,
				actor_type: 'staff',
				actor_staff_id: demoIds.staff('Hanne Vestergaard'),
				actor_department_id: demoIds.department('sundhed-og-omsorg'),
				action: 'read',
				object_type: 'journey',
				citizen_id: karl
			});
		}
		const rows = await all(karl, {});
		expect(rows).toHaveLength(before.length + 11);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
	});

	// A parser fed fixed cursors: these dates are inputs, not facts about today.
	it('reads a broken or foreign cursor as none', () => {
		const id = '00000000-0000-4000-8000-000000000000';
		const encode = (text: string) => Buffer.from(text).toString('base64url');
		for (const value of [
			'garbage',
			encode(`2026-02-30T10:00:00.000000Z|${id}`),
			encode(`2026-11-20T24:00:00.000000Z|${id}`),
			encode(`0000-01-01T00:00:00.000000Z|${id}`),
			encode(`2026-11-20T10:00:00.000Z|${id}`),
			encode('2026-11-20T10:00:00.000000Z|not-a-uuid'),
			encode(`2026-11-20T10:00:00.000000Z|${id}|more`)
		]) {
			expect(decodeAuditCursor(value), value).toBeNull();
		}
		expect(decodeAuditCursor(encode(`2026-11-20T10:00:00.123456Z|${id}`))).toEqual({
			occurredAt: '2026-11-20T10:00:00.123456Z',
			id
		});
	});
});

describe.each(testDialects())('my data, on %s', (dialect) => {
	let t: TestDatabase;
	const maja = demoIds.citizen('Maja Jensen');

	beforeAll(async () => {
		t = await openSeeded(dialect);
		await recordAuditEvent(t.db, {
			actor_type: 'citizen',
			actor_citizen_id: maja,
			action: 'export',
			object_type: 'citizen_data',
			citizen_id: maja
		});
	});
	afterAll(async () => {
		await t?.close();
	});

	const exportOf = (citizenId: string, showStaffNames = false) =>
		exportCitizenData(t.db, citizenId, { municipality, showStaffNames, now });

	it("holds Maja's cases in all three departments, her journey, plan, meetings and tasks", async () => {
		const data = await exportOf(maja);
		expect(data).toMatchObject({
			format: 'sammen-mine-data',
			version: 1,
			cprNumberIncluded: false,
			municipality: { name: 'Sammen Kommune' },
			profile: { name: 'Maja Jensen', email: 'maja.jensen@example.com', lettersByPost: false }
		});
		expect(new Set(data.cases.map((c) => c.department.name))).toEqual(
			new Set(['Jobcenter', 'Socialforvaltningen', 'Børn og Familie'])
		);
		expect(data.journeys).toHaveLength(1);
		expect(data.journeys[0]?.caseIds).toHaveLength(3);
		expect(data.journeys[0]?.planGoals.length).toBeGreaterThanOrEqual(4);
		expect(data.journeys[0]?.coordinator?.name).toBe('Mette Larsen');
		const next = data.meetings.find((m) => m.id === demoIds.meeting('maja-next'));
		expect(next?.yourAnswer.response).toBe('pending');
		expect(data.meetings.some((m) => m.participants.some((p) => p.name === 'Lone Madsen'))).toBe(
			true
		);
		expect(data.tasks.map((task) => task.id)).toContain(demoIds.task('maja-payslips'));
		expect(data.messages.length).toBeGreaterThan(0);
		expect(data.consents.map((c) => c.department.name).sort()).toEqual([
			'Jobcenter',
			'Socialforvaltningen'
		]);
		expect(data.consents.every((c) => c.recordedBy === 'you')).toBe(true);
	});

	it('gives only citizen-visible timeline entries and no meeting minutes', async () => {
		const data = await exportOf(maja);
		const journey = demoIds.journey('maja');
		const staffOnly = await t.db
			.selectFrom('timeline_entries')
			.select(['id', 'body'])
			.where('journey_id', '=', journey)
			.where('visibility', '=', 'staff')
			.execute();
		expect(staffOnly.length).toBeGreaterThan(0);
		const exported = new Set(data.timeline.map((e) => e.id));
		expect(staffOnly.some((e) => exported.has(e.id))).toBe(false);
		expect(data.timeline).toHaveLength(34);
		// Staff-only notes: not in the export at all (their titles may match an audit purpose, so
		// the bodies are compared; every staff-only note of the seed has one).
		const json = JSON.stringify(data);
		for (const entry of staffOnly) {
			expect(entry.body.length).toBeGreaterThan(20);
			expect(json).not.toContain(JSON.stringify(entry.body));
		}
		const minutes = await t.db
			.selectFrom('meetings')
			.select('minutes')
			.where('journey_id', '=', journey)
			.where('minutes', 'is not', null)
			.execute();
		expect(minutes.length).toBeGreaterThan(0);
		for (const { minutes: text } of minutes) expect(json).not.toContain(JSON.stringify(text));
	});

	it('never contains the CPR number, in any form', async () => {
		const json = JSON.stringify(await exportOf(maja, true));
		const stored = await t.db
			.selectFrom('citizens')
			.select(['cpr_encrypted', 'cpr_hash'])
			.where('id', '=', maja)
			.executeTakeFirstOrThrow();
		for (const needle of ['120390-0001', '1203900001', stored.cpr_encrypted, stored.cpr_hash]) {
			expect(json).not.toContain(needle);
		}
		expect(json).not.toMatch(/cpr_?(encrypted|hash)/i);
	});

	it('holds the audit trail as /indsigt shows it, with the same rule for staff names', async () => {
		const hidden = await exportOf(maja);
		expect(hidden.auditTrail.filter((r) => r.actorType === 'staff')).toHaveLength(8);
		expect(hidden.auditTrail.some((r) => r.actorType === 'citizen')).toBe(false);
		expect(hidden.auditTrail.every((r) => r.staffName === null)).toBe(true);
		const shown = await exportOf(maja, true);
		expect(shown.auditTrail.some((r) => r.staffName === 'Lone Madsen')).toBe(true);
	});

	it("holds Karl's paper post, letters without the PDF, and his read-only representative", async () => {
		const data = await exportOf(demoIds.citizen('Karl Nielsen'));
		expect(data.profile.lettersByPost).toBe(true);
		expect(data.analogHistory[0]).toMatchObject({
			lettersByPost: true,
			reason: 'digital_post_exempt',
			recordedBy: 'municipality'
		});
		expect(data.letters.length).toBeGreaterThan(0);
		expect(data.letters.every((l) => l.body.length > 0 && !('pdf' in l))).toBe(true);
		expect(data.representatives.actingForYou).toEqual([
			expect.objectContaining({ name: 'Lise Mortensen', scope: 'read_only', departments: null })
		]);
		expect(data.representatives.youActFor).toEqual([]);
	});

	it('shows representation in both directions', async () => {
		const henrik = await exportOf(demoIds.citizen('Henrik Hansen'));
		expect(henrik.representatives.youActFor).toEqual([
			expect.objectContaining({ name: 'Sofie Hansen', scope: 'full', basis: 'parental_custody' })
		]);
		const sofie = await exportOf(demoIds.citizen('Sofie Hansen'));
		expect(sofie.representatives.actingForYou.map((r) => r.name)).toEqual(['Henrik Hansen']);
	});

	it("gives tasks for the citizen only, never staff's own tasks", async () => {
		const data = await exportOf(maja);
		const staffTasks = await t.db
			.selectFrom('tasks')
			.select('id')
			.where('citizen_id', '=', maja)
			.where('assignee', '=', 'staff')
			.execute();
		const exported = new Set(data.tasks.map((task) => task.id));
		expect(staffTasks.some((task) => exported.has(task.id))).toBe(false);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { decryptCpr, deriveCprKeys, hashCpr, normalizeCpr } from '../../src/lib/server/crypto/cpr';
import {
	DEMO_CITIZENS,
	DEMO_KLE,
	DEMO_STAFF,
	isDatabaseEmpty,
	seedDemo
} from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const keys = deriveCprKeys(Buffer.alloc(32, 7));

const TABLES = [
	'departments',
	'staff_users',
	'citizens',
	'analog_flag_changes',
	'cases',
	'journeys',
	'journey_cases',
	'plan_goals',
	'meetings',
	'meeting_participants',
	'tasks',
	'messages',
	'letters',
	'timeline_entries',
	'consents',
	'representatives',
	'audit_events'
] as const;

describe.each(testDialects())('demo seed on %s', (dialect) => {
	const now = clock.now();
	let t: TestDatabase;
	let seedMs = 0;

	async function citizenId(name: keyof typeof DEMO_CITIZENS): Promise<string> {
		const row = await t.db
			.selectFrom('citizens')
			.select('id')
			.where('cpr_hash', '=', hashCpr(keys, DEMO_CITIZENS[name]))
			.executeTakeFirstOrThrow();
		return row.id;
	}

	async function snapshot(db: TestDatabase['db']) {
		const result: Record<string, unknown[]> = {};
		for (const table of TABLES) {
			const rows = await db.selectFrom(table).selectAll().execute();
			result[table] = rows
				.map((row) => {
					// The encrypted CPR differs on every run (random IV); everything else must not.
					return JSON.stringify({ ...row, cpr_encrypted: undefined });
				})
				.sort();
		}
		return result;
	}

	beforeAll(async () => {
		t = await openTestDatabase(dialect);
		expect(await isDatabaseEmpty(t.db)).toBe(true);
		const start = performance.now();
		await seedDemo(t.db, keys, now);
		seedMs = performance.now() - start;
	}, 120_000);

	afterAll(async () => {
		await t?.close();
	});

	it('is fast enough to seed at every demo start', () => {
		console.log(`demo seed on ${dialect}: ${Math.round(seedMs)} ms`);
		expect(seedMs).toBeLessThan(10_000);
	});

	it('has five departments and the staff of the issue', async () => {
		expect(await isDatabaseEmpty(t.db)).toBe(false);
		const departments = await t.db.selectFrom('departments').selectAll().execute();
		expect(departments.map((d) => d.name).sort()).toEqual([
			'Borgerservice',
			'Børn og Familie',
			'Jobcenter',
			'Socialforvaltningen',
			'Sundhed og Omsorg'
		]);
		for (const d of departments) {
			expect(d.name_en).not.toBe('');
			expect(d.email).toMatch(/@sammen-kommune\.example$/);
			expect(d.phone && d.address && d.opening_hours).toBeTruthy();
		}
		const staff = await t.db
			.selectFrom('staff_users')
			.leftJoin('departments', 'departments.id', 'staff_users.department_id')
			.select([
				'staff_users.name',
				'staff_users.email',
				'staff_users.role',
				'staff_users.oidc_subject',
				'departments.slug'
			])
			.execute();
		const byName = new Map(staff.map((s) => [s.name, s]));
		for (const [name, email] of Object.entries(DEMO_STAFF)) {
			expect(byName.get(name)?.email).toBe(email);
			expect(byName.get(name)?.oidc_subject).toBeNull();
		}
		expect(byName.get('Lone Madsen')).toMatchObject({ role: 'caseworker', slug: 'jobcenter' });
		expect(byName.get('Peter Holm')).toMatchObject({
			role: 'caseworker',
			slug: 'boern-og-familie'
		});
		expect(byName.get('Mette Larsen')).toMatchObject({
			role: 'coordinator',
			slug: 'socialforvaltningen'
		});
		expect(byName.get('Anders Berg')).toMatchObject({ role: 'admin', slug: null });
		expect(byName.get('Birgitte Skov')).toMatchObject({ role: 'auditor', slug: null });
		const caseworkerDepartments = new Set(
			staff.filter((s) => s.role === 'caseworker').map((s) => s.slug)
		);
		expect(caseworkerDepartments.size).toBe(5);
	});

	it('has at least eight citizens with fictitious CPR numbers that look up and decrypt', async () => {
		const citizens = await t.db.selectFrom('citizens').selectAll().execute();
		expect(citizens.length).toBeGreaterThanOrEqual(8);
		expect(Object.keys(DEMO_CITIZENS).length).toBe(citizens.length);
		for (const cpr of Object.values(DEMO_CITIZENS)) {
			const normalized = normalizeCpr(cpr);
			expect(normalized).not.toBeNull();
			expect(Number(normalized?.slice(6))).toBeLessThan(100);
		}
		const maja = await t.db
			.selectFrom('citizens')
			.selectAll()
			.where('cpr_hash', '=', hashCpr(keys, DEMO_CITIZENS['Maja Jensen']))
			.executeTakeFirstOrThrow();
		expect(maja.name).toBe('Maja Jensen');
		expect(decryptCpr(keys, maja.cpr_encrypted)).toBe(normalizeCpr(DEMO_CITIZENS['Maja Jensen']));
		expect(maja.cpr_encrypted).not.toContain('120390');
		expect(maja).toMatchObject({ notify_by_email: true, notify_by_sms: true });
	});

	it('classifies every case with a KLE number from the table', async () => {
		const cases = await t.db.selectFrom('cases').select(['kle_number', 'title']).execute();
		for (const c of cases) expect(Object.keys(DEMO_KLE)).toContain(c.kle_number);
		const closed = await t.db
			.selectFrom('cases')
			.select('id')
			.where('status', '=', 'closed')
			.execute();
		expect(closed.length).toBeGreaterThan(0);
	});

	it('gives Maja three departments, one coordinated journey and consent to two of them', async () => {
		const maja = await citizenId('Maja Jensen');
		const departments = await t.db
			.selectFrom('cases')
			.innerJoin('departments', 'departments.id', 'cases.department_id')
			.select('departments.slug')
			.where('cases.citizen_id', '=', maja)
			.execute();
		expect([...new Set(departments.map((d) => d.slug))].sort()).toEqual([
			'boern-og-familie',
			'jobcenter',
			'socialforvaltningen'
		]);

		const journeys = await t.db
			.selectFrom('journeys')
			.innerJoin('staff_users', 'staff_users.id', 'journeys.coordinator_id')
			.select(['journeys.id', 'staff_users.name', 'staff_users.role'])
			.where('journeys.citizen_id', '=', maja)
			.execute();
		expect(journeys).toHaveLength(1);
		expect(journeys[0]).toMatchObject({ name: 'Mette Larsen', role: 'coordinator' });
		const journeyId = journeys[0]?.id ?? '';

		const consents = await t.db
			.selectFrom('consents')
			.innerJoin('departments', 'departments.id', 'consents.department_id')
			.select(['departments.slug', 'consents.action', 'consents.channel'])
			.where('consents.citizen_id', '=', maja)
			.orderBy('consents.occurred_at', 'asc')
			.execute();
		const latest = new Map(consents.map((c) => [c.slug, c.action]));
		const granted = [...latest].filter(([, action]) => action === 'granted').map(([s]) => s);
		expect(granted.sort()).toEqual(['jobcenter', 'socialforvaltningen']);
		expect(consents.every((c) => c.channel === 'portal')).toBe(true);

		const entries = await t.db
			.selectFrom('timeline_entries')
			.select(['kind', 'visibility', 'department_id', 'occurred_at'])
			.where('journey_id', '=', journeyId)
			.execute();
		expect(entries.length).toBeGreaterThanOrEqual(40);
		expect(entries.filter((e) => e.visibility === 'citizen').length).toBeGreaterThan(25);
		expect(new Set(entries.map((e) => e.kind)).size).toBeGreaterThanOrEqual(7);
		expect(new Set(entries.map((e) => e.department_id)).size).toBeGreaterThanOrEqual(3);
		const oldest = Math.min(...entries.map((e) => new Date(e.occurred_at).getTime()));
		expect(now.getTime() - oldest).toBeGreaterThan(180 * DAY);
		expect(entries.every((e) => new Date(e.occurred_at).getTime() < now.getTime())).toBe(true);

		const goals = await t.db
			.selectFrom('plan_goals')
			.select(['progress', 'status'])
			.where('journey_id', '=', journeyId)
			.execute();
		expect(goals.some((g) => g.status === 'in_progress' && g.progress > 0)).toBe(true);

		const messages = await t.db
			.selectFrom('messages')
			.select(['author_staff_id', 'read_by_citizen_at'])
			.where('journey_id', '=', journeyId)
			.execute();
		expect(messages.some((m) => m.author_staff_id && m.read_by_citizen_at === null)).toBe(true);
	});

	it('invites Maja to a joint meeting next week and gives her an open task', async () => {
		const maja = await citizenId('Maja Jensen');
		// Next week as a calendar week, in Danish time: from the coming Monday (tomorrow, on a
		// Sunday) to the Monday after.
		const c = new DemoClock(now);
		const toMonday = (8 - c.weekday(0)) % 7 || 7;
		const meetings = await t.db
			.selectFrom('meetings')
			.innerJoin('journeys', 'journeys.id', 'meetings.journey_id')
			.selectAll('meetings')
			.where('journeys.citizen_id', '=', maja)
			.where('meetings.starts_at', '>=', c.at(toMonday, 0))
			.where('meetings.starts_at', '<', c.at(toMonday + 7, 0))
			.execute();
		expect(meetings).toHaveLength(1);
		const meeting = meetings[0];
		expect(meeting?.citizen_response).toBe('pending');
		expect(meeting?.starts_at.getTime()).toBe(new DemoClock(now).nextWeek().getTime());
		// "Next week" as people mean it: the seed always puts it on a Tuesday, whatever today is.
		const weekday = new Intl.DateTimeFormat('en-GB', {
			weekday: 'short',
			timeZone: 'Europe/Copenhagen'
		}).format(meeting?.starts_at);
		expect(weekday).toBe('Tue');
		expect(meeting?.location).toBeTruthy();
		expect(meeting?.agenda).toBeTruthy();
		expect(meeting?.what_to_bring).toBeTruthy();
		const participants = await t.db
			.selectFrom('meeting_participants')
			.select('department_id')
			.where('meeting_id', '=', meeting?.id ?? '')
			.execute();
		expect(new Set(participants.map((p) => p.department_id)).size).toBeGreaterThanOrEqual(2);

		const tasks = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('citizen_id', '=', maja)
			.where('assignee', '=', 'citizen')
			.where('done_at', 'is', null)
			.execute();
		expect(tasks.map((task) => task.title)).toContain(
			'Send dine lønsedler for de sidste tre måneder'
		);
		expect(tasks.every((task) => task.due_date !== null)).toBe(true);

		const reads = await t.db
			.selectFrom('audit_events')
			.select(['actor_type', 'action', 'purpose'])
			.where('citizen_id', '=', maja)
			.where('object_type', '=', 'journey')
			.execute();
		expect(reads.length).toBeGreaterThan(3);
		expect(reads.every((r) => r.actor_type === 'staff' && r.action === 'read' && r.purpose)).toBe(
			true
		);
	});

	it('keeps Karl analog (exempt from Digital Post) with posted letters', async () => {
		const karl = await citizenId('Karl Nielsen');
		const flag = await t.db
			.selectFrom('analog_flag_changes')
			.selectAll()
			.where('citizen_id', '=', karl)
			.orderBy('changed_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(flag).toMatchObject({ analog: true, reason: 'digital_post_exempt' });
		expect(flag.set_by_staff_id).not.toBeNull();
		const letters = await t.db
			.selectFrom('letters')
			.selectAll()
			.where('citizen_id', '=', karl)
			.execute();
		expect(letters.length).toBeGreaterThan(0);
		expect(letters.every((l) => l.status === 'posted' && l.posted_at !== null)).toBe(true);
		const letterEntries = await t.db
			.selectFrom('timeline_entries')
			.innerJoin('journeys', 'journeys.id', 'timeline_entries.journey_id')
			.select(['timeline_entries.posted_letter_at', 'timeline_entries.letter_id'])
			.where('journeys.citizen_id', '=', karl)
			.where('timeline_entries.kind', '=', 'letter')
			.execute();
		expect(letterEntries.length).toBe(letters.length);
		expect(letterEntries.every((e) => e.posted_letter_at && e.letter_id)).toBe(true);
		const citizen = await t.db
			.selectFrom('citizens')
			.selectAll()
			.where('id', '=', karl)
			.executeTakeFirstOrThrow();
		expect(citizen.address_line && citizen.postal_code && citizen.city).toBeTruthy();
	});

	it('lets Henrik represent his daughter Sofie', async () => {
		const sofie = await citizenId('Sofie Hansen');
		const henrik = await citizenId('Henrik Hansen');
		const today = todayInDenmark(now);
		const active = await t.db
			.selectFrom('representatives')
			.selectAll()
			.where('citizen_id', '=', sofie)
			.where('ended_at', 'is', null)
			.where('valid_from', '<=', today)
			.where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
			.execute();
		expect(active).toHaveLength(1);
		expect(active[0]).toMatchObject({ representative_citizen_id: henrik, scope: 'full' });
	});

	it("lets Lise Mortensen see her father Karl's cases, read-only", async () => {
		const karl = await citizenId('Karl Nielsen');
		const lise = await citizenId('Lise Mortensen');
		const rows = await t.db
			.selectFrom('representatives')
			.selectAll()
			.where('citizen_id', '=', karl)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ representative_citizen_id: lise, scope: 'read_only' });
	});

	it('speaks English to Ahmed', async () => {
		const ahmed = await citizenId('Ahmed Hassan');
		const citizen = await t.db
			.selectFrom('citizens')
			.select('preferred_language')
			.where('id', '=', ahmed)
			.executeTakeFirstOrThrow();
		expect(citizen.preferred_language).toBe('en');
		const entries = await t.db
			.selectFrom('timeline_entries')
			.innerJoin('journeys', 'journeys.id', 'timeline_entries.journey_id')
			.select(['timeline_entries.title_en', 'timeline_entries.body_en'])
			.where('journeys.citizen_id', '=', ahmed)
			.where('timeline_entries.visibility', '=', 'citizen')
			.execute();
		expect(entries.length).toBeGreaterThan(5);
		expect(entries.every((e) => e.title_en && e.body_en)).toBe(true);
	});

	it('has the history of an undone analog choice and of a withdrawn consent', async () => {
		const lise = await citizenId('Lise Mortensen');
		const flags = await t.db
			.selectFrom('analog_flag_changes')
			.selectAll()
			.where('citizen_id', '=', lise)
			.orderBy('changed_at', 'asc')
			.execute();
		expect(flags.map((f) => [f.analog, f.reason])).toEqual([
			[true, 'citizen_choice'],
			[false, null]
		]);
		const mikkel = await citizenId('Mikkel Thomsen');
		const consents = await t.db
			.selectFrom('consents')
			.select('action')
			.where('citizen_id', '=', mikkel)
			.orderBy('occurred_at', 'desc')
			.execute();
		expect(consents[0]?.action).toBe('withdrawn');
	});

	it('seeds the same content into another empty database', async () => {
		const other = await openTestDatabase(dialect);
		try {
			await seedDemo(other.db, keys, now);
			expect(await snapshot(other.db)).toEqual(await snapshot(t.db));
		} finally {
			await other.close();
		}
	}, 120_000);
});

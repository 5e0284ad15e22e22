// The staff search limit (src/lib/server/citizens/search-limit.ts): a minute's and a day's budget
// per member of staff, counted in the shared store (on PostgreSQL by every app node together), and
// the audit row a refused search leaves.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffActor } from '../../src/lib/server/access/staff';
import {
	consumeSearch,
	createSearchLimiters,
	DEFAULT_SEARCHES_PER_DAY,
	DEFAULT_SEARCHES_PER_MINUTE,
	recordRefusedSearch,
	REFUSED_SEARCH_OBJECT,
	searchLimits
} from '../../src/lib/server/citizens/search-limit';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';

describe('the search limits from the environment', () => {
	it('default to limits a caseworker’s desk work stays below', () => {
		expect(searchLimits({})).toEqual({
			perMinute: DEFAULT_SEARCHES_PER_MINUTE,
			perDay: DEFAULT_SEARCHES_PER_DAY
		});
		expect(DEFAULT_SEARCHES_PER_MINUTE).toBe(30);
		expect(DEFAULT_SEARCHES_PER_DAY).toBe(600);
	});

	it('read positive integers and refuse anything else', () => {
		expect(
			searchLimits({ SEARCH_RATE_LIMIT_PER_MINUTE: ' 5 ', SEARCH_RATE_LIMIT_PER_DAY: '100' })
		).toEqual({ perMinute: 5, perDay: 100 });
		for (const bad of ['0', '-1', '2.5', 'many', '1e400']) {
			expect(() => searchLimits({ SEARCH_RATE_LIMIT_PER_MINUTE: bad })).toThrow(
				/SEARCH_RATE_LIMIT_PER_MINUTE must be a positive integer/
			);
			expect(() => searchLimits({ SEARCH_RATE_LIMIT_PER_DAY: bad })).toThrow(
				/SEARCH_RATE_LIMIT_PER_DAY must be a positive integer/
			);
		}
	});
});

describe.each(testDialects())('the search limit on %s', (dialect) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it('allows the minute’s searches, then refuses with the seconds to wait, per member of staff', async () => {
		const limiters = createSearchLimiters({ perMinute: 3, perDay: 100 }, t.pool ?? null);
		const lone = randomUUID();
		for (let i = 0; i < 3; i++) expect(await consumeSearch(lone, limiters)).toEqual({ ok: true });
		const refused = await consumeSearch(lone, limiters);
		expect(refused).toMatchObject({ ok: false, window: 'minute' });
		if (refused.ok) throw new Error('unreachable');
		expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
		// Another member of staff has a budget of their own.
		expect(await consumeSearch(randomUUID(), limiters)).toEqual({ ok: true });
	});

	it('refuses by the day when the day’s budget is spent, and a refused minute spends no day', async () => {
		const limiters = createSearchLimiters({ perMinute: 2, perDay: 3 }, t.pool ?? null);
		const peter = randomUUID();
		await consumeSearch(peter, limiters);
		await consumeSearch(peter, limiters);
		// Refused by the minute: the day's third search is still there.
		expect(await consumeSearch(peter, limiters)).toMatchObject({ ok: false, window: 'minute' });
		expect((await limiters.day.get(peter))?.consumedPoints).toBe(2);

		const hanne = randomUUID();
		const generous = createSearchLimiters({ perMinute: 100, perDay: 3 }, t.pool ?? null);
		for (let i = 0; i < 3; i++) expect(await consumeSearch(hanne, generous)).toEqual({ ok: true });
		const refused = await consumeSearch(hanne, generous);
		expect(refused).toMatchObject({ ok: false, window: 'day' });
		if (refused.ok) throw new Error('unreachable');
		expect(refused.retryAfterSeconds).toBeGreaterThan(60);
		expect(refused.retryAfterSeconds).toBeLessThanOrEqual(24 * 60 * 60);
	});

	it('counts once for two app nodes on one database', async () => {
		if (dialect === 'pglite') return; // One process by design: memory, nothing shared.
		const nodeA = createSearchLimiters({ perMinute: 4, perDay: 100 }, t.pool ?? null);
		const nodeB = createSearchLimiters({ perMinute: 4, perDay: 100 }, t.pool ?? null);
		const staffId = randomUUID();
		const answers = [];
		for (let i = 0; i < 6; i++) answers.push(await consumeSearch(staffId, i % 2 ? nodeB : nodeA));
		expect(answers.map((a) => a.ok)).toEqual([true, true, true, true, false, false]);
		const rows = await t.db
			.selectFrom('rate_limits')
			.select(['key', 'points'])
			.where('key', 'like', `staff-search-%:${staffId}`)
			.orderBy('key')
			.execute();
		expect(rows).toEqual([
			{ key: `staff-search-day:${staffId}`, points: 4 },
			{ key: `staff-search-minute:${staffId}`, points: 6 }
		]);
	});

	it('audits a refused search with its criterion, about no citizen', async () => {
		const actor: StaffActor = {
			kind: 'staff',
			staffId: randomUUID(),
			role: 'caseworker',
			departmentId: randomUUID()
		};
		await recordRefusedSearch(
			t.db,
			actor,
			{ kind: 'cpr', cprHash: 'keyed-hash-of-the-cpr', purpose: 'Opfølgning' },
			{ window: 'minute', retryAfterSeconds: 42 }
		);
		const rows = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('actor_staff_id', '=', actor.staffId)
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			actor_type: 'staff',
			actor_department_id: actor.departmentId,
			actor_role: 'caseworker',
			action: 'search',
			object_type: REFUSED_SEARCH_OBJECT,
			object_id: null,
			citizen_id: null,
			purpose: 'Opfølgning',
			criterion: 'cpr: keyed-hash-of-the-cpr'
		});
	});
});

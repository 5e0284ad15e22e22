// Shutdown under load: SIGTERM while citizens read and a department system writes cases through
// the API. Every try: the requests in flight finish, no
// request gets a 5xx, the process exits 0 within 10 s, and every write the API acknowledged is in
// the database exactly once.
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds } from '../../src/lib/server/seed/demo';
import { load } from './load';
import { startSeededServer } from '../e2e/seeded-server';
import { LONG, recordScenario } from './summary';

const TRIES = 10;
/** How long the load runs before the signal. */
const LOAD_BEFORE_MS = LONG ? 5_000 : 1_500;
const EXIT_WITHIN_MS = 10_000;

describe('shutdown under load', () => {
	it(`finishes what is in flight and exits within 10 s, ${TRIES} times`, async () => {
		const exitTimes: number[] = [];
		let acknowledged = 0;
		let found = 0;
		let duplicates = 0;
		let serverErrors = 0;
		let replayed = 0;
		let database: 'postgresql' | 'pglite' = 'pglite';
		for (let attempt = 1; attempt <= TRIES; attempt++) {
			let apiKey = '';
			const server = await startSeededServer(
				async (db) => {
					apiKey = (
						await createApiKey(db, {
							departmentId: demoIds.department('jobcenter'),
							name: 'Resilience',
							createdByStaffId: null
						})
					).key;
				},
				// The load measures shutdown, not the per-key brake (600 a minute by default).
				{ env: { API_RATE_LIMIT_PER_MINUTE: '100000000' } }
			);
			database = server.database.databaseUrl ? 'postgresql' : 'pglite';
			const run = `${attempt}`;
			const traffic = load(server.url, apiKey, run);
			await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_MS));
			const exited = new Promise<number | null>((resolve) =>
				server.process.once('exit', (code) => resolve(code))
			);
			const signalled = performance.now();
			server.process.kill('SIGTERM');
			if (attempt % 2 === 1) traffic.hangUp();
			const code = await Promise.race([
				exited,
				new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), EXIT_WITHIN_MS))
			]);
			const exitMs = performance.now() - signalled;
			await traffic.stop();
			const rows = await server.stopAndInspect((db) =>
				db
					.selectFrom('cases')
					.select(['external_ref', sql<number>`count(*)::int`.as('n')])
					.where('external_ref', 'like', `RES-${run}-%`)
					.groupBy('external_ref')
					.execute()
			);
			// Its copy of the database is removed (the process has exited already).
			await server.stop();
			const stored = new Map(rows.map((r) => [r.external_ref, r.n]));
			const { tally } = traffic;
			const missing = [...tally.acknowledged].filter((ref) => !stored.has(ref));
			exitTimes.push(Math.round(exitMs));
			acknowledged += tally.acknowledged.size;
			found += [...tally.acknowledged].filter((ref) => stored.has(ref)).length;
			duplicates += rows.filter((r) => r.n > 1).length;
			serverErrors += tally.serverErrors;
			replayed += tally.replayed;

			expect(code, `try ${attempt}: exit code (or 'late' after 10 s)`).toBe(0);
			expect(tally.serverErrors, `try ${attempt}: 5xx answers`).toBe(0);
			expect(missing, `try ${attempt}: acknowledged writes not stored`).toEqual([]);
			expect(tally.acknowledged.size, `try ${attempt}: writes acknowledged`).toBeGreaterThan(0);
			expect(
				Object.keys(tally.refusals).filter((s) => s !== '409'),
				`try ${attempt}`
			).toEqual([]);
			expect(server.output(), `try ${attempt}: errors logged`).not.toContain('"level":"error"');
			expect(server.output()).toContain('"msg":"Stopped"');
		}
		expect(duplicates).toBe(0);
		recordScenario({
			scenario: 'shutdown under load (SIGTERM)',
			database,
			passed: true,
			figures: {
				tries: TRIES,
				'writes acknowledged': acknowledged,
				'writes found': found,
				duplicates,
				'retries replayed': replayed,
				'5xx': serverErrors,
				'exit ms (max)': Math.max(...exitTimes),
				'exit ms (each)': exitTimes.join(' ')
			}
		});
	}, 300_000);
});

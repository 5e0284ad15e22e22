// Shutdown under load: SIGTERM while citizens read and a department system writes cases through
// the API. Every try: the requests in flight finish, no
// request gets a 5xx, the process exits 0 within 10 s, and every write the API acknowledged is in
// the database exactly once.
import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds } from '../../src/lib/server/seed/demo';
import { startSeededServer } from '../e2e/seeded-server';
import { LONG, recordScenario } from './summary';

const TRIES = 10;
const WORKERS = 30;
/** How long the load runs before the signal. */
const LOAD_BEFORE_MS = LONG ? 5_000 : 1_500;
const EXIT_WITHIN_MS = 10_000;

interface Tally {
	acknowledged: Set<string>;
	replayed: number;
	serverErrors: number;
	/** Refusals other than 5xx by status (a retry that meets its original still running: 409). */
	refusals: Record<number, number>;
	refusedConnections: number;
	requests: number;
}

/** Loads the server until `stop()`: each worker alternates a case write and the front page. */
function load(url: string, apiKey: string, run: string) {
	const tally: Tally = {
		acknowledged: new Set(),
		replayed: 0,
		serverErrors: 0,
		refusals: {},
		refusedConnections: 0,
		requests: 0
	};
	let stopped = false;
	let n = 0;
	const hangUp = new AbortController();
	const worker = async () => {
		while (!stopped) {
			n += 1;
			// One write in ten repeats an earlier one with its key: a retry must not make a second case.
			const number = n % 10 === 0 && n > 10 ? n - 5 : n;
			const ref = `RES-${run}-${number}`;
			try {
				tally.requests += 1;
				const write = await fetch(`${url}/api/v1/cases/${ref}`, {
					method: 'PUT',
					// In every other try the clients hang up at the signal: the handlers of their
					// writes run on in the app, which must not close the database under them.
					signal: hangUp.signal,
					headers: {
						authorization: `Bearer ${apiKey}`,
						'content-type': 'application/json',
						'idempotency-key': `res-${run}-${number}`
					},
					body: JSON.stringify({
						citizenId: demoIds.citizen('Maja Jensen'),
						kleNumber: '15.20.02',
						title: 'Din vej til job',
						status: 'in_progress',
						nextStep: 'Mød op til samtale',
						waitingOn: 'municipality'
					})
				});
				await write.arrayBuffer();
				if (write.status >= 500) tally.serverErrors += 1;
				else if (write.ok) {
					tally.acknowledged.add(ref);
					if (write.headers.get('idempotent-replayed') === 'true') tally.replayed += 1;
				} else tally.refusals[write.status] = (tally.refusals[write.status] ?? 0) + 1;
				tally.requests += 1;
				const page = await fetch(`${url}/`);
				await page.arrayBuffer();
				if (page.status >= 500) tally.serverErrors += 1;
			} catch {
				// A refused or reset connection, or a hang-up: no acknowledgement.
				if (hangUp.signal.aborted) break;
				tally.refusedConnections += 1;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		}
	};
	const workers = Array.from({ length: WORKERS }, worker);
	return {
		tally,
		hangUp: () => hangUp.abort(),
		async stop() {
			stopped = true;
			await Promise.all(workers);
		}
	};
}

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

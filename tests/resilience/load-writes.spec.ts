// Load with writes: the mixed load (mixed-load.ts: 200 clients reading and writing as citizens,
// caseworkers and a department system) for 20 s (60 s in the long mode) on PostgreSQL (PGlite when
// the run has no PostgreSQL). Afterwards the database holds exactly what was acknowledged: every
// acknowledged write once, nothing that was not acknowledged, each with its audit row, and every
// notification with exactly one job (docs/SECURITY.md, "Resilience").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { copyDemoDatabase } from '../e2e/databases';
import { startServer } from '../e2e/server';
import {
	accountFor,
	CONNECTIONS,
	EXPECTED_REFUSALS,
	latencies,
	MIXED_LOAD_ENV,
	prepareMixedLoad,
	refusals,
	startMixedLoad
} from './mixed-load';
import { LONG, recordScenario } from './summary';

const LOAD_MS = LONG ? 60_000 : 20_000;
const kind: 'postgresql' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

describe(`load with writes on ${kind}`, () => {
	it(`keeps exactly what it acknowledged at ${CONNECTIONS} connections`, async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-load-writes-'));
		try {
			const database = await copyDemoDatabase(inject('templates'), dataDir);
			const prepared = await prepareMixedLoad(database);
			const server = await startServer({ database, env: MIXED_LOAD_ENV, timeoutMs: 60_000 });
			let elapsedMs: number;
			let load;
			try {
				load = await startMixedLoad(server.url, prepared);
				await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
				elapsedMs = await load.stop();
			} finally {
				await load?.stop();
				expect(await server.stop()).toBe(0);
			}
			const { tally } = load;
			const { mismatches, figures } = await accountFor(database, prepared, tally, {
				crashed: false
			});
			recordScenario({
				scenario: `load with writes, ${CONNECTIONS} connections for ${LOAD_MS / 1000} s`,
				database: kind,
				passed: mismatches.length === 0 && tally.serverErrors === 0,
				figures: {
					requests: tally.requests,
					'requests/s': Math.round(tally.requests / (elapsedMs / 1000)),
					...figures,
					'answers by kind (count, p50 / p99 ms)': latencies(tally),
					'5xx': tally.serverErrors,
					'connection errors': tally.connectionErrors,
					refusals: refusals(tally)
				}
			});
			expect(tally.serverErrors, '5xx').toBe(0);
			expect(tally.connectionErrors, 'connection errors').toBe(0);
			expect(tally.twinsBothDone, 'double submits of a task both answered done').toBe(0);
			expect(mismatches.slice(0, 20)).toEqual([]);
			// Every kind of write happened, or the scenario shows nothing about it.
			for (const [what, keys] of Object.entries(tally.acknowledged)) {
				expect(keys.size, `${what} acknowledged`).toBeGreaterThan(0);
			}
			for (const key of Object.keys(tally.refusals)) expect(EXPECTED_REFUSALS).toContain(key);
		} finally {
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

// npm run bench — speed targets, measured rather than asserted in timed tests. Runs on PGlite in a
// throwaway directory, and on PostgreSQL too when BENCH_DATABASE_URL is set (a database the bench
// may fill: it is migrated and seeded). Prints one line per measurement and exits 1 if a target
// is missed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deriveCprKeys } from '../src/lib/server/crypto/cpr';
import { connect, type DatabaseHandle } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { citizenTimelineFilter } from '../src/lib/server/access/policy';
import { loadJourneyAccess } from '../src/lib/server/db/access-facts';
import { listTimeline } from '../src/lib/server/db/timeline';
import { demoIds, isDatabaseEmpty, seedDemo } from '../src/lib/server/seed/demo';

interface Result {
	name: string;
	ms: number;
	targetMs: number;
}

const results: Result[] = [];

async function timed<T>(name: string, targetMs: number, work: () => Promise<T>): Promise<T> {
	const start = performance.now();
	const value = await work();
	results.push({ name, ms: performance.now() - start, targetMs });
	return value;
}

/** Median of `runs` timings of `work`, after a warm-up. */
async function median(name: string, targetMs: number, runs: number, work: () => Promise<unknown>) {
	await work();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	results.push({ name, ms: times[Math.floor(times.length / 2)] ?? 0, targetMs });
}

async function bench(label: string, open: () => Promise<DatabaseHandle>) {
	// A first open of PGlite creates the cluster (initdb); later starts only open it.
	await (await timed(`${label}: first open`, 10_000, open)).close();
	const handle = await timed(`${label}: open again`, 4000, open);
	try {
		await timed(`${label}: migrate`, 5000, () => migrateToLatest(handle.db));
		if (await isDatabaseEmpty(handle.db)) {
			await timed(`${label}: seed the demo`, 5000, () =>
				seedDemo(handle.db, deriveCprKeys(Buffer.alloc(32, 9)))
			);
		}
		// The demo's longest timeline (the coordinated journey of Maja Jensen).
		const journeyId = demoIds.journey('maja');
		const first = await listTimeline(handle.db, journeyId, { limit: 20 });
		await median(`${label}: timeline, first page (median of 50)`, 20, 50, () =>
			listTimeline(handle.db, journeyId, { filter: citizenTimelineFilter(null), limit: 20 })
		);
		// What every staff page about a journey asks the policy with: one round trip.
		await median(`${label}: a journey's access facts (median of 50)`, 10, 50, () =>
			loadJourneyAccess(handle.db, journeyId)
		);
		await median(`${label}: timeline, second page by cursor (median of 50)`, 20, 50, () =>
			listTimeline(handle.db, journeyId, { after: first.next, limit: 20 })
		);
	} finally {
		await handle.close();
	}
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-bench-'));
try {
	await bench('PGlite', () => connect({ dataDir: dir }));
	const url = process.env.BENCH_DATABASE_URL;
	if (url) await bench('PostgreSQL', () => connect({ databaseUrl: url, dataDir: dir }));
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}

let missed = 0;
for (const r of results) {
	const ok = r.ms <= r.targetMs;
	if (!ok) missed++;
	console.log(
		`${ok ? 'ok  ' : 'SLOW'} ${r.name.padEnd(58)} ${r.ms.toFixed(1).padStart(9)} ms  (target ${r.targetMs} ms)`
	);
}
process.exitCode = missed ? 1 : 0;

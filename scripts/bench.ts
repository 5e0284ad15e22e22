// npm run bench — speed targets, measured rather than asserted in timed tests. Runs on PGlite in a
// throwaway directory, and on PostgreSQL too when BENCH_DATABASE_URL is set (a database the bench
// may fill: it is migrated and seeded). When that database holds the benchmark's municipality
// (npm run bench:data, with the same CPR_KEY), it also loads the pages of the production build
// (scripts/bench/pages.ts; BENCH_SECONDS per page and connection count, default 15). Prints one
// line per measurement, writes bench/report.json and exits 1 if a target is missed.
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
import { scaleId } from './bench/scale-data';
import { benchPages, type PagesReport } from './bench/pages';

/** Whether the database at `url` holds the benchmark's municipality (seed 1). */
async function holdsScaleData(url: string): Promise<boolean> {
	const handle = await connect({ databaseUrl: url, dataDir: os.tmpdir() });
	try {
		const found = await handle.db
			.selectFrom('citizens')
			.select('id')
			.where('id', '=', scaleId(1, 'citizen', 1))
			.executeTakeFirst();
		return found !== undefined;
	} finally {
		await handle.close();
	}
}

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

let pages: PagesReport | null = null;
const url = process.env.BENCH_DATABASE_URL;
if (url && (await holdsScaleData(url))) {
	const cprKey = process.env.CPR_KEY;
	if (!cprKey) throw new Error('Set CPR_KEY to the key npm run bench:data used');
	const seconds = Number(process.env.BENCH_SECONDS ?? 15);
	pages = await benchPages({
		databaseUrl: url,
		dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-bench-app-')),
		cprKey,
		seconds,
		log: (line) => console.error(line)
	});
	const readyOk = pages.readyMs <= 10_000;
	if (!readyOk) missed++;
	console.log(
		`\n${readyOk ? 'ok  ' : 'SLOW'} /readyz healthy after node build starts: ${(pages.readyMs / 1000).toFixed(1)} s (target 10 s); app memory after the run: ${pages.rssMb ?? '?'} MB\n`
	);
	console.log(
		`     ${'page'.padEnd(30)} conn    req/s   p50 ms   p99 ms  errors  timeouts  (p99 target)`
	);
	for (const p of pages.pages) {
		const ok = p.p99Ms <= p.targetP99Ms && p.errors === 0 && p.timeouts === 0;
		if (!ok) missed++;
		console.log(
			`${ok ? 'ok  ' : 'SLOW'} ${p.page.padEnd(30)} ${String(p.connections).padStart(4)} ${p.requestsPerSecond.toFixed(0).padStart(8)} ${String(p.p50Ms).padStart(8)} ${String(p.p99Ms).padStart(8)} ${String(p.errors).padStart(7)} ${String(p.timeouts).padStart(9)}  (${p.targetP99Ms} ms)`
		);
	}
} else {
	console.log(
		'\nPages not measured: set BENCH_DATABASE_URL to a database filled by npm run bench:data (and CPR_KEY to its key).'
	);
}
fs.mkdirSync('bench', { recursive: true });
fs.writeFileSync('bench/report.json', JSON.stringify({ measurements: results, pages }, null, 2));
process.exitCode = missed ? 1 : 0;

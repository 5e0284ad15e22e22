// npm run bench — speed targets, measured rather than asserted in timed tests (README,
// "Performance"). Runs on PGlite in a throwaway directory, and on PostgreSQL too when
// BENCH_DATABASE_URL is set (a database the bench may fill: it is migrated and seeded). When that
// database holds the benchmark's municipality (npm run bench:data, with the same CPR_KEY), it also
// loads the pages of the production build (scripts/bench/pages.ts; BENCH_SECONDS per page and
// connection count, default 15) beside the floor (bench/floor.ts), weighs the overview
// (bench/weight.ts) and explains the slowest statements (bench/explain.ts); the same pages on
// PGlite when BENCH_DATA_DIR (default ./data-bench) holds bench data. Prints one line per
// measurement, writes bench/report.json and exits 1 if a target is missed.
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
import { benchPages, FLOOR_RATIO_TARGET, type PagesReport } from './bench/pages';
import { WEIGHT_TARGETS } from './bench/weight';
import { ensureBuild } from './build-if-needed.js';
import { explainToFile, readProfile, slowest, summary, type QuerySummary } from './bench/explain';

/** Whether the database holds the benchmark's municipality (seed 1). */
async function holdsScaleData(database: { databaseUrl?: string; dataDir: string }) {
	const handle = await connect(database);
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

interface PagesRun {
	label: string;
	pages: PagesReport;
	slowQueries: QuerySummary[];
}

/** p99 targets: every page on PostgreSQL; on PGlite (at 10,000 citizens) the overview at 10. */
function p99Target(label: string) {
	return (page: string, connections: number): number | null => {
		if (label === 'PostgreSQL') return connections <= 10 ? 100 : 250;
		return page === 'citizen overview' && connections <= 10 ? 250 : null;
	};
}

/** The pages on one database: the table, the floor's ratio, the slowest statements' plans. */
async function measurePages(
	label: 'PostgreSQL' | 'PGlite',
	database: { databaseUrl?: string; dataDir: string },
	cprKey: string,
	only: string[]
): Promise<PagesRun> {
	const seconds = Number(process.env.BENCH_SECONDS ?? 15);
	const slug = label.toLowerCase();
	const queryProfile = path.resolve(`bench/query-profile-${slug}.json`);
	fs.rmSync(queryProfile, { force: true });
	console.log(`\nPages on ${label}:`);
	const pages = await benchPages({
		...database,
		cprKey,
		seconds,
		only: only.length > 0 ? only : BENCH_ONLY,
		targetP99: p99Target(label),
		queryProfile,
		floorScript: path.resolve('bench/floor-script.json'),
		log: (line) => console.error(line)
	});
	const readyOk = label !== 'PostgreSQL' || pages.readyMs <= 10_000;
	if (!readyOk) missed++;
	console.log(
		`${readyOk ? 'ok  ' : 'SLOW'} /readyz healthy after node build starts: ${(pages.readyMs / 1000).toFixed(1)} s${label === 'PostgreSQL' ? ' (target 10 s)' : ''}; app memory after the run: ${pages.rssMb ?? '?'} MB\n`
	);
	console.log(
		`     ${'page'.padEnd(30)} conn    req/s   p50 ms   p99 ms  errors  timeouts  (p99 target)`
	);
	for (const p of pages.pages) {
		const ok =
			(p.targetP99Ms === null || p.p99Ms <= p.targetP99Ms) && p.errors === 0 && p.timeouts === 0;
		if (!ok) missed++;
		console.log(
			`${ok ? 'ok  ' : 'SLOW'} ${p.page.padEnd(30)} ${String(p.connections).padStart(4)} ${p.requestsPerSecond.toFixed(0).padStart(8)} ${String(p.p50Ms).padStart(8)} ${String(p.p99Ms).padStart(8)} ${String(p.errors).padStart(7)} ${String(p.timeouts).padStart(9)}  (${p.targetP99Ms === null ? '–' : `${p.targetP99Ms} ms`})`
		);
	}
	const w = pages.overviewWeight;
	const weightOk = w.jsKb <= WEIGHT_TARGETS.jsKb && w.totalKb <= WEIGHT_TARGETS.totalKb;
	if (!weightOk) missed++;
	console.log(
		`${weightOk ? 'ok  ' : 'SLOW'} citizen overview, cold cache: ${w.jsKb.toFixed(1)} KB JavaScript, ${w.totalKb.toFixed(1)} KB in all (CSS ${w.cssKb.toFixed(1)}, fonts ${w.fontKb.toFixed(1)}, HTML ${w.htmlKb.toFixed(1)}; ${w.requests} requests) (targets ${WEIGHT_TARGETS.jsKb} and ${WEIGHT_TARGETS.totalKb} KB)`
	);
	const first = pages.pages.find((p) => p.page === 'journey, first page' && p.connections === 10);
	const deep = pages.pages.find(
		(p) => p.page.startsWith('journey, page 50') && p.connections === 10
	);
	if (first && deep) {
		const ratio = deep.p50Ms / Math.max(first.p50Ms, 1);
		const ok = label !== 'PostgreSQL' || ratio <= 1.2;
		if (!ok) missed++;
		console.log(
			`${ok ? 'ok  ' : 'SLOW'} page 50 of the long timeline: p50 ${ratio.toFixed(2)}× its first page at 10 connections${label === 'PostgreSQL' ? ' (target ≤ 1.2)' : ''}`
		);
	}
	if (pages.pages.some((p) => p.floorRequestsPerSecond !== undefined)) {
		console.log(
			`\n     ${'page, Sammen / floor'.padEnd(30)} conn  Sammen   floor   ratio  (target ≥ ${FLOOR_RATIO_TARGET})`
		);
	}
	for (const p of pages.pages) {
		if (p.floorRequestsPerSecond === undefined) continue;
		const ratio = p.requestsPerSecond / p.floorRequestsPerSecond;
		const ok = ratio >= FLOOR_RATIO_TARGET;
		if (!ok) missed++;
		console.log(
			`${ok ? 'ok  ' : 'SLOW'} ${p.page.padEnd(30)} ${String(p.connections).padStart(4)} ${p.requestsPerSecond.toFixed(0).padStart(7)} ${p.floorRequestsPerSecond.toFixed(0).padStart(7)} ${ratio.toFixed(2).padStart(7)}`
		);
	}
	let slowQueries: QuerySummary[] = [];
	if (fs.existsSync(queryProfile)) {
		const top = slowest(readProfile(queryProfile), 5);
		slowQueries = top.map(summary);
		const plans = `bench/explain-${slug}.txt`;
		await explainToFile(top, database, plans);
		console.log(`\nThe five slowest statements on average (plans in ${plans}):`);
		for (const q of slowQueries) {
			console.log(
				`  mean ${q.meanMs.toFixed(1).padStart(7)} ms  max ${q.maxMs.toFixed(1).padStart(7)} ms  ${String(q.calls).padStart(6)} calls  ${q.sql.replace(/\s+/g, ' ').slice(0, 90)}`
			);
		}
	} else {
		console.log('\nThe app wrote no query profile (did it stop cleanly?)');
		missed++;
	}
	return { label, pages, slowQueries };
}

/** BENCH_ONLY: a comma-separated list of page names (or parts of them) to measure alone. */
const BENCH_ONLY = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((name) => name.trim())
	.filter(Boolean);

fs.mkdirSync('bench', { recursive: true });
const runs: PagesRun[] = [];
// The pages are the production build's: made now unless build/ holds one of these sources.
const needsBuild = () => ensureBuild({ log: (line) => console.error(line) });
const url = process.env.BENCH_DATABASE_URL;
if (url && (await holdsScaleData({ databaseUrl: url, dataDir: os.tmpdir() }))) {
	const cprKey = process.env.CPR_KEY;
	if (!cprKey) throw new Error('Set CPR_KEY to the key npm run bench:data used');
	needsBuild();
	const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-bench-app-'));
	try {
		runs.push(await measurePages('PostgreSQL', { databaseUrl: url, dataDir: appDir }, cprKey, []));
	} finally {
		fs.rmSync(appDir, { recursive: true, force: true });
	}
} else {
	console.log(
		'\nPages on PostgreSQL not measured: set BENCH_DATABASE_URL to a database filled by npm run bench:data (and CPR_KEY to its key).'
	);
}
// PGlite at the size one process serves (npm run bench:data -- --citizens 10000, without
// BENCH_DATABASE_URL): the pages the embedded database's targets are about.
const benchDataDir = path.resolve(process.env.BENCH_DATA_DIR || './data-bench');
if (
	fs.existsSync(path.join(benchDataDir, 'pglite')) &&
	(await holdsScaleData({ dataDir: benchDataDir }))
) {
	// The key npm run bench:data kept in the directory (it used CPR_KEY only when there was none).
	const keyFile = path.join(benchDataDir, 'cpr.key');
	const cprKey = fs.existsSync(keyFile)
		? fs.readFileSync(keyFile, 'utf8').trim()
		: process.env.CPR_KEY;
	if (!cprKey)
		throw new Error(`No CPR key for ${benchDataDir}: set CPR_KEY to the one it was filled with`);
	needsBuild();
	runs.push(
		await measurePages('PGlite', { dataDir: benchDataDir }, cprKey, [
			'citizen overview',
			'journey, first page',
			'staff caseload'
		])
	);
} else {
	console.log(
		`\nPages on PGlite not measured: ${benchDataDir} holds no benchmark data (npm run bench:data -- --citizens 10000 without BENCH_DATABASE_URL).`
	);
}
fs.mkdirSync('bench', { recursive: true });
fs.writeFileSync(
	'bench/report.json',
	JSON.stringify({ measurements: results, pages: runs }, null, 2)
);
process.exitCode = missed ? 1 : 0;

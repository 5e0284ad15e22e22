// The pages part of `npm run bench`: the production build (`node build`) on the benchmark's
// database, people logged in through the real login path, and each page loaded by autocannon for
// a while after a warm-up, at 10 and at 50 connections. Also the time from `node build` to the
// first healthy /readyz and the app's memory after the run.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { connect } from '../../src/lib/server/db/connect';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { staffSub } from '../../src/lib/server/demo-idp/instance';
import { DEMO_CITIZENS, demoIds } from '../../src/lib/server/seed/demo';
import { scaleId } from './scale-data';
import { pageWeight, type PageWeight } from './weight';
import { freePort } from '../lib/free-port';
import { recordFloorScript, sessionToken, writeFloorScript } from './floor';
import { cookieHeader, demoLogin } from './login';

export interface PageResult {
	page: string;
	connections: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	errors: number;
	timeouts: number;
	/** Null where the page has no p99 target on this database (errors and timeouts still count). */
	targetP99Ms: number | null;
	/** The floor's req/s for the same page in the same run (floor.ts), where there is one. */
	floorRequestsPerSecond?: number;
}

export interface PagesReport {
	readyMs: number;
	rssMb: number | null;
	pages: PageResult[];
	/** Maja's overview on a cold cache (weight.ts). */
	overviewWeight: PageWeight;
}

export interface PagesOptions {
	databaseUrl?: string;
	dataDir: string;
	cprKey: string;
	/** Seconds per page and connection count (the report's are 15). */
	seconds: number;
	/** The p99 target of a page at a number of connections, null for none. */
	targetP99: (page: string, connections: number) => number | null;
	/** Only the pages whose name contains one of these (all when empty). */
	only: string[];
	/** Where the app writes its query profile at shutdown (db/query-profile.ts). */
	queryProfile: string;
	/** Where the floor's recorded statements are written (floor.ts). */
	floorScript: string;
	log: (line: string) => void;
}

interface Request {
	name: string;
	path: string;
	cookie: string;
	method?: 'GET' | 'POST' | 'PUT';
	form?: Record<string, string>;
	/** The floor server's path for the same page's SQL. */
	floorPath?: string;
	/** Each request's own path, body and headers (the API write: a new key and case each time). */
	setup?: () => { path: string; body: string; headers: Record<string, string> };
}

/** The floor: Sammen's req/s for the overview and the journey page at least half of it. */
export const FLOOR_RATIO_TARGET = 0.5;

async function load(
	url: string,
	request: Request,
	connections: number,
	seconds: number,
	targetP99Ms: number | null = null
): Promise<PageResult> {
	const body = request.form ? new URLSearchParams(request.form).toString() : undefined;
	const setup = request.setup;
	const result = await autocannon({
		url: `${url}${request.path}`,
		connections,
		duration: seconds,
		timeout: 10,
		method: request.method ?? 'GET',
		headers: {
			cookie: request.cookie,
			accept: 'text/html',
			...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin: url } : {})
		},
		body,
		...(setup
			? {
					requests: [
						{
							setupRequest: (req) => {
								const made = setup();
								return { ...req, ...made, headers: { ...req.headers, ...made.headers } };
							}
						}
					]
				}
			: {})
	});
	return {
		page: request.name,
		connections,
		requestsPerSecond: result.requests.average,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors + result.non2xx,
		timeouts: result.timeouts,
		targetP99Ms
	};
}

/**
 * Waits until the app answers /healthz quickly again (at most 30 s): requests a slow page had in
 * flight when its load ended must not be counted against the next page.
 */
async function drained(url: string): Promise<void> {
	const until = performance.now() + 30_000;
	while (performance.now() < until) {
		const started = performance.now();
		await fetch(`${url}/healthz`).catch(() => null);
		if (performance.now() - started < 50) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** The URL of page `n` of a journey's timeline, following its "older" links from the first. */
async function timelinePage(url: string, cookie: string, first: string, n: number) {
	let at = first;
	for (let page = 1; page < n; page++) {
		const html = await (await fetch(`${url}${at}`, { headers: { cookie } })).text();
		const older = /href="([^"]*\?efter=[^"]+)"/.exec(html)?.[1];
		if (!older) throw new Error(`${first} has only ${page} pages`);
		const target = new URL(older.replace(/&amp;/g, '&'), `${url}${at}`);
		at = target.pathname + target.search;
	}
	return at;
}

/** Records the floor's statements as Maja and starts the floor server on a free port. */
async function startFloor(databaseUrl: string, file: string, cookie: string, journeyId: string) {
	writeFloorScript(file, await recordFloorScript(databaseUrl, sessionToken(cookie), journeyId));
	const port = await freePort();
	const server = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/bench/floor-server.ts', file],
		{
			env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
			stdio: ['ignore', 'pipe', 'inherit']
		}
	);
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
	await new Promise<void>((resolve, reject) => {
		server.stdout.once('data', () => resolve());
		server.once('exit', () => reject(new Error('The floor server did not start')));
	});
	return {
		url: `http://127.0.0.1:${port}`,
		async stop() {
			server.kill('SIGTERM');
			await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
			if (server.exitCode === null) server.kill('SIGKILL');
		}
	};
}

/**
 * Before the app opens the database (PGlite has one user): its statistics brought up to date, as
 * autovacuum keeps them (earlier runs wrote audit rows and cases), and a Jobcenter API key.
 */
async function prepare(database: { databaseUrl?: string; dataDir: string }) {
	const handle = await connect(database);
	try {
		await sql`analyze`.execute(handle.db);
		return (
			await createApiKey(handle.db, {
				departmentId: demoIds.department('jobcenter'),
				name: `Benchmark ${randomUUID().slice(0, 8)}`,
				createdByStaffId: null
			})
		).key;
	} finally {
		await handle.close();
	}
}

/**
 * The API write: each request sends a new Jobcenter case for one of the municipality's citizens
 * with its own Idempotency-Key, as a case system sending its changes would.
 */
function apiWrite(apiKey: string, citizens: number): Request['setup'] {
	// The API takes RFC 9562 ids only; the generator's ids are md5 digests, one in eight of which
	// has a valid version and variant: the first `citizens` of those.
	const rfc = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
	const ids: string[] = [];
	for (let i = 1; ids.length < citizens; i++) {
		const id = scaleId(1, 'citizen', i);
		if (rfc.test(id)) ids.push(id);
	}
	let n = 0;
	const run = randomUUID().slice(0, 8);
	return () => {
		n += 1;
		return {
			path: `/api/v1/cases/BENCH-${run}-${n}`,
			body: JSON.stringify({
				citizenId: ids[n % ids.length],
				kleNumber: '15.20.02',
				title: 'Din vej til job',
				status: 'in_progress',
				// No caseworker: the cases written must not grow the caseload the bench measures.
				nextStep: 'Mød op til samtale',
				waitingOn: 'municipality'
			}),
			headers: {
				authorization: `Bearer ${apiKey}`,
				'content-type': 'application/json',
				'idempotency-key': `bench-${run}-${n}`
			}
		};
	};
}

export async function benchPages(options: PagesOptions): Promise<PagesReport> {
	const apiKey = await prepare({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const app = spawn(process.execPath, [path.resolve('build/index.js')], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			DEMO: '1',
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			DATABASE_URL: options.databaseUrl ?? '',
			DATA_DIR: options.dataDir,
			CPR_KEY: options.cprKey,
			LOG_LEVEL: 'warn',
			BENCH_QUERY_PROFILE: options.queryProfile,
			// The API write measures the write, not the per-key brake (600 a minute by default).
			API_RATE_LIMIT_PER_MINUTE: '100000000',
			// The searches measure the search, not the brake per member of staff (30 a minute and
			// 600 a day by default), which one login's load passes at once.
			SEARCH_RATE_LIMIT_PER_MINUTE: '100000000',
			SEARCH_RATE_LIMIT_PER_DAY: '100000000'
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	const exited = new Promise<void>((resolve) => app.once('exit', () => resolve()));
	try {
		let readyMs = -1;
		while (performance.now() - started < 120_000) {
			if (app.exitCode !== null) throw new Error('The app exited before it was ready');
			const ready = await fetch(`${url}/readyz`).catch(() => null);
			if (ready?.ok) {
				readyMs = performance.now() - started;
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		if (readyMs < 0) throw new Error('The app was not ready within two minutes');
		options.log(`/readyz healthy ${(readyMs / 1000).toFixed(1)} s after node build started`);

		const maja = cookieHeader(await demoLogin(url, 'citizen', 'demo-citizen-maja-jensen'), url);
		const lone = cookieHeader(await demoLogin(url, 'staff', staffSub('Lone Madsen')), url);
		const birgitte = cookieHeader(await demoLogin(url, 'staff', staffSub('Birgitte Skov')), url);
		const journey = `/forloeb/${demoIds.journey('maja')}`;
		const requests: Request[] = [
			{ name: 'citizen overview', path: '/', cookie: maja, floorPath: '/overview' },
			{ name: 'journey, first page', path: journey, cookie: maja, floorPath: '/journey' },
			{
				name: 'journey, page 50 (keyset)',
				path: await timelinePage(url, maja, journey, 50),
				cookie: maja
			},
			{ name: 'meetings', path: '/moeder', cookie: maja },
			{ name: 'documents', path: '/dokumenter', cookie: maja },
			{ name: 'staff caseload (Lone Madsen)', path: '/staff', cookie: lone },
			{
				name: 'staff journey view',
				path: `/staff/forloeb/${demoIds.journey('maja')}`,
				cookie: lone
			},
			{
				name: 'staff search by CPR',
				path: '/staff/soeg?/soeg',
				cookie: lone,
				method: 'POST',
				form: { query: DEMO_CITIZENS['Maja Jensen'], purpose: 'Benchmark' }
			},
			{
				name: 'staff search by name',
				path: '/staff/soeg?/soeg',
				cookie: lone,
				method: 'POST',
				form: { query: 'Jensen', purpose: 'Benchmark' }
			},
			{
				name: 'audit view, filtered',
				path: '/staff/logning?handling=read&objekt=citizen',
				cookie: birgitte
			},
			{
				name: 'API write (PUT a case)',
				path: '/api/v1/cases/BENCH',
				cookie: '',
				method: 'PUT',
				setup: apiWrite(apiKey, 500)
			}
		];

		const pages: PageResult[] = [];
		const chosen = requests.filter(
			(r) => options.only.length === 0 || options.only.some((name) => r.name.includes(name))
		);
		const floor = options.databaseUrl
			? await startFloor(options.databaseUrl, options.floorScript, maja, demoIds.journey('maja'))
			: null;
		try {
			for (const request of chosen) {
				await load(url, request, 10, Math.min(3, options.seconds));
				for (const connections of [10, 50]) {
					await drained(url);
					const result = await load(
						url,
						request,
						connections,
						options.seconds,
						options.targetP99(request.name, connections)
					);
					if (floor && request.floorPath) {
						const bare = { ...request, path: request.floorPath };
						await load(floor.url, bare, connections, Math.min(3, options.seconds));
						const measured = await load(floor.url, bare, connections, options.seconds);
						if (measured.errors > 0) throw new Error(`The floor answered errors at ${bare.path}`);
						result.floorRequestsPerSecond = measured.requestsPerSecond;
					}
					pages.push(result);
					const ratio = result.floorRequestsPerSecond
						? `, ${(result.requestsPerSecond / result.floorRequestsPerSecond).toFixed(2)}× the floor`
						: '';
					options.log(
						`${request.name} at ${connections}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms${ratio}`
					);
				}
			}
		} finally {
			await floor?.stop();
		}
		const overviewWeight = await pageWeight(url, maja, '/');
		// Requests a slow page still had in flight finish before the app is asked to stop.
		await drained(url);
		const status = fs.readFileSync(`/proc/${app.pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
		return {
			readyMs,
			rssMb: Number.isFinite(rssKb) ? Math.round(rssKb / 1024) : null,
			pages,
			overviewWeight
		};
	} finally {
		app.kill('SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
		if (app.exitCode === null) app.kill('SIGKILL');
	}
}

// The actions tier (docs/ARCHITECTURE.md, Tests): the app's loads, form actions and endpoints run in
// the test's own process, on a copy of the seeded demo, through the app's real `handle` hook
// (session, locale, scope, security headers, no-store) with a RequestEvent-shaped object. No build,
// no server process, no HTTP and no OIDC round trips: a person is logged in by a session row, the
// way the login callback ends (src/lib/server/auth/flow.ts).
//
// What this tier stands in for is SvelteKit's routing and the order it runs things in: the
// matching route (groups left out of the path), the layouts' server loads outermost first with
// `parent()`, then the page's; for a POST the action named by `?/name` (or `default`), then the
// loads again, as SvelteKit renders the page after an action; `redirect()` and `error()` as their
// status; an unexpected error as 500. It does not render HTML and does not check the origin of a
// form post (CSRF): the browser tests (tests/e2e) run the built app for both.
//
// Written here rather than taken from a library: SvelteKit exports no way to run a route without
// its built server, and the built server allows one app per process (its init runs once), where
// each test file here needs its own database.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	isActionFailure,
	isHttpError,
	isRedirect,
	type Cookies,
	type RequestEvent
} from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { getDb, startDatabase, stopDatabase } from '../../src/lib/server/db';
import type { Database } from '../../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	INSECURE_COOKIE_NAME
} from '../../src/lib/server/auth/session';
import { todayInDenmark } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { activeRepresentations } from '../../src/lib/server/db/representatives';
import { demoIds } from '../../src/lib/server/seed/demo';
import { adminQuery } from '../templates';
import { copyDemoDatabase, DEMO_CPR_KEY } from '../e2e/databases';

const ORIGIN = 'http://127.0.0.1';
const ROUTES_DIR = path.resolve('src/routes');

// Routes

interface Route {
	/** SvelteKit's route id, groups included: `/(portal)/forloeb/[id]`. */
	id: string;
	pattern: RegExp;
	names: string[];
	/** How specific: static segments outrank parameters, parameters outrank rest parameters. */
	rank: number[];
	/** The files from the root down: every +layout.server.ts on the way, then the page's. */
	layouts: string[];
	page: string | null;
	endpoint: string | null;
}

function findRoutes(): Route[] {
	const routes: Route[] = [];
	const walk = (dir: string, segments: string[], layouts: string[]) => {
		const files = new Set(fs.readdirSync(dir));
		const here = files.has('+layout.server.ts')
			? [...layouts, path.join(dir, '+layout.server.ts')]
			: layouts;
		const page = files.has('+page.server.ts') ? path.join(dir, '+page.server.ts') : null;
		const endpoint = files.has('+server.ts') ? path.join(dir, '+server.ts') : null;
		if (page || endpoint || files.has('+page.svelte')) {
			const inPath = segments.filter((s) => !/^\(.+\)$/.test(s));
			const names: string[] = [];
			const source = inPath
				.map((segment) => {
					const rest = /^\[\.\.\.(\w+)\]$/.exec(segment);
					if (rest) {
						names.push(rest[1]!);
						return '(?:/(.*))?';
					}
					const param = /^\[(\w+)\]$/.exec(segment);
					if (param) {
						names.push(param[1]!);
						return '/([^/]+)';
					}
					return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				})
				.join('');
			routes.push({
				id: '/' + segments.join('/'),
				pattern: new RegExp(`^${source || '/'}/?$`),
				names,
				rank: inPath.map((s) => (s.startsWith('[...') ? 2 : s.startsWith('[') ? 1 : 0)),
				layouts: here,
				page,
				endpoint
			});
		}
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name], here);
		}
	};
	walk(ROUTES_DIR, [], []);
	// SvelteKit's order where two routes match: the more static one first, segment by segment.
	const compare = (a: Route, b: Route) => {
		for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
			const difference = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
			if (difference !== 0) return difference;
		}
		return 0;
	};
	return routes.sort(compare);
}

let routeTable: Route[] | undefined;

function match(pathname: string): { route: Route; params: Record<string, string> } | null {
	routeTable ??= findRoutes();
	for (const route of routeTable) {
		const found = route.pattern.exec(pathname);
		if (!found) continue;
		const params: Record<string, string> = {};
		route.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
		return { route, params };
	}
	return null;
}

/** The names of the form actions of the page at `pathname` (none for an endpoint). */
export async function actionsAt(pathname: string): Promise<string[]> {
	const page = match(new URL(pathname, ORIGIN).pathname)?.route.page;
	if (!page) return [];
	const actions = ((await import(/* @vite-ignore */ page)) as Module).actions;
	return Object.keys(actions ?? {});
}

/** The ids of every route: what a test that covers "every route with an id" compares with. */
export function routeIds(): string[] {
	routeTable ??= findRoutes();
	return routeTable.map((route) => route.id);
}

// Cookies

interface CookieJar {
	get(name: string): string | undefined;
	set(name: string, value: string | null): void;
	header(): string;
}

function cookieJar(): CookieJar {
	const values = new Map<string, string>();
	return {
		get: (name) => values.get(name),
		set: (name, value) => (value === null ? values.delete(name) : values.set(name, value)),
		header: () =>
			[...values].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ')
	};
}

/** SvelteKit's `cookies` for one request: what the request carried, then what the app set. */
function requestCookies(request: Request): {
	cookies: Cookies;
	changes: Map<string, string | null>;
} {
	const sent = new Map<string, string>();
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const at = part.indexOf('=');
		if (at > 0) sent.set(part.slice(0, at).trim(), decodeURIComponent(part.slice(at + 1).trim()));
	}
	const changes = new Map<string, string | null>();
	const current = (name: string) => (changes.has(name) ? changes.get(name) : sent.get(name));
	const cookies: Cookies = {
		get: (name) => current(name) ?? undefined,
		getAll: () =>
			[...new Set([...sent.keys(), ...changes.keys()])]
				.map((name) => ({ name, value: current(name) }))
				.filter((c): c is { name: string; value: string } => typeof c.value === 'string'),
		set: (name, value, options) => {
			if (!options?.path) throw new Error(`cookies.set(${name}) without a path`);
			changes.set(name, options.maxAge === 0 ? null : value);
		},
		delete: (name, options) => {
			if (!options?.path) throw new Error(`cookies.delete(${name}) without a path`);
			changes.set(name, null);
		},
		serialize: (name, value) => `${name}=${encodeURIComponent(value)}`
	};
	return { cookies, changes };
}

// Requests

export interface Outcome {
	status: number;
	headers: Headers;
	/** Where a redirect sends the browser. */
	location: string | null;
	/** The page's data: every server load's, merged, as the page component gets it. */
	data: Record<string, unknown> | null;
	/** What the action returned: its success value, or the data it gave `fail()`. */
	form: Record<string, unknown> | null;
	/** The body `error()` was given (`{ message }`), or SvelteKit's for an unexpected error. */
	error: App.Error | null;
	/** An endpoint's (+server.ts) response, as the app made it. */
	response: Response | null;
	/** What an unexpected error (status 500) threw. */
	thrown?: unknown;
}

type Module = Record<string, unknown>;
type Load = (event: unknown) => Promise<Record<string, unknown> | void>;
type Action = (event: RequestEvent) => Promise<unknown>;
type Handle = (input: {
	event: RequestEvent;
	resolve: (event: RequestEvent) => Promise<Response>;
}) => Promise<Response>;

/** Runs one request through the app's handle hook and the route it matches. */
async function run(
	request: Request
): Promise<{ outcome: Outcome; cookies: Map<string, string | null> }> {
	const url = new URL(request.url);
	const found = match(url.pathname);
	const { cookies, changes } = requestCookies(request);
	const headers = new Headers();
	const outcome: Outcome = {
		status: 200,
		headers,
		location: null,
		data: null,
		form: null,
		error: null,
		response: null
	};
	const event = {
		request,
		url,
		params: found?.params ?? {},
		route: { id: found?.route.id ?? null },
		locals: {} as App.Locals,
		cookies,
		platform: undefined,
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch: () => Promise.reject(new Error('event.fetch is not available in the actions tier')),
		getClientAddress: () => '127.0.0.1',
		setHeaders: (set: Record<string, string>) => {
			for (const [name, value] of Object.entries(set)) headers.set(name, value);
		}
	} as unknown as RequestEvent;

	const settle = (thrown: unknown) => {
		if (isRedirect(thrown)) {
			outcome.status = thrown.status;
			outcome.location = thrown.location;
		} else if (isHttpError(thrown)) {
			outcome.status = thrown.status;
			outcome.error = thrown.body;
		} else {
			outcome.status = 500;
			outcome.error = { message: 'Internal Error' };
			outcome.thrown = thrown;
		}
	};

	// The data so far stays on the outcome when a load throws: the error page gets the layouts'.
	const loadPage = async (route: Route) => {
		let data: Record<string, unknown> = {};
		outcome.data = data;
		for (const file of [...route.layouts, ...(route.page ? [route.page] : [])]) {
			const load = ((await import(/* @vite-ignore */ file)) as Module).load as Load | undefined;
			if (!load) continue;
			const parent = data;
			const result = await load({
				...event,
				parent: async () => parent,
				depends: () => {},
				untrack: <T>(fn: () => T) => fn()
			});
			data = { ...data, ...(result ?? {}) };
			outcome.data = data;
		}
	};

	const resolve = async (): Promise<Response> => {
		try {
			if (!found) {
				outcome.status = 404;
				outcome.error = { message: 'Not Found' };
			} else if (found.route.endpoint && (request.method !== 'GET' || !found.route.page)) {
				const endpoint = (await import(/* @vite-ignore */ found.route.endpoint)) as Module;
				const handler = (endpoint[request.method] ?? endpoint.fallback) as
					((event: RequestEvent) => Promise<Response>) | undefined;
				if (!handler) {
					outcome.status = 405;
				} else {
					const response = await handler(event);
					outcome.response = response;
					outcome.status = response.status;
					response.headers.forEach((value, name) => headers.set(name, value));
				}
			} else if (request.method === 'POST') {
				const page = found.route.page
					? ((await import(/* @vite-ignore */ found.route.page)) as Module)
					: {};
				const actions = page.actions as Record<string, Action> | undefined;
				const name = url.search.startsWith('?/') ? url.search.slice(2).split('&')[0]! : 'default';
				if (!actions) {
					outcome.status = 405;
				} else if (!actions[name]) {
					outcome.status = 404;
					outcome.error = { message: 'Not Found' };
				} else {
					const result = await actions[name](event);
					if (isActionFailure(result)) {
						outcome.status = result.status;
						outcome.form = (result.data ?? null) as Record<string, unknown> | null;
					} else {
						outcome.form = (result ?? null) as Record<string, unknown> | null;
					}
					await loadPage(found.route);
				}
			} else if (request.method === 'GET') {
				await loadPage(found.route);
			} else {
				outcome.status = 405;
			}
		} catch (thrown) {
			settle(thrown);
		}
		if (outcome.location) headers.set('location', outcome.location);
		return new Response(null, { status: outcome.status, headers });
	};

	const { handle } = (await import('../../src/hooks.server')) as { handle: Handle };
	const response = await handle({ event, resolve: () => resolve() });
	outcome.status = response.status;
	response.headers.forEach((value, name) => headers.set(name, value));
	return { outcome, cookies: changes };
}

// People

/** One person's browser in this tier: their cookies and the requests they make. */
export class Client {
	readonly cookies = cookieJar();

	/** GET a page or an endpoint. */
	async get(pathname: string): Promise<Outcome> {
		return this.send(new Request(new URL(pathname, ORIGIN), { method: 'GET' }));
	}

	/**
	 * POST a form (`/opgaver/x?/gjort`), as a browser without JavaScript sends one: urlencoded,
	 * each field once unless given as a list.
	 */
	async post(pathname: string, fields: Record<string, string | string[]> = {}): Promise<Outcome> {
		const body = new URLSearchParams();
		for (const [name, value] of Object.entries(fields)) {
			for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
		}
		return this.send(
			new Request(new URL(pathname, ORIGIN), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
				body
			})
		);
	}

	private async send(request: Request): Promise<Outcome> {
		const cookie = this.cookies.header();
		if (cookie) request.headers.set('cookie', cookie);
		const { outcome, cookies } = await run(request);
		for (const [name, value] of cookies) this.cookies.set(name, value);
		return outcome;
	}
}

type CitizenName = Parameters<typeof demoIds.citizen>[0];
type StaffName = Parameters<typeof demoIds.staff>[0];

/** Logs a demo person in: a session row and its cookie, as the login callback leaves them. */
async function loggedIn(subject: { citizenId: string } | { staffUserId: string }): Promise<Client> {
	const token = generateSessionToken();
	await createSession(getDb(), token, subject, {
		assuranceLevel: 'citizenId' in subject ? 'substantial' : null
	});
	const client = new Client();
	client.cookies.set(INSECURE_COOKIE_NAME, token);
	return client;
}

export interface App {
	readonly db: Kysely<Database>;
	/** Someone who is not logged in. */
	visitor(): Client;
	/** A demo citizen, as themselves, or acting for someone they represent (chosen on /vaelg). */
	citizen(name: CitizenName, options?: { actFor?: CitizenName }): Promise<Client>;
	staff(name: StaffName): Promise<Client>;
}

/**
 * The app for one test file: a copy of the seeded demo (on PostgreSQL when the run has
 * TEST_DATABASE_URL, else on PGlite), opened by the app's own `startDatabase` as a server opens it.
 * The files of a worker run one after another, so each opens and closes the app's database in turn.
 */
export function useApp(): App {
	const saved = { ...process.env };
	let dataDir = '';
	let dropDatabase: (() => Promise<void>) | null = null;

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-actions-'));
		const templates = inject('templates');
		const copy = await copyDemoDatabase(templates, dataDir);
		if (copy.databaseUrl && templates.postgres) {
			const { base } = templates.postgres;
			const name = new URL(copy.databaseUrl).pathname.slice(1);
			dropDatabase = () => adminQuery(base, `drop database if exists ${name} with (force)`);
		}
		process.env.DATA_DIR = dataDir;
		process.env.DATABASE_URL = copy.databaseUrl ?? '';
		process.env.CPR_KEY = DEMO_CPR_KEY;
		process.env.ORIGIN = ORIGIN;
		await startDatabase({ seed: false, log: () => {} });
	});

	afterAll(async () => {
		await stopDatabase();
		await dropDatabase?.();
		fs.rmSync(dataDir, { recursive: true, force: true });
		for (const name of ['DATA_DIR', 'DATABASE_URL', 'CPR_KEY', 'ORIGIN']) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
	});

	return {
		get db() {
			return getDb();
		},
		visitor: () => new Client(),
		async citizen(name, options = {}) {
			const id = demoIds.citizen(name);
			const client = await loggedIn({ citizenId: id });
			// As the login callback does: a representative chooses on /vaelg whom they act for.
			const today = todayInDenmark(clock.now());
			if ((await activeRepresentations(getDb(), id, today)).length > 0) {
				const chosen = await client.post('/vaelg', {
					for: options.actFor ? demoIds.citizen(options.actFor) : 'self',
					returnTo: '/'
				});
				if (chosen.status !== 303) throw new Error(`${name} could not choose on /vaelg`);
			} else if (options.actFor) {
				throw new Error(`${name} represents nobody`);
			}
			return client;
		},
		staff: (name) => loggedIn({ staffUserId: demoIds.staff(name) })
	};
}

/** A random id no row has, for "made-up id" cases. */
export function madeUpId(): string {
	const hex = randomBytes(16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

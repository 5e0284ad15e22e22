// What the access matrix of tests/e2e/role-pairs.spec.ts is built from: the routes as src/routes
// has them (every route with a parameter, every form action), the forms a page offers (to post
// them again as someone else), the objects each citizen owns (read from the seeded database), a
// fingerprint of every table (to show that a refused write changed no row), and the answer to a
// request reduced to what may not differ between "not yours" and "not there" (docs/RULES.md: an
// object the reader may not see answers exactly like a missing one).
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import type { CookieBrowser } from './oidc-flow';

const ROUTES = 'src/routes';

/** A route directory as its URL pattern: groups such as (portal) are not part of the path. */
function walkRoutes(visit: (route: string, dir: string, files: string[]) => void): void {
	const walk = (dir: string, route: string) => {
		const files = fs.readdirSync(dir, { withFileTypes: true });
		visit(
			route || '/',
			dir,
			files.filter((f) => f.isFile()).map((f) => f.name)
		);
		for (const entry of files) {
			if (!entry.isDirectory()) continue;
			const next = /^\(.+\)$/.test(entry.name) ? route : `${route}/${entry.name}`;
			walk(path.join(dir, entry.name), next);
		}
	};
	walk(ROUTES, '');
}

const isRoute = (files: string[]) => files.some((f) => /^\+(page|server)\.(ts|svelte)$/.test(f));

/** Every route in src/routes that takes a parameter ([id], [...rest]), without groups. */
export function routesWithParams(): string[] {
	const found = new Set<string>();
	walkRoutes((route, _dir, files) => {
		if (route.includes('[') && isRoute(files)) found.add(route);
	});
	return [...found].sort();
}

/** Every route with a page or an endpoint, without groups. */
export function allRoutes(): string[] {
	const found = new Set<string>();
	walkRoutes((route, _dir, files) => {
		if (isRoute(files)) found.add(route);
	});
	return [...found].sort();
}

/**
 * The form actions each route's +page.server.ts exports (the keys of `export const actions`, one
 * tab in), and `default` for a page whose form posts to itself. Read from the source, so that an
 * action added later is in the matrix without anyone listing it.
 */
export function formActions(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	walkRoutes((route, dir, files) => {
		if (!files.includes('+page.server.ts')) return;
		const source = fs.readFileSync(path.join(dir, '+page.server.ts'), 'utf8');
		const block = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source)?.[1];
		if (block === undefined) return;
		const names = [...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]!);
		found.set(route, names);
	});
	return found;
}

/** The HTTP methods each +server.ts of `prefix` exports (GET, PUT, POST …). */
export function endpointMethods(prefix: string): Map<string, string[]> {
	const found = new Map<string, string[]>();
	walkRoutes((route, dir, files) => {
		if (!route.startsWith(prefix) || !files.includes('+server.ts')) return;
		const source = fs.readFileSync(path.join(dir, '+server.ts'), 'utf8');
		const methods = [
			...source.matchAll(
				/^export (?:const|async function|function) (GET|PUT|POST|PATCH|DELETE)\b/gm
			)
		].map((m) => m[1]!);
		found.set(route, methods);
	});
	return found;
}

/** The kind of object each route with a parameter is about, and whose side of Sammen it is on. */
export type Side = 'citizen' | 'staff' | 'admin' | 'api' | 'none';
export type ObjectKind =
	| 'journey'
	| 'conversation'
	| 'meeting'
	| 'ics'
	| 'task'
	| 'letter'
	| 'decision'
	| 'consent'
	| 'citizen'
	| 'case'
	| 'printBatch'
	| 'department'
	| 'staffUser'
	| 'none';

/**
 * Every route with a parameter in src/routes. The spec fails when src/routes has one that is not
 * here, so a new route with an id cannot be left out of the matrix.
 */
export const PARAM_ROUTES: Record<string, { kind: ObjectKind; side: Side }> = {
	'/forloeb/[id]': { kind: 'journey', side: 'citizen' },
	'/forloeb/[id]/beskeder': { kind: 'conversation', side: 'citizen' },
	'/moeder/[id]': { kind: 'meeting', side: 'citizen' },
	'/moeder/[id]/kalender.ics': { kind: 'ics', side: 'citizen' },
	'/opgaver/[id]': { kind: 'task', side: 'citizen' },
	'/dokumenter/brev/[id]': { kind: 'letter', side: 'citizen' },
	'/dokumenter/afgoerelse/[id]': { kind: 'decision', side: 'citizen' },
	'/samtykke/kvittering/[id]': { kind: 'consent', side: 'citizen' },
	'/staff/borger/[citizenId]': { kind: 'citizen', side: 'staff' },
	'/staff/borger/[citizenId]/analog': { kind: 'citizen', side: 'staff' },
	'/staff/borger/[citizenId]/repraesentanter': { kind: 'citizen', side: 'staff' },
	'/staff/borger/[citizenId]/samtykke': { kind: 'citizen', side: 'staff' },
	'/staff/forloeb/[journeyId]': { kind: 'journey', side: 'staff' },
	'/staff/forloeb/[journeyId]/beskeder': { kind: 'conversation', side: 'staff' },
	'/staff/forloeb/[journeyId]/koordinering': { kind: 'journey', side: 'staff' },
	'/staff/forloeb/[journeyId]/moede': { kind: 'journey', side: 'staff' },
	'/staff/forloeb/[journeyId]/ny-post': { kind: 'journey', side: 'staff' },
	'/staff/moeder/[meetingId]': { kind: 'meeting', side: 'staff' },
	'/staff/post/pakker/[batchId]': { kind: 'printBatch', side: 'admin' },
	'/staff/post/pakker/[batchId]/pakke.zip': { kind: 'printBatch', side: 'admin' },
	'/staff/admin/afdelinger/[id]': { kind: 'department', side: 'admin' },
	'/staff/admin/medarbejdere/[id]': { kind: 'staffUser', side: 'admin' },
	'/api/v1/cases/[externalRef]': { kind: 'case', side: 'api' },
	'/api/v1/cases/[externalRef]/timeline': { kind: 'case', side: 'api' },
	'/api/v1/cases/[externalRef]/meetings/[meetingRef]': { kind: 'case', side: 'api' },
	'/api/v1/citizens/[citizenId]': { kind: 'citizen', side: 'api' },
	// A catch-all that answers every unknown API path with a 404 problem: no object.
	'/api/v1/[...rest]': { kind: 'none', side: 'none' },
	// The login simulator's own pages: no object of Sammen.
	'/demo-idp/[...path]': { kind: 'none', side: 'none' }
};

/** The route pattern with its one parameter filled in. */
export function fill(route: string, id: string): string {
	return route.replace(/\[[^\]]+\]/, id);
}

// Forms, as a browser without JavaScript would post them.

export interface Form {
	/** The action's name (`default` for a form without `?/name`). */
	action: string;
	fields: Record<string, string>;
}

const attr = (attrs: string, name: string) =>
	new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? null;
const decode = (text: string) =>
	text
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');

/** What the matrix writes where a form leaves a text field empty (so a write would be valid). */
export const FILLED_IN = 'Skrevet af adgangsmatricen';

/**
 * The POST forms of a page with what a browser would send: hidden and prefilled values, the
 * checked (or first) radio, the first option, the first named submit button, and empty text
 * fields filled in, so that the form would change something if the server let it.
 */
export function formsOf(html: string): Form[] {
	const forms: Form[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const [, attrs = '', inner = ''] = match;
		if (!/method="post"/i.test(attrs)) continue;
		const target = attr(attrs, 'action') ?? '';
		const action = /\?\/([\w-]+)/.exec(target)?.[1] ?? 'default';
		const fields: Record<string, string> = {};
		for (const [, a = ''] of inner.matchAll(/<input\b([^>]*)>/g)) {
			const name = attr(a, 'name');
			if (!name) continue;
			const type = attr(a, 'type') ?? 'text';
			const value = decode(attr(a, 'value') ?? '');
			if (type === 'file' || type === 'submit') continue;
			if (type === 'radio' || type === 'checkbox') {
				if (!(name in fields) || /\schecked\b/.test(a)) fields[name] = value || 'on';
				continue;
			}
			fields[name] = value || (type === 'text' || type === 'email' ? FILLED_IN : value);
		}
		for (const [, a = '', content = ''] of inner.matchAll(
			/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g
		)) {
			const name = attr(a, 'name');
			if (name) fields[name] = decode(content) || FILLED_IN;
		}
		for (const [, a = '', options = ''] of inner.matchAll(
			/<select\b([^>]*)>([\s\S]*?)<\/select>/g
		)) {
			const name = attr(a, 'name');
			const values = [...options.matchAll(/<option\b([^>]*)>/g)].map((o) => o[1] ?? '');
			const chosen =
				values.find((o) => /\sselected\b/.test(o)) ?? values.find((o) => attr(o, 'value'));
			if (name && chosen !== undefined) fields[name] = decode(attr(chosen, 'value') ?? '');
		}
		for (const [, a = ''] of inner.matchAll(/<button\b([^>]*)>/g)) {
			const name = attr(a, 'name');
			if (name && !(name in fields)) fields[name] = decode(attr(a, 'value') ?? '');
		}
		forms.push({ action, fields });
	}
	return forms;
}

// Answers.

export interface Answer {
	status: number;
	location: string | null;
	contentType: string;
	cacheControl: string | null;
	body: string;
}

const FORM_HEADERS = {
	'content-type': 'application/x-www-form-urlencoded',
	accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
};

/** A GET, or a form post from the app's own origin, as a browser without JavaScript sends it. */
export async function request(
	browser: CookieBrowser,
	url: string,
	fields?: Record<string, string>
): Promise<Answer> {
	const response = await browser.go(
		url,
		fields
			? { method: 'POST', headers: FORM_HEADERS, body: new URLSearchParams(fields) }
			: { headers: { accept: FORM_HEADERS.accept } }
	);
	return {
		status: response.status,
		location: response.headers.get('location'),
		contentType: response.headers.get('content-type') ?? '',
		cacheControl: response.headers.get('cache-control'),
		body: await response.text()
	};
}

/**
 * A form post as another site would make it: with that site's Origin, or with none at all (a
 * client that sends no Origin), carrying the browser's cookies.
 */
export async function crossSitePost(
	browser: CookieBrowser,
	url: string,
	fields: Record<string, string>,
	origin: string | null
): Promise<{ status: number; body: string }> {
	const headers: Record<string, string> = { ...FORM_HEADERS };
	const cookies = browser.cookies(url);
	if (cookies.length) headers.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	if (origin) headers.origin = origin;
	const response = await fetch(url, {
		method: 'POST',
		headers,
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: response.status, body: await response.text() };
}

/**
 * An answer without what differs by request anyway: the CSP nonce, how deep the page's relative
 * links climb, and the ids named (the one in the URL, or in a field), as they stand in a path, a
 * query or a page.
 */
export function normalise(answer: Answer, ids: string[]): string {
	// Links are relative to the page (../ once per level), which differs between the two paths.
	let body = answer.body.replace(/nonce="[^"]*"/g, 'nonce=""').replace(/(?:\.\.\/)+/g, '../');
	let location = answer.location ?? '';
	for (const id of ids) {
		for (const form of [id, encodeURIComponent(id)]) {
			body = body.replaceAll(form, '<id>');
			location = location.replaceAll(form, '<id>');
		}
	}
	return JSON.stringify({
		status: answer.status,
		location,
		contentType: answer.contentType,
		body: body.replace(/&#39;|&#x27;|'/g, "'")
	});
}

// The database.

/** The tables a request may change without changing anyone's data: sessions, the audit trail, limits. */
const BOOKKEEPING = /^(sessions|audit_events.*|rate_limits)$/;
/** Columns that note use, not data: when an API key was last used. */
const USE_COLUMNS: Record<string, string[]> = { api_keys: ['last_used_at'] };

/**
 * A fingerprint of every row of every table of the public schema (but the bookkeeping above): a
 * refused write must leave every one of them as it was.
 */
export async function fingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
	const tables = await sql<{ name: string }>`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
	const out: Record<string, string> = {};
	for (const { name } of tables.rows) {
		if (BOOKKEEPING.test(name)) continue;
		let value = sql`to_jsonb(t)`;
		for (const column of USE_COLUMNS[name] ?? []) value = sql`${value} - ${column}::text`;
		const row = await sql<{ n: number; hash: string | null }>`
			select count(*)::int as n, md5(string_agg((${value})::text, '|' order by (${value})::text)) as hash
			from ${sql.table(name)} t`.execute(db);
		out[name] = `${row.rows[0]!.n} ${row.rows[0]!.hash ?? ''}`;
	}
	return out;
}

/** The objects the matrix reaches for, by kind, each with the citizen it belongs to. */
export interface Owned {
	id: string;
	citizenId: string;
	departmentId?: string | null;
	title?: string;
	ref?: string | null;
}

export interface Inventory {
	journey: Owned[];
	meeting: Owned[];
	task: Owned[];
	letter: Owned[];
	decision: Owned[];
	consent: Owned[];
	case: Owned[];
	goal: Owned[];
	representation: Owned[];
	staffEntry: Owned[];
	entry: Owned[];
	printBatch: string[];
}

/** Every citizen-owned object in the database, with its owner (read before the server starts). */
export async function inventory(db: Kysely<Database>): Promise<Inventory> {
	const journey = await db
		.selectFrom('journeys')
		.select(['id', 'citizen_id as citizenId'])
		.execute();
	const meeting = await db
		.selectFrom('meetings as m')
		.innerJoin('journeys as j', 'j.id', 'm.journey_id')
		.select(['m.id', 'j.citizen_id as citizenId'])
		.where('m.cancelled_at', 'is', null)
		.orderBy('m.starts_at', 'desc')
		.execute();
	const task = await db
		.selectFrom('tasks as t')
		.leftJoin('cases as c', 'c.id', 't.case_id')
		.select(['t.id', 't.citizen_id as citizenId', 'c.department_id as departmentId'])
		.where('t.assignee', '=', 'citizen')
		.where('t.done_at', 'is', null)
		.execute();
	const letter = await db.selectFrom('letters').select(['id', 'citizen_id as citizenId']).execute();
	const entries = db
		.selectFrom('timeline_entries as e')
		.innerJoin('journeys as j', 'j.id', 'e.journey_id')
		.select(['e.id', 'j.citizen_id as citizenId', 'e.department_id as departmentId', 'e.title']);
	const decision = await entries
		.where('e.kind', '=', 'decision')
		.where('e.visibility', '=', 'citizen')
		.execute();
	const staffEntry = await entries
		.where('e.visibility', '=', 'staff')
		.orderBy('e.occurred_at', 'desc')
		.execute();
	const entry = await entries.orderBy('e.occurred_at', 'desc').execute();
	const consent = await db
		.selectFrom('consents')
		.select(['id', 'citizen_id as citizenId'])
		.execute();
	const kase = await db
		.selectFrom('cases')
		.select([
			'id',
			'citizen_id as citizenId',
			'department_id as departmentId',
			'external_ref as ref',
			'title'
		])
		.execute();
	const goal = await db
		.selectFrom('plan_goals as g')
		.innerJoin('journeys as j', 'j.id', 'g.journey_id')
		.select(['g.id', 'j.citizen_id as citizenId'])
		.execute();
	const representation = await db
		.selectFrom('representatives')
		.select(['id', 'citizen_id as citizenId'])
		.execute();
	const printBatch = (await db.selectFrom('print_batches').select('id').execute()).map((b) => b.id);
	return {
		journey,
		meeting,
		task,
		letter,
		decision,
		consent,
		case: kase,
		goal,
		representation,
		staffEntry,
		entry,
		printBatch
	};
}

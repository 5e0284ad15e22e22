// Access rules of the citizen portal, across every route that takes an id: another citizen's
// object, a made-up id and a malformed one answer the same 404 to GET and to every form action;
// a citizen never reaches a staff-only object; every portal page is no-store.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { deriveCprKeys } from '../../src/lib/server/crypto/cpr';
import { buildDemoRows, demoIds } from '../../src/lib/server/seed/demo';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen, postForm } from './portal';

const baseUrl = inject('baseUrl');
const rows = buildDemoRows(deriveCprKeys(randomBytes(32)), clock.now());

const maja = demoIds.citizen('Maja Jensen');
const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');

/** The id of the first of `items` (the seed's rows carry their ids). */
function first(items: { id?: string }[], what: string): { id: string } {
	expect(items.length, what).toBeGreaterThan(0);
	return { id: items[0]!.id! };
}

// Maja's own objects (to find the form actions of each page) and objects she must never reach.
const own = {
	meeting: demoIds.meeting('maja-next'),
	task: demoIds.task('maja-payslips'),
	decision: first(
		rows.timeline_entries.filter(
			(e) => e.journey_id === majaJourney && e.kind === 'decision' && e.visibility === 'citizen'
		),
		"Maja's decisions"
	).id,
	consent: first(
		rows.consents.filter((c) => c.citizen_id === maja),
		"Maja's consents"
	).id
};
const foreign = {
	journey: karlJourney,
	meeting: first(
		rows.meetings.filter((m) => m.journey_id !== majaJourney),
		"another citizen's meetings"
	).id,
	task: first(
		rows.tasks.filter((t) => t.citizen_id !== maja && t.assignee === 'citizen'),
		"another citizen's tasks"
	).id,
	staffTask: first(
		rows.tasks.filter((t) => t.citizen_id === maja && t.assignee === 'staff'),
		"a task for Maja's caseworkers"
	).id,
	letter: first(
		rows.letters.filter((l) => l.citizen_id !== maja),
		"another citizen's letters"
	).id,
	decision: first(
		rows.timeline_entries.filter((e) => e.journey_id !== majaJourney && e.kind === 'decision'),
		"another citizen's decisions"
	).id,
	staffOnlyEntry: first(
		rows.timeline_entries.filter((e) => e.journey_id === majaJourney && e.visibility === 'staff'),
		"Maja's staff-only entries"
	).id,
	note: first(
		rows.timeline_entries.filter((e) => e.journey_id === majaJourney && e.kind === 'note'),
		"Maja's notes"
	).id,
	consent: first(
		rows.consents.filter((c) => c.citizen_id !== maja),
		"another citizen's consent"
	).id
};
const madeUp = '00000000-0000-4000-8000-000000000000';
const malformed = ['not-a-uuid', "1'%20or%20'1'='1"];

/** Every citizen route with an id, with Maja's own id and the ids she must not reach. */
const routes: {
	route: string;
	path: (id: string) => string;
	/** Maja's own object, when she has one (to check it opens and to find its forms). */
	own: string | null;
	others: string[];
}[] = [
	{
		route: '/forloeb/[id]',
		path: (id) => `/forloeb/${id}`,
		own: majaJourney,
		others: [foreign.journey]
	},
	{
		route: '/forloeb/[id]/beskeder',
		path: (id) => `/forloeb/${id}/beskeder`,
		own: majaJourney,
		others: [foreign.journey]
	},
	{
		route: '/moeder/[id]',
		path: (id) => `/moeder/${id}`,
		own: own.meeting,
		others: [foreign.meeting]
	},
	{
		route: '/moeder/[id]/kalender.ics',
		path: (id) => `/moeder/${id}/kalender.ics`,
		own: own.meeting,
		others: [foreign.meeting]
	},
	{
		route: '/opgaver/[id]',
		path: (id) => `/opgaver/${id}`,
		own: own.task,
		others: [foreign.task, foreign.staffTask]
	},
	{
		route: '/dokumenter/brev/[id]',
		path: (id) => `/dokumenter/brev/${id}`,
		// Maja is digital and has no letters; the download has no forms anyway.
		own: null,
		others: [foreign.letter]
	},
	{
		route: '/dokumenter/afgoerelse/[id]',
		path: (id) => `/dokumenter/afgoerelse/${id}`,
		own: own.decision,
		others: [foreign.decision, foreign.staffOnlyEntry, foreign.note]
	},
	{
		route: '/samtykke/kvittering/[id]',
		path: (id) => `/samtykke/kvittering/${id}`,
		own: own.consent,
		others: [foreign.consent]
	}
];

/** Citizen routes with a parameter in src/routes (staff, API, login and the simulator excluded). */
function routesWithIds(): string[] {
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			// A group such as (portal) sorts the source and is not part of the path.
			const next = /^\(.+\)$/.test(entry.name) ? route : `${route}/${entry.name}`;
			if (/^\/(staff|api|auth|demo-idp)\b/.test(next)) continue;
			const files = fs.readdirSync(path.join(dir, entry.name));
			if (next.includes('[') && files.some((f) => /^\+(page|server)/.test(f))) found.push(next);
			walk(path.join(dir, entry.name), next);
		}
	};
	walk('src/routes', '');
	return found.sort();
}

/** A page without what differs by request anyway: the CSP nonce and the id from the URL. */
function normalise(html: string, id: string): string {
	let out = html.replace(/nonce="[^"]*"/g, 'nonce=""');
	for (const form of [id, decodeURIComponent(id), encodeURIComponent(decodeURIComponent(id))]) {
		out = out.replaceAll(form, '<id>');
	}
	return out.replace(/&#39;|&#x27;|'/g, "'");
}

/** The named form actions on a page (action="?/name"). */
function actionsOf(html: string): string[] {
	return [...new Set([...html.matchAll(/action="\?\/([\w-]+)"/g)].map((m) => m[1]!))];
}

describe('every citizen route that takes an id', () => {
	let browser: CookieBrowser;
	const actions = new Map<string, string[]>();

	beforeAll(async () => {
		browser = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		for (const { route, path: to, own: id } of routes) {
			if (!id) continue;
			const response = await browser.go(`${baseUrl}${to(id)}`);
			expect(response.status, `${route} with Maja's own id`).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const type = response.headers.get('content-type') ?? '';
			actions.set(route, type.startsWith('text/html') ? actionsOf(await response.text()) : []);
		}
	});

	it('is covered by this test', () => {
		expect(routesWithIds()).toEqual(routes.map((r) => r.route).sort());
	});

	it('explains a failed download in both languages (src/error.html)', async () => {
		const response = await browser.go(`${baseUrl}/dokumenter/brev/${foreign.letter}`, {
			headers: { accept: 'text/html' }
		});
		expect(response.status).toBe(404);
		const html = await response.text();
		expect(html).toContain('<h1>Filen kan ikke hentes</h1>');
		expect(html).toContain('The file cannot be downloaded');
	});

	it('has forms where the citizen acts', () => {
		for (const route of ['/moeder/[id]', '/opgaver/[id]', '/forloeb/[id]/beskeder']) {
			expect(actions.get(route)?.length, route).toBeGreaterThan(0);
		}
	});

	for (const { route, path: to, others } of routes) {
		it(`${route}: another citizen's, a staff-only, a made-up and a malformed id answer 404`, async () => {
			const bodies = new Set<string>();
			for (const id of [...others, madeUp, ...malformed]) {
				const response = await browser.go(`${baseUrl}${to(id)}`);
				expect(response.status, `GET ${to(id)}`).toBe(404);
				bodies.add(normalise(await response.text(), id));
				for (const action of actions.get(route) ?? []) {
					const posted = await postForm(browser, `${baseUrl}${to(id)}?/${action}`, {
						response: 'accepted',
						comment: 'x',
						body: 'x'
					});
					expect(posted.status, `POST ${to(id)}?/${action}`).toBe(404);
				}
			}
			// The same page whatever the reason: nothing tells an existing object from a missing one.
			const [first, ...rest] = [...bodies];
			for (const body of rest) expect(body, `${route} answers alike`).toBe(first);
		});
	}
});

describe('every page of the citizen portal', () => {
	it('has its own title and is never stored by browsers or proxies', async () => {
		const browser = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		const pages = [
			'/',
			`/forloeb/${majaJourney}`,
			`/forloeb/${majaJourney}/beskeder`,
			'/beskeder',
			'/moeder',
			`/moeder/${own.meeting}`,
			'/opgaver',
			`/opgaver/${own.task}`,
			'/dokumenter',
			'/samtykke',
			`/samtykke/kvittering/${own.consent}`,
			'/indstillinger',
			'/indsigt',
			'/mine-data',
			'/mine-data/udskriv'
		];
		const titles = new Map<string, string>();
		for (const page of pages) {
			const response = await browser.go(`${baseUrl}${page}`);
			expect(response.status, page).toBe(200);
			expect(response.headers.get('cache-control'), page).toBe('no-store');
			const title = /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? '';
			expect(title.length, `the title of ${page}`).toBeGreaterThan(10);
			expect(titles.get(title) ?? page, `"${title}" is used twice`).toBe(page);
			titles.set(title, page);
		}
	});
});

describe('the language a citizen chose', () => {
	it('applies from the first page after login (Ahmed Hassan reads English)', async () => {
		const ahmed = await loginCitizen(baseUrl, 'demo-citizen-ahmed-hassan');
		expect(ahmed.cookie(baseUrl, 'lang')).toBe('en');
		const html = await (await ahmed.go(`${baseUrl}/`)).text();
		expect(html).toContain('<html lang="en"');
		expect(html).toContain('My overview');
		const maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		expect(maja.cookie(baseUrl, 'lang')).toBe('da');
	});
});

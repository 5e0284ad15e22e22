// Access rules of the staff workspace, across every staff route that takes an id: a member of staff
// whose department has no open case for the citizen, an administrator, an auditor, a made-up id and
// a malformed one all get the same 404 to GET and to every form action of the page; every staff
// page has its own title and is no-store. Staff reads write audit rows, so it has its own server.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { CookieBrowser } from './oidc-flow';
import { postForm } from './portal';
import { startServer, type RunningServer } from './server';
import { loginStaff } from './staff';

let server: RunningServer;
let baseUrl: string;
beforeAll(async () => {
	server = await startServer();
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
});

const maja = demoIds.citizen('Maja Jensen');
const majaJourney = demoIds.journey('maja');
const majaMeeting = demoIds.meeting('maja-m3');
const karl = demoIds.citizen('Karl Nielsen');
const karlJourney = demoIds.journey('karl');
const karlMeeting = demoIds.meeting('karl-next');
const madeUp = '00000000-0000-4000-8000-000000000000';
const malformed = ['not-a-uuid', "1'%20or%20'1'='1"];

/**
 * Every staff route with an id: Maja's object opened by her coordinator Mette Larsen (to check it
 * opens and to find its forms), and who must get 404 for it. Hanne Vestergaard (Sundhed og omsorg)
 * has no case with Maja; Lone Madsen (Jobcenter) has one but does not coordinate, so the pages
 * that change the journey's coordination are closed to her.
 */
const routes: {
	route: string;
	path: (id: string) => string;
	own: string;
	/** Staff who must get 404 for Maja's object. */
	deniedFor: string[];
	/** Other citizens' objects that Mette Larsen must not reach. */
	others: string[];
}[] = [
	{
		route: '/staff/borger/[citizenId]',
		path: (id) => `/staff/borger/${id}`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/samtykke',
		path: (id) => `/staff/borger/${id}/samtykke`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/repraesentanter',
		path: (id) => `/staff/borger/${id}/repraesentanter`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/borger/[citizenId]/analog',
		path: (id) => `/staff/borger/${id}/analog`,
		own: maja,
		deniedFor: ['Hanne Vestergaard'],
		others: [karl]
	},
	{
		route: '/staff/forloeb/[journeyId]/ny-post',
		path: (id) => `/staff/forloeb/${id}/ny-post`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]',
		path: (id) => `/staff/forloeb/${id}`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/beskeder',
		path: (id) => `/staff/forloeb/${id}/beskeder`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/koordinering',
		path: (id) => `/staff/forloeb/${id}/koordinering`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard', 'Lone Madsen'],
		others: [karlJourney]
	},
	{
		route: '/staff/forloeb/[journeyId]/moede',
		path: (id) => `/staff/forloeb/${id}/moede`,
		own: majaJourney,
		deniedFor: ['Hanne Vestergaard', 'Lone Madsen'],
		others: [karlJourney]
	},
	{
		route: '/staff/moeder/[meetingId]',
		path: (id) => `/staff/moeder/${id}`,
		own: majaMeeting,
		deniedFor: ['Hanne Vestergaard'],
		others: [karlMeeting]
	}
];

/**
 * Staff routes with a parameter in src/routes that are about a citizen's objects. The print queue's
 * batch pages (/staff/post) and the administration (/staff/admin) are for administrators only and
 * hold no case object: print-queue.spec.ts and admin.spec.ts check them for every other role and for
 * made-up and malformed ids.
 */
function staffRoutesWithIds(): string[] {
	const found: string[] = [];
	const walk = (dir: string, route: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			const next = `${route}/${entry.name}`;
			const files = fs.readdirSync(path.join(dir, entry.name));
			if (next === '/staff/post' || next === '/staff/admin') continue;
			if (next.includes('[') && files.some((f) => /^\+(page|server)/.test(f))) found.push(next);
			walk(path.join(dir, entry.name), next);
		}
	};
	walk('src/routes/staff', '/staff');
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

const browsers = new Map<string, CookieBrowser>();
async function as(name: string): Promise<CookieBrowser> {
	let browser = browsers.get(name);
	if (!browser) {
		browser = await loginStaff(baseUrl, name);
		browsers.set(name, browser);
	}
	return browser;
}

describe('every staff route that takes an id', () => {
	const actions = new Map<string, string[]>();

	beforeAll(async () => {
		const mette = await as('Mette Larsen');
		for (const { route, path: to, own } of routes) {
			const response = await mette.go(`${baseUrl}${to(own)}`);
			expect(response.status, `${route} for Maja's coordinator`).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			actions.set(route, actionsOf(await response.text()));
		}
	});

	it('is covered by this test', () => {
		expect(staffRoutesWithIds()).toEqual(routes.map((r) => r.route).sort());
	});

	for (const { route, path: to, own, deniedFor, others } of routes) {
		it(`${route}: staff without access, admin, auditor, made-up and malformed ids answer 404`, async () => {
			const bodies = new Map<string, Set<string>>();
			const expect404 = async (who: string, id: string) => {
				const browser = await as(who);
				const response = await browser.go(`${baseUrl}${to(id)}`);
				expect(response.status, `${who}: GET ${to(id)}`).toBe(404);
				const set = bodies.get(who) ?? new Set<string>();
				set.add(normalise(await response.text(), id));
				bodies.set(who, set);
				for (const action of actions.get(route) ?? []) {
					const posted = await postForm(browser, `${baseUrl}${to(id)}?/${action}`, {
						body: 'x',
						title: 'x'
					});
					expect(posted.status, `${who}: POST ${to(id)}?/${action}`).toBe(404);
				}
			};
			for (const who of [...deniedFor, 'Anders Berg', 'Birgitte Skov']) {
				await expect404(who, own);
				await expect404(who, madeUp);
			}
			for (const id of [...others, madeUp, ...malformed]) await expect404('Mette Larsen', id);
			// The same page whatever the reason: nothing tells an existing object from a missing one.
			for (const [who, set] of bodies) expect(set.size, `${who} sees one 404 page`).toBe(1);
		});
	}

	it('sends someone who is not logged in to the staff login, with nothing about the object', async () => {
		const { CookieBrowser } = await import('./oidc-flow');
		const anonymous = new CookieBrowser();
		for (const { path: to, own } of routes) {
			const response = await anonymous.go(`${baseUrl}${to(own)}`);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/staff\/login/);
		}
	});
});

describe('every page of the staff workspace', () => {
	it('has its own title and is never stored by browsers or proxies', async () => {
		const mette = await as('Mette Larsen');
		const pages = [
			'/staff',
			'/staff/soeg',
			...routes.map((r) => r.path(r.own)),
			`/staff/borger/${karl}`
		];
		const titles = new Map<string, string>();
		for (const page of pages) {
			const browser = page.includes(karl) ? await as('Hanne Vestergaard') : mette;
			const response = await browser.go(`${baseUrl}${page}`);
			expect(response.status, page).toBe(200);
			expect(response.headers.get('cache-control'), page).toBe('no-store');
			const title = /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? '';
			expect(title.length, `the title of ${page}`).toBeGreaterThan(10);
			if (page.includes(karl)) continue;
			expect(titles.get(title) ?? page, `"${title}" is used twice`).toBe(page);
			titles.set(title, page);
		}
		const auditor = await as('Birgitte Skov');
		const log = await auditor.go(`${baseUrl}/staff/logning`);
		expect(log.status).toBe(200);
		expect(log.headers.get('cache-control')).toBe('no-store');
	});
});

describe("Karl Nielsen's analog flag", () => {
	it('shows with his address and phone on every staff page about him', async () => {
		const hanne = await as('Hanne Vestergaard');
		const karlIds: Record<string, string> = {
			'[citizenId]': karl,
			'[journeyId]': karlJourney,
			'[meetingId]': karlMeeting
		};
		for (const { route } of routes) {
			const param = /\[\w+\]/.exec(route)![0];
			const page = route.replace(param, karlIds[param]!);
			const response = await hanne.go(`${baseUrl}${page}`);
			expect(response.status, page).toBe(200);
			const html = await response.text();
			const notice = /<div[^>]*data-testid="analog-notice"[\s\S]*?<\/dl>/.exec(html)?.[0];
			expect(notice, `the analog notice on ${page}`).toBeDefined();
			expect(notice).toContain('Karl Nielsen får alt med posten');
			expect(notice).toMatch(/Adresse[\s\S]*\d{4} \w+/);
			expect(notice).toMatch(/href="tel:\+?\d+"/);
		}
	});
});

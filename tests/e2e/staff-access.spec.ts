// Access rules of the staff workspace in the built app: the 404 page looks the same whatever the
// reason, every staff page has its own title and is no-store, and the analog flag shows on every
// page about an analog citizen. Staff reads write audit rows, so it has its own server. The full
// matrix (every route with an id, every reason, every form action, a visitor sent to the login)
// runs in the actions tier: tests/actions/access.spec.ts, from the same table
// (tests/staff-routes.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { karl, karlJourney, karlMeeting, madeUp, routes } from '../staff-routes';
import type { CookieBrowser } from './oidc-flow';
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

/** A page without what differs by request anyway: the CSP nonce and the id from the URL. */
function normalise(html: string, id: string): string {
	let out = html.replace(/nonce="[^"]*"/g, 'nonce=""');
	for (const form of [id, decodeURIComponent(id), encodeURIComponent(decodeURIComponent(id))]) {
		out = out.replaceAll(form, '<id>');
	}
	return out.replace(/&#39;|&#x27;|'/g, "'");
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

describe('the 404 page of the staff workspace', () => {
	it('looks the same for an object the member of staff may not see as for a made-up one', async () => {
		for (const { route, path: to, own, deniedFor } of routes) {
			if (route !== '/staff/borger/[citizenId]' && route !== '/staff/forloeb/[journeyId]') continue;
			const hanne = await as(deniedFor[0]!);
			const pages = new Set<string>();
			for (const id of [own, madeUp]) {
				const response = await hanne.go(`${baseUrl}${to(id)}`);
				expect(response.status, `GET ${to(id)}`).toBe(404);
				pages.add(normalise(await response.text(), id));
			}
			expect(pages.size, `${route} answers alike`).toBe(1);
			expect([...pages][0]).toContain('<h1>Vi kan ikke finde siden</h1>');
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

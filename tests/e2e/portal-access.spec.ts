// Access rules of the citizen portal in the built app: the 404 page looks the same whatever the
// reason, a failed download explains itself, the pages that act have forms, every portal page has
// its own title and is no-store, and the chosen language applies from the first page. The full
// matrix (every route with an id, every reason, every form action) runs in the actions tier:
// tests/actions/access.spec.ts, from the same table (tests/portal-routes.ts).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { foreign, madeUp, majaJourney, own, routes } from '../portal-routes';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen } from './portal';

const baseUrl = inject('baseUrl');

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

	it("renders the same 404 page for another citizen's object as for a made-up one", async () => {
		for (const { route, path: to, others } of routes) {
			if (route !== '/forloeb/[id]' && route !== '/opgaver/[id]') continue;
			const pages = new Set<string>();
			for (const id of [...others, madeUp]) {
				const response = await browser.go(`${baseUrl}${to(id)}`);
				expect(response.status, `GET ${to(id)}`).toBe(404);
				pages.add(normalise(await response.text(), id));
			}
			expect(pages.size, `${route} answers alike`).toBe(1);
			expect([...pages][0]).toContain('<h1>Vi kan ikke finde siden</h1>');
		}
	});
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

// The citizen's journey page over HTTP: coordinator, shared plan and the citizen-visible timeline,
// paged by cursor; somebody else's journey answers exactly like a missing one. Read-only, on the
// shared demo server. The same page in Chromium (reached from the overview, axe at 320 px):
// journey.browser.spec.ts.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoIds } from '../../src/lib/server/seed/demo';
import { CookieBrowser, loginThroughApp } from './oidc-flow';

const baseUrl = inject('baseUrl');
const majaJourney = demoIds.journey('maja');

async function loginAs(account: string): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, { kind: 'citizen', account });
	expect(outcome.destination).toBe('/');
	return browser;
}

describe('the journey page', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginAs('demo-citizen-maja-jensen');
	});

	it('shows every citizen-visible entry once across the pages, newest first', async () => {
		const times: number[] = [];
		let url: string | null = `${baseUrl}/forloeb/${majaJourney}`;
		let pages = 0;
		while (url && pages < 10) {
			const response = await maja.go(url);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('no-store');
			const html = await response.text();
			for (const match of html.matchAll(/<time datetime="([^"]+)"/g)) {
				times.push(Date.parse(match[1]!));
			}
			const older = /href="([^"]*\?efter=[^"]+)"/.exec(html)?.[1];
			url = older ? new URL(older.replaceAll('&amp;', '&'), baseUrl).href : null;
			pages++;
		}
		expect(pages).toBeGreaterThan(1);
		// The seed gives Maja's journey 34 entries for her eyes (and 21 staff-only ones).
		expect(times).toHaveLength(34);
		expect(times).toEqual([...times].sort((a, b) => b - a));
	});

	it('labels entries with their department and shows the plan and the coordinator', async () => {
		const html = await (await maja.go(`${baseUrl}/forloeb/${majaJourney}`)).text();
		expect(html).toContain('Din tovholder');
		expect(html).toContain('Mette Larsen');
		expect(html).toContain('Jeres fælles plan');
		expect(html).toMatch(/· Jobcenter/);
		expect(html).toMatch(/· Socialforvaltningen/);
	});

	it('treats a broken cursor as the first page, never as an error', async () => {
		for (const cursor of ['garbage', 'MjAyNnxub3QtYS11dWlk', '%00']) {
			const response = await maja.go(`${baseUrl}/forloeb/${majaJourney}?efter=${cursor}`);
			expect(response.status).toBe(200);
		}
	});
});

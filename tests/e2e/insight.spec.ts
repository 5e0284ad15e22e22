// "Who has seen my information" (/indsigt) over HTTP, as a browser without JavaScript uses it:
// staff look-ups with department and purpose, never the citizen's own doings, staff names only
// when the municipality turns them on, and a department filter. The same page in Chromium (axe,
// the filter form without JavaScript): insight.browser.spec.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTimeWithYear } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { DEMO_STAFF } from '../../src/lib/server/seed/demo-data';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen } from './portal';
import { startServer, type RunningServer, useServer } from './server';

const staffNames = Object.keys(DEMO_STAFF);
const jobcenter = demoIds.department('jobcenter');
const health = demoIds.department('sundhed-og-omsorg');

// The seed's look-ups (seed/stories: b.read and b.search), on the server's calendar: its clock
// began at this run's pinned instant (10.00), so it is the same day here. DemoClock.past moves a
// weekend back to Friday, so which look-up is the newest depends on the weekday.
const demo = new DemoClock(clock.now());
const newest = (...instants: Date[]) => new Date(Math.max(...instants.map((i) => i.getTime())));
const majaNewest = newest(
	demo.past(28, 9),
	demo.past(20, 10, 5),
	demo.past(10, 12, 40),
	demo.past(3, 9, 10),
	demo.past(3, 9, 12),
	demo.past(4, 10, 30),
	demo.past(2, 14, 50),
	demo.past(1, 9, 20)
);
const ahmedNewest = newest(demo.past(6, 9, 50), demo.past(14, 9, 30));

// A demo server of its own, seeded at start-up: on the shared one, other specs add to Maja's list
// (a login refused for too low a level of assurance is shown to her too), and this file counts it.
const app = useServer(startServer);

/** The rows of the list as text: one string per row. */
function rows(html: string): string[] {
	const list = /<ol class="[^"]*insight-list[^"]*">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
	return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) =>
		m[1]!
			.replace(/<[^>]+>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

describe('who has seen my information', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginCitizen(app.url, 'demo-citizen-maja-jensen');
	});

	it('shows staff look-ups with department and purpose, and never staff names by default', async () => {
		const response = await maja.go(`${app.url}/indsigt`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const html = await response.text();
		expect(html).toContain(
			'<title>Hvem har set mine oplysninger – Sammen – Sammen Kommune</title>'
		);
		expect(html).toContain('Kommunen skal skrive det ned, hver gang en medarbejder slår dig op');
		expect(html).toContain('Den viser ikke medarbejderens navn.');
		// How to reach the municipality if a look-up seems wrong.
		expect(html).toContain('href="tel:');
		const list = rows(html);
		expect(list).toHaveLength(8);
		expect(list).toContainEqual(
			expect.stringContaining('En medarbejder i Jobcenter søgte efter dig. Formål: Ny opgave')
		);
		expect(list).toContainEqual(
			expect.stringContaining(
				'En medarbejder i Børn og Familie læste dit forløb. Formål: Planlægning af familiebehandling'
			)
		);
		expect(list[0]).toMatch(/^\p{L}+dag \d+\. \p{L}+ \d{4} kl\. \d\d\.\d\d /u);
		const majaTime = formatDateTimeWithYear(majaNewest, 'da');
		expect(list[0]?.slice(0, majaTime.length + 1)).toBe(`${majaTime} `);
		for (const name of staffNames) expect(html).not.toContain(name);
	});

	it('filters by department with a plain GET form, and shows an empty list kindly', async () => {
		const html = await (await maja.go(`${app.url}/indsigt?afdeling=${jobcenter}`)).text();
		const list = rows(html);
		expect(list).toHaveLength(3);
		expect(list.every((row) => row.includes('En medarbejder i Jobcenter'))).toBe(true);
		expect(html).toMatch(new RegExp(`<option value="${jobcenter}" selected`));
		expect(html).toContain('Du ser kun, hvad medarbejdere i Jobcenter har gjort.');

		const empty = await (await maja.go(`${app.url}/indsigt?afdeling=${health}`)).text();
		expect(rows(empty)).toEqual([]);
		expect(empty).toContain(
			'Ingen i Sundhed og Omsorg har set eller ændret dine oplysninger i Sammen.'
		);
	});

	it('treats an unknown department or a broken cursor as no filter, never as an error', async () => {
		for (const query of [
			'afdeling=not-a-uuid',
			'afdeling=00000000-0000-4000-8000-000000000000',
			'efter=garbage',
			`efter=${Buffer.from('2026-02-30T10:00:00.000000Z|00000000-0000-4000-8000-000000000000').toString('base64url')}`,
			'efter=%00'
		]) {
			const response = await maja.go(`${app.url}/indsigt?${query}`);
			expect(response.status, query).toBe(200);
			expect(rows(await response.text()), query).toHaveLength(8);
		}
	});

	it('is in English for Ahmed', async () => {
		const ahmed = await loginCitizen(app.url, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(app.url, 'lang', 'en');
		const html = await (await ahmed.go(`${app.url}/indsigt`)).text();
		expect(html).toContain('<h1>Who has seen my information</h1>');
		expect(html).toContain('It does not show their name.');
		const list = rows(html);
		expect(list).toContainEqual(
			expect.stringContaining(
				'A member of staff at Job Centre read your journey. Purpose: Ny opgave'
			)
		);
		expect(list).toContainEqual(expect.stringContaining('A member of staff at Citizen Service'));
		expect(list[0]).toMatch(/^[A-Z][a-z]+day \d+ [A-Z][a-z]+ \d{4} at \d\d:\d\d /);
		const ahmedTime = formatDateTimeWithYear(ahmedNewest, 'en');
		expect(list[0]?.slice(0, ahmedTime.length + 1)).toBe(`${ahmedTime} `);
		expect(html).not.toContain('læste dit forløb');
	});
});

describe('who has seen my information, where the municipality shows staff names', () => {
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ env: { AUDIT_SHOW_STAFF_NAMES: 'true' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('names the member of staff with the department, on the page and in the download', async () => {
		const maja = await loginCitizen(server.url, 'demo-citizen-maja-jensen');
		const html = await (await maja.go(`${server.url}/indsigt`)).text();
		expect(html).toContain('Listen viser medarbejderens navn og afdeling.');
		expect(rows(html)).toContainEqual(
			expect.stringContaining('Lone Madsen fra Jobcenter søgte efter dig. Formål: Ny opgave')
		);
		const data = await (await maja.go(`${server.url}/mine-data/data.json`)).json();
		expect(data.auditTrail).toContainEqual(
			expect.objectContaining({ staffName: 'Lone Madsen', action: 'search' })
		);
	});
});

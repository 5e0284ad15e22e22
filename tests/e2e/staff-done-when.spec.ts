// The staff workspace end to end: a caseworker in Jobcenter and one in Børn og Familie both work
// on Maja Jensen's journey, each sees what the access policy allows and nothing else, and every
// look-up they make shows in Maja's "who has looked at my data". It changes data, so it has its own
// server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';

const maja = demoIds.citizen('Maja Jensen');
const journey = demoIds.journey('maja');

/** The text of the page's main element, without tags. */
function mainText(html: string): string {
	const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html;
	return main
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/\s+/g, ' ');
}

describe('Jobcenter and Børn og Familie on Maja Jensen’s journey', () => {
	let server: SeededServer;
	let lone: CookieBrowser;
	let peter: CookieBrowser;
	// Before the server starts: its clock goes on from this one, so every row it writes is later.
	const startedAt = clock.now();

	beforeAll(async () => {
		server = await startSeededServer(async () => {});
		lone = await loginStaff(server.url, 'Lone Madsen');
		peter = await loginStaff(server.url, 'Peter Holm');
	});
	afterAll(async () => {
		await server?.stop();
	});

	async function page(browser: CookieBrowser, path: string): Promise<string> {
		const response = await browser.go(`${server.url}${path}`);
		expect(response.status, path).toBe(200);
		return mainText(await response.text());
	}

	async function newToken(browser: CookieBrowser): Promise<string> {
		const response = await browser.go(`${server.url}/staff/forloeb/${journey}/ny-post`);
		const html = await response.text();
		const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
		expect(token, 'the form token').toBeTruthy();
		return token!;
	}

	async function writeNote(
		browser: CookieBrowser,
		title: string,
		visibility: 'citizen' | 'staff'
	): Promise<void> {
		const response = await postForm(
			browser,
			`${server.url}/staff/forloeb/${journey}/ny-post?/gem`,
			{
				token: await newToken(browser),
				type: 'note',
				synlighed: visibility,
				titel: title,
				tekst: `${title}. Skrevet i testen.`
			}
		);
		expect(response.status, `saving "${title}"`).toBe(303);
	}

	it('both find Maja and write on her journey', async () => {
		const found = await postForm(lone, `${server.url}/staff/soeg?/soeg`, {
			query: 'Maja Jensen',
			purpose: ''
		});
		expect(found.status).toBe(200);
		expect(mainText(await found.text())).toContain('Maja Jensen');
		await page(lone, `/staff/borger/${maja}`);
		await page(peter, `/staff/borger/${maja}`);

		await writeNote(lone, 'Jobcentrets interne notat', 'staff');
		await writeNote(peter, 'Familiens interne notat', 'staff');
		await writeNote(peter, 'Familien har talt med dig', 'citizen');
	});

	it('Jobcenter, with Maja’s consent, sees what Børn og Familie wrote', async () => {
		const text = await page(lone, `/staff/forloeb/${journey}`);
		expect(text).toContain('Jobcentrets interne notat');
		expect(text).toContain('Familiens interne notat');
		expect(text).toContain('Familien har talt med dig');
		expect(text).not.toMatch(/skjult/);
	});

	it('Børn og Familie, without her consent, sees only its own entries, and is told so', async () => {
		const text = await page(peter, `/staff/forloeb/${journey}`);
		expect(text).toContain('Familiens interne notat');
		expect(text).toContain('Familien har talt med dig');
		expect(text).not.toContain('Jobcentrets interne notat');
		expect(text).toContain('Samtykke mangler');
		expect(text).toMatch(/skjult/);
		// The thread with Maja is the coordinator's and the departments' with consent.
		const thread = await peter.go(`${server.url}/staff/forloeb/${journey}/beskeder`);
		expect(thread.status).toBe(404);
	});

	it('Maja sees only the entry meant for her, and every look-up in "who has looked at my data"', async () => {
		const citizen = await loginCitizen(server.url, 'demo-citizen-maja-jensen');
		const journeyText = await page(citizen, `/forloeb/${journey}`);
		expect(journeyText).toContain('Familien har talt med dig');
		expect(journeyText).not.toContain('interne notat');

		const insight = await page(citizen, '/indsigt');
		expect(insight).toContain('En medarbejder i Jobcenter søgte efter dig');
		expect(insight).toMatch(/En medarbejder i Jobcenter læste/);
		expect(insight).toMatch(/En medarbejder i Børn og Familie læste/);

		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_staff_id', 'actor_role', 'actor_department_id', 'action', 'object_type'])
				.where('citizen_id', '=', maja)
				.where('actor_type', '=', 'staff')
				.where('occurred_at', '>=', startedAt)
				.execute()
		);
		const lonesRows = rows.filter((r) => r.actor_staff_id === demoIds.staff('Lone Madsen'));
		const petersRows = rows.filter((r) => r.actor_staff_id === demoIds.staff('Peter Holm'));
		for (const [who, mine] of [
			['Lone', lonesRows],
			['Peter', petersRows]
		] as const) {
			const kinds = new Set(mine.map((r) => `${r.action} ${r.object_type}`));
			expect(kinds, who).toContain('read citizen');
			expect(kinds, who).toContain('read journey');
			expect(kinds, who).toContain('create timeline_entry');
			expect(mine.every((r) => r.actor_role === 'caseworker')).toBe(true);
		}
		expect(new Set(lonesRows.map((r) => `${r.action} ${r.object_type}`))).toContain(
			'search citizen'
		);
		expect(lonesRows.every((r) => r.actor_department_id === demoIds.department('jobcenter'))).toBe(
			true
		);
	});
});

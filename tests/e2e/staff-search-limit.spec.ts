// The search limit at /staff/soeg (src/lib/server/citizens/search-limit.ts): past a member of
// staff's searches a minute or a day, the form answers 429 with the time to try again at the
// field and in the error summary, runs no search, writes an audit row, logs a warning without the
// CPR number and counts the refusal in /metrics. On PGlite, as `npm start` runs; across two app
// nodes on PostgreSQL: tests/e2e/multi-node.spec.ts.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_CITIZENS, demoIds } from '../../src/lib/server/seed/demo';
import { launchBrowser } from './browser';
import { text } from './html';
import { checkPage, openPage, SWEEP } from './open-page';
import { postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';

const chromium = inject('chromium');
const MAJA_CPR = DEMO_CITIZENS['Maja Jensen'];
/** The minute's limit of the first server. */
const PER_MINUTE = 3;
/** The day's limit of the second server (its minute's limit is far above). */
const PER_DAY = 2;

let minuteServer: SeededServer;
let dayServer: SeededServer;

beforeAll(async () => {
	[minuteServer, dayServer] = await Promise.all([
		startSeededServer(async () => {}, {
			env: { SEARCH_RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) }
		}),
		startSeededServer(async () => {}, {
			env: { SEARCH_RATE_LIMIT_PER_MINUTE: '1000', SEARCH_RATE_LIMIT_PER_DAY: String(PER_DAY) }
		})
	]);
});
afterAll(async () => {
	await Promise.all([minuteServer?.stop(), dayServer?.stop()]);
});

const search = (browser: Awaited<ReturnType<typeof loginStaff>>, url: string, query: string) =>
	postForm(browser, `${url}/staff/soeg?/soeg`, { query, purpose: 'Opfølgning' });

describe('the minute’s search limit', () => {
	let refusedRequestId = '';

	it('answers the search after the limit with 429 and a message, and runs no search', async () => {
		const url = minuteServer.url;
		const lone = await loginStaff(url, 'Lone Madsen');
		for (const query of ['Maja', MAJA_CPR, MAJA_CPR.replace('-', '')]) {
			const response = await search(lone, url, query);
			expect(response.status).toBe(200);
			expect(text(await response.text())).toContain('Maja Jensen');
		}
		// A form with errors runs no search and uses none of the limit.
		const invalid = await search(lone, url, '');
		expect(invalid.status).toBe(400);
		await invalid.text();

		const refused = await search(lone, url, MAJA_CPR);
		expect(refused.status).toBe(429);
		expect(refused.headers.get('cache-control')).toBe('no-store');
		const retryAfter = Number(refused.headers.get('retry-after'));
		expect(retryAfter).toBeGreaterThanOrEqual(1);
		expect(retryAfter).toBeLessThanOrEqual(60);
		refusedRequestId = refused.headers.get('x-request-id') ?? '';
		const html = await refused.text();
		// DKFDS error markup: the summary links to the field, whose message has its id.
		expect(html).toContain('error-summary');
		expect(html).toContain('href="#query"');
		expect(html).toContain('id="query-error"');
		expect(html).toMatch(/aria-describedby="[^"]*query-error/);
		expect(text(html)).toContain(
			`Du har søgt mange gange på kort tid. Vent ${retryAfter} sekunder, og søg så igen.`
		);
		expect(text(html)).toContain('Vi har ikke søgt denne gang');
		// No search was run: no result, no citizen.
		expect(html).not.toContain('/staff/borger/');
		expect(text(html)).not.toContain('Antal borgere');

		// Another member of staff has a limit of their own.
		const peter = await loginStaff(url, 'Peter Holm');
		const own = await search(peter, url, 'Jensen');
		expect(own.status).toBe(200);
		expect(text(await own.text())).toContain('Maja Jensen');
	});

	it('answers an enhanced form (JavaScript) with the same refusal', async () => {
		const lone = await loginStaff(minuteServer.url, 'Lone Madsen');
		const response = await lone.go(`${minuteServer.url}/staff/soeg?/soeg`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ query: 'Maja', purpose: '' })
		});
		const body = (await response.json()) as { type: string; status: number; data: string };
		expect(body).toMatchObject({ type: 'failure', status: 429 });
		expect(body.data).toContain('caseloadSearchErrorRateMinute');
	});

	it('counts the refusals in /metrics and logs a warning without the CPR number', async () => {
		const metrics = await (await fetch(`${minuteServer.url}/metrics`)).text();
		expect(metrics).toContain('sammen_staff_searches_refused_total{window="minute"} 2');
		expect(metrics).toContain('sammen_staff_searches_refused_total{window="day"} 0');
		// Log lines are written as they happen; give the last one a moment.
		await new Promise((resolve) => setTimeout(resolve, 200));
		const output = minuteServer.output();
		const warnings = output
			.split('\n')
			.filter((line) => line.startsWith('{'))
			.map((line) => JSON.parse(line) as Record<string, unknown>)
			.filter((line) => line.event === 'staff_search_rate_limited');
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatchObject({
			level: 'warn',
			window: 'minute',
			kind: 'cpr',
			requestId: refusedRequestId
		});
		expect(output).not.toContain(MAJA_CPR);
		expect(output).not.toContain(MAJA_CPR.replace('-', ''));
	});

	describe.skipIf(!chromium)('in the browser', () => {
		let browser: Browser;
		beforeAll(async () => {
			browser = await launchBrowser(chromium!);
		});
		afterAll(async () => {
			await browser?.close();
		});

		it('shows the refusal in the error summary, which has no axe violations', async () => {
			const hanne = await openPage(browser, minuteServer.url, {
				...SWEEP.staff,
				as: { staff: 'Hanne Vestergaard' }
			});
			try {
				const page = hanne.page;
				await page.goto(`${minuteServer.url}/staff/soeg`);
				for (let i = 0; i < PER_MINUTE; i++) {
					await page.getByLabel('CPR-nummer eller navn').fill('Karl');
					await page.getByRole('button', { name: 'Søg efter borger' }).click();
					await page.getByRole('link', { name: 'Karl Nielsen' }).waitFor();
				}
				await page.getByLabel('CPR-nummer eller navn').fill('Karl');
				await page.getByRole('button', { name: 'Søg efter borger' }).click();
				await page.locator('.error-summary').waitFor();
				expect(await page.locator('.error-summary').innerText()).toContain(
					'Du har søgt mange gange på kort tid.'
				);
				expect(await page.getByRole('link', { name: 'Karl Nielsen' }).count()).toBe(0);
				await checkPage(page, 'search refused by the limit');
			} finally {
				await hanne.close();
			}
		});
	});

	it('wrote an audit row for each refusal, with the CPR number only as its keyed hash', async () => {
		const lone = demoIds.staff('Lone Madsen');
		const rows = await minuteServer.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.selectAll()
				.where('object_type', '=', 'citizen_search_refused')
				.orderBy('occurred_at')
				.execute()
		);
		const lones = rows.filter((row) => row.actor_staff_id === lone);
		expect(lones).toHaveLength(2);
		expect(lones[0]).toMatchObject({
			actor_type: 'staff',
			actor_department_id: demoIds.department('jobcenter'),
			action: 'search',
			citizen_id: null,
			object_id: null,
			purpose: 'Opfølgning',
			request_id: refusedRequestId
		});
		expect(lones[0]!.criterion).toMatch(/^cpr: \S+$/);
		expect(lones[0]!.criterion).not.toContain(MAJA_CPR.replace('-', ''));
		expect(lones[1]!.criterion).toBe('navn: Maja');
	});
});

describe('the day’s search limit', () => {
	it('says when the day’s searches free up, in Danish and in English', async () => {
		const url = dayServer.url;
		const lone = await loginStaff(url, 'Lone Madsen');
		for (let i = 0; i < PER_DAY; i++) {
			const response = await search(lone, url, 'Maja');
			expect(response.status).toBe(200);
			await response.text();
		}
		const refused = await search(lone, url, 'Maja');
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60);
		const danish = text(await refused.text());
		expect(danish).toContain(
			'Du har nået grænsen for, hvor mange gange du kan søge på et døgn. Du kan søge igen'
		);
		expect(danish).toMatch(/Du kan søge igen \p{L}+dag \d{1,2}\. \p{L}+ kl\. \d{2}\.\d{2}\./u);
		expect(danish).not.toContain('/staff/borger/');

		lone.setCookie(url, 'lang', 'en');
		const english = await search(lone, url, 'Maja');
		expect(english.status).toBe(429);
		expect(text(await english.text())).toMatch(
			/You can search again on \p{L}+day \d{1,2} \p{L}+ at \d{2}:\d{2}\. We did not search this time/u
		);
		const metrics = await (await fetch(`${url}/metrics`)).text();
		expect(metrics).toContain('sammen_staff_searches_refused_total{window="day"} 2');
	});
});

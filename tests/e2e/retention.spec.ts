// Retention periods and the retention job for administrators: the page shows
// the periods with their defaults, saves new ones without JavaScript (audited), refuses bad ones
// with field errors and an error summary and stores nothing, runs the clean-up now through the job
// queue (a run row appears within a bounded wait, audited), answers 404 to everyone but
// administrators, is no-store, and has no axe violations at 1280 and 320 px.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { expectNoAxeViolations, launchBrowser, sidewaysOverflow } from './browser';
import { text } from './html';
import type { CookieBrowser } from './oidc-flow';
import { postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff, loginStaffInPage } from './staff';

const chromium = inject('chromium');
const URL_PATH = '/staff/admin/opbevaring';
const OLD_SENT = '0d000000-0000-4000-8000-000000000001';
const JOURNEY = demoIds.journey('maja');
const JOURNEY_PATH = `/staff/forloeb/${JOURNEY}`;
// The same calendar as the seed's: the server's clock goes on from this process's.
const demo = new DemoClock(clock.now());

let server: SeededServer;
let baseUrl: string;

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		// A message sent 200 days ago: the first run deletes it.
		const longAgo = demo.past(200, 10);
		await db
			.insertInto('notifications')
			.values({
				id: OLD_SENT,
				citizen_id: demoIds.citizen('Maja Jensen'),
				event_type: 'meeting_invite',
				timeline_entry_id: null,
				channel: 'email',
				status: 'sent',
				bundle_id: null,
				letter_id: null,
				send_after: longAgo,
				sent_at: longAgo,
				created_at: longAgo,
				idempotency_key: 'retention-e2e:1',
				error: null,
				claimed_at: null
			})
			.execute();
		// Maja's journey closed 800 days ago: the run archives it (the period saved below is 730 days).
		await db
			.updateTable('journeys')
			.set({ status: 'closed', closed_at: demo.past(800, 10) })
			.where('id', '=', JOURNEY)
			.execute();
	});
	baseUrl = server.url;
});
afterAll(async () => {
	await server?.stop();
});

const valid = {
	auditMonths: '36',
	sessionDays: '14',
	notificationDays: '60',
	idempotencyDays: '3',
	journeyArchiveDays: '730'
};

async function page(browser: CookieBrowser, url = URL_PATH): Promise<string> {
	const response = await browser.go(`${baseUrl}${url}`);
	expect(response.status, url).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

function inputValue(html: string, id: string): string | undefined {
	return html.match(new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`))?.[1];
}

describe('retention for the administrator, without JavaScript', () => {
	let anders: CookieBrowser;
	beforeAll(async () => {
		anders = await loginStaff(baseUrl, 'Anders Berg');
	});

	it('shows the periods with their defaults, what they mean, and no runs yet', async () => {
		const html = await page(anders);
		expect(html).toMatch(/<title>Opbevaring og oprydning – Sammen – /);
		expect(html.match(/<h1/g)).toHaveLength(1);
		expect(inputValue(html, 'auditMonths')).toBe('60');
		expect(inputValue(html, 'sessionDays')).toBe('30');
		expect(inputValue(html, 'notificationDays')).toBe('90');
		expect(inputValue(html, 'idempotencyDays')).toBe('7');
		expect(inputValue(html, 'journeyArchiveDays')).toBe('365');
		const body = text(html);
		expect(body).toContain('Standard: 60 måneder (5 år). Fra 12 til 240.');
		expect(body).toContain('Breve til borgeren bliver aldrig slettet.');
		expect(body).toContain('Oprydningen har ikke kørt endnu.');
		expect(body).toContain('Kør oprydning nu');
	});

	it('refuses bad periods with field errors and an error summary, storing nothing', async () => {
		const response = await postForm(anders, `${baseUrl}${URL_PATH}?/gem`, {
			...valid,
			auditMonths: '5',
			sessionDays: 'tre',
			journeyArchiveDays: ''
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('error-summary');
		expect(html).toContain('id="auditMonths-error"');
		expect(html).toContain('id="sessionDays-error"');
		expect(html).toContain('id="journeyArchiveDays-error"');
		expect(html).not.toContain('id="notificationDays-error"');
		const body = text(html);
		expect(body).toContain('Skriv et helt antal måneder for logningen fra 12 til 240.');
		expect(body).toContain('Skriv et helt antal dage for udløbne logins fra 1 til 365.');
		// What was typed is shown again, so it can be corrected.
		expect(inputValue(html, 'sessionDays')).toBe('tre');
		expect(inputValue(await page(anders), 'auditMonths')).toBe('60');
	});

	it('saves valid periods and shows them', async () => {
		const response = await postForm(anders, `${baseUrl}${URL_PATH}?/gem`, valid);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${URL_PATH}?gemt=perioder`);
		const html = await page(anders, `${URL_PATH}?gemt=perioder`);
		expect(text(html)).toContain('Perioderne er gemt.');
		for (const [id, value] of Object.entries(valid)) expect(inputValue(html, id)).toBe(value);
	});

	it('lets a caseworker change the closed journey until it is archived', async () => {
		const mette = await loginStaff(baseUrl, 'Mette Larsen');
		const journey = text(await page(mette, JOURNEY_PATH));
		expect(journey).not.toContain('Forløbet er arkiveret');
		expect((await mette.go(`${baseUrl}${JOURNEY_PATH}/moede`)).status).toBe(200);
	});

	it('runs the clean-up now: a run row appears within a bounded wait', async () => {
		const response = await postForm(anders, `${baseUrl}${URL_PATH}?/koerNu`, {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${URL_PATH}?gemt=koersel`);
		expect(text(await page(anders, `${URL_PATH}?gemt=koersel`))).toContain(
			'Oprydningen er sat i gang.'
		);
		const deadline = performance.now() + 30_000;
		let body = '';
		while (performance.now() < deadline) {
			body = text(await page(anders));
			if (body.includes('De seneste 10 kørsler af oprydningen') && body.includes('Færdig')) break;
			await new Promise((r) => setTimeout(r, 300));
		}
		expect(body).toContain('De seneste 10 kørsler af oprydningen');
		expect(body).toContain('Færdig');
		expect(body).not.toContain('Oprydningen har ikke kørt endnu.');
	});

	it('archived the closed journey: it can be read, not changed', async () => {
		const mette = await loginStaff(baseUrl, 'Mette Larsen');
		const html = await page(mette, JOURNEY_PATH);
		const body = text(html);
		expect(body).toContain('Forløbet er arkiveret, fordi det har været lukket længe.');
		expect(body).toContain('Arkiveret');
		expect(html).not.toMatch(/href="[^"]*\/moede"/);
		expect(html).not.toMatch(/href="[^"]*\/ny-post"/);
		for (const path of ['moede', 'ny-post', 'koordinering']) {
			expect((await mette.go(`${baseUrl}${JOURNEY_PATH}/${path}`)).status, path).toBe(404);
		}
		const plan = await postForm(mette, `${baseUrl}${JOURNEY_PATH}/moede?/planlaeg`, {
			title: 'Møde',
			// A working day ahead: the refusal is for the archive, not for a date in the past.
			date: demo.dueDate(14)
		});
		expect(plan.status).toBe(404);
		const entry = await postForm(mette, `${baseUrl}${JOURNEY_PATH}/ny-post?/gem`, {
			kind: 'note',
			body: 'Tekst'
		});
		expect(entry.status).toBe(404);
		// The journey's meetings can be read, but their minutes not written.
		const meeting = `${baseUrl}/staff/moeder/${demoIds.meeting('maja-m1')}`;
		expect((await mette.go(meeting)).status).toBe(200);
		const minutes = await postForm(mette, `${meeting}?/referat`, { minutes: 'Referat' });
		expect(minutes.status).toBe(404);
	});

	it('answers 404 to caseworkers, coordinators and the auditor, on the page and both actions', async () => {
		for (const name of ['Lone Madsen', 'Mette Larsen', 'Birgitte Skov']) {
			const other = await loginStaff(baseUrl, name);
			expect((await other.go(`${baseUrl}${URL_PATH}`)).status, name).toBe(404);
			const save = await postForm(other, `${baseUrl}${URL_PATH}?/gem`, {
				...valid,
				auditMonths: '12'
			});
			expect(save.status, name).toBe(404);
			expect((await postForm(other, `${baseUrl}${URL_PATH}?/koerNu`, {})).status, name).toBe(404);
		}
		expect(inputValue(await page(anders), 'auditMonths')).toBe('36');
		const visitor = await fetch(`${baseUrl}${URL_PATH}`, { redirect: 'manual' });
		expect(visitor.status).toBe(303);
	});
});

describe.skipIf(!chromium)('in the browser: axe at 1280 and 320 px', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function open(
		width: number,
		who = 'Anders Berg'
	): Promise<{ context: BrowserContext; page: Page }> {
		const context = await browser.newContext({ viewport: { width, height: 900 } });
		const page = await context.newPage();
		await loginStaffInPage(page, baseUrl, who);
		return { context, page };
	}

	async function check(page: Page, label: string) {
		await expectNoAxeViolations(page, label);
		const overflow = await sidewaysOverflow(page);
		expect(overflow, `sideways scrolling on ${label}`).toBeLessThanOrEqual(0);
	}

	it('checks the page with runs, with errors and after saving', async () => {
		for (const width of [1280, 320]) {
			const { context, page } = await open(width);
			try {
				await page.goto(`${baseUrl}${URL_PATH}`);
				await check(page, `retention ${width}`);
				await page.getByLabel('Logning (måneder)').fill('5');
				await page.getByRole('button', { name: 'Gem perioder' }).click();
				await page.locator('.error-summary').waitFor();
				await expect
					.poll(() => page.evaluate(() => document.activeElement?.className))
					.toContain('error-summary');
				await check(page, `retention with errors ${width}`);
				await page.getByLabel('Logning (måneder)').fill('36');
				await Promise.all([
					page.waitForURL(/gemt=perioder/),
					page.getByRole('button', { name: 'Gem perioder' }).click()
				]);
				await check(page, `retention saved ${width}`);
				await page.goto(`${baseUrl}${URL_PATH}?gemt=koersel`);
				await check(page, `retention run requested ${width}`);
			} finally {
				await context.close();
			}
		}
	});

	it('checks the archived journey page', async () => {
		for (const width of [1280, 320]) {
			const { context, page } = await open(width, 'Mette Larsen');
			try {
				await page.goto(`${baseUrl}${JOURNEY_PATH}`);
				expect(await page.locator('main').innerText()).toContain('Forløbet er arkiveret');
				await check(page, `archived journey ${width}`);
			} finally {
				await context.close();
			}
		}
	});
});

describe('audit', () => {
	it('audited the saved periods, the run asked for and the run itself', async () => {
		const anders = demoIds.staff('Anders Berg');
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_staff_id', 'action', 'object_type', 'citizen_id'])
				.where('object_type', 'in', ['retention_settings', 'retention_job', 'retention_run'])
				.execute()
		);
		const settings = rows.filter((r) => r.object_type === 'retention_settings');
		// One save without JavaScript, two in the browser (1280 and 320 px); refused ones none.
		expect(settings.length).toBe(chromium ? 3 : 1);
		for (const r of settings) {
			expect(r).toEqual({
				actor_type: 'staff',
				actor_staff_id: anders,
				action: 'update',
				object_type: 'retention_settings',
				citizen_id: null
			});
		}
		expect(rows.filter((r) => r.object_type === 'retention_job')).toEqual([
			{
				actor_type: 'staff',
				actor_staff_id: anders,
				action: 'create',
				object_type: 'retention_job',
				citizen_id: null
			}
		]);
		const runs = rows.filter((r) => r.object_type === 'retention_run');
		expect(runs.length).toBeGreaterThanOrEqual(1);
		for (const r of runs) {
			expect(r).toMatchObject({ actor_type: 'system', actor_staff_id: null, action: 'delete' });
		}
	});
});

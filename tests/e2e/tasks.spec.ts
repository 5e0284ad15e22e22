// Tasks for citizens: the list, a task's page, "I have done it" (with and without JavaScript), and
// who may see and mark what. Marking changes data, so this file runs its own server, seeded with
// the demo plus a task for Karl (for his read-only representative) and two more for Maja.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDate } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { expectNoAxeViolations, launchBrowser, sidewaysOverflow } from './browser';
import { loginCitizen, postForm } from './portal';
import type { CookieBrowser } from './oidc-flow';
import { loginInPage } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';

const chromium = inject('chromium');

const MAJA = demoIds.citizen('Maja Jensen');
const SOFIE = demoIds.citizen('Sofie Hansen');
const KARL = demoIds.citizen('Karl Nielsen');
const LISE = demoIds.citizen('Lise Mortensen');
const HENRIK = demoIds.citizen('Henrik Hansen');
const PAYSLIPS = demoIds.task('maja-payslips');
const MAJA_DONE = demoIds.task('maja-cv');
const MAJA_STAFF_TASK = demoIds.task('maja-find-therapist');
const SOFIE_RECEIPTS = demoIds.task('sofie-receipts');
const LISE_ESTIMATE = demoIds.task('lise-estimate');
const AHMED_DIPLOMA = demoIds.task('ahmed-diploma');
// Rows the demo does not have, added for these tests.
const KARL_TASK = '7a5c0000-0000-4000-8000-00000000d001';
const MAJA_OVERDUE = '7a5c0000-0000-4000-8000-00000000d002';
const MAJA_BROWSER = '7a5c0000-0000-4000-8000-00000000d003';

// The same calendar as the seed's: the servers' clocks go on from this process's (pinned at 10.00).
const demo = new DemoClock(clock.now());
const OVERDUE_DUE = demo.date(-3);

let server: SeededServer;
let baseUrl: string;

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		const task = (
			id: string,
			citizen: 'Karl Nielsen' | 'Maja Jensen',
			journey: string,
			caseKey: string,
			title: string,
			dueDate: string
		) => ({
			id,
			citizen_id: demoIds.citizen(citizen),
			journey_id: demoIds.journey(journey),
			case_id: demoIds.case(caseKey),
			assignee: 'citizen' as const,
			title,
			title_en: null,
			description: 'Ring, hvis du har spørgsmål.\nVi hjælper gerne.',
			due_date: dueDate,
			created_by_staff_id: demoIds.staff('Hanne Vestergaard'),
			created_at: demo.past(10, 9)
		});
		await db
			.insertInto('tasks')
			.values([
				task(
					KARL_TASK,
					'Karl Nielsen',
					'karl',
					'karl-care',
					'Skriv dine ønsker til besøget',
					demo.date(6)
				),
				task(MAJA_OVERDUE, 'Maja Jensen', 'maja', 'maja-social', 'Send din husleje', OVERDUE_DUE),
				task(MAJA_BROWSER, 'Maja Jensen', 'maja', 'maja-job', 'Udfyld dit skema', demo.date(20))
			])
			.execute();
	});
	baseUrl = server.url;
});

afterAll(async () => {
	await server?.stop();
});

const taskUrl = (id: string) => `${baseUrl}/opgaver/${encodeURIComponent(id)}`;
const doneUrl = (id: string) => `${taskUrl(id)}?/gjort`;

async function html(browser: CookieBrowser, url: string): Promise<string> {
	const response = await browser.go(url);
	expect(response.status, url).toBe(200);
	return response.text();
}

/** The page's main content as text, roughly: tags out, entities as they are. */
function mainText(page: string): string {
	const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
	return main
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

describe('tasks without JavaScript', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
	});

	it('lists open tasks soonest first, then done ones, never tasks on staff', async () => {
		const response = await maja.go(`${baseUrl}/opgaver`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const text = mainText(await response.text());
		expect(text).toContain('Dine opgaver');
		const overdue = text.indexOf('Send din husleje');
		const payslips = text.indexOf('Send dine lønsedler for de sidste tre måneder');
		const later = text.indexOf('Udfyld dit skema');
		const done = text.indexOf('Det har du gjort');
		expect(overdue).toBeGreaterThan(-1);
		expect(payslips).toBeGreaterThan(overdue);
		expect(later).toBeGreaterThan(payslips);
		expect(done).toBeGreaterThan(later);
		expect(text.indexOf('Opret dit CV på Jobnet')).toBeGreaterThan(done);
		expect(text).toContain(
			`Fristen var ${formatDate(OVERDUE_DUE, 'da')}. Gør det så hurtigt, du kan.`
		);
		expect(text).not.toContain('Find en familiebehandler');
	});

	it("shows a task's deadline, description, case and department, and the form", async () => {
		const page = await html(maja, taskUrl(PAYSLIPS));
		const text = mainText(page);
		expect(text).toContain('Send dine lønsedler for de sidste tre måneder');
		// The seed's due date for the payslips (seed/stories/maja.ts: maja-payslips).
		expect(text).toContain(`Senest ${formatDate(demo.dueDate(5), 'da')}`);
		expect(text).toContain('Du kan tage dem med til mødet eller aflevere dem i Borgerservice.');
		expect(text).toContain('Opgaven er fra Jobcenter. Den hører til sagen »Din vej til job«.');
		expect(page).toContain('action="?/gjort"');
		expect(text).toContain('Jeg har gjort det');

		const done = mainText(await html(maja, taskUrl(MAJA_DONE)));
		// When the seed marked the CV done (seed/stories/maja.ts: maja-cv).
		expect(done).toContain(
			`Du markerede den som gjort ${formatDate(demo.past(216, 20, 14), 'da')}.`
		);
		expect(done).toContain('Mit CV ligger nu på Jobnet.');
		expect(done).not.toContain('Jeg har gjort det');
	});

	it("answers another citizen's task, a task on staff, a made-up and a malformed id alike: 404", async () => {
		const ids = [
			KARL_TASK,
			SOFIE_RECEIPTS,
			MAJA_STAFF_TASK,
			'00000000-0000-4000-8000-000000000000',
			'not-a-uuid',
			"1'; drop"
		];
		const answers: string[] = [];
		for (const id of ids) {
			const page = await maja.go(taskUrl(id));
			const post = await postForm(maja, doneUrl(id), { comment: '' });
			const h1 = /<h1>([^<]+)<\/h1>/.exec(await page.text())?.[1];
			answers.push(JSON.stringify([page.status, h1, post.status]));
		}
		expect(new Set(answers).size).toBe(1);
		expect(JSON.parse(answers[0]!)).toEqual([404, 'Vi kan ikke finde siden', 404]);
	});

	it('refuses a comment that is too long and keeps what was written', async () => {
		const response = await postForm(maja, doneUrl(PAYSLIPS), { comment: 'æ'.repeat(1001) });
		expect(response.status).toBe(400);
		const page = await response.text();
		expect(page).toMatch(/class="alert alert-error error-summary"[^>]*autofocus/);
		expect(mainText(page)).toContain(
			'Teksten er for lang. Den må højst være 1000 tegn. Nu er den 1001 tegn.'
		);
		expect(page).toContain('æ'.repeat(1001));
		expect(mainText(await html(maja, taskUrl(PAYSLIPS)))).toContain('Jeg har gjort det');
	});

	it('marks a task done once, tells staff on the timeline, and refuses a second time', async () => {
		const response = await postForm(maja, doneUrl(PAYSLIPS), {
			comment: 'Jeg har afleveret dem i Borgerservice.\nTre lønsedler.'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/opgaver/${PAYSLIPS}?gjort=1`);
		const page = await html(maja, `${taskUrl(PAYSLIPS)}?gjort=1`);
		const text = mainText(page);
		expect(text).toContain('Tak. Opgaven er markeret som gjort, og din sagsbehandler kan se det.');
		expect(text).toContain('Du har gjort opgaven.');
		expect(page).toContain('Jeg har afleveret dem i Borgerservice.\nTre lønsedler.');
		expect(page).not.toContain('action="?/gjort"');

		const list = mainText(await html(maja, `${baseUrl}/opgaver`));
		expect(list.indexOf('Send dine lønsedler')).toBeGreaterThan(list.indexOf('Det har du gjort'));

		const again = await postForm(maja, doneUrl(PAYSLIPS), { comment: 'Igen' });
		expect(again.status).toBe(400);
		expect(mainText(await again.text())).toContain(
			'Opgaven er allerede markeret som gjort. Du skal ikke gøre mere.'
		);

		const journey = mainText(await html(maja, `${baseUrl}/forloeb/${demoIds.journey('maja')}`));
		const title = 'Maja Jensen har gjort opgaven: Send dine lønsedler for de sidste tre måneder';
		expect(journey.split(title)).toHaveLength(2);
		expect(journey).toContain('Jeg har afleveret dem i Borgerservice.');
	});

	it('shows a visitor the login instead', async () => {
		for (const url of [`${baseUrl}/opgaver`, taskUrl(PAYSLIPS)]) {
			const response = await fetch(url, { redirect: 'manual' });
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/login\?returnTo=/);
		}
	});
});

describe('tasks for representatives, without a journey and in English', () => {
	it('lets Lise see Karl’s task (read-only) but not mark it done', async () => {
		const lise = await loginCitizen(baseUrl, 'demo-citizen-lise-mortensen', { actFor: KARL });
		expect(mainText(await html(lise, `${baseUrl}/opgaver`))).toContain('Opgaver for Karl Nielsen');
		const page = await html(lise, taskUrl(KARL_TASK));
		expect(page).not.toContain('action="?/gjort"');
		expect(mainText(page)).toContain(
			'Du kan se oplysningerne for Karl Nielsen, men du har ikke fuldmagt til at ændre noget eller svare for Karl Nielsen.'
		);
		expect((await postForm(lise, doneUrl(KARL_TASK), { comment: '' })).status).toBe(403);
		expect(mainText(await html(lise, taskUrl(KARL_TASK)))).not.toContain('Du har gjort opgaven');
		// Her own task is not Karl's: a 404 while she acts for him.
		expect((await lise.go(taskUrl(LISE_ESTIMATE))).status).toBe(404);
	});

	it('lets Lise, as herself, mark her task without a journey done', async () => {
		const lise = await loginCitizen(baseUrl, 'demo-citizen-lise-mortensen');
		const response = await postForm(lise, doneUrl(LISE_ESTIMATE), { comment: '' });
		expect(response.status).toBe(303);
		expect(mainText(await html(lise, taskUrl(LISE_ESTIMATE)))).toContain('Du har gjort opgaven.');
	});

	it('lets Henrik mark Sofie’s task done, named on the timeline as acting for her', async () => {
		const henrik = await loginCitizen(baseUrl, 'demo-citizen-henrik-hansen', { actFor: SOFIE });
		expect(mainText(await html(henrik, `${baseUrl}/opgaver`))).toContain(
			'Opgaver for Sofie Hansen'
		);
		const response = await postForm(henrik, doneUrl(SOFIE_RECEIPTS), {
			comment: 'Kvitteringerne er sendt med posten.'
		});
		expect(response.status).toBe(303);
		const journey = mainText(await html(henrik, `${baseUrl}/forloeb/${demoIds.journey('sofie')}`));
		expect(journey).toContain(
			'Henrik Hansen på vegne af Sofie Hansen har gjort opgaven: Send kvitteringer for de ekstra udgifter'
		);
	});

	it('shows Ahmed his tasks in English', async () => {
		const ahmed = await loginCitizen(baseUrl, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(baseUrl, 'lang', 'en');
		const list = mainText(await html(ahmed, `${baseUrl}/opgaver`));
		expect(list).toContain('Your tasks');
		expect(list).toContain('What you need to do');
		expect(list).toContain('Send a copy of your diploma');
		expect(list).not.toContain('Dine opgaver');
		const text = mainText(await html(ahmed, taskUrl(AHMED_DIPLOMA)));
		// The seed's due date for the diploma (seed/stories/ahmed.ts: ahmed-diploma).
		expect(text).toContain(`By ${formatDate(demo.dueDate(10), 'en')}`);
		expect(text).toContain('Have you done it?');
		expect(text).toContain('I have done it');
		expect(text).toMatch(/The task is from Job Centre\. It belongs to the case “[^”]+”\./);
	});

	it('tells Jens, who has no tasks, so', async () => {
		const jens = await loginCitizen(baseUrl, 'demo-citizen-jens-poulsen');
		expect(mainText(await html(jens, `${baseUrl}/opgaver`))).toContain('Du har ingen opgaver.');
	});
});

describe.skipIf(!chromium)('tasks in the browser', () => {
	let browser: Browser;
	let context: BrowserContext | undefined;

	beforeAll(async () => {
		browser = await launchBrowser(chromium!);
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	async function open(
		name: string,
		options: { width?: number; locale?: 'da' | 'en' } = {}
	): Promise<Page> {
		await context?.close();
		context = await browser.newContext({
			viewport: { width: options.width ?? 390, height: 844 },
			hasTouch: true
		});
		if (options.locale) {
			await context.addCookies([{ name: 'lang', value: options.locale, url: baseUrl }]);
		}
		const page = await context.newPage();
		await loginInPage(page, baseUrl, name);
		return page;
	}

	async function expectNoOverflow(page: Page) {
		const overflow = await sidewaysOverflow(page);
		expect(overflow).toBeLessThanOrEqual(0);
	}

	it('marks a task done with JavaScript: list, open, errors and done pass axe', async () => {
		const page = await open('Maja Jensen');
		await page.goto(`${baseUrl}/opgaver`);
		expect(await page.locator('h1').count()).toBe(1);
		await expectNoAxeViolations(page, 'tasks list');
		await Promise.all([
			page.waitForURL(`**/opgaver/${MAJA_BROWSER}`),
			page.getByRole('link', { name: 'Udfyld dit skema' }).click()
		]);
		expect(await page.title()).toBe('Udfyld dit skema – Sammen – Sammen Kommune');
		await expectNoAxeViolations(page, 'task, open');
		await expectNoOverflow(page);

		await page.getByLabel('Kommentar til din sagsbehandler').fill('x'.repeat(1001));
		await page.getByRole('button', { name: 'Jeg har gjort det' }).click();
		await page.locator('.error-summary').waitFor();
		expect(
			await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))
		).toBe(true);
		await expectNoAxeViolations(page, 'task, with errors');

		await page.getByLabel('Kommentar til din sagsbehandler').fill('Skemaet er sendt.');
		await Promise.all([
			page.waitForURL(/gjort=1/),
			page.getByRole('button', { name: 'Jeg har gjort det' }).click()
		]);
		await page.getByText('Tak. Opgaven er markeret som gjort').waitFor();
		await expectNoAxeViolations(page, 'task, done');
	});

	it('shows the errors without JavaScript, with focus on the summary', async () => {
		const page = await open('Maja Jensen', { width: 320 });
		// Logged in (through the identity provider's pages); from here on, scripts are off.
		const cdp = await context!.newCDPSession(page);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
		await page.goto(taskUrl(MAJA_OVERDUE));
		await page.getByLabel('Kommentar til din sagsbehandler').fill('x'.repeat(1001));
		await Promise.all([
			page.waitForURL(/\?\/gjort$/),
			page.getByRole('button', { name: 'Jeg har gjort det' }).click()
		]);
		// Focus by the autofocus attribute alone (page.evaluate needs scripts, locators do not).
		expect(await page.locator('.error-summary:focus').count()).toBe(1);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
		await expectNoAxeViolations(page, 'task, errors without JavaScript, 320 px');
		await expectNoOverflow(page);
	});

	it('shows Ahmed his tasks in English at 320 px', async () => {
		const page = await open('Ahmed Hassan', { width: 320, locale: 'en' });
		await page.goto(`${baseUrl}/opgaver`);
		expect(await page.locator('h1').innerText()).toBe('Your tasks');
		await expectNoAxeViolations(page, 'tasks list in English');
		await expectNoOverflow(page);
		await page.goto(taskUrl(AHMED_DIPLOMA));
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await expectNoAxeViolations(page, 'task in English');
		await expectNoOverflow(page);
	});

	it('shows the empty list to Jens, and the read-only page to Lise acting for Karl', async () => {
		let page = await open('Jens Poulsen');
		await page.goto(`${baseUrl}/opgaver`);
		expect(await page.locator('main').innerText()).toContain('Du har ingen opgaver.');
		await expectNoAxeViolations(page, 'tasks list, empty');

		page = await open('Lise Mortensen');
		await Promise.all([
			page.waitForURL(`${baseUrl}/`),
			page.getByRole('button', { name: 'Handl for Karl Nielsen' }).click()
		]);
		await page.goto(taskUrl(KARL_TASK));
		expect(await page.locator('form[action="?/gjort"]').count()).toBe(0);
		await expectNoAxeViolations(page, 'task, read-only representative');
	});
});

describe('afterwards, in the database', () => {
	it('has audited each change once, Henrik as the representative', async () => {
		const rows = await server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'object_id'])
				.where('action', '=', 'update')
				.where('object_type', '=', 'task')
				.execute()
		);
		const of = (id: string) => rows.filter((r) => r.object_id === id);
		expect(of(SOFIE_RECEIPTS)).toEqual([
			{
				actor_type: 'representative',
				actor_citizen_id: HENRIK,
				citizen_id: SOFIE,
				object_id: SOFIE_RECEIPTS
			}
		]);
		expect(of(PAYSLIPS)).toEqual([
			{ actor_type: 'citizen', actor_citizen_id: MAJA, citizen_id: MAJA, object_id: PAYSLIPS }
		]);
		expect(of(LISE_ESTIMATE)).toEqual([
			{ actor_type: 'citizen', actor_citizen_id: LISE, citizen_id: LISE, object_id: LISE_ESTIMATE }
		]);
		expect(of(KARL_TASK)).toEqual([]);
		expect(of(MAJA_OVERDUE)).toEqual([]);
	});
});

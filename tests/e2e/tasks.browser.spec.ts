// Tasks for citizens in Chromium: marking one done with JavaScript, the errors without it, English
// at 320 px, the empty list and a read-only representative, each page through axe. The same server
// as tasks.spec.ts (tasks.fixture.ts), a copy of its own.
import { describe, expect, inject, it } from 'vitest';
import { checkPage, useChromium, type LoginAs, type PageOptions } from './open-page';
import {
	AHMED_DIPLOMA,
	KARL_TASK,
	MAJA,
	MAJA_BROWSER,
	MAJA_OVERDUE,
	startTasksServer,
	taskPath
} from './tasks.fixture';
import { useServer } from './server';

const chromium = inject('chromium');

const app = useServer(startTasksServer);

const taskUrl = (id: string) => `${app.url}${taskPath(id)}`;

describe.skipIf(!chromium)('tasks in the browser', () => {
	// A phone, 390 px wide unless a test asks otherwise.
	const pages = useChromium(() => app.url, { width: 390, height: 844, touch: true });
	const open = (as: LoginAs, options: PageOptions = {}) => pages.open({ ...options, as });

	it('marks a task done with JavaScript: list, open, errors and done pass axe', async () => {
		const page = await open({ citizen: 'Maja Jensen' });
		await page.goto(`${app.url}/opgaver`);
		expect(await page.locator('h1').count()).toBe(1);
		await checkPage(page, 'tasks list');
		await Promise.all([
			page.waitForURL(`**/opgaver/${MAJA_BROWSER}`),
			page.getByRole('link', { name: 'Udfyld dit skema' }).click()
		]);
		expect(await page.title()).toBe('Udfyld dit skema – Sammen – Sammen Kommune');
		await checkPage(page, 'task, open');

		await page.getByLabel('Kommentar til din sagsbehandler').fill('x'.repeat(1001));
		await page.getByRole('button', { name: 'Jeg har gjort det' }).click();
		await page.locator('.error-summary').waitFor();
		expect(
			await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))
		).toBe(true);
		await checkPage(page, 'task, with errors');

		await page.getByLabel('Kommentar til din sagsbehandler').fill('Skemaet er sendt.');
		await Promise.all([
			page.waitForURL(/gjort=1/),
			page.getByRole('button', { name: 'Jeg har gjort det' }).click()
		]);
		await page.getByText('Tak. Opgaven er markeret som gjort').waitFor();
		await checkPage(page, 'task, done');
	});

	it('shows the errors without JavaScript, with focus on the summary', async () => {
		const page = await open({ citizen: 'Maja Jensen' }, { width: 320 });
		// Scripts off for the form; on again for axe, which runs as a script in the page.
		const cdp = await page.context().newCDPSession(page);
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
		await checkPage(page, 'task, errors without JavaScript, 320 px');
	});

	it('shows Ahmed his tasks in English at 320 px', async () => {
		const page = await open({ citizen: 'Ahmed Hassan' }, { width: 320, locale: 'en' });
		await page.goto(`${app.url}/opgaver`);
		expect(await page.locator('h1').innerText()).toBe('Your tasks');
		await checkPage(page, 'tasks list in English');
		await page.goto(taskUrl(AHMED_DIPLOMA));
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await checkPage(page, 'task in English');
	});

	it('shows the empty list to Jens, and the read-only page to Lise acting for Karl', async () => {
		let page = await open({ citizen: 'Jens Poulsen' });
		await page.goto(`${app.url}/opgaver`);
		expect(await page.locator('main').innerText()).toContain('Du har ingen opgaver.');
		await checkPage(page, 'tasks list, empty');

		page = await open({ citizen: 'Lise Mortensen', actFor: 'Karl Nielsen' });
		await page.goto(taskUrl(KARL_TASK));
		expect(await page.locator('form[action="?/gjort"]').count()).toBe(0);
		await checkPage(page, 'task, read-only representative');
	});
});

describe('afterwards, in the database', () => {
	it('has recorded the task marked in the browser, and nothing for the refused ones', async () => {
		const rows = await app.server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'object_id'])
				.where('action', '=', 'update')
				.where('object_type', '=', 'task')
				.execute()
		);
		const of = (id: string) => rows.filter((r) => r.object_id === id);
		if (chromium) {
			expect(of(MAJA_BROWSER)).toEqual([
				{ actor_type: 'citizen', actor_citizen_id: MAJA, citizen_id: MAJA, object_id: MAJA_BROWSER }
			]);
		}
		expect(of(KARL_TASK)).toEqual([]);
		expect(of(MAJA_OVERDUE)).toEqual([]);
	});
});

// Meetings for citizens in Chromium: answering one with JavaScript, the errors without it, a held
// and a cancelled meeting and the calendar download at 320 px, English at 320 px, the empty list and
// a read-only representative, each page through axe. The same server as meetings.spec.ts
// (meetings.fixture.ts), a copy of its own.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
	AHMED_VIDEO,
	demo,
	KARL_NEXT,
	MAJA,
	MAJA_BROWSER,
	MAJA_CANCELLED,
	MAJA_HELD,
	MAJA_NEXT,
	majaNextStart,
	meetingPath,
	startMeetingsServer
} from './meetings.fixture';
import { checkPage, useChromium, type LoginAs, type PageOptions } from './open-page';
import { useServer } from './server';

const chromium = inject('chromium');

const app = useServer(startMeetingsServer);

const meetingUrl = (id: string) => `${app.url}${meetingPath(id)}`;

describe.skipIf(!chromium)('meetings in the browser', () => {
	// A phone, 390 px wide unless a test asks otherwise.
	const pages = useChromium(() => app.url, { width: 390, height: 844, touch: true });
	const open = (as: LoginAs, options: PageOptions = {}) => pages.open({ ...options, as });

	const focusIsOnErrorSummary = (page: Page) =>
		page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false);

	it('answers a meeting with JavaScript: list, pending, errors and answered pass axe', async () => {
		const page = await open({ citizen: 'Maja Jensen' });
		await page.goto(`${app.url}/moeder`);
		expect(await page.locator('h1').count()).toBe(1);
		await checkPage(page, 'meetings list');
		await Promise.all([
			page.waitForURL(`**/moeder/${MAJA_BROWSER}`),
			page.getByRole('link', { name: 'Samtale om næste praktik' }).click()
		]);
		expect(await page.title()).toBe('Samtale om næste praktik – Sammen – Sammen Kommune');
		await checkPage(page, 'meeting, not answered');

		await page.getByLabel('Jeg vil gerne have en anden tid').check();
		await page.getByRole('button', { name: 'Send dit svar' }).click();
		await page.locator('.error-summary').waitFor();
		expect(await focusIsOnErrorSummary(page)).toBe(true);
		expect(await page.locator('#reason-error').innerText()).toContain(
			'Skriv, hvorfor du vil have en anden tid'
		);
		await checkPage(page, 'meeting, answer with errors');

		await page.getByLabel('Besked om mødet').fill('Jeg er på arbejde. Jeg kan om fredagen.');
		await Promise.all([
			page.waitForURL(/svaret=1/),
			page.getByRole('button', { name: 'Send dit svar' }).click()
		]);
		await page.getByText('Tak for dit svar.').waitFor();
		expect(await page.locator('main').innerText()).toContain('Du har bedt om en anden tid.');
		await checkPage(page, 'meeting, answered');
	});

	it('shows the errors without JavaScript, with focus on the summary', async () => {
		const page = await open({ citizen: 'Maja Jensen' });
		// Scripts off for the form (the context was logged in over HTTP, so no page needed them).
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
		await page.goto(meetingUrl(MAJA_BROWSER));
		await page.getByLabel('Nej, jeg kommer ikke').check();
		await page.getByLabel('Besked om mødet').fill('x'.repeat(1001));
		await Promise.all([
			page.waitForURL(/\?\/svar$/),
			page.getByRole('button', { name: 'Send dit svar' }).click()
		]);
		// Focus by the autofocus attribute alone (page.evaluate needs scripts, locators do not).
		expect(await page.locator('.error-summary:focus').count()).toBe(1);
		expect(await page.locator('#reason-error').innerText()).toContain('Teksten er for lang');
		// axe runs as a script: turned back on for it, on the same page without reloading it.
		await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
		await checkPage(page, 'meeting, errors without JavaScript');
	});

	it('passes axe on a held meeting, a cancelled one and the calendar link', async () => {
		const page = await open({ citizen: 'Maja Jensen' }, { width: 320 });
		for (const [id, label] of [
			[MAJA_HELD, 'held meeting'],
			[MAJA_CANCELLED, 'cancelled meeting']
		] as const) {
			await page.goto(meetingUrl(id));
			await checkPage(page, label);
		}
		await page.goto(meetingUrl(MAJA_NEXT));
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Føj mødet til din kalender' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^moede-\d{4}-\d{2}-\d{2}\.ics$/);
		expect(download.suggestedFilename()).toBe(`moede-${demo.dateOf(majaNextStart)}.ics`);
	});

	it('shows Ahmed his meetings in English at 320 px', async () => {
		const page = await open({ citizen: 'Ahmed Hassan' }, { width: 320, locale: 'en' });
		await page.goto(`${app.url}/moeder`);
		expect(await page.locator('h1').innerText()).toBe('Your meetings');
		await checkPage(page, 'meetings list in English');
		await page.goto(meetingUrl(AHMED_VIDEO));
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		await checkPage(page, 'video meeting in English');
	});

	it('shows the empty list to Jens, and the read-only page to Lise acting for Karl', async () => {
		let page = await open({ citizen: 'Jens Poulsen' });
		await page.goto(`${app.url}/moeder`);
		expect(await page.locator('main').innerText()).toContain('Du har ingen møder med os.');
		await checkPage(page, 'meetings list, empty');

		page = await open({ citizen: 'Lise Mortensen', actFor: 'Karl Nielsen' });
		await page.goto(meetingUrl(KARL_NEXT));
		expect(await page.locator('form[action="?/svar"]').count()).toBe(0);
		await checkPage(page, 'meeting, read-only representative');
	});
});

describe('afterwards, in the database', () => {
	it('has recorded the answer given in the browser, and nothing for the refused ones', async () => {
		const rows = await app.server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'object_id'])
				.where('action', '=', 'update')
				.where('object_type', '=', 'meeting')
				.execute()
		);
		if (chromium) {
			expect(rows.filter((r) => r.object_id === MAJA_BROWSER)).toEqual([
				{ actor_type: 'citizen', actor_citizen_id: MAJA, citizen_id: MAJA, object_id: MAJA_BROWSER }
			]);
		}
		// The answer without JavaScript was rejected, the representative had no form, and the
		// calendar download and the pages only read.
		expect(rows.filter((r) => r.object_id !== MAJA_BROWSER)).toEqual([]);
	});
});

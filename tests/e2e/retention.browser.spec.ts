// Retention periods and the retention job for administrators in Chromium: the page with runs, with
// errors (focus on the summary), after saving and with a run asked for, and the archived journey,
// each through axe and without sideways scrolling at 1280 and 320 px. The same server as
// retention.spec.ts (retention.fixture.ts), a copy of its own; the same pages over HTTP there.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { StaffName } from '../../src/lib/server/seed/demo-data';
import { text } from './html';
import { checkPage, SWEEP, useChromium } from './open-page';
import { postForm } from './portal';
import {
	expectRetentionAudit,
	JOURNEY_PATH,
	startRetentionServer,
	untilRunFinished,
	URL_PATH
} from './retention.fixture';
import { loginStaff } from './staff';
import { useServer } from './server';

const chromium = inject('chromium');

const app = useServer(startRetentionServer);

describe.skipIf(!chromium)('in the browser: axe at 1280 and 320 px', () => {
	// Each state is judged at 320 px, where the steps run, and at 1280 px.
	const pages = useChromium(() => app.url, { ...SWEEP.staff, height: 900 });
	/** The workspace, logged in. */
	const open = (who: StaffName = 'Anders Berg') => pages.open({ as: { staff: who } });

	beforeAll(async () => {
		// The page is checked with runs, and the archived journey after one: a run asked for over
		// HTTP, as retention.spec.ts asks for it, finished before the first page opens.
		const anders = await loginStaff(app.url, 'Anders Berg');
		const response = await postForm(anders, `${app.url}${URL_PATH}?/koerNu`, {});
		expect(response.status).toBe(303);
		const body = await untilRunFinished(async () =>
			text(await (await anders.go(`${app.url}${URL_PATH}`)).text())
		);
		expect(body).toContain('Færdig');
	});

	it('checks the page with runs, with errors and after saving', async () => {
		const page = await open();
		await page.goto(`${app.url}${URL_PATH}`);
		await checkPage(page, 'retention');
		await page.getByLabel('Logning (måneder)').fill('5');
		await page.getByRole('button', { name: 'Gem perioder' }).click();
		await page.locator('.error-summary').waitFor();
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.className))
			.toContain('error-summary');
		await checkPage(page, 'retention with errors');
		await page.getByLabel('Logning (måneder)').fill('36');
		await Promise.all([
			page.waitForURL(/gemt=perioder/),
			page.getByRole('button', { name: 'Gem perioder' }).click()
		]);
		await checkPage(page, 'retention saved');
		await page.goto(`${app.url}${URL_PATH}?gemt=koersel`);
		await checkPage(page, 'retention run requested');
	});

	it('checks the archived journey page', async () => {
		const page = await open('Mette Larsen');
		await page.goto(`${app.url}${JOURNEY_PATH}`);
		expect(await page.locator('main').innerText()).toContain('Forløbet er arkiveret');
		await checkPage(page, 'archived journey');
	});
});

describe('audit', () => {
	it('audited the periods saved in the browser, the run asked for and the run itself', async () => {
		// One save in the browser, the refused one none, and the run asked for before the pages
		// opened.
		await expectRetentionAudit(app.server, { saves: chromium ? 1 : 0, run: Boolean(chromium) });
	});
});

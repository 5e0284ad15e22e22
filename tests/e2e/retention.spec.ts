// Retention periods and the retention job for administrators over HTTP, as a browser without
// JavaScript uses them: the page shows the periods with their defaults, saves new ones (audited),
// refuses bad ones with field errors and an error summary and stores nothing, runs the clean-up now
// through the job queue (a run row appears within a bounded wait, audited), archives a journey
// closed long ago, and is no-store (404 to everyone but administrators:
// tests/actions/admin-access.spec.ts). The server
// (retention.fixture.ts) is this file's own. The same pages in Chromium, through axe at 1280 and
// 320 px: retention.browser.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../src/lib/server/seed/demo';
import { text } from './html';
import type { CookieBrowser } from './oidc-flow';
import { postForm } from './portal';
import {
	demo,
	expectRetentionAudit,
	JOURNEY_PATH,
	startRetentionServer,
	untilRunFinished,
	URL_PATH
} from './retention.fixture';
import { loginStaff } from './staff';
import { useServer } from './server';

const app = useServer(startRetentionServer);

const valid = {
	auditMonths: '36',
	sessionDays: '14',
	notificationDays: '60',
	idempotencyDays: '3',
	journeyArchiveDays: '730'
};

async function page(browser: CookieBrowser, url = URL_PATH): Promise<string> {
	const response = await browser.go(`${app.url}${url}`);
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
		anders = await loginStaff(app.url, 'Anders Berg');
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
		const response = await postForm(anders, `${app.url}${URL_PATH}?/gem`, {
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
		const response = await postForm(anders, `${app.url}${URL_PATH}?/gem`, valid);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${URL_PATH}?gemt=perioder`);
		const html = await page(anders, `${URL_PATH}?gemt=perioder`);
		expect(text(html)).toContain('Perioderne er gemt.');
		for (const [id, value] of Object.entries(valid)) expect(inputValue(html, id)).toBe(value);
	});

	it('lets a caseworker change the closed journey until it is archived', async () => {
		const mette = await loginStaff(app.url, 'Mette Larsen');
		const journey = text(await page(mette, JOURNEY_PATH));
		expect(journey).not.toContain('Forløbet er arkiveret');
		expect((await mette.go(`${app.url}${JOURNEY_PATH}/moede`)).status).toBe(200);
	});

	it('runs the clean-up now: a run row appears within a bounded wait', async () => {
		const response = await postForm(anders, `${app.url}${URL_PATH}?/koerNu`, {});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`${URL_PATH}?gemt=koersel`);
		expect(text(await page(anders, `${URL_PATH}?gemt=koersel`))).toContain(
			'Oprydningen er sat i gang.'
		);
		const body = await untilRunFinished(async () => text(await page(anders)));
		expect(body).toContain('De seneste 10 kørsler af oprydningen');
		expect(body).toContain('Færdig');
		expect(body).not.toContain('Oprydningen har ikke kørt endnu.');
	});

	it('archived the closed journey: it can be read, not changed', async () => {
		const mette = await loginStaff(app.url, 'Mette Larsen');
		const html = await page(mette, JOURNEY_PATH);
		const body = text(html);
		expect(body).toContain('Forløbet er arkiveret, fordi det har været lukket længe.');
		expect(body).toContain('Arkiveret');
		expect(html).not.toMatch(/href="[^"]*\/moede"/);
		expect(html).not.toMatch(/href="[^"]*\/ny-post"/);
		for (const path of ['moede', 'ny-post', 'koordinering']) {
			expect((await mette.go(`${app.url}${JOURNEY_PATH}/${path}`)).status, path).toBe(404);
		}
		const plan = await postForm(mette, `${app.url}${JOURNEY_PATH}/moede?/planlaeg`, {
			title: 'Møde',
			// A working day ahead: the refusal is for the archive, not for a date in the past.
			date: demo.dueDate(14)
		});
		expect(plan.status).toBe(404);
		const entry = await postForm(mette, `${app.url}${JOURNEY_PATH}/ny-post?/gem`, {
			kind: 'note',
			body: 'Tekst'
		});
		expect(entry.status).toBe(404);
		// The journey's meetings can be read, but their minutes not written.
		const meeting = `${app.url}/staff/moeder/${demoIds.meeting('maja-m1')}`;
		expect((await mette.go(meeting)).status).toBe(200);
		const minutes = await postForm(mette, `${meeting}?/referat`, { minutes: 'Referat' });
		expect(minutes.status).toBe(404);
	});
});

describe('audit', () => {
	it('audited the saved periods, the run asked for and the run itself', async () => {
		// One save (the refused one none).
		await expectRetentionAudit(app.server, { saves: 1, run: true });
	});
});

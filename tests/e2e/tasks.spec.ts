// Tasks for citizens over HTTP, as a browser without JavaScript uses them: the list, a task's page,
// "I have done it", and who may see and mark what. Marking changes data, so this file runs its own
// server (tasks.fixture.ts). The same pages in Chromium: tasks.browser.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/format';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen, postForm } from './portal';
import {
	AHMED_DIPLOMA,
	demo,
	HENRIK,
	KARL,
	KARL_TASK,
	LISE,
	LISE_ESTIMATE,
	MAJA,
	MAJA_DONE,
	MAJA_OVERDUE,
	OVERDUE_DUE,
	PAYSLIPS,
	SOFIE,
	SOFIE_RECEIPTS,
	startTasksServer,
	taskPath
} from './tasks.fixture';
import { useServer } from './server';

const app = useServer(startTasksServer);

const taskUrl = (id: string) => `${app.url}${taskPath(id)}`;
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
		maja = await loginCitizen(app.url, 'demo-citizen-maja-jensen');
	});

	it('lists open tasks soonest first, then done ones, never tasks on staff', async () => {
		const response = await maja.go(`${app.url}/opgaver`);
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

		const list = mainText(await html(maja, `${app.url}/opgaver`));
		expect(list.indexOf('Send dine lønsedler')).toBeGreaterThan(list.indexOf('Det har du gjort'));

		const again = await postForm(maja, doneUrl(PAYSLIPS), { comment: 'Igen' });
		expect(again.status).toBe(400);
		expect(mainText(await again.text())).toContain(
			'Opgaven er allerede markeret som gjort. Du skal ikke gøre mere.'
		);

		const journey = mainText(await html(maja, `${app.url}/forloeb/${demoIds.journey('maja')}`));
		const title = 'Maja Jensen har gjort opgaven: Send dine lønsedler for de sidste tre måneder';
		expect(journey.split(title)).toHaveLength(2);
		expect(journey).toContain('Jeg har afleveret dem i Borgerservice.');
	});
});

describe('tasks for representatives, without a journey and in English', () => {
	it('lets Lise see Karl’s task (read-only) but not mark it done', async () => {
		const lise = await loginCitizen(app.url, 'demo-citizen-lise-mortensen', { actFor: KARL });
		expect(mainText(await html(lise, `${app.url}/opgaver`))).toContain('Opgaver for Karl Nielsen');
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
		const lise = await loginCitizen(app.url, 'demo-citizen-lise-mortensen');
		const response = await postForm(lise, doneUrl(LISE_ESTIMATE), { comment: '' });
		expect(response.status).toBe(303);
		expect(mainText(await html(lise, taskUrl(LISE_ESTIMATE)))).toContain('Du har gjort opgaven.');
	});

	it('lets Henrik mark Sofie’s task done, named on the timeline as acting for her', async () => {
		const henrik = await loginCitizen(app.url, 'demo-citizen-henrik-hansen', { actFor: SOFIE });
		expect(mainText(await html(henrik, `${app.url}/opgaver`))).toContain(
			'Opgaver for Sofie Hansen'
		);
		const response = await postForm(henrik, doneUrl(SOFIE_RECEIPTS), {
			comment: 'Kvitteringerne er sendt med posten.'
		});
		expect(response.status).toBe(303);
		const journey = mainText(await html(henrik, `${app.url}/forloeb/${demoIds.journey('sofie')}`));
		expect(journey).toContain(
			'Henrik Hansen på vegne af Sofie Hansen har gjort opgaven: Send kvitteringer for de ekstra udgifter'
		);
	});

	it('shows Ahmed his tasks in English', async () => {
		const ahmed = await loginCitizen(app.url, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(app.url, 'lang', 'en');
		const list = mainText(await html(ahmed, `${app.url}/opgaver`));
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
		const jens = await loginCitizen(app.url, 'demo-citizen-jens-poulsen');
		expect(mainText(await html(jens, `${app.url}/opgaver`))).toContain('Du har ingen opgaver.');
	});
});

describe('afterwards, in the database', () => {
	it('has audited each change once, Henrik as the representative', async () => {
		const rows = await app.server.stopAndInspect((db) =>
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

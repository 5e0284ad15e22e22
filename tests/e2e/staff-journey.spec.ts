// The staff journey page, writing to the shared timeline, and the staff side of the message
// thread, over HTTP as a browser without JavaScript sends it and in Chromium with axe at 1280 and
// 320 px. This file changes data, so it runs its own server on a fresh demo database; the audit
// rows are checked at the end, after the server has stopped.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatDateWithYear } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { StaffName } from '../../src/lib/server/seed/demo-data';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, useChromium } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const J = demoIds.journey('maja');
const MADE_UP = '7a5c0000-0000-4000-8000-00000000e404';
const MALFORMED = 'not-a-uuid';
const JOBCENTER = demoIds.department('jobcenter');
const FAMILY = demoIds.department('boern-og-familie');
const JOB_CASE = demoIds.case('maja-job');
const SOCIAL_CASE = demoIds.case('maja-social');
/** The calendar the test runs on: today on the pinned clock, in Danish time. */
const days = new DemoClock(clock.now());

let server: SeededServer;
let baseUrl: string;
let lone: CookieBrowser;
let peter: CookieBrowser;
let mette: CookieBrowser;
let maja: CookieBrowser;

beforeAll(async () => {
	server = await startSeededServer(async () => {});
	baseUrl = server.url;
	[lone, peter, mette, maja] = await Promise.all([
		loginStaff(baseUrl, 'Lone Madsen'),
		loginStaff(baseUrl, 'Peter Holm'),
		loginStaff(baseUrl, 'Mette Larsen'),
		loginCitizen(baseUrl, 'demo-citizen-maja-jensen')
	]);
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

/** The meta line (kind · department · author · time) of every timeline entry on the page. */
function entryMetas(html: string): string[] {
	return [...html.matchAll(/class="sj-meta[^"]*">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!).trim());
}

async function get(browser: CookieBrowser, path: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${path}`);
	expect(response.status, path).toBe(200);
	expect(response.headers.get('cache-control'), path).toBe('no-store');
	return response.text();
}

async function expectNotFound(response: Response, what: string) {
	expect(response.status, what).toBe(404);
	await response.text();
}

function tokenOf(html: string): string {
	return /name="token" value="([^"]+)"/.exec(html)![1]!;
}

const journeyPath = `/staff/forloeb/${J}`;
const newPath = `${journeyPath}/ny-post`;
const threadPath = `${journeyPath}/beskeder`;

const note = (token: string, overrides: Record<string, string> = {}) => ({
	token,
	type: 'note',
	synlighed: 'citizen',
	titel: 'Vi har talt med din arbejdsgiver',
	tekst: 'Butikken vil gerne have dig i 15 timer om ugen. Vi ringer til dig i næste uge.',
	...overrides
});

describe('the journey page', () => {
	it('shows Lone Madsen the journey: coordinator, cases, plan, timeline with visibility markers', async () => {
		const html = await get(lone, journeyPath);
		const body = text(html);
		expect(html).toMatch(/<title>Job, økonomi og familie – Sammen – /);
		expect(html.match(/<h1/g)).toHaveLength(1);
		// The banner comes first, before the h1.
		expect(html.indexOf('citizen-banner')).toBeLessThan(html.indexOf('<h1'));
		expect(body).toContain('Mette Larsen, Socialforvaltningen');
		expect(body).toContain('Din vej til job');
		expect(body).toContain('Støtte til din familie');
		expect(body).toContain('Et job på 15 timer om ugen');
		expect(body).toContain('Borgeren kan se dette');
		expect(body).toContain('Kun for medarbejdere');
		expect(html).not.toContain('data-testid="hidden-entries"');
		// Lone writes, reads messages (consent), but coordinates nothing.
		expect(body).toContain('Skriv på tidslinjen');
		expect(body).toContain('Beskeder med borgeren');
		expect(body).not.toContain('Planlæg et fællesmøde');
		expect(body).not.toContain('Koordinér forløbet');
		// Newest first, twenty to a page, with a link to older entries.
		expect(entryMetas(html)).toHaveLength(20);
		expect(body).toContain('Ældre poster');
	});

	it('shows the coordinator the links to plan a meeting and to coordinate', async () => {
		const body = text(await get(mette, journeyPath));
		expect(body).toContain('Planlæg et fællesmøde');
		expect(body).toContain('Koordinér forløbet og ret planen');
	});

	it('filters by kind and department with a plain GET, and ignores unknown values', async () => {
		const notes = entryMetas(await get(lone, `${journeyPath}?type=note`));
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.every((m) => m.startsWith('Notat ·'))).toBe(true);
		const family = entryMetas(await get(lone, `${journeyPath}?afdeling=${FAMILY}`));
		expect(family.length).toBeGreaterThan(0);
		expect(family.every((m) => m.includes('· Børn og Familie ·'))).toBe(true);
		const none = text(await get(lone, `${journeyPath}?afdeling=none&type=plan`));
		expect(none).toContain('Ingen poster passer til filtrene.');
		const junk = entryMetas(await get(lone, `${journeyPath}?type=x&afdeling=y&efter=z`));
		expect(junk).toHaveLength(20);
	});

	it('shows Peter Holm (no consent) only Børn og Familie’s entries and those of no department, with the hidden line', async () => {
		const html = await get(peter, journeyPath);
		const body = text(html);
		const metas = entryMetas(html);
		expect(metas.length).toBeGreaterThan(0);
		for (const meta of metas) {
			expect(meta).toMatch(/· (Børn og Familie|Ingen afdeling) ·/);
		}
		expect(body).not.toContain('Forberedelse af fællesmøde');
		expect(body).toMatch(
			/\d+ poster fra andre afdelinger er skjult, fordi Maja Jensen ikke har givet samtykke til Børn og Familie\./
		);
		expect(body).toContain('Samtykke mangler');
		// Only his own department's case; the others are counted, not shown.
		expect(body).toContain('Støtte til din familie');
		expect(body).not.toContain('Din vej til job');
		expect(body).toContain('2 sag(er) i andre afdelinger er skjult');
		// The thread is the coordinator's and the consenting departments'.
		expect(body).not.toContain('Beskeder med borgeren');
		await expectNotFound(await peter.go(`${baseUrl}${threadPath}`), 'Peter, thread');
	});
});

describe('writing to the timeline without JavaScript', () => {
	let savedId = '';

	it('offers the form with nothing chosen for visibility', async () => {
		const html = await get(lone, newPath);
		expect(html).toMatch(/<title>Skriv på tidslinjen – Sammen – /);
		expect(html).not.toMatch(/name="synlighed"[^>]*checked/);
		expect(text(html)).toContain('Du har ikke valgt, hvem der kan se posten.');
		expect(text(html)).toContain('Din vej til job');
	});

	it('refuses a post without visibility and title with 400, field errors and nothing stored', async () => {
		const token = tokenOf(await get(lone, newPath));
		const response = await postForm(lone, `${baseUrl}${newPath}?/gem`, {
			token,
			type: 'note',
			synlighed: '',
			titel: '',
			tekst: 'Ugyldig post'
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('error-summary');
		expect(text(html)).toContain('Vælg, hvem der kan se posten.');
		expect(text(html)).toContain('Skriv en overskrift.');
		expect(html).toMatch(/<title>Fejl: Skriv på tidslinjen/);
		expect(text(await get(lone, journeyPath))).not.toContain('Ugyldig post');
	});

	it('shows a preview with its visibility marker and the LIX tip, and stores nothing', async () => {
		const token = tokenOf(await get(lone, newPath));
		const response = await postForm(lone, `${baseUrl}${newPath}?/forhaandsvis`, {
			...note(token, {
				titel: 'Forhåndsvist post',
				tekst:
					'Kommunalbestyrelsens beslutning vedrørende ressourceforløbsydelsen forudsætter fyldestgørende dokumentation af arbejdsevnen ifølge gældende lovgivning'
			})
		});
		expect(response.status).toBe(200);
		const html = await response.text();
		const body = text(html);
		expect(body).toContain('Forhåndsvisning');
		expect(body).toContain('Den er ikke gemt endnu.');
		expect(html).toContain('sj-entry-citizen');
		expect(body).toMatch(/Læsbarhed: LIX \d+: meget svær at læse\./);
		expect(html).toContain('data-testid="preview-lix-tip"');
		// The form keeps what was written, with the choice made.
		expect(html).toMatch(/value="citizen"[^>]*checked|checked[^>]*value="citizen"/);
		expect(body).not.toContain('Borgeren kan se dette Forhåndsvist post Kun');
		expect(text(await get(lone, journeyPath))).not.toContain('Forhåndsvist post');
	});

	it('shows a staff-only preview as internal, without the readability hint', async () => {
		const token = tokenOf(await get(lone, newPath));
		const response = await postForm(lone, `${baseUrl}${newPath}?/forhaandsvis`, {
			...note(token, { synlighed: 'staff' })
		});
		const html = await response.text();
		expect(response.status).toBe(200);
		expect(html).toContain('sj-entry-staff');
		expect(html).not.toContain('data-testid="preview-lix"');
	});

	it('saves a citizen-visible note once, however often the same form is sent', async () => {
		const token = tokenOf(await get(lone, newPath));
		const first = await postForm(lone, `${baseUrl}${newPath}?/gem`, note(token));
		expect(first.status).toBe(303);
		const location = first.headers.get('location') ?? '';
		expect(location).toMatch(new RegExp(`^/staff/forloeb/${J}\\?gemt=1#post-[0-9a-f-]{36}$`));
		savedId = location.split('#post-')[1]!;
		const second = await postForm(lone, `${baseUrl}${newPath}?/gem`, note(token));
		expect(second.status).toBe(303);
		expect(second.headers.get('location')).toBe(`/staff/forloeb/${J}?gemt=igen`);

		const html = await get(lone, `${journeyPath}?gemt=1`);
		expect(text(html)).toContain('Posten er gemt på tidslinjen.');
		expect(
			html.match(/"post-[0-9a-f-]+-title"[^>]*>Vi har talt med din arbejdsgiver</g)
		).toHaveLength(1);
		expect(entryMetas(html)[0]).toMatch(/^Notat · Jobcenter · Lone Madsen ·/);
		// The citizen sees it on her journey.
		expect(text(await get(maja, `/forloeb/${J}`))).toContain('Vi har talt med din arbejdsgiver');
		// Peter Holm (no consent) does not.
		expect(text(await get(peter, journeyPath))).not.toContain('Vi har talt med din arbejdsgiver');
	});

	it('changes the status of Lone’s own case, and answers 404 for another department’s case', async () => {
		const token = tokenOf(await get(lone, newPath));
		const deadline = days.dueDate(12);
		const fields = {
			token,
			type: 'status',
			synlighed: 'citizen',
			titel: 'Vi venter på dine lønsedler',
			tekst: `Send dine lønsedler senest ${formatDateWithYear(deadline, 'da')}.`,
			sag: JOB_CASE,
			status: 'in_progress',
			venterPaa: 'citizen',
			naesteSkridt: 'Send lønsedler til Jobcenter',
			frist: deadline
		};
		await expectNotFound(
			await postForm(lone, `${baseUrl}${newPath}?/gem`, { ...fields, sag: SOCIAL_CASE }),
			'another department’s case'
		);
		await expectNotFound(
			await postForm(lone, `${baseUrl}${newPath}?/gem`, { ...fields, sag: 'x' }),
			'malformed case'
		);
		const response = await postForm(lone, `${baseUrl}${newPath}?/gem`, fields);
		expect(response.status).toBe(303);
		const body = text(await get(lone, journeyPath));
		expect(body).toContain('Send lønsedler til Jobcenter');
		expect(body).toContain('Vi venter på dine lønsedler');
	});

	it('gives the citizen a task she sees under Opgaver, and refuses a made-up colleague', async () => {
		const token = tokenOf(await get(lone, newPath));
		const due = days.date(10);
		const fields = {
			token,
			type: 'task',
			synlighed: 'citizen',
			titel: 'Send dit opdaterede CV',
			tekst: 'Send dit CV, så vi kan sende det til butikken.',
			modtager: 'citizen',
			opgaveFrist: due
		};
		await expectNotFound(
			await postForm(lone, `${baseUrl}${newPath}?/gem`, { ...fields, modtager: MADE_UP }),
			'made-up colleague'
		);
		const missing = await postForm(lone, `${baseUrl}${newPath}?/gem`, {
			...fields,
			opgaveFrist: ''
		});
		expect(missing.status).toBe(400);
		expect(text(await missing.text())).toContain('Skriv en frist for opgaven.');
		expect((await postForm(lone, `${baseUrl}${newPath}?/gem`, fields)).status).toBe(303);
		expect(text(await get(maja, '/opgaver'))).toContain('Send dit opdaterede CV');
	});

	it('corrects an entry with a new one that refers to it; only the writer’s department may', async () => {
		await expectNotFound(await peter.go(`${baseUrl}${newPath}?ret=${savedId}`), 'Peter corrects');
		await expectNotFound(await lone.go(`${baseUrl}${newPath}?ret=${MALFORMED}`), 'malformed');
		await expectNotFound(await lone.go(`${baseUrl}${newPath}?ret=${MADE_UP}`), 'made up');
		const form = await get(lone, `${newPath}?ret=${savedId}`);
		expect(text(form)).toContain('Ret en post');
		expect(text(form)).toContain('Du retter posten «Vi har talt med din arbejdsgiver»');
		// A correction is a note or a decision.
		expect(form).not.toContain('value="status"');
		const response = await postForm(lone, `${baseUrl}${newPath}?/gem`, {
			...note(tokenOf(form), {
				titel: 'Rettelse: Butikken tilbyder 12 timer',
				tekst: 'Butikken vil gerne have dig i 12 timer om ugen, ikke 15.'
			}),
			retter: savedId
		});
		expect(response.status).toBe(303);
		const html = await get(lone, journeyPath);
		const body = text(html);
		expect(body).toContain('Rettelse af «Vi har talt med din arbejdsgiver»');
		expect(body).toContain('Denne post er rettet');
		// The link from the correction opens a page of the timeline that starts at the corrected entry.
		const link = new RegExp(`href="([^"]*\\?fra=[^"#]+)#post-${savedId}"`).exec(html);
		expect(link).not.toBeNull();
		const target = await get(lone, `${journeyPath}${link![1]!.slice(link![1]!.indexOf('?'))}`);
		expect(entryMetas(target)[0]).toMatch(/^Notat · Jobcenter · Lone Madsen ·/);
		expect(target).toContain(`id="post-${savedId}"`);
		await expectNotFound(
			await postForm(lone, `${baseUrl}${newPath}?/gem`, {
				...note(crypto.randomUUID()),
				retter: MADE_UP
			}),
			'correction of a made-up entry'
		);
	});
});

describe('messages with the citizen', () => {
	it('shows the citizen’s message to the coordinator, marks it read, and the reply reaches the citizen', async () => {
		const asked = await postForm(maja, `${baseUrl}/forloeb/${J}/beskeder?/skriv`, {
			besked: 'Hej Mette. Hvornår er mødet?'
		});
		expect(asked.status).toBe(303);
		expect(text(await get(maja, `/forloeb/${J}/beskeder`))).toContain('Ikke læst endnu');

		const html = await get(mette, threadPath);
		const body = text(html);
		expect(html).toMatch(/<title>Beskeder: Job, økonomi og familie – Sammen – /);
		expect(body).toContain('Hej Mette. Hvornår er mødet?');
		expect(body).toContain('Maja Jensen (borgeren) Ny');
		// Read now: the citizen sees it.
		expect(text(await get(maja, `/forloeb/${J}/beskeder`))).toMatch(/Læst af kommunen/);

		const empty = await postForm(mette, `${baseUrl}${threadPath}?/skriv`, {
			token: tokenOf(html),
			besked: ''
		});
		expect(empty.status).toBe(400);
		expect(text(await empty.text())).toContain('Skriv en besked.');

		const sent = await postForm(mette, `${baseUrl}${threadPath}?/skriv`, {
			token: tokenOf(html),
			besked: 'Hej Maja. Mødet er på tirsdag kl. 10.'
		});
		expect(sent.status).toBe(303);
		expect(sent.headers.get('location')).toBe(`${threadPath}?sendt=1`);
		// The same form again (a double click without JavaScript): one message.
		await postForm(mette, `${baseUrl}${threadPath}?/skriv`, {
			token: tokenOf(html),
			besked: 'Hej Maja. Mødet er på tirsdag kl. 10.'
		});
		const after = text(await get(mette, `${threadPath}?sendt=1`));
		expect(after).toContain('Beskeden er sendt.');
		expect(after.split('Hej Maja. Mødet er på tirsdag kl. 10.').length - 1).toBe(1);
		expect(after).toContain('Borgeren har ikke læst beskeden endnu');

		const citizen = text(await get(maja, `/forloeb/${J}/beskeder`));
		expect(citizen).toContain('Hej Maja. Mødet er på tirsdag kl. 10.');
		expect(citizen).toContain('Mette Larsen, Socialforvaltningen');
		expect(text(await get(maja, `/forloeb/${J}`))).toContain('Ny besked fra Mette Larsen');
		expect(text(await get(mette, threadPath))).toMatch(/Læst af borgeren/);
		// Lone (Jobcenter, consent) may read the thread too.
		expect(text(await get(lone, threadPath))).toContain('Hej Maja. Mødet er på tirsdag kl. 10.');
	});
});

describe.skipIf(!chromium)('in the browser, axe at 1280 and 320 px', () => {
	// Each state is judged at 320 px, where the steps run, and at 1280 px.
	const pages = useChromium(() => baseUrl, SWEEP.staff);
	/** Logged in as `name`; the page opened before is closed. */
	const open = (name: StaffName) => pages.open({ as: { staff: name } });

	it("journey page, filters and Peter Holm's hidden line at 320 and 1280 px", async () => {
		let page = await open('Lone Madsen');
		await page.goto(`${baseUrl}${journeyPath}`);
		await checkPage(page, 'journey, Lone');
		await page.goto(`${baseUrl}${journeyPath}?afdeling=none&type=plan`);
		await page.getByText('Ingen poster passer til filtrene.').waitFor();
		await checkPage(page, 'journey, empty filter');
		page = await open('Peter Holm');
		await page.goto(`${baseUrl}${journeyPath}`);
		await page.getByTestId('hidden-entries').waitFor();
		await checkPage(page, 'journey, Peter');
	});

	it('new entry: empty, errors, preview, saved at 320 and 1280 px', async () => {
		const page = await open('Lone Madsen');
		await page.goto(`${baseUrl}${newPath}`);
		await checkPage(page, 'new entry, empty');
		await page.getByRole('button', { name: 'Gem på tidslinjen' }).click();
		await page.locator('.error-summary').waitFor();
		await checkPage(page, 'new entry, errors');

		await page.getByLabel('Notat').check();
		await page.getByLabel('Borgeren kan se dette').check();
		// The writing area says who will see it as soon as the choice is made.
		await page.getByText('Borgeren kan se det, du skriver.').waitFor();
		await page.getByLabel('Overskrift', { exact: true }).fill('Ny aftale om din praktik');
		await page
			.getByLabel('Tekst', { exact: true })
			.fill(
				'Kommunalbestyrelsens beslutning vedrørende ressourceforløbsydelsen forudsætter fyldestgørende dokumentation'
			);
		// With JavaScript the readability hint follows the text.
		await page
			.getByTestId('lix')
			.getByText(/meget svær at læse/)
			.waitFor();
		await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
		await page.getByRole('heading', { name: 'Forhåndsvisning' }).waitFor();
		await checkPage(page, 'new entry, preview');

		await page
			.getByLabel('Tekst', { exact: true })
			.fill('Du skal være i praktik fire timer om dagen.');
		await page
			.getByTestId('lix')
			.getByText(/let at læse/)
			.waitFor();
		await Promise.all([
			page.waitForURL(/gemt=1/),
			page.getByRole('button', { name: 'Gem på tidslinjen' }).click()
		]);
		await page.getByText('Posten er gemt på tidslinjen.').waitFor();
		await checkPage(page, 'journey after saving');
	});

	it('messages: thread, errors and sent at 320 and 1280 px', async () => {
		const page = await open('Mette Larsen');
		await page.goto(`${baseUrl}${threadPath}`);
		await checkPage(page, 'thread');
		await page.getByRole('button', { name: 'Send beskeden' }).click();
		await page.locator('.error-summary').waitFor();
		await checkPage(page, 'thread, errors');
		await page.getByLabel('Besked', { exact: true }).fill('Tak for i dag.');
		await Promise.all([
			page.waitForURL(/sendt=1/),
			page.getByRole('button', { name: 'Send beskeden' }).click()
		]);
		await page.getByText('Beskeden er sendt.').waitFor();
		await checkPage(page, 'thread, sent');
	});
});

describe('consent withdrawal takes effect on the very next request', () => {
	it('hides Socialforvaltningen’s and Børn og Familie’s entries from Lone Madsen once Maja withdraws', async () => {
		const before = entryMetas(await get(lone, journeyPath));
		expect(before.some((m) => m.includes('· Socialforvaltningen ·'))).toBe(true);

		const withdrawn = await postForm(maja, `${baseUrl}/samtykke?/traek`, {
			department: JOBCENTER
		});
		expect(withdrawn.status).toBe(303);

		const html = await get(lone, journeyPath);
		const metas = entryMetas(html);
		expect(metas.length).toBeGreaterThan(0);
		for (const meta of metas) {
			expect(meta).toMatch(/· (Jobcenter|Ingen afdeling) ·/);
		}
		expect(text(html)).toMatch(
			/\d+ poster fra andre afdelinger er skjult, fordi Maja Jensen ikke har givet samtykke til Jobcenter\./
		);
		expect(text(html)).not.toContain('Støtte til din familie');
		// Nor the thread: it is shared only with consent.
		await expectNotFound(await lone.go(`${baseUrl}${threadPath}`), 'Lone, thread, no consent');
	});
});

describe('audit', () => {
	it('recorded every read and change, with role and department, and stored no invalid post', async () => {
		const rows = await server.stopAndInspect(async (db) => ({
			audit: await db
				.selectFrom('audit_events')
				.select([
					'actor_staff_id',
					'actor_role',
					'actor_department_id',
					'action',
					'object_type',
					'object_id',
					'citizen_id'
				])
				.where('actor_type', '=', 'staff')
				.execute(),
			titles: (
				await db
					.selectFrom('timeline_entries')
					.select('title')
					.where('journey_id', '=', J)
					.execute()
			).map((r) => r.title)
		}));
		const has = (staff: string, action: string, objectType: string) =>
			rows.audit.some(
				(r) =>
					r.actor_staff_id === demoIds.staff(staff as never) &&
					r.action === action &&
					r.object_type === objectType &&
					r.citizen_id === demoIds.citizen('Maja Jensen')
			);
		expect(has('Lone Madsen', 'read', 'journey')).toBe(true);
		expect(has('Peter Holm', 'read', 'journey')).toBe(true);
		expect(has('Mette Larsen', 'read', 'message_thread')).toBe(true);
		expect(has('Lone Madsen', 'create', 'timeline_entry')).toBe(true);
		expect(has('Lone Madsen', 'update', 'case')).toBe(true);
		expect(has('Lone Madsen', 'create', 'task')).toBe(true);
		expect(has('Mette Larsen', 'create', 'message')).toBe(true);
		// Lone's read of Maja's journey: the demo has her reading others too, and the trail is
		// partitioned by month, so which row comes first without an order depends on the date.
		const loneRead = rows.audit.find(
			(r) =>
				r.actor_staff_id === demoIds.staff('Lone Madsen') &&
				r.action === 'read' &&
				r.object_type === 'journey' &&
				r.citizen_id === demoIds.citizen('Maja Jensen')
		)!;
		expect(loneRead).toMatchObject({
			actor_role: 'caseworker',
			actor_department_id: JOBCENTER,
			object_id: J
		});
		// Hanne's attempts left no trace of Maja's data being read.
		expect(
			rows.audit.some(
				(r) =>
					r.actor_staff_id === demoIds.staff('Hanne Vestergaard') &&
					r.citizen_id === demoIds.citizen('Maja Jensen')
			)
		).toBe(false);
		expect(rows.titles).not.toContain('Forhåndsvist post');
		expect(rows.titles.filter((t) => t === 'Vi har talt med din arbejdsgiver')).toHaveLength(1);
		expect(rows.titles.some((t) => t.includes('Ugyldig'))).toBe(false);
	});
});

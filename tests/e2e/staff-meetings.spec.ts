// Joint meetings and coordinator tools in the staff workspace, end to end on a server of its own:
// Mette Larsen plans a meeting for Maja with Lone Madsen and Peter Holm, Maja asks for another time
// in her portal and Mette sees it; Hanne Vestergaard invites analog Karl by letter; minutes, moving
// and cancelling; coordinator, cases and goals; 404 alike for those who may not (for made-up and
// malformed ids too: tests/actions/access.spec.ts); audit rows; axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMeetingTime } from '../../src/lib/meeting-time';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { launchBrowser } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { checkPage, SWEEP, openPage } from './open-page';
import { loginCitizen, postForm } from './portal';
import { startSeededServer, type SeededServer } from './seeded-server';
import { loginStaff } from './staff';
import { text } from './html';

const chromium = inject('chromium');
const majaJourney = demoIds.journey('maja');
const karlJourney = demoIds.journey('karl');
/** A test-only meeting on Maja's journey that started an hour ago, without minutes. */
const pastMeeting = '5a3b0c1d-0000-4000-8000-00000000a001';
const madeUp = '00000000-0000-4000-8000-000000000000';

let server: SeededServer;
let baseUrl: string;
let mette: CookieBrowser;
let lone: CookieBrowser;
let majaMeeting = '';
let karlMeeting = '';

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		const now = clock.now();
		const start = new Date(now.getTime() - 60 * 60 * 1000);
		await db
			.insertInto('meetings')
			.values({
				id: pastMeeting,
				journey_id: majaJourney,
				title: 'Opfølgning i dag',
				title_en: null,
				starts_at: start,
				ends_at: new Date(start.getTime() + 30 * 60 * 1000),
				location: 'Rådhuset',
				video_url: null,
				agenda: 'Status',
				what_to_bring: null,
				organizer_staff_id: demoIds.staff('Mette Larsen'),
				citizen_response_reason: null,
				citizen_responded_at: null,
				minutes: null,
				cancelled_at: null,
				created_at: now
			})
			.execute();
	});
	baseUrl = server.url;
	mette = await loginStaff(baseUrl, 'Mette Larsen');
	lone = await loginStaff(baseUrl, 'Lone Madsen');
});
afterAll(async () => {
	await server?.stop();
});

async function get(browser: CookieBrowser, path: string): Promise<string> {
	const response = await browser.go(`${baseUrl}${path}`);
	expect(response.status, path).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	return response.text();
}

async function status(browser: CookieBrowser, path: string, fields?: Record<string, string>) {
	const response = fields
		? await postForm(browser, `${baseUrl}${path}`, fields)
		: await browser.go(`${baseUrl}${path}`);
	await response.text();
	return response.status;
}

/** The calendar the test runs on: today on the pinned clock, in Danish time. */
const days = new DemoClock(clock.now());

/** A date some days ahead as 'YYYY-MM-DD' in Danish time. */
function dayAhead(offset: number): string {
	return days.date(offset);
}

/** A date some days ahead as a caseworker types it: 'DD-MM-YYYY'. */
function typedDayAhead(offset: number): string {
	const { year, month, day } = days.localDate(offset);
	return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

const valid = (extra: Record<string, string> = {}) => ({
	title: 'Fællesmøde om job og familie',
	date: dayAhead(10),
	start: '10:00',
	end: '11:30',
	location: 'Rådhuset, mødelokale 2',
	videoUrl: '',
	agenda: '1. Praktik\n2. Morgenerne',
	whatToBring: 'Dine lønsedler',
	...extra
});

/** Form fields with several participants (URLSearchParams keeps repeated names). */
async function postMany(browser: CookieBrowser, path: string, fields: [string, string][]) {
	return browser.go(`${baseUrl}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams(fields)
	});
}

describe('planning a joint meeting without JavaScript', () => {
	it('shows Mette the form with the journey staff and the digital channel, said honestly', async () => {
		const body = text(await get(mette, `/staff/forloeb/${majaJourney}/moede`));
		expect(body).toContain('Planlæg et fællesmøde');
		expect(body).toContain('Lone Madsen, Sagsbehandler, Jobcenter');
		expect(body).toContain('Peter Holm, Sagsbehandler, Børn og Familie');
		expect(body).toContain('får Maja Jensen også besked på e-mail eller sms');
		expect(body).toContain('Maja Jensen');
	});

	it('refuses a form with errors, stores nothing and says what to fix', async () => {
		const response = await postForm(
			mette,
			`${baseUrl}/staff/forloeb/${majaJourney}/moede?/planlaeg`,
			{
				...valid(),
				title: '',
				location: '',
				videoUrl: 'ftp://x',
				end: '09:00'
			}
		);
		expect(response.status).toBe(400);
		const body = text(await response.text());
		expect(body).toContain('Skriv en titel på mødet');
		expect(body).toContain('Sluttiden skal være efter starttiden');
		expect(body).toContain('Skriv et link, der starter med https://');
		const tampered = await postForm(
			mette,
			`${baseUrl}/staff/forloeb/${majaJourney}/moede?/planlaeg`,
			{ ...valid(), participants: demoIds.staff('Hanne Vestergaard') }
		);
		expect(tampered.status).toBe(400);
		expect(text(await tampered.text())).toContain('Vælg kun deltagere fra listen');
	});

	it('plans the meeting with Lone Madsen and Peter Holm and lands on the meeting page', async () => {
		const response = await postMany(mette, `/staff/forloeb/${majaJourney}/moede?/planlaeg`, [
			...Object.entries(valid()),
			['participants', demoIds.staff('Lone Madsen')],
			['participants', demoIds.staff('Peter Holm')],
			['externalName1', 'Kim Berg'],
			['externalRole1', 'Mentor']
		]);
		expect(response.status).toBe(303);
		const location = response.headers.get('location') ?? '';
		expect(location).toMatch(/^\/staff\/moeder\/[0-9a-f-]{36}\?ny=1$/);
		majaMeeting = location.slice('/staff/moeder/'.length, location.indexOf('?'));
		const body = text(await get(mette, location));
		expect(body).toContain('Mødet er planlagt. Maja Jensen kan se invitationen i Sammen');
		expect(body).toContain('Lone Madsen Sagsbehandler Jobcenter');
		expect(body).toContain('Peter Holm Sagsbehandler Børn og Familie');
		expect(body).toContain('Kim Berg Mentor Ikke fra kommunen');
		expect(body).toContain('Har ikke svaret endnu');
	});

	it("shows in Maja's portal, and her request for another time comes back to the staff page", async () => {
		const maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		expect(text(await get(maja, '/moeder'))).toContain('Fællesmøde om job og familie');
		const answer = await postForm(maja, `${baseUrl}/moeder/${majaMeeting}?/svar`, {
			response: 'reschedule_requested',
			reason: 'Jeg er i praktik om formiddagen'
		});
		expect(answer.status).toBe(303);
		const body = text(await get(mette, `/staff/moeder/${majaMeeting}`));
		expect(body).toContain('Beder om en anden tid');
		expect(body).toContain('Jeg er i praktik om formiddagen');
		expect(body).toContain('Maja Jensen har bedt om en anden tid til mødet');
	});

	it('lets Lone (not the coordinator) read the meeting but not plan or change: 404 alike', async () => {
		const html = await get(lone, `/staff/moeder/${majaMeeting}`);
		expect(html).not.toContain('action="?/flyt"');
		expect(html).not.toContain('action="?/aflys"');
		const answers = [
			await status(lone, `/staff/forloeb/${majaJourney}/moede`),
			await status(lone, `/staff/forloeb/${majaJourney}/moede?/planlaeg`, valid()),
			await status(lone, `/staff/moeder/${majaMeeting}?/flyt`, valid()),
			await status(lone, `/staff/moeder/${majaMeeting}?/aflys`, { confirm: 'ja' }),
			await status(lone, `/staff/moeder/${pastMeeting}?/referat`, { minutes: 'x' }),
			await status(lone, `/staff/forloeb/${majaJourney}/koordinering`),
			await status(lone, `/staff/forloeb/${majaJourney}/koordinering?/tovholder`, {
				coordinator: demoIds.staff('Lone Madsen')
			})
		];
		expect(answers).toEqual(Array(answers.length).fill(404));
	});
});

describe('an analog citizen', () => {
	it('gets the invitation as a letter: planning answers with ?ny=brev', async () => {
		const hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
		const response = await postForm(
			hanne,
			`${baseUrl}/staff/forloeb/${karlJourney}/moede?/planlaeg`,
			valid({ title: 'Møde om din hjemmehjælp', location: 'Hjemme hos dig' })
		);
		expect(response.status).toBe(303);
		const location = response.headers.get('location') ?? '';
		expect(location).toMatch(/\?ny=brev$/);
		karlMeeting = location.slice('/staff/moeder/'.length, location.indexOf('?'));
		// The letter itself (exactly one, queued, name and address) is checked in "what was stored".
	});

	it('tells Hanne where the letter goes, before and after planning', async () => {
		const hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
		const address = 'Invitationen sendes som brev til Kirkevej 14, 1. tv., 9999 Sammenby';
		expect(text(await get(hanne, `/staff/forloeb/${karlJourney}/moede`))).toContain(address);
		expect(text(await get(hanne, `/staff/moeder/${karlMeeting}?ny=brev`))).toContain(address);
	});
});

describe('minutes, moving and cancelling', () => {
	it('takes minutes only after the start, and not empty', async () => {
		const early = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/referat`, {
			minutes: 'For tidligt'
		});
		expect(early.status).toBe(400);
		const empty = await postForm(mette, `${baseUrl}/staff/moeder/${pastMeeting}?/referat`, {
			minutes: ''
		});
		expect(empty.status).toBe(400);
		expect(text(await empty.text())).toContain('Skriv referatet');
		const saved = await postForm(mette, `${baseUrl}/staff/moeder/${pastMeeting}?/referat`, {
			minutes: 'Vi aftalte, at Maja starter i praktik mandag.'
		});
		expect(saved.status).toBe(303);
		const body = text(await get(mette, saved.headers.get('location')!));
		expect(body).toContain('Referatet er gemt.');
		expect(body).toContain('Referat af mødet: Opfølgning i dag');
	});

	it('moves the meeting, which sets the answer back to pending', async () => {
		const bad = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/flyt`, {
			...valid(),
			date: 'i morgen'
		});
		expect(bad.status).toBe(400);
		expect(text(await bad.text())).toContain('Skriv datoen som 24-12-2026');
		const moved = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/flyt`, {
			...valid({ date: dayAhead(12), start: '13:00', end: '14:00', location: '' }),
			videoUrl: 'https://video.example.dk/rum/7'
		});
		expect(moved.status).toBe(303);
		expect(moved.headers.get('location')).toMatch(/\?flyttet=1$/);
		const body = text(await get(mette, `/staff/moeder/${majaMeeting}`));
		expect(body).toContain('Har ikke svaret endnu');
		expect(body).toContain('Mødet er flyttet: Fællesmøde om job og familie');
		expect(body).toContain('kl. 13.00–14.00');
		expect(body).toContain(formatMeetingTime(days.at(12, 13), days.at(12, 14), 'da'));
	});

	it('cancels only when confirmed, and then the meeting is closed to changes', async () => {
		const unconfirmed = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/aflys`, {});
		expect(unconfirmed.status).toBe(400);
		expect(text(await unconfirmed.text())).toContain('Sæt kryds for at bekræfte');
		const cancelled = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/aflys`, {
			confirm: 'ja'
		});
		expect(cancelled.status).toBe(303);
		expect(cancelled.headers.get('location')).toMatch(/\?aflyst=1$/);
		const body = text(await get(mette, cancelled.headers.get('location')!));
		expect(body).toContain('Mødet er aflyst. Maja Jensen kan se det i Sammen.');
		expect(body).toContain('Mødet er aflyst: Fællesmøde om job og familie');
		const again = await postForm(mette, `${baseUrl}/staff/moeder/${majaMeeting}?/flyt`, valid());
		expect(again.status).toBe(400);
		expect(text(await again.text())).toContain('Mødet er aflyst eller er begyndt');
	});

	it("cancels Karl's meeting with a letter", async () => {
		const hanne = await loginStaff(baseUrl, 'Hanne Vestergaard');
		const cancelled = await postForm(hanne, `${baseUrl}/staff/moeder/${karlMeeting}?/aflys`, {
			confirm: 'ja'
		});
		expect(cancelled.status).toBe(303);
		expect(cancelled.headers.get('location')).toMatch(/\?aflyst=brev$/);
	});
});

describe('coordinator tools', () => {
	const coordination = `/staff/forloeb/${majaJourney}/koordinering`;

	it('refuses a made-up coordinator and a case that is not the citizen’s', async () => {
		const bad = await postForm(mette, `${baseUrl}${coordination}?/tovholder`, {
			coordinator: demoIds.staff('Hanne Vestergaard')
		});
		expect(bad.status).toBe(400);
		expect(text(await bad.text())).toContain('Vælg en tovholder på listen');
		expect(await status(mette, `${coordination}?/fjern`, { case: demoIds.case('karl-care') })).toBe(
			404
		);
	});

	it('removes a case and adds it back, each on the timeline', async () => {
		const job = demoIds.case('maja-job');
		const removed = await postForm(mette, `${baseUrl}${coordination}?/fjern`, { case: job });
		expect(removed.status).toBe(303);
		let body = text(await get(mette, removed.headers.get('location')!));
		expect(body).toContain('Sagen er fjernet fra forløbet.');
		expect(body).toContain('Din vej til job, Jobcenter');
		const added = await postForm(mette, `${baseUrl}${coordination}?/tilfoej`, { case: job });
		expect(added.status).toBe(303);
		body = text(await get(mette, added.headers.get('location')!));
		expect(body).toContain('Sagen er tilføjet forløbet.');
	});

	it('adds a goal and edits one, with errors in the right form', async () => {
		const empty = await postForm(mette, `${baseUrl}${coordination}?/maal`, {
			title: '',
			status: 'not_started',
			progress: '120'
		});
		expect(empty.status).toBe(400);
		const html = await empty.text();
		expect(html).toContain('href="#new-title"');
		expect(text(html)).toContain('Skriv et tal fra 0 til 100');
		const added = await postForm(mette, `${baseUrl}${coordination}?/maal`, {
			title: 'Kørekort inden sommer',
			description: 'Maja vil tage kørekort, så hun kan nå arbejdet.',
			status: 'not_started',
			progress: '0',
			department: demoIds.department('jobcenter'),
			targetDate: typedDayAhead(180),
			sortOrder: ''
		});
		expect(added.status).toBe(303);
		expect(text(await get(mette, added.headers.get('location')!))).toContain(
			'Målet er tilføjet planen.'
		);
		const goalPage = await get(mette, coordination);
		const goalId = /name="goal" value="([0-9a-f-]{36})"/.exec(goalPage)![1]!;
		const edited = await postForm(mette, `${baseUrl}${coordination}?/maal`, {
			goal: goalId,
			title: 'Et job på 20 timer om ugen',
			description: '',
			status: 'in_progress',
			progress: '45',
			department: '',
			targetDate: '',
			sortOrder: '1'
		});
		expect(edited.status).toBe(303);
		expect(await status(mette, `${coordination}?/maal`, { goal: madeUp, title: 'x' })).toBe(404);
		const maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		const journey = text(await get(maja, `/forloeb/${majaJourney}`));
		expect(journey).toContain('Planen er ændret: Et job på 20 timer om ugen');
		expect(journey).toContain('Planen har fået et nyt mål: Kørekort inden sommer');
	});

	it('changes the coordinator to Jonas Friis, which Maja sees', async () => {
		const changed = await postForm(mette, `${baseUrl}${coordination}?/tovholder`, {
			coordinator: demoIds.staff('Jonas Friis')
		});
		expect(changed.status).toBe(303);
		expect(text(await get(mette, changed.headers.get('location')!))).toContain(
			'Tovholder nu: Jonas Friis.'
		);
		const maja = await loginCitizen(baseUrl, 'demo-citizen-maja-jensen');
		expect(text(await get(maja, `/forloeb/${majaJourney}`))).toContain(
			'Din nye tovholder er Jonas Friis'
		);
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

	// Each state is judged at 320 px, where the steps run, and at 1280 px.
	it('every page and state, at 320 and 1280 px', async () => {
		const { page, close } = await openPage(browser, baseUrl, {
			...SWEEP.staff,
			as: { staff: 'Mette Larsen' }
		});
		try {
			await page.goto(`${baseUrl}/staff/forloeb/${majaJourney}/moede`);
			await checkPage(page, 'plan');
			await page.getByRole('button', { name: 'Send invitationen' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'plan with errors');
			await page.locator('#title').fill('Møde på rådhuset');
			await page.locator('#date').fill(dayAhead(20));
			await page.locator('#start').fill('09:00');
			await page.locator('#end').fill('10:00');
			await page.locator('#location').fill('Rådhuset');
			await page.locator('#agenda').fill('Planen');
			await page.getByLabel(/^Peter Holm/).check();
			await page.getByRole('button', { name: 'Send invitationen' }).click();
			await page.waitForURL(/\/staff\/moeder\/.*\?ny=1/);
			await checkPage(page, 'meeting after planning');
			await page.getByRole('button', { name: 'Aflys mødet' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'meeting with an error');
			await page.goto(`${baseUrl}/staff/moeder/${pastMeeting}`);
			await checkPage(page, 'meeting with minutes');
			await page.goto(`${baseUrl}/staff/forloeb/${majaJourney}/koordinering`);
			await checkPage(page, 'coordination');
			await page.getByRole('button', { name: 'Tilføj målet' }).click();
			await page.locator('.error-summary').waitFor();
			await checkPage(page, 'coordination with errors');
		} finally {
			await close();
		}
	});
});

describe('what was stored', () => {
	it('wrote the rows, one letter for Karl per change, and an audit row for each', async () => {
		const result = await server.stopAndInspect(async (db) => {
			// The app's worker may have rendered them into the print queue by now.
			const letters = await db
				.selectFrom('letters')
				.select(['subject', 'recipient_name', 'recipient_address', 'event_type'])
				.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
				.where('event_type', 'is not', null)
				.where('status', 'in', ['queued', 'rendered'])
				.orderBy('created_at')
				.execute();
			const audit = await db
				.selectFrom('audit_events')
				.select(['action', 'object_type', 'object_id', 'actor_staff_id'])
				.where('actor_type', '=', 'staff')
				.execute();
			const participants = await db
				.selectFrom('meeting_participants')
				.select(['staff_user_id', 'name'])
				.where('meeting_id', '=', majaMeeting)
				.execute();
			const meetings = await db
				.selectFrom('meetings')
				.select('title')
				.where('title', '=', '')
				.execute();
			return { letters, audit, participants, meetings };
		});
		expect(result.letters).toEqual([
			{
				subject: 'Invitation til møde: Møde om din hjemmehjælp',
				recipient_name: 'Karl Nielsen',
				recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
				event_type: 'meeting_invite'
			},
			{
				subject: 'Mødet er aflyst: Møde om din hjemmehjælp',
				recipient_name: 'Karl Nielsen',
				recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
				event_type: 'meeting_cancelled'
			}
		]);
		expect(result.meetings).toEqual([]);
		expect(result.participants.map((p) => p.staff_user_id ?? p.name).sort()).toEqual(
			[
				demoIds.staff('Mette Larsen'),
				demoIds.staff('Lone Madsen'),
				demoIds.staff('Peter Holm'),
				'Kim Berg'
			].sort()
		);
		const has = (action: string, type: string, id?: string) =>
			result.audit.some(
				(a) => a.action === action && a.object_type === type && (!id || a.object_id === id)
			);
		expect(has('read', 'journey', majaJourney)).toBe(true);
		expect(has('create', 'meeting', majaMeeting)).toBe(true);
		expect(has('read', 'meeting', majaMeeting)).toBe(true);
		expect(has('update', 'meeting', majaMeeting)).toBe(true);
		expect(has('update', 'meeting', pastMeeting)).toBe(true);
		expect(has('create', 'meeting', karlMeeting)).toBe(true);
		expect(has('create', 'letter')).toBe(true);
		expect(has('update', 'journey', majaJourney)).toBe(true);
		expect(has('update', 'case', demoIds.case('maja-job'))).toBe(true);
		expect(has('create', 'plan_goal')).toBe(true);
		expect(has('update', 'plan_goal')).toBe(true);
	});
});

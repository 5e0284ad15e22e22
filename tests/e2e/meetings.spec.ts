// Meetings for citizens over HTTP, as a browser without JavaScript uses them: the list, a meeting's
// page, the answer, the calendar file, and who may see and answer what. Answers change data, so this
// file runs its own server (meetings.fixture.ts). The same pages in Chromium, with JavaScript:
// meetings.browser.spec.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMeetingTime } from '../../src/lib/meeting-time';
import { DEMO_CITIZENS, demoIds } from '../../src/lib/server/seed/demo';
import {
	AHMED_VIDEO,
	ahmedVideoEnd,
	ahmedVideoStart,
	demo,
	HENRIK,
	KARL,
	KARL_NEXT,
	MAJA,
	MAJA_CANCELLED,
	MAJA_HELD,
	MAJA_NEXT,
	majaNextEnd,
	majaNextStart,
	meetingPath,
	SOFIE,
	SOFIE_NEXT,
	startMeetingsServer
} from './meetings.fixture';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen, postForm } from './portal';
import { useServer } from './server';

const app = useServer(startMeetingsServer);

const meetingUrl = (id: string) => `${app.url}${meetingPath(id)}`;
const answerUrl = (id: string) => `${meetingUrl(id)}?/svar`;

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
		.replace(/[ \t]+/g, ' ');
}

describe('meetings without JavaScript', () => {
	let maja: CookieBrowser;
	beforeAll(async () => {
		maja = await loginCitizen(app.url, 'demo-citizen-maja-jensen');
	});

	it('lists upcoming meetings with their answer first, then earlier ones', async () => {
		const response = await maja.go(`${app.url}/moeder`);
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const text = mainText(await response.text());
		expect(text).toContain('Dine møder');
		const upcoming = text.indexOf('Kommende møder');
		const earlier = text.indexOf('Tidligere møder');
		expect(upcoming).toBeGreaterThan(-1);
		expect(earlier).toBeGreaterThan(upcoming);
		const next = text.indexOf('Fællesmøde om din plan');
		expect(next).toBeGreaterThan(upcoming);
		expect(text.indexOf('Samtale om næste praktik')).toBeGreaterThan(next);
		expect(text.indexOf('Møde om boligstøtte')).toBeGreaterThan(next);
		expect(text.indexOf('Første fællesmøde')).toBeGreaterThan(earlier);
		expect(text).toContain('Du har ikke svaret på invitationen endnu.');
		expect(text).toContain('Aflyst');
	});

	it("shows a meeting's time, place, agenda, people and organiser, but not the minutes", async () => {
		const page = await html(maja, meetingUrl(MAJA_NEXT));
		const text = mainText(page);
		expect(text).toMatch(/\p{L}+dag \d+\. \p{L}+ kl\. 10\.00–11\.30/u);
		expect(text).toContain(formatMeetingTime(majaNextStart, majaNextEnd, 'da'));
		expect(text).toContain('Rådhuset, mødelokale 2, Rådhuspladsen 1, 9999 Sammenby');
		// The agenda keeps its line breaks (shown with white-space: pre-line).
		expect(page).toContain('1. Hvordan går det i praktikken?\n2. Morgenerne og hjælp til familien');
		expect(text).toContain('Dine lønsedler for de sidste tre måneder');
		expect(text).toMatch(/Lone Madsen\s*, Sagsbehandler, Jobcentret,\s*Jobcenter/);
		expect(text).toMatch(/Peter Holm\s*, Sagsbehandler, Børn og Familie,\s*Børn og Familie/);
		expect(text).toContain('Mette Larsen fra Socialforvaltningen har indkaldt til mødet.');
		expect(page).toContain('href="tel:+4512345103"');
		expect(page).toContain('action="?/svar"');
		expect(text).toContain('Kan du komme til mødet?');
		expect(page).toMatch(new RegExp(`href="[./]*moeder/${MAJA_NEXT}/kalender\\.ics"`));

		const held = mainText(await html(maja, meetingUrl(MAJA_HELD)));
		expect(held).toContain('Mødet er holdt.');
		expect(held).not.toContain('Kan du komme til mødet?');
		expect(held).not.toContain('Maja vil gerne i job');
	});

	it('refuses an answer without a choice, a reschedule without a reason, and a long text', async () => {
		const before = mainText(await html(maja, meetingUrl(MAJA_NEXT)));
		const cases: { fields: Record<string, string>; message: string }[] = [
			{ fields: { reason: '' }, message: 'Vælg, om du kan komme til mødet.' },
			{ fields: { response: 'maybe', reason: '' }, message: 'Vælg, om du kan komme til mødet.' },
			{
				fields: { response: 'reschedule_requested', reason: '  ' },
				message: 'Skriv, hvorfor du vil have en anden tid, og hvornår du kan.'
			},
			{
				fields: { response: 'declined', reason: 'x'.repeat(1001) },
				message: 'Teksten er for lang. Den må højst være 1000 tegn. Nu er den 1001 tegn.'
			}
		];
		for (const { fields, message } of cases) {
			const response = await postForm(maja, answerUrl(MAJA_NEXT), fields);
			expect(response.status, JSON.stringify(fields).slice(0, 60)).toBe(400);
			const page = await response.text();
			expect(page).toContain('Der er et problem');
			expect(mainText(page)).toContain(message);
			expect(page).toMatch(/class="alert alert-error error-summary"[^>]*autofocus/);
		}
		// The rejected text comes back in the field, so nothing typed is lost.
		const kept = await postForm(maja, answerUrl(MAJA_NEXT), {
			response: 'reschedule_requested',
			reason: ''
		});
		expect(await kept.text()).toMatch(/value="reschedule_requested"\s+checked/);
		expect(mainText(await html(maja, meetingUrl(MAJA_NEXT)))).toBe(before);
	});

	it('records an answer, shows it, and lets the citizen change it; staff see every answer', async () => {
		const asked = await postForm(maja, answerUrl(MAJA_NEXT), {
			response: 'reschedule_requested',
			reason: 'Jeg skal til tandlæge.\nJeg kan om torsdagen.'
		});
		expect(asked.status).toBe(303);
		expect(asked.headers.get('location')).toBe(`/moeder/${MAJA_NEXT}?svaret=1`);
		const page = await html(maja, `${meetingUrl(MAJA_NEXT)}?svaret=1`);
		const text = mainText(page);
		expect(text).toContain('Tak for dit svar.');
		expect(text).toContain('Du har bedt om en anden tid.');
		expect(page).toContain('Jeg skal til tandlæge.\nJeg kan om torsdagen.');
		expect(page).toMatch(/value="reschedule_requested"\s+checked/);

		const accepted = await postForm(maja, answerUrl(MAJA_NEXT), {
			response: 'accepted',
			reason: ''
		});
		expect(accepted.status).toBe(303);
		const after = mainText(await html(maja, meetingUrl(MAJA_NEXT)));
		expect(after).toContain('Du har sagt ja til mødet.');
		expect(after).not.toContain('Jeg skal til tandlæge.');
		expect(mainText(await html(maja, `${app.url}/moeder`))).toContain('Du har sagt ja til mødet.');

		// The journey's timeline (which staff share) has both answers, the newest first.
		const journey = mainText(await html(maja, `${app.url}/forloeb/${demoIds.journey('maja')}`));
		const yes = journey.indexOf('Maja Jensen har sagt ja til mødet »Fællesmøde om din plan«');
		const other = journey.indexOf(
			'Maja Jensen har bedt om en anden tid til mødet »Fællesmøde om din plan«'
		);
		expect(yes).toBeGreaterThan(-1);
		expect(other).toBeGreaterThan(yes);
	});

	it('cannot answer a cancelled or a past meeting', async () => {
		const cancelled = mainText(await html(maja, meetingUrl(MAJA_CANCELLED)));
		expect(cancelled).toContain('Mødet er aflyst. Du skal ikke møde op.');
		expect(cancelled).not.toContain('Kan du komme til mødet?');
		expect(cancelled).not.toContain('Føj mødet til din kalender');
		for (const id of [MAJA_CANCELLED, MAJA_HELD]) {
			const response = await postForm(maja, answerUrl(id), { response: 'accepted', reason: '' });
			expect(response.status).toBe(400);
			expect(mainText(await response.text())).toContain(
				'Du kan ikke svare på invitationen, fordi mødet er aflyst eller allerede er holdt.'
			);
		}
		expect(mainText(await html(maja, meetingUrl(MAJA_CANCELLED)))).not.toContain('Du har sagt ja');
	});

	it('gives a calendar file with the time in UTC, a stable UID and no CPR number', async () => {
		const page = await html(maja, meetingUrl(MAJA_NEXT));
		const startsAt = /<time datetime="([^"]+)"/.exec(page)?.[1];
		const response = await maja.go(`${meetingUrl(MAJA_NEXT)}/kalender.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('no-store');
		const disposition = response.headers.get('content-disposition') ?? '';
		expect(disposition).toMatch(/^attachment; filename="moede-\d{4}-\d{2}-\d{2}\.ics"$/);
		expect(disposition).toBe(`attachment; filename="moede-${demo.dateOf(majaNextStart)}.ics"`);
		const ics = await response.text();
		const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
		const field = (name: string) =>
			lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(field('UID')).toBe(`${MAJA_NEXT}@sammen`);
		expect(field('SUMMARY')).toBe('Fællesmøde om din plan');
		expect(field('LOCATION')).toBe('Rådhuset\\, mødelokale 2\\, Rådhuspladsen 1\\, 9999 Sammenby');
		expect(field('DESCRIPTION')).toContain(
			'Det skal vi tale om:\\n1. Hvordan går det i praktikken?'
		);
		expect(field('DESCRIPTION')).toContain('Det skal du have med:');
		const start = field('DTSTART') ?? '';
		expect(start).toMatch(/^\d{8}T\d{6}Z$/);
		const iso = start.replace(
			/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
			'$1-$2-$3T$4:$5:$6Z'
		);
		expect(new Date(iso).getTime()).toBe(new Date(startsAt!).getTime());
		expect(new Date(iso).getTime()).toBe(majaNextStart.getTime());
		expect(disposition).toContain(`moede-${page.match(/datetime="(\d{4}-\d{2}-\d{2})/)?.[1]}`);
		for (const cpr of Object.values(DEMO_CITIZENS)) {
			expect(ics).not.toContain(cpr);
			expect(ics).not.toContain(cpr.replace('-', ''));
		}
		expect(ics).not.toMatch(/\d{6}-\d{4}/);
		// The same meeting downloaded again is the same event in the calendar.
		const again = await (await maja.go(`${meetingUrl(MAJA_NEXT)}/kalender.ics`)).text();
		expect(again).toContain(`UID:${MAJA_NEXT}@sammen`);
	});
});

describe('meetings for representatives and in English', () => {
	it('lets Lise see Karl’s meetings (read-only) but not answer them', async () => {
		const lise = await loginCitizen(app.url, 'demo-citizen-lise-mortensen', { actFor: KARL });
		const list = mainText(await html(lise, `${app.url}/moeder`));
		expect(list).toContain('Møder for Karl Nielsen');
		expect(list).toContain('Besøg om din hjemmehjælp');
		const page = await html(lise, meetingUrl(KARL_NEXT));
		expect(page).not.toContain('action="?/svar"');
		expect(mainText(page)).toContain(
			'Du kan se oplysningerne for Karl Nielsen, men du har ikke fuldmagt til at ændre noget eller svare for Karl Nielsen.'
		);
		const refused = await postForm(lise, answerUrl(KARL_NEXT), {
			response: 'declined',
			reason: ''
		});
		expect(refused.status).toBe(403);
		expect(mainText(await html(lise, meetingUrl(KARL_NEXT)))).toContain(
			'Du har ikke svaret på invitationen endnu.'
		);
		expect((await lise.go(`${meetingUrl(KARL_NEXT)}/kalender.ics`)).status).toBe(200);
		// Someone else's meeting is still a 404 for a representative, not a 403.
		expect((await postForm(lise, answerUrl(MAJA_NEXT), { response: 'accepted' })).status).toBe(404);
	});

	it('lets Henrik answer for Sofie, named on the timeline as acting for her', async () => {
		const henrik = await loginCitizen(app.url, 'demo-citizen-henrik-hansen', { actFor: SOFIE });
		expect(mainText(await html(henrik, `${app.url}/moeder`))).toContain('Møder for Sofie Hansen');
		const response = await postForm(henrik, answerUrl(SOFIE_NEXT), {
			response: 'declined',
			reason: 'Sofie har en prøve i skolen den dag.'
		});
		expect(response.status).toBe(303);
		expect(mainText(await html(henrik, meetingUrl(SOFIE_NEXT)))).toContain(
			'Du har sagt nej til mødet.'
		);
		const journey = mainText(await html(henrik, `${app.url}/forloeb/${demoIds.journey('sofie')}`));
		expect(journey).toContain(
			'Henrik Hansen på vegne af Sofie Hansen har sagt nej til mødet »Opfølgning på skolen«'
		);
		// Sofie's meeting is not Henrik's own.
		const own = await loginCitizen(app.url, 'demo-citizen-henrik-hansen');
		expect((await own.go(meetingUrl(SOFIE_NEXT))).status).toBe(404);
	});

	it('shows Ahmed his meetings and a video meeting in English', async () => {
		const ahmed = await loginCitizen(app.url, 'demo-citizen-ahmed-hassan');
		ahmed.setCookie(app.url, 'lang', 'en');
		const list = mainText(await html(ahmed, `${app.url}/moeder`));
		expect(list).toContain('Your meetings');
		expect(list).toContain('Upcoming meetings');
		expect(list).toContain('Video meeting with your mentor');
		expect(list).not.toContain('Kommende møder');
		const page = await html(ahmed, meetingUrl(AHMED_VIDEO));
		const text = mainText(page);
		expect(text).toMatch(/\p{L}+day \d+ \p{L}+ at 14:00–14:45/u);
		expect(text).toContain(formatMeetingTime(ahmedVideoStart, ahmedVideoEnd, 'en'));
		expect(text).toContain('Open the video meeting');
		expect(page).toContain('href="https://video.sammen-kommune.example/m/ahmed-mentor"');
		expect(text).toContain('Who takes part from the municipality?');
		expect(text).toContain('Sara Lund');
		expect(text).toContain('You have said yes to the meeting.');
		expect(text).toContain('Can you come to the meeting?');
		const ics = await ahmed.go(`${meetingUrl(AHMED_VIDEO)}/kalender.ics`);
		expect(ics.headers.get('content-disposition')).toMatch(/filename="meeting-[\d-]+\.ics"/);
		expect(ics.headers.get('content-disposition')).toContain(
			`filename="meeting-${demo.dateOf(ahmedVideoStart)}.ics"`
		);
		expect(await ics.text()).toContain('SUMMARY:Video meeting with your mentor');
	});

	it('tells Jens, who has no meetings, so', async () => {
		const jens = await loginCitizen(app.url, 'demo-citizen-jens-poulsen');
		expect(mainText(await html(jens, `${app.url}/moeder`))).toContain('Du har ingen møder med os.');
	});
});

describe('afterwards, in the database', () => {
	it('has audited Henrik as the representative and Maja as herself', async () => {
		const rows = await app.server.stopAndInspect((db) =>
			db
				.selectFrom('audit_events')
				.select(['actor_type', 'actor_citizen_id', 'citizen_id', 'object_id'])
				.where('action', '=', 'update')
				.where('object_type', '=', 'meeting')
				.execute()
		);
		expect(rows).toContainEqual({
			actor_type: 'representative',
			actor_citizen_id: HENRIK,
			citizen_id: SOFIE,
			object_id: SOFIE_NEXT
		});
		expect(rows.filter((r) => r.object_id === MAJA_NEXT)).toEqual([
			{ actor_type: 'citizen', actor_citizen_id: MAJA, citizen_id: MAJA, object_id: MAJA_NEXT },
			{ actor_type: 'citizen', actor_citizen_id: MAJA, citizen_id: MAJA, object_id: MAJA_NEXT }
		]);
		// Refused and rejected answers changed nothing.
		expect(rows.some((r) => r.object_id === KARL_NEXT || r.object_id === MAJA_CANCELLED)).toBe(
			false
		);
	});
});

// A citizen's overview ("Mit overblik", /) over HTTP, on the shared demo server (read only): what to
// do first, the next meeting, the cases by department and whom to talk to, with every date the page
// writes computed from the seed's calendar (DemoClock) and the app's own formatters. Maja Jensen in
// Danish, Ahmed Hassan in English. The same page in Chromium, reached by logging in with the
// keyboard and checked with axe: demo-login.spec.ts.
import { describe, expect, inject, it } from 'vitest';
import { formatDate, formatDateTime } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { TOWN_HALL } from '../../src/lib/server/seed/municipality';
import { text } from './html';
import { loginCitizen } from './portal';

const baseUrl = inject('baseUrl');

// The same calendar as the seed's: the demo server was seeded at this project's pinned instant,
// and this process's clock starts there too (10.00, so both agree about the day).
const demo = new DemoClock(clock.now());

/** The overview as a logged-in browser gets it: the page, its main content as text, its h2s and h3s. */
async function overview(account: string, locale?: 'en') {
	const browser = await loginCitizen(baseUrl, account);
	if (locale) browser.setCookie(baseUrl, 'lang', locale);
	const response = await browser.go(`${baseUrl}/`);
	expect(response.status).toBe(200);
	expect(response.headers.get('cache-control')).toBe('no-store');
	const page = await response.text();
	const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? '';
	const headings = (level: 'h1' | 'h2' | 'h3', html: string) =>
		[...html.matchAll(new RegExp(`<${level}[^>]*>([\\s\\S]*?)</${level}>`, 'g'))].map((m) =>
			text(m[1]!).trim()
		);
	return {
		page,
		main: text(main),
		h1: headings('h1', page),
		h2: headings('h2', main),
		h3: headings('h3', main),
		title: /<title>([^<]*)<\/title>/.exec(page)?.[1] ?? ''
	};
}

/** `text` from `from` (included) up to `to` (excluded), or to the end. */
function between(text: string, from: string, to?: string): string {
	const start = text.indexOf(from);
	expect(start, `"${from}" on the page`).toBeGreaterThan(-1);
	const end = to === undefined ? -1 : text.indexOf(to, start);
	return end === -1 ? text.slice(start) : text.slice(start, end);
}

describe("Maja Jensen's overview, in Danish", () => {
	// What the seed wrote for Maja (seed/stories/maja.ts).
	const meeting = demo.nextWeek(); // maja-next, not answered
	const payslipsDue = demo.dueDate(5); // maja-payslips, and the job case's next step
	const familyDue = demo.dueDate(14); // maja-family's next step
	const familyDecided = demo.past(140, 10); // maja-family's decision

	it('answers "do I need to do something?" first: the meeting to answer, then her task', async () => {
		const { main, h1, h2, title } = await overview('demo-citizen-maja-jensen');
		expect(main).toContain('Logget ind som Maja Jensen');
		expect(h1).toEqual(['Mit overblik']);
		expect(title).toContain('Mit overblik');
		expect(h2[0]).toBe('Det skal du gøre');
		const todo = between(main, 'Det skal du gøre', h2[1]);
		const answer = todo.indexOf(`Svar på invitationen til mødet ${formatDateTime(meeting, 'da')}.`);
		const payslips = todo.indexOf('Send dine lønsedler for de sidste tre måneder');
		expect(answer).toBeGreaterThan(-1);
		expect(payslips).toBeGreaterThan(answer);
		expect(todo).toContain(`Senest ${formatDate(payslipsDue, 'da')}`);
		// Done tasks and tasks on staff are not hers to do.
		expect(todo).not.toContain('Opret dit CV på Jobnet');
		expect(todo).not.toContain('Find en familiebehandler');
	});

	it('shows her next meeting, her cases by department and her coordinator', async () => {
		const { main, h2, h3 } = await overview('demo-citizen-maja-jensen');
		expect(h2).toEqual(
			expect.arrayContaining(['Dit næste møde', 'Dine sager', 'Hvem kan du tale med?'])
		);
		const next = between(main, 'Dit næste møde', 'Dine sager');
		expect(next).toContain('Fællesmøde om din plan');
		expect(next).toContain(formatDateTime(meeting, 'da'));
		expect(next).toContain(`Sted: ${TOWN_HALL}`);
		expect(next).toContain('Du har ikke svaret på invitationen endnu.');

		// One heading per department, what waits on her first, then the nearest next step.
		expect(h3).toEqual(['Jobcenter', 'Socialforvaltningen', 'Børn og Familie']);
		const job = between(main, 'Jobcenter', 'Socialforvaltningen');
		expect(job).toContain('Din vej til job');
		expect(job).toContain('Vi venter på dig');
		expect(job).toContain(`Senest ${formatDate(payslipsDue, 'da')}`);
		expect(job).toContain('Din sagsbehandler er Lone Madsen.');
		const social = between(main, 'Socialforvaltningen', 'Børn og Familie');
		expect(social).toContain('Vi behandler din sag');
		expect(social).toContain(`Senest ${formatDate(demo.dateOf(meeting), 'da')}`);
		const family = between(main, 'Børn og Familie', 'Hvem kan du tale med?');
		expect(family).toContain(`Afgjort ${formatDate(familyDecided, 'da')}`);
		expect(family).toContain(`Senest ${formatDate(familyDue, 'da')}`);

		expect(main).toContain('Mette Larsen fra Socialforvaltningen holder sammen på dine sager.');
	});

	it('writes every date as words, and exactly the dates the seed gave her', async () => {
		const { main } = await overview('demo-citizen-maja-jensen');
		expect(main).not.toMatch(/\b\d{2}\.\d{2}\.\d{2}\b/);
		expect(main).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
		// "tirsdag 8. december", in the order the page shows them.
		const dates = main.match(/\p{L}+dag \d{1,2}\. \p{L}+/gu) ?? [];
		expect(dates).toEqual(
			[
				meeting, // the invitation to answer
				payslipsDue, // the task
				meeting, // the next meeting
				payslipsDue, // Jobcenter's next step
				demo.dateOf(meeting), // Socialforvaltningen's next step: the meeting's day
				familyDecided, // Børn og Familie's decision …
				familyDue // … and its next step
			].map((date) => formatDate(date, 'da'))
		);
	});
});

describe("Ahmed Hassan's overview, in English", () => {
	// What the seed wrote for Ahmed (seed/stories/ahmed.ts).
	const meeting = demo.workdayAt(4, 14); // ahmed-mentor-meeting, a video meeting he said yes to
	const diplomaDue = demo.dueDate(10); // ahmed-diploma
	const placementDue = demo.dueDate(21); // ahmed-placement's next step
	const expenseDecided = demo.past(14, 10); // ahmed-expense's decision

	it('shows his task, his next meeting, his cases and his coordinator with the dates in English', async () => {
		const { page, main, h1, h2, h3 } = await overview('demo-citizen-ahmed-hassan', 'en');
		expect(page).toMatch(/<html[^>]* lang="en"/);
		expect(h1).toEqual(['My overview']);
		expect(h2[0]).toBe('What you need to do');
		expect(main).not.toContain('Dine sager');

		const todo = between(main, 'What you need to do', h2[1]);
		expect(todo).toContain('Send a copy of your diploma');
		expect(todo).toContain(`By ${formatDate(diplomaDue, 'en')}`);
		// He has answered the invitation already.
		expect(todo).not.toContain('Answer the invitation');

		const next = between(main, 'Your next meeting', 'Your cases');
		expect(next).toContain('Video meeting with your mentor');
		expect(next).toContain(formatDateTime(meeting, 'en'));
		expect(next).toContain('The meeting is a video meeting.');
		expect(next).toContain('You have said yes to the meeting.');

		expect(h3).toEqual(['Job Centre', 'Citizen Service']);
		expect(main).toContain('We are working on your case');
		expect(main).toContain('We have received your case');
		expect(main).toContain(`Decided on ${formatDate(expenseDecided, 'en')}`);
		expect(main).toContain('Lone Madsen from Job Centre holds your cases together.');

		expect(main).not.toMatch(/\b\d{2}[./]\d{2}[./]\d{2,4}\b/);
		// "Tuesday 8 December", in the order the page shows them.
		const dates = main.match(/\p{L}+day \d{1,2} \p{L}+/gu) ?? [];
		expect(dates).toEqual(
			[
				diplomaDue, // the task
				meeting, // the next meeting
				demo.dateOf(meeting), // the mentor case's next step: the meeting's day
				placementDue, // the placement case's next step
				expenseDecided // the expense case's decision
			].map((date) => formatDate(date, 'en'))
		);
	});
});

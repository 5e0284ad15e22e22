// The clock the test suite runs on (docs/TIME.md). Every test run pins the application's clock
// (SAMMEN_NOW), so no test depends on the time of day it happens to run at: by default to 10.00
// Danish time today, which keeps the calendar moving from run to run; and the date-sensitive specs
// run again on each of the hard dates below. Tests read the time through the app's clock
// (src/lib/server/clock.ts) and format their expectations with the app's own formatters. Plain
// JavaScript, so that vite.config.ts imports it by its own file name (Node resolves no extensions).

/**
 * Days that break naive date code, each at 10.00 Danish time (a safe distance from midnight).
 * @type {{ name: string; now: string }[]}
 */
export const HARD_DATES = [
	{ name: 'saturday', now: '2026-12-05T10:00:00+01:00' },
	{ name: 'sunday', now: '2026-12-06T10:00:00+01:00' },
	{ name: 'new-years-eve', now: '2026-12-31T10:00:00+01:00' },
	{ name: 'leap-day', now: '2028-02-29T10:00:00+01:00' },
	// The last Sunday of October: summer time ended at 03.00 that night (UTC+2 became UTC+1).
	{ name: 'summer-time-ends', now: '2026-10-25T10:00:00+01:00' }
];

/**
 * The specs that read, show or compare dates, run again on every hard date. For the pages these
 * are the HTTP-level specs: what a page says is rendered on the server, and a spec's browser part
 * (`*.browser.spec.ts`: axe, keyboard, JavaScript) runs on the pinned day only.
 */
export const DATE_SENSITIVE_SPECS = {
	db: [
		'tests/db/overview.spec.ts',
		'tests/db/sessions.spec.ts',
		'tests/db/retention.spec.ts',
		'tests/db/insight.spec.ts',
		'tests/db/meetings-tasks.spec.ts',
		'tests/db/staff-caseload.spec.ts'
	],
	actions: [],
	e2e: [
		'tests/e2e/tasks.spec.ts',
		'tests/e2e/insight.spec.ts',
		'tests/e2e/meetings.spec.ts',
		'tests/e2e/journey.spec.ts',
		'tests/e2e/retention.spec.ts',
		'tests/e2e/overview.spec.ts'
	]
};

/**
 * 10.00 in Copenhagen on the day it is there now, as an instant with its offset. The one place in
 * the tests that reads the system's date: to choose the day the clock is pinned to.
 * @param {Date} [real]
 * @returns {string}
 */
// eslint-disable-next-line no-restricted-syntax
export function todayAtTen(real = new Date()) {
	const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(real);
	for (const offset of ['+01:00', '+02:00']) {
		const candidate = `${day}T10:00:00${offset}`;
		const hour = new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Copenhagen',
			hour: '2-digit',
			hourCycle: 'h23'
		}).format(new Date(candidate));
		if (hour === '10') return candidate;
	}
	throw new Error(`No 10.00 in Copenhagen on ${day}`);
}

// Calendar dates typed by people, one rule for every form, so a date one form takes is not refused
// by the next. Accepted, after trimming surrounding whitespace:
//   2026-03-03, 2026-3-3             what a browser's date field sends, or the same typed by hand
//   3.3.2026, 03.03.2026             Danish, day first, with 1 or 2 digits for day and month
//   3-3-2026, 03-03-2026             the same with hyphens
//   3/3/2026, 03/03/2026             the same with slashes
// One separator throughout ('3.3-2026' is a typo, not a date), a four-digit year from 1900 to 2199
// (wider than any date a case, a meeting or an audit search needs, narrow enough to catch a
// mistyped year), and only days that exist: no 31.4.2026, 29.2. only in leap years.
// A calendar date has no time zone; turning one into an instant is the caller's job. This module
// never reads the clock, so the browser can use it too.

export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DANISH = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

/** The date typed in `input` (formats above), or null when it is not one. */
export function parseCalendarDate(input: string): CalendarDate | null {
	const value = input.trim();
	const iso = ISO.exec(value);
	const danish = iso ? null : DANISH.exec(value);
	let date: CalendarDate;
	if (iso) date = { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
	else if (danish)
		date = { year: Number(danish[4]), month: Number(danish[3]), day: Number(danish[1]) };
	else return null;
	return isRealDate(date) ? date : null;
}

/** The date typed in `input` as 'YYYY-MM-DD' (what the database and the date field take), or null. */
export function parseIsoDate(input: string): string | null {
	const date = parseCalendarDate(input);
	return date ? isoDate(date) : null;
}

/** 'YYYY-MM-DD'. */
export function isoDate({ year, month, day }: CalendarDate): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(day)}`;
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
	if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
	// Day 0 of the next month is the last day of this one, leap years included.
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

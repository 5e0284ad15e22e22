// Time and identity helpers for the demo seed. Every date in the demo is derived from one `now`, in
// Copenhagen local time, and every id from a fixed key, so two seeds with the same `now` produce the
// same rows (apart from the encrypted CPR numbers, whose IV is random by design).
import { createHash } from 'node:crypto';

const ZONE = 'Europe/Copenhagen';

const localFormatter = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

interface LocalDate {
	year: number;
	month: number;
	day: number;
}

interface LocalDateTime extends LocalDate {
	hour: number;
	minute: number;
	second: number;
}

function localParts(instant: Date): LocalDateTime {
	const parts: Record<string, number> = {};
	for (const part of localFormatter.formatToParts(instant)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year ?? 0,
		month: parts.month ?? 0,
		day: parts.day ?? 0,
		hour: parts.hour ?? 0,
		minute: parts.minute ?? 0,
		second: parts.second ?? 0
	};
}

/** Copenhagen's offset from UTC at this instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetMs(instant: Date): number {
	const p = localParts(instant);
	const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which Copenhagen's clocks show this wall time (days may overflow the month). */
export function copenhagenInstant(date: LocalDate, hour: number, minute: number): Date {
	const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
	// Two rounds settle the offset also on the days the clocks change.
	let instant = wall - offsetMs(new Date(wall));
	instant = wall - offsetMs(new Date(instant));
	return new Date(instant);
}

const WEEKDAYS_DA = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_DA = [
	'januar',
	'februar',
	'marts',
	'april',
	'maj',
	'juni',
	'juli',
	'august',
	'september',
	'oktober',
	'november',
	'december'
];
const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** Dates relative to one `now`, on Copenhagen's calendar. Offsets are in days; negative is past. */
export class DemoClock {
	readonly now: Date;
	private readonly today: LocalDate;

	constructor(now: Date) {
		this.now = now;
		const p = localParts(now);
		this.today = { year: p.year, month: p.month, day: p.day };
	}

	/** The local calendar date `offset` days from today. */
	localDate(offset: number): LocalDate {
		const d = new Date(Date.UTC(this.today.year, this.today.month - 1, this.today.day + offset));
		return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
	}

	/** 0 = Sunday … 6 = Saturday. */
	weekday(offset: number): number {
		const d = this.localDate(offset);
		return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
	}

	/** Local wall time `offset` days from today. */
	at(offset: number, hour: number, minute = 0): Date {
		return copenhagenInstant(this.localDate(offset), hour, minute);
	}

	/**
	 * A past working-day moment: `daysAgo` days back (at least one), moved back to Friday when it
	 * falls on a weekend, so history never lies in the future and rarely on a Sunday.
	 */
	past(daysAgo: number, hour: number, minute = 0): Date {
		let offset = -Math.max(1, daysAgo);
		const weekday = this.weekday(offset);
		if (weekday === 6) offset -= 1;
		if (weekday === 0) offset -= 2;
		return this.at(offset, hour, minute);
	}

	/** A 'YYYY-MM-DD' date `offset` days from today (for date columns). */
	date(offset: number): string {
		const d = this.localDate(offset);
		return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
	}

	/** A future due date on a working day: a weekend moves to the Monday after. */
	dueDate(offset: number): string {
		const weekday = this.weekday(offset);
		return this.date(offset + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0));
	}

	/**
	 * A meeting "next week" as people mean it: Tuesday of the coming calendar week at 10.00, so it
	 * is always a working day, 2 to 8 days ahead (2 on a Sunday).
	 */
	nextWeek(): Date {
		// weekday(0) is today, 0 = Sunday … 6 = Saturday; next Monday is 1 to 7 days ahead.
		const toMonday = (8 - this.weekday(0)) % 7 || 7;
		return this.at(toMonday + 1, 10);
	}

	/** `offset` days ahead at this hour, moved from a weekend to the Monday after. */
	workdayAt(offset: number, hour: number, minute = 0): Date {
		const weekday = this.weekday(offset);
		return this.at(offset + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0), hour, minute);
	}

	/** The local 'YYYY-MM-DD' date of an instant. */
	dateOf(instant: Date): string {
		const p = localParts(instant);
		return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
	}

	/** `minutes` after `instant`. */
	later(instant: Date, minutes: number): Date {
		return new Date(instant.getTime() + minutes * 60_000);
	}
}

/** "tirsdag 12. december kl. 10.00", as docs/RULES.md asks dates to be written for citizens. */
export function formatDanish(instant: Date): string {
	const p = localParts(instant);
	const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
	const time = `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')}`;
	return `${WEEKDAYS_DA[weekday]} ${p.day}. ${MONTHS_DA[p.month - 1]} kl. ${time}`;
}

/** "Tuesday 12 December at 10:00". */
export function formatEnglish(instant: Date): string {
	const p = localParts(instant);
	const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
	const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
	return `${WEEKDAYS_EN[weekday]} ${p.day} ${MONTHS_EN[p.month - 1]} at ${time}`;
}

/**
 * A stable uuid for a demo row: RFC 9562 version 8 (custom) from SHA-256 of the key. Stable ids let
 * tests and the demo guide point at rows without looking them up first.
 */
export function demoId(key: string): string {
	const hash = createHash('sha256').update(`sammen-demo:${key}`).digest();
	hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x80;
	hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
	const hex = hash.subarray(0, 16).toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

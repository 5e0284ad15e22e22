// Dates as citizens read them (docs/RULES.md): "tirsdag 12. december kl. 10.00", "Tuesday 12 December at
// 10:00"; always in Danish time, wherever the server runs.
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

// Making an Intl.DateTimeFormat costs far more than using one (a tenth of a busy page's server
// time went to making them), and one never changes: each is made once per language and options.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter for a language tag and options, made on first use and kept. */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions) {
	const key = `${tag} ${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat(tag, options);
		formatters.set(key, formatter);
	}
	return formatter;
}

export function formatDateTime(value: Date, locale: Locale): string {
	return dateTimeFormat(tags[locale], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(value);
}

/** A calendar date ('YYYY-MM-DD' from the database, or a Date) as "tirsdag 12. december". */
export function formatDate(value: string | Date, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return dateTimeFormat(tags[locale], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: typeof value === 'string' ? 'UTC' : TIME_ZONE
	}).format(date);
}

/** Today's date in Danish time, as 'YYYY-MM-DD'. */
export function todayInDenmark(now: Date): string {
	return dateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

// Dates with the year, for what may lie months or years back or is kept on paper (receipts,
// letters, the audit trail, "my data"): without the year, "8. december" is ambiguous there.
function parts(value: Date, locale: Locale, timeZone: string, withTime: boolean) {
	const formatter = dateTimeFormat(tags[locale], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
		timeZone
	});
	const found: Record<string, string> = {};
	for (const part of formatter.formatToParts(value)) found[part.type] = part.value;
	return found;
}

/** "3. november 2026", "3 November 2026" ('YYYY-MM-DD' or a moment, in Danish time). */
export function formatDateWithYear(value: string | Date, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return dateTimeFormat(tags[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: typeof value === 'string' ? 'UTC' : TIME_ZONE
	}).format(date);
}

/** "tirsdag 8. december 2026" ('YYYY-MM-DD' or a moment, in Danish time). */
export function formatWeekdayDateWithYear(value: string | Date, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	const p = parts(date, locale, typeof value === 'string' ? 'UTC' : TIME_ZONE, false);
	return locale === 'da'
		? `${p.weekday} ${p.day}. ${p.month} ${p.year}`
		: `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "tirsdag 8. december 2026 kl. 10.00", "Tuesday 8 December 2026 at 10:00" (Danish time). */
export function formatDateTimeWithYear(value: Date, locale: Locale): string {
	const p = parts(value, locale, TIME_ZONE, true);
	return locale === 'da'
		? `${p.weekday} ${p.day}. ${p.month} ${p.year} kl. ${p.hour}.${p.minute}`
		: `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

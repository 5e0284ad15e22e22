// Dates as citizens read them (UX.md): "tirsdag 12. december kl. 10.00", "Tuesday 12 December at
// 10:00"; always in Danish time, wherever the server runs.
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export function formatDateTime(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], {
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
	return new Intl.DateTimeFormat(tags[locale], {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		timeZone: typeof value === 'string' ? 'UTC' : TIME_ZONE
	}).format(date);
}

/** Today's date in Danish time, as 'YYYY-MM-DD'. */
export function todayInDenmark(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

// Dates with the year, for what may lie months or years back (the audit trail, "my data"): the
// portal's formatDateTime leaves the year out, which is right for a meeting next week but
// ambiguous for a look-up last winter. Same style otherwise: "tirsdag 8. december 2026 kl. 10.00".
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function parts(value: Date, locale: Locale, timeZone: string, withTime: boolean) {
	const formatter = new Intl.DateTimeFormat(tags[locale], {
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

/** "tirsdag 8. december 2026 kl. 10.00", "Tuesday 8 December 2026 at 10:00" (Danish time). */
export function formatDateTimeLong(value: Date, locale: Locale): string {
	const p = parts(value, locale, TIME_ZONE, true);
	return locale === 'da'
		? `${p.weekday} ${p.day}. ${p.month} ${p.year} kl. ${p.hour}.${p.minute}`
		: `${p.weekday} ${p.day} ${p.month} ${p.year} at ${p.hour}:${p.minute}`;
}

/** "tirsdag 8. december 2026" from a 'YYYY-MM-DD' date or a moment in time (Danish time). */
export function formatDateLong(value: string | Date, locale: Locale): string {
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	const p = parts(date, locale, typeof value === 'string' ? 'UTC' : TIME_ZONE, false);
	return locale === 'da'
		? `${p.weekday} ${p.day}. ${p.month} ${p.year}`
		: `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

// Dates with the year, for records a citizen may keep or show to others (consent receipts, the
// history of a choice): "3. april 2026" and "3. april 2026 kl. 19.05", always in Danish time.
// $lib/format leaves the year out, as fits what is coming up in the next weeks.
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export function formatDayWithYear(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: TIME_ZONE
	}).format(value);
}

export function formatDateTimeWithYear(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(value);
}

// A calendar date with its year, as letters and document lists need it: "3. november 2026",
// "3 November 2026". (formatDate in $lib/format leaves the year out, which suits what is near.)
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export function formatLongDate(value: Date, locale: Locale): string {
	return new Intl.DateTimeFormat(tags[locale], {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: TIME_ZONE
	}).format(value);
}

/** The Danish calendar date of an instant as 'YYYY-MM-DD' (for file names). */
export function isoDateInDenmark(value: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(value);
}

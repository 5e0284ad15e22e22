// A meeting's time as citizens read it (docs/RULES.md): "tirsdag 1. december kl. 10.00–11.30", "Tuesday
// 1 December at 10:00–11:30"; always in Danish time, wherever the server runs.
import { dateTimeFormat, formatDateTime, todayInDenmark } from './format';
import type { Locale } from './i18n/locale';

const TIME_ZONE = 'Europe/Copenhagen';
const tags: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

function clock(value: Date, locale: Locale): string {
	return dateTimeFormat(tags[locale], {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(value);
}

export function formatMeetingTime(start: Date, end: Date, locale: Locale): string {
	// A meeting that runs past midnight (rare) names both days rather than hide the second one.
	if (todayInDenmark(start) !== todayInDenmark(end)) {
		return `${formatDateTime(start, locale)} – ${formatDateTime(end, locale)}`;
	}
	return `${formatDateTime(start, locale)}–${clock(end, locale)}`;
}

// A meeting as a calendar file (.ics, RFC 5545) that the citizen can add to their own calendar.
// The UID is stable per meeting, so downloading again updates the event instead of adding a copy.
import { createEvent, type EventAttributes } from 'ics';
import { todayInDenmark } from '../../format';
import type { Locale } from '../../i18n/locale';
import { catalogues, format, localized } from '../../i18n/all';
import type { CitizenMeeting } from '../db/meetings';
import * as clock from '../clock';

/** Only web addresses become links; anything else typed into the field is left out. */
export function safeWebUrl(value: string | null): string | null {
	if (!value) return null;
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
	} catch {
		return null;
	}
}

/**
 * A text as the calendar file may carry it. The library escapes backslashes, ';', ',' and CRLF or LF
 * line breaks (RFC 5545 3.3.11), but passes a lone carriage return and other control characters
 * through as they are, and a calendar program may take a lone CR for the end of a line: text sent
 * through the API ("title\rATTENDEE:…") would then add a property of its own. Every line break
 * becomes LF, which the library escapes, and RFC 5545 allows no other control character in a TEXT
 * value but HTAB (3.1, 3.3.11): those are left out. (Forms already turn CRLF and CR into LF.)
 */
export function calendarText(value: string): string {
	return (
		value
			.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
			// eslint-disable-next-line no-control-regex -- the control characters are what is removed
			.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
	);
}

export interface CalendarFile {
	filename: string;
	body: string;
}

export function meetingCalendar(
	meeting: CitizenMeeting,
	locale: Locale,
	now: Date = clock.now()
): CalendarFile {
	const m = catalogues[locale];
	const video = safeWebUrl(meeting.videoUrl);
	const description = [
		meeting.agenda ? `${m.meetingCalendarAgenda}\n${calendarText(meeting.agenda)}` : null,
		meeting.whatToBring ? `${m.meetingCalendarBring}\n${calendarText(meeting.whatToBring)}` : null,
		video ? format(m.meetingCalendarVideo, { url: video }) : null
	]
		.filter((part): part is string => part !== null)
		.join('\n\n');
	// `timestamp` (DTSTAMP) is in the library's schema but not in its types.
	const event: EventAttributes & { timestamp: number } = {
		uid: `${meeting.id}@sammen`,
		productId: 'sammen',
		// DTSTAMP: when the file was made, by the app's clock (the library would read the system's).
		timestamp: now.getTime(),
		start: meeting.startsAt.getTime(),
		startInputType: 'utc',
		startOutputType: 'utc',
		end: meeting.endsAt.getTime(),
		endInputType: 'utc',
		endOutputType: 'utc',
		title: calendarText(localized(locale, meeting.title, meeting.titleEn)),
		status: meeting.cancelledAt ? 'CANCELLED' : 'CONFIRMED',
		...(description ? { description } : {}),
		...(meeting.location
			? { location: calendarText(meeting.location) }
			: video
				? { location: video }
				: {}),
		...(video ? { url: video } : {})
	};
	const { error, value } = createEvent(event);
	if (error || !value) throw error ?? new Error('The calendar file could not be made');
	return {
		// The day in Danish time, ASCII only, so every browser and mail client keeps the name.
		filename: format(m.meetingCalendarFile, { date: todayInDenmark(meeting.startsAt) }),
		body: value
	};
}

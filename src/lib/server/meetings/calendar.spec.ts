import { describe, expect, it } from 'vitest';
import type { CitizenMeeting } from '../db/meetings';
import { calendarText, meetingCalendar, safeWebUrl } from './calendar';

const meeting: CitizenMeeting = {
	id: '6f1c2b9e-3d4a-4c5b-8e6f-7a8b9c0d1e2f',
	journeyId: '0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f',
	title: 'Fællesmøde om din plan',
	titleEn: 'Joint meeting about your plan',
	startsAt: new Date('2026-12-01T09:00:00Z'),
	endsAt: new Date('2026-12-01T10:30:00Z'),
	location: 'Sammenby Rådhus, Torvet 1; mødelokale 2',
	videoUrl: null,
	agenda: '1. Hvordan går det?\n2. De næste skridt',
	whatToBring: 'Dine lønsedler',
	response: 'pending',
	responseReason: null,
	respondedAt: null,
	cancelledAt: null,
	organizerName: 'Mette Larsen',
	organizerPhone: null,
	organizerDepartmentId: null,
	organizerDepartmentName: null,
	organizerDepartmentNameEn: null,
	organizerDepartmentPhone: null
};

/** The content lines of a calendar file, with folded lines joined again (RFC 5545 3.1). */
function lines(ics: string): string[] {
	return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('a meeting as a calendar file', () => {
	it('is stamped (DTSTAMP) by the app clock’s now, not the system’s', () => {
		const made = new Date('2028-02-29T09:15:00Z');
		expect(lines(meetingCalendar(meeting, 'da', made).body)).toContain('DTSTAMP:20280229T091500Z');
	});

	it('has a stable UID, the time in UTC, the title, the place and the agenda', () => {
		const { body, filename } = meetingCalendar(meeting, 'da');
		const content = lines(body);
		expect(content).toContain(`UID:${meeting.id}@sammen`);
		expect(content).toContain('DTSTART:20261201T090000Z');
		expect(content).toContain('DTEND:20261201T103000Z');
		expect(content).toContain('SUMMARY:Fællesmøde om din plan');
		expect(content).toContain('LOCATION:Sammenby Rådhus\\, Torvet 1\\; mødelokale 2');
		expect(content).toContain('STATUS:CONFIRMED');
		const description = content.find((l) => l.startsWith('DESCRIPTION:'));
		expect(description).toBe(
			'DESCRIPTION:Det skal vi tale om:\\n1. Hvordan går det?\\n2. De næste skridt\\n\\nDet skal du have med:\\nDine lønsedler'
		);
		expect(filename).toBe('moede-2026-12-01.ics');
		expect(meetingCalendar(meeting, 'da').body.match(/UID:.*/)?.[0]).toBe(
			body.match(/UID:.*/)?.[0]
		);
	});

	it('is in English for an English reader', () => {
		const { body, filename } = meetingCalendar(meeting, 'en');
		expect(lines(body)).toContain('SUMMARY:Joint meeting about your plan');
		expect(body).toContain('What we will talk about:');
		expect(filename).toBe('meeting-2026-12-01.ics');
	});

	it('puts a video link in the location and URL, and marks a cancelled meeting', () => {
		const video = {
			...meeting,
			location: null,
			videoUrl: 'https://video.example/m/1',
			cancelledAt: new Date('2026-11-30T08:00:00Z')
		};
		const content = lines(meetingCalendar(video, 'da').body);
		expect(content).toContain('LOCATION:https://video.example/m/1');
		expect(content).toContain('URL:https://video.example/m/1');
		expect(content).toContain('STATUS:CANCELLED');
	});

	it('names the file by the day in Danish time', () => {
		const late = { ...meeting, startsAt: new Date('2026-12-01T23:30:00Z') };
		late.endsAt = new Date('2026-12-02T00:30:00Z');
		expect(meetingCalendar(late, 'da').filename).toBe('moede-2026-12-02.ics');
	});

	it('links only to web addresses', () => {
		expect(safeWebUrl('https://video.example/m/1')).toBe('https://video.example/m/1');
		expect(safeWebUrl('javascript:alert(1)')).toBeNull();
		expect(safeWebUrl('not a url')).toBeNull();
		expect(safeWebUrl(null)).toBeNull();
	});

	it('adds no line of its own for text with line breaks or control characters in it', () => {
		// What the API accepts as it is (a form turns CR into LF): a lone CR, CRLF, Unicode line
		// separators and other control characters, each trying to start a property of its own.
		const hostile = {
			...meeting,
			title: 'Møde\rATTENDEE:mailto:evil@example.com',
			location: 'Rådhuset\r\nORGANIZER:mailto:evil@example.com',
			agenda: 'Punkt 1\u2028URL:https://evil.example\u0085X-A:1',
			whatToBring: 'Papirer\u0000\u000b\u001b\u007fEND:VEVENT'
		};
		const body = meetingCalendar(hostile, 'da').body;
		// Every line ends in CRLF and no CR or LF stands anywhere else; no other control character
		// but the HTAB that starts a folded line.
		expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u2028\u2029\u0085]/);
		// eslint-disable-next-line no-control-regex -- looking for control characters
		expect(body.replace(/\r\n\t/g, '').replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f]/);
		const content = lines(body);
		const names = content.filter((l) => l !== '').map((l) => l.split(/[:;]/)[0] ?? '');
		expect(names.filter((n) => ['ATTENDEE', 'ORGANIZER', 'URL', 'X-A'].includes(n))).toEqual([]);
		expect(names.filter((n) => n === 'END')).toHaveLength(2);
		expect(content).toContain('SUMMARY:Møde\\nATTENDEE:mailto:evil@example.com');
		expect(content).toContain('LOCATION:Rådhuset\\nORGANIZER:mailto:evil@example.com');
		const description = content.find((l) => l.startsWith('DESCRIPTION:'));
		expect(description).toContain('Punkt 1\\nURL:https://evil.example\\nX-A:1');
		expect(description).toContain('PapirerEND:VEVENT');
	});

	it('keeps tabs and ordinary text, and turns every kind of line break into LF', () => {
		expect(calendarText('a\tb; c, d')).toBe('a\tb; c, d');
		expect(calendarText('a\r\nb\rc\nd\u2028e')).toBe('a\nb\nc\nd\ne');
		expect(calendarText('a\u0000\u0007\u001fb')).toBe('ab');
	});
});

import { describe, expect, it } from 'vitest';
import { formatMeetingTime } from './meeting-time';

describe('a meeting time as citizens read it', () => {
	it('gives the day, the start and the end in Danish time', () => {
		const start = new Date('2026-12-01T09:00:00Z');
		const end = new Date('2026-12-01T10:30:00Z');
		expect(formatMeetingTime(start, end, 'da')).toBe('tirsdag 1. december kl. 10.00–11.30');
		expect(formatMeetingTime(start, end, 'en')).toBe('Tuesday 1 December at 10:00–11:30');
	});

	it('follows summer time', () => {
		const start = new Date('2026-06-02T08:00:00Z');
		const end = new Date('2026-06-02T09:00:00Z');
		expect(formatMeetingTime(start, end, 'da')).toBe('tirsdag 2. juni kl. 10.00–11.00');
	});

	it('names both days when a meeting runs past midnight', () => {
		const start = new Date('2026-12-01T21:00:00Z');
		const end = new Date('2026-12-01T23:30:00Z');
		expect(formatMeetingTime(start, end, 'da')).toBe(
			'tirsdag 1. december kl. 22.00 – onsdag 2. december kl. 00.30'
		);
	});
});

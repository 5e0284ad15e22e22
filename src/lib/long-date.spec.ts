import { describe, expect, it } from 'vitest';
import { formatDateLong, formatDateTimeLong } from './long-date';

describe('dates with the year', () => {
	it('writes a moment in Danish and English, in Danish time', () => {
		const moment = new Date('2026-12-08T09:05:00Z');
		expect(formatDateTimeLong(moment, 'da')).toBe('tirsdag 8. december 2026 kl. 10.05');
		expect(formatDateTimeLong(moment, 'en')).toBe('Tuesday 8 December 2026 at 10:05');
	});

	it('keeps the Danish day and year around midnight and in summer time', () => {
		const newYear = new Date('2026-12-31T23:30:00Z');
		expect(formatDateTimeLong(newYear, 'da')).toBe('fredag 1. januar 2027 kl. 00.30');
		expect(formatDateTimeLong(new Date('2026-07-01T22:01:00Z'), 'en')).toBe(
			'Thursday 2 July 2026 at 00:01'
		);
	});

	it('writes a calendar date without shifting the day', () => {
		expect(formatDateLong('2026-12-08', 'da')).toBe('tirsdag 8. december 2026');
		expect(formatDateLong('2026-12-08', 'en')).toBe('Tuesday 8 December 2026');
		expect(formatDateLong(new Date('2026-12-31T23:30:00Z'), 'da')).toBe('fredag 1. januar 2027');
	});
});

import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateTime,
	formatDateTimeWithYear,
	formatDateWithYear,
	formatWeekdayDateWithYear,
	todayInDenmark
} from './format';

describe('dates as citizens read them', () => {
	it('writes a meeting time in Danish and English, in Danish time', () => {
		const meeting = new Date('2026-12-08T09:00:00Z');
		expect(formatDateTime(meeting, 'da')).toBe('tirsdag 8. december kl. 10.00');
		expect(formatDateTime(meeting, 'en')).toBe('Tuesday 8 December at 10:00');
	});

	it('writes a due date without shifting the day', () => {
		expect(formatDate('2026-12-08', 'da')).toBe('tirsdag 8. december');
		expect(formatDate('2026-12-08', 'en')).toBe('Tuesday 8 December');
	});

	it('knows which day it is in Denmark around midnight UTC', () => {
		expect(todayInDenmark(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
		expect(todayInDenmark(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
		expect(todayInDenmark(new Date('2026-07-01T22:01:00Z'))).toBe('2026-07-02');
	});
});

describe('dates with the year', () => {
	it('writes a day with its year as Danes and Britons read it, in Danish time', () => {
		const when = new Date('2026-04-03T17:05:00Z');
		expect(formatDateWithYear(when, 'da')).toBe('3. april 2026');
		expect(formatDateWithYear(when, 'en')).toBe('3 April 2026');
		expect(formatDateWithYear('2026-12-08', 'da')).toBe('8. december 2026');
		expect(formatDateWithYear(new Date('2026-12-31T23:30:00Z'), 'da')).toBe('1. januar 2027');
	});

	it('writes a moment with weekday, year and time, in Danish time', () => {
		const moment = new Date('2026-12-08T09:05:00Z');
		expect(formatDateTimeWithYear(moment, 'da')).toBe('tirsdag 8. december 2026 kl. 10.05');
		expect(formatDateTimeWithYear(moment, 'en')).toBe('Tuesday 8 December 2026 at 10:05');
		expect(formatDateTimeWithYear(new Date('2026-12-31T23:30:00Z'), 'da')).toBe(
			'fredag 1. januar 2027 kl. 00.30'
		);
	});

	it('writes a calendar date with weekday and year without shifting the day', () => {
		expect(formatWeekdayDateWithYear('2026-12-08', 'da')).toBe('tirsdag 8. december 2026');
		expect(formatWeekdayDateWithYear('2026-12-08', 'en')).toBe('Tuesday 8 December 2026');
		expect(formatWeekdayDateWithYear(new Date('2026-12-31T23:30:00Z'), 'da')).toBe(
			'fredag 1. januar 2027'
		);
	});
});

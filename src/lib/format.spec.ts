import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, todayInDenmark } from './format';

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

import { describe, expect, it } from 'vitest';
import { formatDateTimeWithYear, formatDayWithYear } from './dates-with-year';

describe('dates with the year', () => {
	// 17:05 UTC is 19:05 in Copenhagen in summer time.
	const when = new Date('2026-04-03T17:05:00Z');

	it('writes the day as Danes and Britons read it', () => {
		expect(formatDayWithYear(when, 'da')).toBe('3. april 2026');
		expect(formatDayWithYear(when, 'en')).toBe('3 April 2026');
	});

	it('adds the time in Danish time', () => {
		expect(formatDateTimeWithYear(when, 'da')).toBe('3. april 2026 kl. 19.05');
		expect(formatDateTimeWithYear(when, 'en')).toBe('3 April 2026 at 19:05');
	});

	it('uses the Danish date around midnight, not the server’s', () => {
		expect(formatDayWithYear(new Date('2026-12-31T23:30:00Z'), 'da')).toBe('1. januar 2027');
	});
});

import { describe, expect, it } from 'vitest';
import { isoDate, parseCalendarDate, parseIsoDate } from './dates';

describe('parseCalendarDate', () => {
	it('reads what a browser’s date field sends', () => {
		expect(parseCalendarDate('2026-03-03')).toEqual({ year: 2026, month: 3, day: 3 });
		expect(parseCalendarDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
		// Typed by hand, without the leading zeros.
		expect(parseCalendarDate('2026-3-3')).toEqual({ year: 2026, month: 3, day: 3 });
		expect(parseCalendarDate('2026-03-3')).toEqual({ year: 2026, month: 3, day: 3 });
	});

	it('reads Danish dates, day first, with dots, hyphens or slashes and 1 or 2 digits', () => {
		const march3 = { year: 2026, month: 3, day: 3 };
		for (const typed of [
			'3.3.2026',
			'03.03.2026',
			'3.03.2026',
			'03.3.2026',
			'3-3-2026',
			'03-03-2026',
			'3/3/2026',
			'03/03/2026'
		]) {
			expect(parseCalendarDate(typed), typed).toEqual(march3);
		}
		// Day first, never month first: 12.1. is the 12th of January.
		expect(parseCalendarDate('12.1.2026')).toEqual({ year: 2026, month: 1, day: 12 });
		expect(parseCalendarDate('24-12-2026')).toEqual({ year: 2026, month: 12, day: 24 });
	});

	it('ignores whitespace around the date, not inside it', () => {
		expect(parseCalendarDate('  3.3.2026\t')).toEqual({ year: 2026, month: 3, day: 3 });
		expect(parseCalendarDate('\n2026-03-03 ')).toEqual({ year: 2026, month: 3, day: 3 });
		expect(parseCalendarDate('3. 3. 2026')).toBeNull();
		expect(parseCalendarDate('2026 -03-03')).toBeNull();
	});

	it('knows leap days', () => {
		expect(parseCalendarDate('29.2.2028')).toEqual({ year: 2028, month: 2, day: 29 });
		expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
		// Every fourth century is a leap year, the others are not.
		expect(parseCalendarDate('29.2.2000')).toEqual({ year: 2000, month: 2, day: 29 });
		expect(parseCalendarDate('29.2.1900')).toBeNull();
		expect(parseCalendarDate('29.2.2100')).toBeNull();
		expect(parseCalendarDate('29.2.2027')).toBeNull();
		expect(parseCalendarDate('2026-02-29')).toBeNull();
	});

	it('refuses days that do not exist', () => {
		for (const typed of [
			'31.4.2026',
			'31-06-2026',
			'31/9/2026',
			'2026-11-31',
			'30.2.2028',
			'32.1.2026',
			'0.1.2026',
			'1.0.2026',
			'1.13.2026',
			'2026-00-10',
			'2026-13-01',
			'2026-01-00'
		]) {
			expect(parseCalendarDate(typed), typed).toBeNull();
		}
		expect(parseCalendarDate('31.12.2026')).toEqual({ year: 2026, month: 12, day: 31 });
		expect(parseCalendarDate('30.4.2026')).toEqual({ year: 2026, month: 4, day: 30 });
	});

	it('takes years from 1900 to 2199 only', () => {
		expect(parseCalendarDate('1.1.1900')).toEqual({ year: 1900, month: 1, day: 1 });
		expect(parseCalendarDate('2199-12-31')).toEqual({ year: 2199, month: 12, day: 31 });
		expect(parseCalendarDate('31.12.1899')).toBeNull();
		expect(parseCalendarDate('2200-01-01')).toBeNull();
		expect(parseCalendarDate('1.1.0026')).toBeNull();
		expect(parseCalendarDate('1.1.9999')).toBeNull();
	});

	it('refuses anything else', () => {
		for (const typed of [
			'',
			' ',
			'i morgen',
			'3.3.26',
			'3.3.',
			'3.3',
			'2026/03/03',
			'2026.03.03',
			'20260303',
			'03032026',
			'3.3-2026',
			'3/3.2026',
			'3.3.2026.',
			'003.3.2026',
			'3.3.20260',
			'+2026-03-03',
			'2026-03-03T10:00',
			'2026-03-03Z',
			'3 marts 2026',
			'3.3.2026 10:00',
			'３.３.２０２６',
			'٣.٣.٢٠٢٦',
			'-1.3.2026',
			'1e1.3.2026'
		]) {
			expect(parseCalendarDate(typed), JSON.stringify(typed)).toBeNull();
		}
	});
});

describe('parseIsoDate and isoDate', () => {
	it('give the date as YYYY-MM-DD, zero-padded', () => {
		expect(parseIsoDate('3.3.2026')).toBe('2026-03-03');
		expect(parseIsoDate(' 24/12/2026 ')).toBe('2026-12-24');
		expect(parseIsoDate('2026-03-03')).toBe('2026-03-03');
		expect(parseIsoDate('31.4.2026')).toBeNull();
		expect(isoDate({ year: 1900, month: 1, day: 9 })).toBe('1900-01-09');
	});
});

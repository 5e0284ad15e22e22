import { describe, expect, it } from 'vitest';
import { ClockConfigError, createClock, now, pinnedInstant } from './clock';

describe('SAMMEN_NOW', () => {
	it('is the system clock when unset or blank', () => {
		expect(pinnedInstant(undefined, { production: false })).toBeNull();
		expect(pinnedInstant('  ', { production: false })).toBeNull();
		expect(pinnedInstant(undefined, { production: true })).toBeNull();
	});

	it('pins to an ISO 8601 instant with an offset or Z', () => {
		expect(pinnedInstant('2026-11-20T10:00:00+01:00', { production: false })?.toISOString()).toBe(
			'2026-11-20T09:00:00.000Z'
		);
		expect(pinnedInstant('2028-02-29T23:30Z', { production: false })?.toISOString()).toBe(
			'2028-02-29T23:30:00.000Z'
		);
		// The second 02.30 of the night summer time ends in Copenhagen, told apart by its offset.
		expect(pinnedInstant('2026-10-25T02:30:00+01:00', { production: false })?.toISOString()).toBe(
			'2026-10-25T01:30:00.000Z'
		);
	});

	it('refuses what is not an unambiguous instant, saying what it wants', () => {
		for (const value of [
			'2026-11-20',
			'2026-11-20T10:00:00',
			'tomorrow',
			'2026-02-30T10:00:00+01:00',
			'2027-02-29T10:00:00+01:00',
			'2026-13-01T10:00:00Z',
			'1700000000000'
		]) {
			expect(() => pinnedInstant(value, { production: false }), value).toThrow(ClockConfigError);
		}
		expect(() => pinnedInstant('2026-11-20', { production: false })).toThrow(
			/ISO 8601 instant with a UTC offset/
		);
	});

	it('is refused in production, which runs on the system clock', () => {
		expect(() => pinnedInstant('2026-11-20T10:00:00+01:00', { production: true })).toThrow(
			/production always runs on the system clock/
		);
	});
});

describe('the clock', () => {
	it('starts at the pinned instant and runs on in real time', () => {
		let real = 1_000_000;
		const start = new Date('2028-02-29T09:00:00Z');
		const pinned = createClock(start, () => real);
		expect(pinned.now().toISOString()).toBe('2028-02-29T09:00:00.000Z');
		expect(pinned.pinnedAt).toBe(start);
		real += 90_000;
		expect(pinned.now().toISOString()).toBe('2028-02-29T09:01:30.000Z');
	});

	it('is the system clock when not pinned', () => {
		const real = 1_764_000_000_000;
		const system = createClock(null, () => real);
		expect(system.now().getTime()).toBe(real);
		expect(system.pinnedAt).toBeNull();
	});

	it('is pinned in the test run, to the instant SAMMEN_NOW names or later', () => {
		// vite.config.ts pins every test run (tests/pinned-clock.ts).
		const pinnedAt = new Date(process.env.SAMMEN_NOW ?? '');
		expect(Number.isNaN(pinnedAt.getTime())).toBe(false);
		const elapsed = now().getTime() - pinnedAt.getTime();
		expect(elapsed).toBeGreaterThanOrEqual(0);
		// The worker started this file moments ago; an hour is a generous bound for a slow machine.
		expect(elapsed).toBeLessThan(3_600_000);
	});
});

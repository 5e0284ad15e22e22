// The application's one clock. Every piece of code that needs "now" as a fact about the world (when
// an entry was written, whether a session has expired, which day is today, what the demo seeds)
// reads it here, and the database never invents a time of its own: timestamps are written from
// this clock (docs/TIME.md).
//
// In production it is the system clock. In the demo and in tests it can be pinned with SAMMEN_NOW:
// the clock then shows that instant when the process first reads it (at start-up) and runs on in
// real time from there, so that order, idle timeouts and retries still behave as they do in
// production. Durations
// and timeouts that are about the machine, not the calendar (request timing, retry back-off,
// rate-limit windows, OpenID Connect token lifetimes checked by the libraries), use the system
// clock or performance.now() directly.
import { isDemo } from './config';

/** An ISO 8601 instant with a UTC offset: 2026-11-20T10:00:00+01:00, 2026-11-20T09:00:00Z. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class ClockConfigError extends Error {
	override name = 'ClockConfigError';
}

/**
 * Reads SAMMEN_NOW: null when unset (the system clock), the pinned instant when valid. Refuses a
 * value that is not an instant with an offset (a bare date is ambiguous across time zones) and
 * refuses any value in production, where only the system clock may say what time it is.
 */
export function pinnedInstant(
	value: string | undefined,
	options: { production: boolean }
): Date | null {
	const text = value?.trim() ?? '';
	if (text === '') return null;
	if (options.production) {
		throw new ClockConfigError(
			'SAMMEN_NOW is set, but production always runs on the system clock: unset it (it is for the demo and tests).'
		);
	}
	const instant = new Date(text);
	if (!INSTANT.test(text) || Number.isNaN(instant.getTime())) {
		throw new ClockConfigError(
			`SAMMEN_NOW must be an ISO 8601 instant with a UTC offset, such as 2026-11-20T10:00:00+01:00; got "${text}".`
		);
	}
	// Date accepts 2026-02-30 and rolls it over: check that the calendar date survived parsing.
	const [datePart = ''] = text.split('T');
	const offsetMatch = /(Z|[+-]\d{2}:\d{2})$/.exec(text);
	const offset = offsetMatch?.[1] === 'Z' || !offsetMatch ? '+00:00' : offsetMatch[1]!;
	const sign = offset.startsWith('-') ? -1 : 1;
	const offsetMs = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
	const local = new Date(instant.getTime() + offsetMs).toISOString().slice(0, 10);
	if (local !== datePart) {
		throw new ClockConfigError(`SAMMEN_NOW names a day that does not exist: "${text}".`);
	}
	return instant;
}

export interface Clock {
	/** The current instant. */
	now(): Date;
	/** The pinned start, or null on the system clock. */
	readonly pinnedAt: Date | null;
}

/** A clock that starts at `start` (when given) and runs on in real time; the system clock if not. */
export function createClock(start: Date | null, realNow: () => number = Date.now): Clock {
	if (!start) return { now: () => new Date(realNow()), pinnedAt: null };
	const offset = start.getTime() - realNow();
	return { now: () => new Date(realNow() + offset), pinnedAt: start };
}

let clock: Clock | undefined;

function theClock(): Clock {
	// Read once, on first use: the value cannot change while the process runs. Only production
	// without the demo refuses it, so that a demo image (DEMO=1) can still show a chosen day.
	clock ??= createClock(pinnedInstant(process.env.SAMMEN_NOW, { production: !isDemo() }), Date.now);
	return clock;
}

/** Now, by the application's clock. */
export function now(): Date {
	return theClock().now();
}

/** The instant SAMMEN_NOW pinned the clock to, or null on the system clock. */
export function clockPinnedAt(): Date | null {
	return theClock().pinnedAt;
}

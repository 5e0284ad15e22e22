// Rate limits for the login endpoints, so that nobody can hammer the identity broker through us
// or probe the callback. On PostgreSQL every app node counts in the same rows
// (rate-limit-store.ts); on PGlite, the one process counts in memory.
import type { RequestEvent } from '@sveltejs/kit';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedRateLimiter } from '../rate-limit-store';

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

function loginLimitPerMinute(): number {
	const raw = process.env.LOGIN_RATE_LIMIT_PER_MINUTE?.trim();
	if (!raw) return 20;
	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) {
		throw new Error(`LOGIN_RATE_LIMIT_PER_MINUTE must be a positive integer, not "${raw}"`);
	}
	return value;
}

export function createRateLimiter(options: {
	keyPrefix: string;
	points: number;
	durationSeconds: number;
}): RateLimiterMemory {
	return new RateLimiterMemory({
		keyPrefix: options.keyPrefix,
		points: options.points,
		duration: options.durationSeconds
	});
}

let loginLimiters: { start: RateLimiterAbstract; callback: RateLimiterAbstract } | undefined;

/**
 * Per client address, LOGIN_RATE_LIMIT_PER_MINUTE (default 20) each for starting a login and for
 * the broker's callback. Separate budgets, since one honest login uses one of each. Made at first
 * use, when the database (and with it the shared store) is open.
 */
export function loginRateLimit() {
	loginLimiters ??= {
		start: sharedRateLimiter({
			keyPrefix: 'login-start',
			points: loginLimitPerMinute(),
			durationSeconds: 60
		}),
		callback: sharedRateLimiter({
			keyPrefix: 'login-callback',
			points: loginLimitPerMinute(),
			durationSeconds: 60
		})
	};
	return loginLimiters;
}

/** Spends one point for `key`; refused with the seconds until the window frees up. */
export async function checkRateLimit(
	limiter: RateLimiterAbstract,
	key: string
): Promise<RateLimitResult> {
	try {
		await limiter.consume(key);
		return { ok: true };
	} catch (rejection) {
		// consume() rejects with a RateLimiterRes when the limit is reached, and with an Error only
		// when the store fails (the database is gone): not a refusal, and answered as its error.
		if (rejection instanceof RateLimiterRes) {
			return {
				ok: false,
				retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
			};
		}
		throw rejection;
	}
}

/**
 * The client's address as the key for limits. adapter-node reads it from the socket, or, behind a
 * trusted reverse proxy, from the header named by ADDRESS_HEADER (with XFF_DEPTH for
 * X-Forwarded-For); without that configuration every client would share the proxy's address.
 */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		// Some environments (e.g. a prerender or an adapter without addresses) cannot tell; one
		// shared bucket is the safe fallback.
		return 'unknown';
	}
}

/** A 429 answer with Retry-After and a short bilingual text; cached by nobody. */
export function tooManyRequests(retryAfterSeconds: number): Response {
	const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
	const body =
		`For mange forsøg. Prøv igen om ${seconds} sekunder.\n` +
		`Too many attempts. Please try again in ${seconds} seconds.\n`;
	return new Response(body, {
		status: 429,
		headers: {
			'Retry-After': String(seconds),
			'Content-Type': 'text/plain; charset=utf-8',
			'Cache-Control': 'no-store'
		}
	});
}

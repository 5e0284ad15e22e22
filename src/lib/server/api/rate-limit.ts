// A brake per API key: API_RATE_LIMIT_PER_MINUTE requests a minute (default 600), counted in this
// process's memory. With several app nodes each node counts on its own, so the effective limit is
// N times the setting (README, limitations); a shared store (rate-limiter-flexible's Postgres
// limiter) would make it exact at the cost of a write per request.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export function rateLimitPerMinute(value = process.env.API_RATE_LIMIT_PER_MINUTE): number {
	const parsed = Number(value);
	return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_RATE_LIMIT_PER_MINUTE;
}

let limiter: RateLimiterMemory | undefined;

function apiLimiter(): RateLimiterMemory {
	limiter ??= new RateLimiterMemory({ points: rateLimitPerMinute(), duration: 60 });
	return limiter;
}

/** Counts one request for the key; returns null when allowed, else the seconds to wait. */
export async function consumeApiRequest(
	keyId: string,
	target: RateLimiterMemory = apiLimiter()
): Promise<number | null> {
	try {
		await target.consume(keyId);
		return null;
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) {
			return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
		}
		throw rejection;
	}
}

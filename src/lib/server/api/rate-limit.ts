// A brake per API key: API_RATE_LIMIT_PER_MINUTE requests a minute (default 600). On PostgreSQL
// every app node counts in the same rows (rate-limit-store.ts), at the cost of one upsert per
// request; on PGlite the one process counts in memory.
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedRateLimiter } from '../rate-limit-store';

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 600;

export function rateLimitPerMinute(value = process.env.API_RATE_LIMIT_PER_MINUTE): number {
	const parsed = Number(value);
	return Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_RATE_LIMIT_PER_MINUTE;
}

let limiter: RateLimiterAbstract | undefined;

/** Made at first use, when the database (and with it the shared store) is open. */
function apiLimiter(): RateLimiterAbstract {
	limiter ??= sharedRateLimiter({
		keyPrefix: 'api-key',
		points: rateLimitPerMinute(),
		durationSeconds: 60
	});
	return limiter;
}

/** Counts one request for the key; returns null when allowed, else the seconds to wait. */
export async function consumeApiRequest(
	keyId: string,
	target: RateLimiterAbstract = apiLimiter()
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

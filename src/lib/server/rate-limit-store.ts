// Where the rate limits count (login: auth/rate-limit.ts, API: api/rate-limit.ts). On PostgreSQL
// the counters are rows of rate_limits, shared by every app node, so N nodes behind a load balancer
// allow the limit once, not N times, and a restart does not reset them; rate-limiter-flexible's
// Postgres limiter does the counting (one upsert per request). On PGlite the app is one process by
// design (the data directory is locked to it), and counting in memory is exact.
import {
	RateLimiterMemory,
	RateLimiterPostgres,
	type RateLimiterAbstract
} from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import { databasePool } from './db';

export interface LimiterOptions {
	keyPrefix: string;
	points: number;
	durationSeconds: number;
}

export function sharedRateLimiter(
	options: LimiterOptions,
	pool: Pool | null = databasePool()
): RateLimiterAbstract {
	if (!pool) {
		return new RateLimiterMemory({
			keyPrefix: options.keyPrefix,
			points: options.points,
			duration: options.durationSeconds
		});
	}
	return new RateLimiterPostgres({
		storeClient: pool,
		storeType: 'pool',
		tableName: 'rate_limits',
		// The migration made it (migrations/20261207T1600_rate_limits.ts).
		tableCreated: true,
		// Rows that ended an hour ago are deleted every 5 minutes.
		clearExpiredByTimeout: true,
		keyPrefix: options.keyPrefix,
		points: options.points,
		duration: options.durationSeconds
	});
}

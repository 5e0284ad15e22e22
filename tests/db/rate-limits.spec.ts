// The rate limits' shared store (src/lib/server/rate-limit-store.ts): on PostgreSQL two app nodes
// count in the same rows, so together they allow the limit once; on PGlite the one process
// counts in memory.
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedRateLimiter } from '../../src/lib/server/rate-limit-store';
import { openTestDatabase, testDialects, type TestDatabase } from './helpers';

describe.each(testDialects())('the rate limits on %s', (dialect) => {
	let t: TestDatabase;
	beforeAll(async () => {
		t = await openTestDatabase(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it('allows the limit once across app nodes, per key', async () => {
		const options = { keyPrefix: 'test-api', points: 3, durationSeconds: 60 };
		const pool = t.pool ?? null;
		const nodeA = sharedRateLimiter(options, pool);
		const nodeB = sharedRateLimiter(options, pool);
		expect(nodeA).toBeInstanceOf(dialect === 'postgres' ? RateLimiterPostgres : RateLimiterMemory);
		if (dialect === 'pglite') return;
		await nodeA.consume('key-1');
		await nodeB.consume('key-1');
		await nodeA.consume('key-1');
		const refused = await nodeB.consume('key-1').catch((rejection: unknown) => rejection);
		expect(refused).toBeInstanceOf(RateLimiterRes);
		expect((refused as RateLimiterRes).msBeforeNext).toBeGreaterThan(0);
		// Another key has its own budget.
		await expect(nodeB.consume('key-2')).resolves.toBeInstanceOf(RateLimiterRes);
		const rows = await t.db.selectFrom('rate_limits').select(['key', 'points']).execute();
		expect(rows).toContainEqual({ key: 'test-api:key-1', points: 4 });
	});
});

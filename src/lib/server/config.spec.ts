import { afterEach, describe, expect, it } from 'vitest';
import { databasePoolSize } from './config';

describe('databasePoolSize', () => {
	const saved = process.env.DATABASE_POOL_SIZE;
	afterEach(() => {
		if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
		else process.env.DATABASE_POOL_SIZE = saved;
	});

	it('is 10 unless DATABASE_POOL_SIZE names a positive whole number', () => {
		delete process.env.DATABASE_POOL_SIZE;
		expect(databasePoolSize()).toBe(10);
		process.env.DATABASE_POOL_SIZE = '30';
		expect(databasePoolSize()).toBe(30);
		for (const wrong of ['0', '-5', '2.5', 'many']) {
			process.env.DATABASE_POOL_SIZE = wrong;
			expect(databasePoolSize(), wrong).toBe(10);
		}
	});
});

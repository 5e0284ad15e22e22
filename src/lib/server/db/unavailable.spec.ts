import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

describe('isDatabaseUnavailable', () => {
	it('knows a database that is down, restarting or out of connections', () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
			code: 'ECONNREFUSED'
		});
		expect(isDatabaseUnavailable(refused)).toBe(true);
		expect(isDatabaseUnavailable(Object.assign(new Error('terminating'), { code: '57P01' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(Object.assign(new Error('starting'), { code: '57P03' }))).toBe(
			true
		);
		expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
		expect(
			isDatabaseUnavailable(new Error('wrapped', { cause: new Error('Connection terminated') }))
		).toBe(true);
	});

	it('leaves faults in a query to the error page', () => {
		expect(isDatabaseUnavailable(Object.assign(new Error('syntax'), { code: '42601' }))).toBe(
			false
		);
		expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: '23505' }))).toBe(
			false
		);
		expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
		expect(isDatabaseUnavailable(null)).toBe(false);
		expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
	});
});

// The logger's settings: JSON with an ISO time and a level name, the request id of the request
// being served, and sensitive fields redacted even when a caller logs them by mistake.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
	createLogger,
	currentRequestId,
	errorFields,
	withRequestContext
} from '../../src/lib/server/log';

function capture() {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk, _encoding, done) {
			lines.push(JSON.parse(String(chunk)));
			done();
		}
	});
	return { logger: createLogger(stream), lines };
}

describe('the logger', () => {
	it('writes JSON with an ISO time, a level name and the service', () => {
		const { logger, lines } = capture();
		logger.info({ count: 3 }, 'hello');
		expect(lines).toHaveLength(1);
		const [line] = lines;
		expect(line).toMatchObject({ level: 'info', msg: 'hello', count: 3, service: 'sammen' });
		expect(new Date(String(line!.time)).toISOString()).toBe(line!.time);
	});

	it('adds the request id inside a request, and nothing outside one', async () => {
		const { logger, lines } = capture();
		await withRequestContext({ requestId: 'req-12345678' }, async () => {
			await new Promise((resolve) => setTimeout(resolve, 1));
			expect(currentRequestId()).toBe('req-12345678');
			logger.info('inside');
		});
		logger.info('outside');
		expect(currentRequestId()).toBeNull();
		expect(lines[0]).toMatchObject({ msg: 'inside', requestId: 'req-12345678' });
		expect(lines[1]).not.toHaveProperty('requestId');
	});

	it('redacts CPR numbers, tokens, cookies, e-mail addresses, phone numbers and names', () => {
		const { logger, lines } = capture();
		logger.warn(
			{
				cpr: '120390-0001',
				token: 'secret-token',
				email: 'maja.jensen@example.com',
				citizen: { name: 'Maja Jensen', phone: '12 34 52 01' },
				request: { headers: { authorization: 'Bearer abc', cookie: 'sammen_session=x' } }
			},
			'oops'
		);
		const text = JSON.stringify(lines[0]);
		for (const secret of [
			'120390-0001',
			'secret-token',
			'maja.jensen@example.com',
			'Maja Jensen',
			'12 34 52 01',
			'Bearer abc',
			'sammen_session=x'
		]) {
			expect(text).not.toContain(secret);
		}
		expect(lines[0]).toMatchObject({ cpr: '[redacted]', citizen: { name: '[redacted]' } });
	});

	it('logs an error by its class, message and stack only, not the values a driver attaches', () => {
		const error = Object.assign(new Error('duplicate key'), { detail: 'Key (email)=(a@b.dk)' });
		const fields = errorFields(error);
		expect(fields.err).toMatchObject({ type: 'Error', message: 'duplicate key' });
		expect(JSON.stringify(fields)).not.toContain('a@b.dk');
		expect(errorFields('plain')).toEqual({ err: { type: 'string', message: 'plain' } });
	});
});

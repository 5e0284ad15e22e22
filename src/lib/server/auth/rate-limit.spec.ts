import { describe, expect, it } from 'vitest';
import { checkRateLimit, createRateLimiter, loginRateLimit, tooManyRequests } from './rate-limit';

describe('checkRateLimit', () => {
	it('allows N calls per window and refuses the next with a positive Retry-After', async () => {
		const limiter = createRateLimiter({ keyPrefix: 'test-n', points: 3, durationSeconds: 60 });
		for (let i = 0; i < 3; i++) {
			expect(await checkRateLimit(limiter, '192.0.2.1')).toEqual({ ok: true });
		}
		const refused = await checkRateLimit(limiter, '192.0.2.1');
		expect(refused.ok).toBe(false);
		if (refused.ok) throw new Error('unreachable');
		expect(refused.retryAfterSeconds).toBeGreaterThan(0);
		expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
	});

	it('counts each key on its own', async () => {
		const limiter = createRateLimiter({ keyPrefix: 'test-keys', points: 1, durationSeconds: 60 });
		expect(await checkRateLimit(limiter, '192.0.2.1')).toEqual({ ok: true });
		expect((await checkRateLimit(limiter, '192.0.2.1')).ok).toBe(false);
		expect(await checkRateLimit(limiter, '192.0.2.2')).toEqual({ ok: true });
	});

	it('gives login start and callback 20 a minute each by default', () => {
		const { start, callback } = loginRateLimit();
		expect(start.points).toBe(20);
		expect(start.duration).toBe(60);
		expect(callback.points).toBe(20);
		expect(start.keyPrefix).not.toBe(callback.keyPrefix);
	});
});

describe('tooManyRequests', () => {
	it('answers 429 with Retry-After and a short bilingual text', async () => {
		const response = tooManyRequests(42);
		expect(response.status).toBe(429);
		expect(response.headers.get('Retry-After')).toBe('42');
		expect(response.headers.get('Cache-Control')).toBe('no-store');
		expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
		const body = await response.text();
		expect(body).toContain('Prøv igen om 42 sekunder');
		expect(body).toContain('try again in 42 seconds');
	});

	it('never asks to wait zero or fractional seconds', () => {
		expect(tooManyRequests(0).headers.get('Retry-After')).toBe('1');
		expect(tooManyRequests(2.1).headers.get('Retry-After')).toBe('3');
	});
});

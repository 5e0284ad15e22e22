import { createHash } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { afterEach, describe, expect, it } from 'vitest';
import {
	INSECURE_COOKIE_NAME,
	SECURE_COOKIE_NAME,
	deleteSessionCookie,
	generateSessionToken,
	readSessionToken,
	sessionIdFromToken,
	sessionLifetimes,
	setSessionCookie
} from './session';

type CookieOptions = Parameters<Cookies['set']>[2];

/** Just enough of SvelteKit's Cookies to see what the session code asks for. */
function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	const calls: { op: 'set' | 'delete'; name: string; value?: string; options: CookieOptions }[] =
		[];
	const cookies = {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set(name: string, value: string, options: CookieOptions) {
			jar.set(name, value);
			calls.push({ op: 'set', name, value, options });
		},
		delete(name: string, options: CookieOptions) {
			jar.delete(name);
			calls.push({ op: 'delete', name, options });
		},
		serialize: () => ''
	} satisfies Cookies;
	return { cookies, calls, jar };
}

describe('session tokens', () => {
	it('are 25 random bytes in lower-case base32 without padding', () => {
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{40}$/);
		// 40 base32 characters carry 200 bits, far above the 120-bit floor.
		expect(token.length * 5).toBeGreaterThanOrEqual(200);
	});

	it('do not repeat', () => {
		const tokens = new Set(Array.from({ length: 1000 }, () => generateSessionToken()));
		expect(tokens.size).toBe(1000);
	});

	it('are stored only as the hex SHA-256 of the token', () => {
		const token = generateSessionToken();
		const id = sessionIdFromToken(token);
		expect(id).toBe(createHash('sha256').update(token, 'utf8').digest('hex'));
		expect(id).toMatch(/^[0-9a-f]{64}$/);
		expect(id).not.toContain(token);
	});
});

describe('session lifetimes', () => {
	afterEach(() => {
		delete process.env.SESSION_IDLE_MINUTES;
		delete process.env.SESSION_MAX_HOURS;
	});

	it('default to 30 minutes idle and 12 hours in all', () => {
		expect(sessionLifetimes()).toEqual({ idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 });
	});

	it('follow the environment and refuse nonsense', () => {
		process.env.SESSION_IDLE_MINUTES = '15';
		process.env.SESSION_MAX_HOURS = '8';
		expect(sessionLifetimes()).toEqual({ idleMs: 15 * 60_000, absoluteMs: 8 * 3_600_000 });
		process.env.SESSION_IDLE_MINUTES = 'soon';
		expect(() => sessionLifetimes()).toThrow(/SESSION_IDLE_MINUTES/);
	});
});

describe('session cookie', () => {
	const now = new Date('2026-12-01T10:00:00Z');
	const expiresAt = new Date(now.getTime() + 12 * 3_600_000);

	it('is __Host- prefixed, Secure, HttpOnly, Lax, Path=/ and without Domain on https', () => {
		const { cookies, calls } = fakeCookies();
		const url = new URL('https://sammen.example/login/callback');
		setSessionCookie(cookies, url, 'token', expiresAt, now);
		expect(calls).toHaveLength(1);
		const [call] = calls;
		expect(call?.name).toBe(SECURE_COOKIE_NAME);
		expect(call?.name).toBe('__Host-sammen_session');
		expect(call?.value).toBe('token');
		expect(call?.options).toEqual({
			path: '/',
			httpOnly: true,
			secure: true,
			sameSite: 'lax',
			maxAge: 12 * 3600
		});
		expect(call?.options).not.toHaveProperty('domain');
		expect(readSessionToken(cookies, url)).toBe('token');
	});

	it('is plain and not Secure only for plain http on this machine (the demo)', () => {
		for (const host of ['localhost', '127.0.0.1', '[::1]']) {
			const { cookies, calls } = fakeCookies();
			const url = new URL(`http://${host}:5173/`);
			setSessionCookie(cookies, url, 'token', expiresAt, now);
			expect(calls[0]?.name).toBe(INSECURE_COOKIE_NAME);
			expect(calls[0]?.options).toMatchObject({
				path: '/',
				httpOnly: true,
				secure: false,
				sameSite: 'lax'
			});
			expect(readSessionToken(cookies, url)).toBe('token');
		}
	});

	it('stays Secure and __Host- on plain http elsewhere', () => {
		const { cookies, calls } = fakeCookies();
		setSessionCookie(cookies, new URL('http://example.com/'), 'token', expiresAt, now);
		expect(calls[0]?.name).toBe(SECURE_COOKIE_NAME);
		expect(calls[0]?.options).toMatchObject({ secure: true, httpOnly: true });
	});

	it('is Secure on https://localhost too', () => {
		const { cookies, calls } = fakeCookies();
		setSessionCookie(cookies, new URL('https://localhost/'), 'token', expiresAt, now);
		expect(calls[0]?.name).toBe(SECURE_COOKIE_NAME);
		expect(calls[0]?.options.secure).toBe(true);
	});

	it('never has a negative max-age', () => {
		const { cookies, calls } = fakeCookies();
		const url = new URL('https://sammen.example/');
		setSessionCookie(cookies, url, 'token', new Date(now.getTime() - 1000), now);
		expect(calls[0]?.options.maxAge).toBe(0);
	});

	it('is read only under the name this origin uses', () => {
		const { cookies } = fakeCookies({ [INSECURE_COOKIE_NAME]: 'planted' });
		expect(readSessionToken(cookies, new URL('https://sammen.example/'))).toBeNull();
		expect(readSessionToken(fakeCookies().cookies, new URL('https://sammen.example/'))).toBeNull();
	});

	it('is deleted with the same name, path and flags', () => {
		const url = new URL('https://sammen.example/logout');
		const { cookies, calls, jar } = fakeCookies({ [SECURE_COOKIE_NAME]: 'token' });
		deleteSessionCookie(cookies, url);
		expect(calls[0]).toMatchObject({
			op: 'delete',
			name: SECURE_COOKIE_NAME,
			options: { path: '/', secure: true, httpOnly: true, sameSite: 'lax' }
		});
		expect(jar.size).toBe(0);
		expect(readSessionToken(cookies, url)).toBeNull();
	});
});

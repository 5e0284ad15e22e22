// Logins through a real OpenID provider (the simulator, started here as an external broker with
// the claim names of Idura, Signicat and NemLog-in) against the built app, over HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import {
	startDemoIdp,
	type ClaimPreset,
	type DemoAccount,
	type RunningDemoIdp
} from '../../src/lib/server/demo-idp/provider';
import { DEMO_CITIZENS, DEMO_STAFF } from '../../src/lib/server/seed/demo-data';
import { CookieBrowser, loginThroughApp } from './oidc-flow';
import { freePort, startServer, type RunningServer } from './server';

const SECRET = 'broker-secret';

const accounts: DemoAccount[] = [
	{ sub: 'maja', name: 'Maja Jensen', cpr: DEMO_CITIZENS['Maja Jensen'], kind: 'citizen' },
	{ sub: 'ny', name: 'Nanna Ny', cpr: '0505050055', kind: 'citizen' },
	{ sub: 'uden-cpr', name: 'Uden Cpr', kind: 'citizen' },
	{ sub: 'lone', name: 'Lone Madsen', email: DEMO_STAFF['Lone Madsen'], kind: 'staff' },
	{ sub: 'fremmed', name: 'Frede Fremmed', email: 'frede@andet.example', kind: 'staff' }
];

interface Setup {
	idp: RunningDemoIdp;
	app: RunningServer;
	appUrl: string;
	dataDir: string;
}

/** A broker and an app that trusts it. `appOrigin` lets the app believe it is served over https. */
async function startPair(
	preset: ClaimPreset,
	options: { env?: Record<string, string>; https?: boolean; misnamedIssuer?: boolean } = {}
): Promise<Setup> {
	const port = await freePort();
	const appUrl = `${options.https ? 'https' : 'http'}://127.0.0.1:${port}`;
	const idpPort = await freePort();
	const idp = await startDemoIdp({
		port: idpPort,
		// A provider that names itself differently from where it is reached.
		issuer: options.misnamedIssuer ? `http://127.0.0.1:${idpPort}/elsewhere` : undefined,
		preset,
		accounts,
		clients: [
			{
				client_id: 'sammen-citizen',
				client_secret: SECRET,
				redirect_uris: [`${appUrl}/auth/citizen/callback`]
			},
			{
				client_id: 'other-service',
				client_secret: SECRET,
				redirect_uris: [`${appUrl}/auth/citizen/callback`]
			},
			{
				client_id: 'sammen-staff',
				client_secret: SECRET,
				redirect_uris: [`${appUrl}/auth/staff/callback`]
			}
		]
	});
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-login-'));
	const app = await startServer({
		port,
		dataDir,
		env: {
			ORIGIN: appUrl,
			CITIZEN_OIDC_PRESET: preset,
			CITIZEN_OIDC_ISSUER: options.misnamedIssuer ? `http://127.0.0.1:${idpPort}` : idp.issuer,
			CITIZEN_OIDC_CLIENT_ID: 'sammen-citizen',
			CITIZEN_OIDC_CLIENT_SECRET: SECRET,
			STAFF_OIDC_ISSUER: idp.issuer,
			STAFF_OIDC_CLIENT_ID: 'sammen-staff',
			STAFF_OIDC_CLIENT_SECRET: SECRET,
			LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
			...options.env
		}
	});
	return { idp, app, appUrl, dataDir };
}

async function stopPair(setup: Setup | undefined) {
	await setup?.app.stop();
	await setup?.idp.close();
	if (setup) fs.rmSync(setup.dataDir, { recursive: true, force: true });
}

async function loggedInAs(browser: CookieBrowser, appUrl: string): Promise<string | null> {
	const response = await browser.go(`${appUrl}/`);
	expect(response.status).toBe(200);
	const html = await response.text();
	return /Logget ind som ([^<]+)</.exec(html)?.[1]?.trim() ?? null;
}

describe.each(['idura', 'signicat', 'nemlogin'] as const)(
	'citizen login with the %s preset',
	(preset) => {
		let setup: Setup;
		beforeAll(async () => {
			setup = await startPair(preset);
		});
		afterAll(async () => {
			await stopPair(setup);
		});

		it('logs a citizen in with a session cookie and says who is logged in', async () => {
			const browser = new CookieBrowser();
			const outcome = await loginThroughApp(browser, setup.appUrl, {
				kind: 'citizen',
				account: 'maja',
				loa: 'substantial'
			});
			expect(outcome.response.status).toBe(303);
			expect(outcome.destination).toBe('/');
			const cookie = outcome.setCookies.find((c) => c.startsWith('sammen_session='));
			expect(cookie).toBeDefined();
			expect(cookie).toMatch(/; HttpOnly/i);
			expect(cookie).toMatch(/; SameSite=Lax/i);
			expect(cookie).toMatch(/; Path=\//i);
			// Twelve hours, less the second the login may have taken.
			expect(cookie).toMatch(/; Max-Age=(43200|43199)\b/i);
			expect(await loggedInAs(browser, setup.appUrl)).toBe('Maja Jensen');
			// The CPR number is in no URL or header of the whole login.
			const cpr = DEMO_CITIZENS['Maja Jensen'].replace('-', '');
			expect(outcome.callbackUrl).not.toContain(cpr);
			expect(outcome.destination).not.toContain(cpr);
		});

		it('creates a citizen at their first login', async () => {
			const browser = new CookieBrowser();
			const outcome = await loginThroughApp(browser, setup.appUrl, {
				kind: 'citizen',
				account: 'ny'
			});
			expect(outcome.destination).toBe('/');
			expect(await loggedInAs(browser, setup.appUrl)).toBe('Nanna Ny');
		});

		it('refuses the low level of assurance with a page that says why', async () => {
			const browser = new CookieBrowser();
			const outcome = await loginThroughApp(browser, setup.appUrl, {
				kind: 'citizen',
				account: 'maja',
				loa: 'low'
			});
			expect(outcome.destination).toBe('/login/afvist?grund=loa_too_low&for=citizen');
			expect(outcome.setCookies.some((c) => c.startsWith('sammen_session='))).toBe(false);
			const page = await browser.go(`${setup.appUrl}${outcome.destination}`);
			expect(await page.text()).toContain('ikke sikkert nok');
			expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
		});

		it('refuses a login without a CPR number', async () => {
			const browser = new CookieBrowser();
			const outcome = await loginThroughApp(browser, setup.appUrl, {
				kind: 'citizen',
				account: 'uden-cpr'
			});
			expect(outcome.destination).toBe('/login/afvist?grund=missing_cpr&for=citizen');
			expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
		});
	}
);

describe.each(['idura', 'signicat', 'nemlogin'] as const)('what the %s login checks', (preset) => {
	let setup: Setup;
	beforeAll(async () => {
		setup = await startPair(preset);
	});
	afterAll(async () => {
		await stopPair(setup);
	});

	it('refuses a callback whose state was changed', async () => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'citizen',
			account: 'maja',
			tamperCallbackUrl: (url) => {
				url.searchParams.set('state', 'forged-state');
				return url;
			}
		});
		expect(outcome.destination).toBe('/login/afvist?grund=failed&for=citizen');
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
	});

	it('refuses an ID token with another nonce', async () => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'citizen',
			account: 'maja',
			tamperAuthorizationUrl: (url) => {
				url.searchParams.set('nonce', 'another-nonce');
				return url;
			}
		});
		expect(outcome.destination).toBe('/login/afvist?grund=failed&for=citizen');
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
	});

	it('refuses a code issued to another client (another audience)', async () => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'citizen',
			account: 'maja',
			tamperAuthorizationUrl: (url) => {
				url.searchParams.set('client_id', 'other-service');
				return url;
			}
		});
		expect(outcome.destination).toBe('/login/afvist?grund=failed&for=citizen');
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
	});

	it('refuses a replayed callback, with and without the login cookie', async () => {
		const browser = new CookieBrowser();
		let loginCookie = '';
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'citizen',
			account: 'maja',
			tamperCallbackUrl: (url) => {
				loginCookie = browser.cookie(setup.appUrl, 'sammen_login_citizen') ?? '';
				return url;
			}
		});
		expect(outcome.destination).toBe('/');
		expect(loginCookie).not.toBe('');

		const attacker = new CookieBrowser();
		const bare = await attacker.go(outcome.callbackUrl);
		expect(bare.headers.get('location')).toBe('/login/afvist?grund=expired&for=citizen');
		attacker.setCookie(setup.appUrl, 'sammen_login_citizen', loginCookie);
		const withCookie = await attacker.go(outcome.callbackUrl);
		expect(withCookie.headers.get('location')).toBe('/login/afvist?grund=failed&for=citizen');
		expect(await loggedInAs(attacker, setup.appUrl)).toBeNull();
	});

	it('ends the session on the server at logout', async () => {
		const browser = new CookieBrowser();
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		const token = browser.cookie(setup.appUrl, 'sammen_session');
		expect(token).toBeTruthy();
		const logout = await browser.go(`${setup.appUrl}/logout`, {
			method: 'POST',
			headers: { origin: setup.appUrl }
		});
		expect(logout.status).toBe(303);
		expect(logout.headers.get('clear-site-data')).toBe('"cache", "storage"');
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
		// The old token is worthless even to someone who kept a copy.
		const copy = new CookieBrowser();
		copy.setCookie(setup.appUrl, 'sammen_session', token!);
		expect(await loggedInAs(copy, setup.appUrl)).toBeNull();
	});

	it('ends the session a browser had when someone logs in again in it', async () => {
		const browser = new CookieBrowser();
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		const first = browser.cookie(setup.appUrl, 'sammen_session');
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		const second = browser.cookie(setup.appUrl, 'sammen_session');
		expect(second).toBeTruthy();
		expect(second).not.toBe(first);
		expect(await loggedInAs(browser, setup.appUrl)).not.toBeNull();
		// The first token, kept by someone who copied it, is worth nothing after the second login.
		const copy = new CookieBrowser();
		copy.setCookie(setup.appUrl, 'sammen_session', first!);
		expect(await loggedInAs(copy, setup.appUrl)).toBeNull();
	});

	it('marks authenticated pages no-store', async () => {
		const browser = new CookieBrowser();
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		const page = await browser.go(`${setup.appUrl}/`);
		expect(page.headers.get('cache-control')).toBe('no-store');
	});

	it('lets known staff in to /staff with their stored role', async () => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'staff',
			account: 'lone'
		});
		expect(outcome.destination).toBe('/staff');
		const page = await browser.go(`${setup.appUrl}/staff`);
		const html = await page.text();
		expect(html).toContain('Lone Madsen');
		expect(html).toContain('sagsbehandler');
		expect(html).toContain('Jobcenter');
	});

	it('refuses staff who are not in the staff table, and creates nothing', async () => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'staff',
			account: 'fremmed'
		});
		expect(outcome.destination).toBe('/login/afvist?grund=unknown_staff&for=staff');
		const page = await browser.go(`${setup.appUrl}${outcome.destination}`);
		expect(await page.text()).toContain('ikke oprettet som medarbejder');
		const staffPage = await browser.go(`${setup.appUrl}/staff`);
		expect(staffPage.status).toBe(303);

		// Look in the app's database itself once it has stopped.
		await setup.app.stop();
		const handle = await connect(setup.app.database);
		try {
			const strangers = await handle.db
				.selectFrom('staff_users')
				.select('id')
				.where('email', '=', 'frede@andet.example')
				.execute();
			expect(strangers).toEqual([]);
			const staffSessions = await sql<{ n: number }>`
				select count(*)::int as n from sessions s join staff_users u on u.id = s.staff_user_id
				where u.email <> ${DEMO_STAFF['Lone Madsen']}`.execute(handle.db);
			expect(staffSessions.rows[0]!.n).toBe(0);
			const refusals = await handle.db
				.selectFrom('audit_events')
				.select('purpose')
				.where('object_type', '=', 'staff_login_refused')
				.execute();
			expect(refusals.map((r) => r.purpose)).toContain('unknown_staff');
		} finally {
			await handle.close();
		}
	});
});

describe('sessions in time, cookies over https, and limits', () => {
	let setup: Setup;
	beforeAll(async () => {
		setup = await startPair('idura', {
			https: true,
			env: {
				SESSION_IDLE_MINUTES: '0.05',
				SESSION_MAX_HOURS: '0.002',
				LOGIN_RATE_LIMIT_PER_MINUTE: '5'
			}
		});
	});
	afterAll(async () => {
		await stopPair(setup);
	});

	const browserFor = () => new CookieBrowser([new URL(setup.appUrl).host]);
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	it('sets a __Host- cookie with Secure when served over https', async () => {
		const browser = browserFor();
		const outcome = await loginThroughApp(browser, setup.appUrl, {
			kind: 'citizen',
			account: 'maja'
		});
		const cookie = outcome.setCookies.find((c) => c.startsWith('__Host-sammen_session='));
		expect(cookie).toBeDefined();
		expect(cookie).toMatch(/; Secure/i);
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).toMatch(/; SameSite=Lax/i);
		expect(cookie).toMatch(/; Path=\//i);
		expect(cookie).not.toMatch(/; Domain=/i);
		expect(outcome.setCookies.some((c) => c.startsWith('sammen_session='))).toBe(false);
	});

	it('ends an idle session after the idle timeout (3 s here)', async () => {
		const browser = browserFor();
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		expect(await loggedInAs(browser, setup.appUrl)).toBe('Maja Jensen');
		await sleep(3500);
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
	});

	it('ends an active session at its absolute lifetime (7.2 s here)', async () => {
		const browser = browserFor();
		await loginThroughApp(browser, setup.appUrl, { kind: 'citizen', account: 'maja' });
		const started = performance.now();
		// Active every second, so only the absolute lifetime can end it.
		while (performance.now() - started < 6000) {
			expect(await loggedInAs(browser, setup.appUrl)).toBe('Maja Jensen');
			await sleep(1000);
		}
		await sleep(Math.max(0, 7600 - (performance.now() - started)));
		expect(await loggedInAs(browser, setup.appUrl)).toBeNull();
	});

	it('answers 429 with Retry-After when logins start too often', async () => {
		// Three logins above used three of the five starts this minute.
		const browser = browserFor();
		const statuses: number[] = [];
		let retryAfter: string | null = null;
		for (let i = 0; i < 4; i++) {
			const response = await browser.go(`${setup.appUrl}/login`);
			statuses.push(response.status);
			if (response.status === 429) retryAfter = response.headers.get('retry-after');
		}
		expect(statuses.slice(0, 2)).toEqual([303, 303]);
		expect(statuses.slice(2)).toEqual([429, 429]);
		expect(Number(retryAfter)).toBeGreaterThan(0);
	});
});

describe('a provider that is not what it says', () => {
	it('refuses to log in when the issuer does not match', async () => {
		const setup = await startPair('idura', { misnamedIssuer: true });
		try {
			const browser = new CookieBrowser();
			const start = await browser.go(`${setup.appUrl}/login`);
			expect(start.status).toBe(303);
			expect(start.headers.get('location')).toBe('/login/afvist?grund=failed&for=citizen');
			// The log line comes through the server's stdout pipe, which may deliver it after the answer.
			await expect
				.poll(() => setup.app.output(), { timeout: 10_000 })
				.toMatch(/Login could not start: .*issuer/i);
		} finally {
			await stopPair(setup);
		}
	});
});

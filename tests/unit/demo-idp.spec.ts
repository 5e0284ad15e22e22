// The MitID simulator as a real OpenID Provider: full authorization code + PKCE logins with
// openid-client for every claim preset, standalone and behind the app's proxy at /demo-idp.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	allowInsecureRequests,
	authorizationCodeGrant,
	buildAuthorizationUrl,
	buildEndSessionUrl,
	calculatePKCECodeChallenge,
	customFetch,
	discovery,
	randomNonce,
	randomPKCECodeVerifier,
	randomState,
	type Configuration
} from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
	citizenSub,
	createDemoIdpFetch,
	demoIdpAccounts,
	getDemoIdp,
	slug,
	staffSub,
	stopDemoIdps
} from '../../src/lib/server/demo-idp/instance';
import {
	PRESETS,
	proxyToDemoIdp,
	startDemoIdp,
	type ClaimPreset,
	type DemoClient,
	type RunningDemoIdp
} from '../../src/lib/server/demo-idp/provider';

const RP = 'http://127.0.0.1:9';
const SECRET = 'test-secret';

function clients(rp: string): DemoClient[] {
	return [
		{
			client_id: 'sammen-citizen',
			client_secret: SECRET,
			redirect_uris: [`${rp}/auth/citizen/callback`],
			post_logout_redirect_uris: [`${rp}/`]
		},
		{
			client_id: 'sammen-staff',
			client_secret: SECRET,
			redirect_uris: [`${rp}/auth/staff/callback`],
			post_logout_redirect_uris: [`${rp}/`],
			token_endpoint_auth_method: 'client_secret_basic'
		}
	];
}

/**
 * A browser's cookie handling, reduced to what the flow needs: names, values and paths (the
 * simulator's short cookies are limited to one interaction's or one resume's path).
 */
class CookieJar {
	private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

	store(response: Response, url: string): void {
		for (const header of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const pathAttribute = attributes
				.map((a) => a.trim())
				.find((a) => a.toLowerCase().startsWith('path='));
			const path = pathAttribute?.slice('path='.length) || defaultPath(url);
			const key = `${name};${path}`;
			const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
			if (expired || value === '') this.cookies.delete(key);
			else this.cookies.set(key, { name, value, path });
		}
	}

	header(url: string): string {
		const { pathname } = new URL(url);
		return [...this.cookies.values()]
			.filter(({ path }) => pathMatches(pathname, path))
			.sort((a, b) => b.path.length - a.path.length)
			.map(({ name, value }) => `${name}=${value}`)
			.join('; ');
	}

	names(): string[] {
		return [...this.cookies.values()].map(({ name }) => name);
	}
}

function defaultPath(url: string): string {
	const { pathname } = new URL(url);
	const slash = pathname.lastIndexOf('/');
	return slash > 0 ? pathname.slice(0, slash) : '/';
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
	if (requestPath === cookiePath) return true;
	if (!requestPath.startsWith(cookiePath)) return false;
	return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

async function browse(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers);
	const cookie = jar.header(url);
	if (cookie) headers.set('cookie', cookie);
	const response = await fetch(url, { ...init, headers, redirect: 'manual' });
	jar.store(response, url);
	return response;
}

function locationOf(response: Response, base: string): string {
	const location = response.headers.get('location');
	expect(location, `redirect from ${base} (status ${response.status})`).toBeTruthy();
	return new URL(location ?? '', base).href;
}

interface LoginResult {
	config: Configuration;
	jar: CookieJar;
	claims: Record<string, unknown>;
	idToken: string;
	loginPage: string;
}

interface LoginOptions {
	/** The browser's cookies, shared across logins; default: a fresh browser. */
	jar?: CookieJar;
	/** 'login' as the app sends it: always ask, even with a simulator session. */
	prompt?: string;
}

/**
 * Follows the simulator's answers as a browser does: redirects, and the page whose script posts a
 * form at once (oidc-provider ends the old session that way when another person logs in).
 */
async function followToRedirectUri(jar: CookieJar, start: string, redirectUri: string) {
	let url = start;
	for (let hop = 0; hop < 8 && !url.startsWith(redirectUri); hop++) {
		const next = await browse(jar, url);
		if (next.status === 200) {
			const html = await next.text();
			const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
			expect(action, `auto-submitted form at ${url}: ${html.slice(0, 400)}`).toBeTruthy();
			const inputs = new URLSearchParams();
			for (const [, name = '', value = ''] of html.matchAll(
				/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g
			)) {
				inputs.set(name, value);
			}
			const posted = await browse(jar, new URL(action ?? '', url).href, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: inputs.toString()
			});
			expect([302, 303]).toContain(posted.status);
			url = locationOf(posted, url);
			continue;
		}
		if (![302, 303].includes(next.status)) {
			expect.fail(`${url}: ${next.status} ${(await next.text()).replace(/\s+/g, ' ')}`);
		}
		url = locationOf(next, url);
	}
	expect(url.startsWith(redirectUri), `ended at ${url}`).toBe(true);
	return url;
}

/**
 * Logs in from the start: authorization request, the simulator's page, a click on a person with a
 * level, and back to the redirect URI, where openid-client redeems the code.
 */
async function login(
	issuer: string,
	clientId: string,
	redirectUri: string,
	form: Record<string, string>,
	scope: string,
	options: LoginOptions = {}
): Promise<LoginResult> {
	const config: Configuration = await discovery(new URL(issuer), clientId, SECRET, undefined, {
		execute: [allowInsecureRequests]
	});
	const pkceCodeVerifier = randomPKCECodeVerifier();
	const expectedState = randomState();
	const expectedNonce = randomNonce();
	const authorizationUrl = buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope,
		code_challenge: await calculatePKCECodeChallenge(pkceCodeVerifier),
		code_challenge_method: 'S256',
		state: expectedState,
		nonce: expectedNonce,
		...(options.prompt ? { prompt: options.prompt } : {})
	});

	const jar = options.jar ?? new CookieJar();
	const start = await browse(jar, authorizationUrl.href);
	expect(start.status).toBe(303);
	const pageUrl = locationOf(start, authorizationUrl.href);
	const page = await browse(jar, pageUrl);
	expect(page.status).toBe(200);
	const loginPage = await page.text();

	const action = /<form method="post" action="([^"]+\/login)"/.exec(loginPage)?.[1];
	expect(action).toBeTruthy();
	const submitted = await browse(jar, new URL(action ?? '', pageUrl).href, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString()
	});
	expect(submitted.status).toBe(303);

	// Resume at the authorization endpoint, which redirects to the client with the code.
	const url = await followToRedirectUri(jar, locationOf(submitted, pageUrl), redirectUri);
	expect(new URL(url).searchParams.get('error')).toBeNull();

	const tokens = await authorizationCodeGrant(config, new URL(url), {
		pkceCodeVerifier,
		expectedState,
		expectedNonce
	});
	const claims = tokens.claims();
	expect(claims).toBeDefined();
	expect(tokens.id_token).toBeTruthy();
	return {
		config,
		jar,
		claims: claims as Record<string, unknown>,
		idToken: tokens.id_token ?? '',
		loginPage
	};
}

function decodePayload(jwt: string): Record<string, unknown> {
	const payload = jwt.split('.')[1] ?? '';
	return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

const accounts = demoIdpAccounts();
const maja = citizenSub('Maja Jensen');
const henrik = citizenSub('Henrik Hansen');
const lone = staffSub('Lone Madsen');

/**
 * One browser, two logins with prompt=login as the app sends them: the app logged out locally in
 * between, so the simulator's session cookie from the first login is still there.
 */
async function twoLoginsInOneBrowser(
	issuer: string,
	redirectUri: string,
	cprClaim: string,
	scope: string,
	second: { sub: string; cpr: string }
): Promise<void> {
	const jar = new CookieJar();
	const first = await login(
		issuer,
		'sammen-citizen',
		redirectUri,
		{ account: maja, loa: 'substantial' },
		scope,
		{ jar, prompt: 'login' }
	);
	expect(first.claims.sub).toBe(maja);
	expect(first.claims[cprClaim]).toBe('120390-0001');
	expect(jar.names()).toContain('demo_idp_session');

	const again = await login(
		issuer,
		'sammen-citizen',
		redirectUri,
		{ account: second.sub, loa: 'high' },
		scope,
		{ jar, prompt: 'login' }
	);
	// prompt=login: the page is shown again, not skipped thanks to the session.
	expect(again.loginPage).toContain('Log ind som Henrik Hansen');
	expect(again.claims.sub).toBe(second.sub);
	expect(again.claims[cprClaim]).toBe(second.cpr);
}

const expected: Record<ClaimPreset, { cpr: string; loa: string; high: string }> = {
	demo: { cpr: 'cprNumberIdentifier', loa: 'acr', high: 'urn:grn:authn:dk:mitid:high' },
	idura: { cpr: 'cprNumberIdentifier', loa: 'acr', high: 'urn:grn:authn:dk:mitid:high' },
	signicat: { cpr: 'nin', loa: 'mitid_loa', high: 'high' },
	nemlogin: {
		cpr: 'https://data.gov.dk/model/core/eid/cprNumber',
		loa: 'https://data.gov.dk/concept/core/nsis/loa',
		high: 'https://data.gov.dk/concept/core/nsis/loa/High'
	}
};

describe('demo accounts', () => {
	it('derives stable subjects from the seed names', () => {
		expect(maja).toBe('demo-citizen-maja-jensen');
		expect(lone).toBe('demo-staff-lone-madsen');
		expect(slug('Søren Ærø Ångström')).toBe('soeren-aeroe-aangstrom');
		expect(accounts.find((a) => a.sub === maja)).toMatchObject({ cpr: '120390-0001' });
		expect(accounts.find((a) => a.sub === lone)).toMatchObject({
			email: 'lone.madsen@sammen-kommune.example',
			kind: 'staff'
		});
	});
});

describe.each(['demo', 'idura', 'signicat', 'nemlogin'] as const)('preset %s', (preset) => {
	let idp: RunningDemoIdp;

	beforeAll(async () => {
		idp = await startDemoIdp({ clients: clients(RP), accounts, preset });
	});
	afterAll(async () => {
		await idp.close();
	});

	it('puts the CPR number and the chosen level of assurance in the ID token', async () => {
		const { claims, idToken, loginPage } = await login(
			idp.issuer,
			'sammen-citizen',
			`${RP}/auth/citizen/callback`,
			{ account: maja, loa: 'high' },
			'openid profile ssn mitid'
		);
		const names = expected[preset];
		const payload = decodePayload(idToken);
		expect(payload.sub).toBe(maja);
		expect(payload.name).toBe('Maja Jensen');
		expect(payload[names.cpr]).toBe('120390-0001');
		expect(payload[names.loa]).toBe(names.high);
		expect(claims[names.cpr]).toBe('120390-0001');
		expect(PRESETS[preset].loa).toBe(names.loa);

		// The citizen page shows citizens and the level choice, not staff.
		expect(loginPage).toContain('Log ind som Maja Jensen');
		expect(loginPage).not.toContain('Log ind som Lone Madsen');
		expect(loginPage).toMatch(/value="substantial"[^>]*checked/);
	});

	it('states the level even when the client asks only for openid', async () => {
		const { claims } = await login(
			idp.issuer,
			'sammen-citizen',
			`${RP}/auth/citizen/callback`,
			{ account: maja, loa: 'low' },
			'openid'
		);
		expect(claims[expected[preset].loa]).toBe(PRESETS[preset].values.low);
		// Only NemLog-in releases the CPR number without a scope for it.
		expect(claims[expected[preset].cpr]).toBe(preset === 'nemlogin' ? '120390-0001' : undefined);
	});

	it("answers the scopes the app's login code asks this broker for", async () => {
		const scope = {
			demo: 'openid profile ssn',
			idura: 'openid ssn',
			signicat: 'openid profile nin',
			nemlogin: 'openid profile'
		}[preset];
		const { claims } = await login(
			idp.issuer,
			'sammen-citizen',
			`${RP}/auth/citizen/callback`,
			{ account: maja, loa: 'substantial' },
			scope
		);
		expect(claims[expected[preset].cpr]).toBe('120390-0001');
		expect(claims[expected[preset].loa]).toBe(PRESETS[preset].values.substantial);
	});

	it('logs in a second, different person in the same browser with prompt=login', async () => {
		await twoLoginsInOneBrowser(
			idp.issuer,
			`${RP}/auth/citizen/callback`,
			expected[preset].cpr,
			'openid profile ssn',
			{ sub: henrik, cpr: '220278-0004' }
		);
	});

	it('logs in the same person again in the same browser with prompt=login', async () => {
		await twoLoginsInOneBrowser(
			idp.issuer,
			`${RP}/auth/citizen/callback`,
			expected[preset].cpr,
			'openid profile ssn',
			{ sub: maja, cpr: '120390-0001' }
		);
	});

	it('gives staff their e-mail address and no CPR number or level', async () => {
		const { claims, loginPage } = await login(
			idp.issuer,
			'sammen-staff',
			`${RP}/auth/staff/callback`,
			{ account: lone },
			'openid profile email'
		);
		expect(claims).toMatchObject({
			sub: lone,
			name: 'Lone Madsen',
			email: 'lone.madsen@sammen-kommune.example'
		});
		expect(claims[expected[preset].cpr]).toBeUndefined();
		expect(claims[expected[preset].loa]).toBeUndefined();
		expect(claims.acr).toBeUndefined();
		expect(loginPage).toContain('Log ind som Lone Madsen');
		expect(loginPage).not.toContain('Log ind som Maja Jensen');
	});
});

describe('login page', () => {
	let idp: RunningDemoIdp;

	beforeAll(async () => {
		idp = await startDemoIdp({ clients: clients(RP), accounts, preset: 'demo' });
	});
	afterAll(async () => {
		await idp.close();
	});

	async function openLoginPage(): Promise<{ jar: CookieJar; pageUrl: string; html: string }> {
		const config = await discovery(new URL(idp.issuer), 'sammen-citizen', SECRET, undefined, {
			execute: [allowInsecureRequests]
		});
		const url = buildAuthorizationUrl(config, {
			redirect_uri: `${RP}/auth/citizen/callback`,
			scope: 'openid',
			code_challenge: await calculatePKCECodeChallenge(randomPKCECodeVerifier()),
			code_challenge_method: 'S256',
			state: randomState()
		});
		const jar = new CookieJar();
		const start = await browse(jar, url.href);
		const pageUrl = locationOf(start, url.href);
		const page = await browse(jar, pageUrl);
		expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
		expect(page.headers.get('cache-control')).toBe('no-store');
		return { jar, pageUrl, html: await page.text() };
	}

	it('is a Danish, labelled page with a demo banner and a fieldset for the level', async () => {
		const { html } = await openLoginPage();
		expect(html).toContain('<html lang="da">');
		expect(html).toMatch(/<title>[^<]+<\/title>/);
		expect(html).toMatch(/<h1>[^<]+<\/h1>/);
		expect(html).toContain('DEMO – MitID-simulator, ikke rigtig MitID');
		expect(html).toMatch(/<fieldset>\s*<legend>Sikringsniveau<\/legend>/);
		for (const level of ['Lav', 'Betydelig', 'Høj']) {
			expect(html).toMatch(new RegExp(`<label for="loa-[a-z]+">${level}</label>`));
		}
		expect(html).toContain('<h2>Borgere</h2>');
		expect(html).toContain('Afbryd');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<style');
		expect(html).not.toContain('style=');

		const css = await fetch(new URL('/assets/idp.css', idp.url));
		expect(css.headers.get('content-type')).toContain('text/css');
		expect(await css.text()).toContain(':focus-visible');
	});

	it('refuses an unknown person and a missing level, and cancels with access_denied', async () => {
		const { jar, pageUrl, html } = await openLoginPage();
		const base = pageUrl.replace(/\/$/, '');
		const post = (path: string, body: Record<string, string>) =>
			browse(jar, `${base}${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(body).toString()
			});

		const unknown = await post('/login', { account: '<script>', loa: 'high' });
		expect(unknown.status).toBe(400);
		const unknownHtml = await unknown.text();
		expect(unknownHtml).toContain('role="alert"');
		expect(unknownHtml).not.toContain('<script>');

		const staffAtCitizenClient = await post('/login', { account: lone, loa: 'high' });
		expect(staffAtCitizenClient.status).toBe(400);

		const noLevel = await post('/login', { account: maja });
		expect(noLevel.status).toBe(400);
		expect(await noLevel.text()).toContain('Vælg et sikringsniveau');

		expect(html).toContain('/abort');
		const aborted = await post('/abort', {});
		expect(aborted.status).toBe(303);
		let url = locationOf(aborted, pageUrl);
		const resumed = await browse(jar, url);
		url = locationOf(resumed, url);
		const callback = new URL(url);
		expect(callback.origin + callback.pathname).toBe(`${RP}/auth/citizen/callback`);
		expect(callback.searchParams.get('error')).toBe('access_denied');
	});

	it('answers a stale interaction with a clear page, not a crash', async () => {
		const response = await fetch(new URL('/interaction/unknown-uid', idp.url));
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('Login er udløbet');
	});
});

describe('behind the app at /demo-idp', () => {
	let app: Server;
	let idp: RunningDemoIdp;
	let origin: string;

	// A stand-in for the SvelteKit route: turn the node request into a web Request and proxy it.
	async function toRequest(req: IncomingMessage): Promise<Request> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const headers = new Headers();
		for (const [name, value] of Object.entries(req.headers)) {
			if (typeof value === 'string') headers.set(name, value);
			else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
		}
		const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
		return new Request(new URL(req.url ?? '/', origin), {
			method: req.method,
			headers,
			body: hasBody ? Buffer.concat(chunks) : undefined
		});
	}

	beforeAll(async () => {
		app = createServer((req, res) => {
			void (async () => {
				if (!req.url?.startsWith('/demo-idp')) {
					res.statusCode = 404;
					res.end();
					return;
				}
				const response = await proxyToDemoIdp(await toRequest(req), idp);
				res.statusCode = response.status;
				response.headers.forEach((value, name) => {
					if (name !== 'set-cookie') res.setHeader(name, value);
				});
				const cookies = response.headers.getSetCookie();
				if (cookies.length) res.setHeader('set-cookie', cookies);
				res.end(Buffer.from(await response.arrayBuffer()));
			})();
		});
		await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
		idp = await startDemoIdp({
			issuer: `${origin}/demo-idp`,
			mountPath: '/demo-idp',
			clients: clients(origin),
			accounts,
			preset: 'idura'
		});
	});
	afterAll(async () => {
		await idp.close();
		await new Promise<void>((resolve) => app.close(() => resolve()));
	});

	it('publishes endpoints under the public URL and completes a login', async () => {
		const metadata = (await (
			await fetch(`${origin}/demo-idp/.well-known/openid-configuration`)
		).json()) as Record<string, unknown>;
		expect(metadata.issuer).toBe(`${origin}/demo-idp`);
		expect(metadata.authorization_endpoint).toBe(`${origin}/demo-idp/auth`);
		expect(metadata.token_endpoint).toBe(`${origin}/demo-idp/token`);
		expect(metadata.end_session_endpoint).toBe(`${origin}/demo-idp/session/end`);
		expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
		expect(metadata.response_types_supported).toEqual(['code']);

		const { claims, loginPage } = await login(
			`${origin}/demo-idp`,
			'sammen-citizen',
			`${origin}/auth/citizen/callback`,
			{ account: maja, loa: 'substantial' },
			'openid profile ssn'
		);
		expect(claims).toMatchObject({
			iss: `${origin}/demo-idp`,
			sub: maja,
			cprNumberIdentifier: '120390-0001',
			acr: 'urn:grn:authn:dk:mitid:substantial'
		});
		expect(loginPage).toContain('href="/demo-idp/assets/idp.css"');
		expect(loginPage).toContain('action="/demo-idp/interaction/');
	});

	it('logs in a second, different person in the same browser with prompt=login', async () => {
		await twoLoginsInOneBrowser(
			`${origin}/demo-idp`,
			`${origin}/auth/citizen/callback`,
			'cprNumberIdentifier',
			'openid profile ssn',
			{ sub: henrik, cpr: '220278-0004' }
		);
	});

	it('logs in the same person again in the same browser with prompt=login', async () => {
		await twoLoginsInOneBrowser(
			`${origin}/demo-idp`,
			`${origin}/auth/citizen/callback`,
			'cprNumberIdentifier',
			'openid profile ssn',
			{ sub: maja, cpr: '120390-0001' }
		);
	});

	it('logs out through end_session and returns to the registered URI', async () => {
		const { config, jar, idToken } = await login(
			`${origin}/demo-idp`,
			'sammen-staff',
			`${origin}/auth/staff/callback`,
			{ account: lone },
			'openid profile email'
		);
		const endSession = buildEndSessionUrl(config, {
			id_token_hint: idToken,
			post_logout_redirect_uri: `${origin}/`,
			state: 'bye'
		});
		const page = await browse(jar, endSession.href);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<html lang="da">');
		expect(html).toContain('Log ud af MitID-simulatoren?');
		const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
		const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
		expect(action).toBe(`${origin}/demo-idp/session/end/confirm`);
		const confirmed = await browse(jar, action ?? '', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ xsrf: xsrf ?? '', logout: 'yes' }).toString()
		});
		expect(confirmed.status).toBe(303);
		expect(confirmed.headers.get('location')).toBe(`${origin}/?state=bye`);
		// The simulator's session cookie is gone, limited to its own path.
		expect(confirmed.headers.getSetCookie().join('\n')).toMatch(
			/demo_idp_session=;.*path=\/demo-idp/
		);
	});

	it('refuses an authorization request without PKCE', async () => {
		const url = new URL(`${origin}/demo-idp/auth`);
		url.search = new URLSearchParams({
			client_id: 'sammen-citizen',
			response_type: 'code',
			scope: 'openid',
			redirect_uri: `${origin}/auth/citizen/callback`
		}).toString();
		const response = await fetch(url, { redirect: 'manual' });
		const location = new URL(response.headers.get('location') ?? '', url);
		expect(location.searchParams.get('error')).toBe('invalid_request');
	});
});

describe('the in-process simulator of the demo', () => {
	const origin = 'http://127.0.0.1:9';

	afterAll(async () => {
		await stopDemoIdps();
	});

	it('starts once per origin and is reachable through its public URL without the network', async () => {
		const first = await getDemoIdp(origin);
		expect(await getDemoIdp(origin)).toBe(first);
		expect(first.issuer).toBe(`${origin}/demo-idp`);

		const config = await discovery(
			new URL(`${origin}/demo-idp`),
			'sammen-citizen',
			'demo-secret',
			undefined,
			{ execute: [allowInsecureRequests], [customFetch]: createDemoIdpFetch(origin) }
		);
		const metadata = config.serverMetadata();
		expect(metadata.issuer).toBe(`${origin}/demo-idp`);
		expect(metadata.token_endpoint).toBe(`${origin}/demo-idp/token`);
		expect(metadata.acr_values_supported).toContain('urn:grn:authn:dk:mitid:substantial');
	});
});

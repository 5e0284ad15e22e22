// A browser reduced to what an OpenID Connect login needs: cookies per origin and redirects
// followed by hand, so each step of a login can be observed or tampered with.
import { expect } from 'vitest';

export class CookieBrowser {
	private readonly jars = new Map<string, Map<string, string>>();

	/** Requests to an https origin that the server behind it only serves on plain http (tests). */
	constructor(private readonly httpsAliases: string[] = []) {}

	private target(url: string): URL {
		const parsed = new URL(url);
		if (parsed.protocol === 'https:' && this.httpsAliases.includes(parsed.host)) {
			parsed.protocol = 'http:';
		}
		return parsed;
	}

	private jar(url: URL): Map<string, string> {
		let jar = this.jars.get(url.host);
		if (!jar) this.jars.set(url.host, (jar = new Map()));
		return jar;
	}

	cookie(url: string, name: string): string | undefined {
		return this.jar(this.target(url)).get(name);
	}

	setCookie(url: string, name: string, value: string): void {
		this.jar(this.target(url)).set(name, value);
	}

	/** Every cookie held for the host of `url`, to hand to a real browser. */
	cookies(url: string): { name: string; value: string }[] {
		return [...this.jar(this.target(url))].map(([name, value]) => ({ name, value }));
	}

	async go(url: string, init: RequestInit = {}): Promise<Response> {
		const target = this.target(url);
		const jar = this.jar(target);
		const headers = new Headers(init.headers);
		if (jar.size) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '));
		// Browsers send Origin with a form post; here every form posts to the page's own origin.
		if (init.method && init.method !== 'GET' && !headers.has('origin')) {
			headers.set('origin', target.origin);
		}
		const response = await fetch(target, { ...init, headers, redirect: 'manual' });
		for (const header of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const gone = attributes.some((a) => /max-age=0\b|expires=Thu, 01 Jan 1970/i.test(a));
			if (gone || value === '') jar.delete(name);
			else jar.set(name, value);
		}
		return response;
	}
}

export function location(response: Response, base: string): string {
	const value = response.headers.get('location');
	expect(value, `a redirect from ${base} (status ${response.status})`).toBeTruthy();
	return new URL(value ?? '', base).href;
}

export interface LoginOptions {
	kind: 'citizen' | 'staff';
	/** The simulator's account id to click, and the level of assurance to choose. */
	account: string;
	loa?: 'low' | 'substantial' | 'high';
	tamperAuthorizationUrl?: (url: URL) => URL;
	tamperCallbackUrl?: (url: URL) => URL;
}

export interface LoginOutcome {
	/** The app's answer to the callback. */
	response: Response;
	/** Where the app sent the browser after the callback. */
	destination: string;
	callbackUrl: string;
	setCookies: string[];
}

/** Logs in through the app as a person would: start, the provider's page, a click, the callback. */
export async function loginThroughApp(
	browser: CookieBrowser,
	appUrl: string,
	options: LoginOptions
): Promise<LoginOutcome> {
	const start = await browser.go(
		`${appUrl}${options.kind === 'citizen' ? '/login' : '/staff/login'}`
	);
	expect(start.status).toBe(303);
	let authorizationUrl = new URL(location(start, appUrl));
	if (options.tamperAuthorizationUrl)
		authorizationUrl = options.tamperAuthorizationUrl(authorizationUrl);

	const atProvider = await browser.go(authorizationUrl.href);
	expect([302, 303]).toContain(atProvider.status);
	const pageUrl = location(atProvider, authorizationUrl.href);
	const page = await browser.go(pageUrl);
	expect(page.status).toBe(200);
	const html = await page.text();
	const action = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
	expect(action, 'the login form on the provider page').toBeTruthy();

	const submitted = await browser.go(new URL(action ?? '', pageUrl).href, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ account: options.account, loa: options.loa ?? 'substantial' })
	});
	expect(submitted.status).toBe(303);
	let url = location(submitted, pageUrl);
	const callbackPath = `/auth/${options.kind}/callback`;
	for (let hop = 0; hop < 6 && new URL(url).pathname !== callbackPath; hop++) {
		const next = await browser.go(url);
		expect([302, 303]).toContain(next.status);
		url = location(next, url);
	}
	let callbackUrl = new URL(url);
	expect(callbackUrl.pathname).toBe(callbackPath);
	if (options.tamperCallbackUrl) callbackUrl = options.tamperCallbackUrl(callbackUrl);

	const response = await browser.go(callbackUrl.href);
	return {
		response,
		destination: response.headers.get('location') ?? '',
		callbackUrl: callbackUrl.href,
		setCookies: response.headers.getSetCookie()
	};
}

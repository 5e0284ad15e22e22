// Logging in through the app as a person would, step by step, with a CookieBrowser
// (scripts/lib/cookie-browser.ts): cookies per origin and redirects followed by hand, so each step
// of a login can be observed or tampered with.
import { expect } from 'vitest';
import { CookieBrowser } from '../../scripts/lib/cookie-browser';

export { CookieBrowser };

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
	/** Sent to the login's start as `returnTo`: where the app should send the person afterwards. */
	returnTo?: string;
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
	const returnTo =
		options.returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(options.returnTo)}`;
	const start = await browser.go(
		`${appUrl}${options.kind === 'citizen' ? '/login' : '/staff/login'}${returnTo}`
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

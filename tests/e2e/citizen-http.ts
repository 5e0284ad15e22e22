// Logging in and posting forms as a citizen's browser without JavaScript does. portal.ts has
// helpers for the same; these differ in two ways a browser does: a form post says it accepts HTML
// (without that, SvelteKit answers a form action with JSON and status 200, as for use:enhance),
// and a representative's login goes on to /vaelg?returnTo=… (with a query).
import { expect } from 'vitest';
import { CookieBrowser, loginThroughApp } from './oidc-flow';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A form post as a browser without JavaScript sends it (urlencoded, same-origin, wants HTML). */
export async function submitForm(
	browser: CookieBrowser,
	url: string,
	fields: Record<string, string>
): Promise<Response> {
	return browser.go(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: HTML },
		body: new URLSearchParams(fields)
	});
}

/** Logs a demo citizen in; a representative then chooses on /vaelg (themselves by default). */
export async function signIn(
	baseUrl: string,
	account: string,
	actFor?: string
): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, { kind: 'citizen', account });
	if (new URL(outcome.destination, baseUrl).pathname === '/vaelg') {
		const chosen = await submitForm(browser, `${baseUrl}/vaelg`, {
			for: actFor ?? 'self',
			returnTo: '/'
		});
		expect(chosen.status).toBe(303);
	} else {
		expect(actFor, `${account} represents nobody`).toBeUndefined();
		expect(outcome.destination).toBe('/');
	}
	return browser;
}

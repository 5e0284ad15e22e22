// Stand-ins for two helpers of portal.ts that do not yet behave like a browser (reported to the
// lead; portal.ts is shared): postForm sends no Accept header, so SvelteKit answers a form action
// with its JSON for use:enhance (200) instead of a 303 or an error page; loginCitizen expects the
// login to land on exactly '/vaelg', while it lands on '/vaelg?returnTo=%2F'.
import { expect } from 'vitest';
import { CookieBrowser, loginThroughApp } from './oidc-flow';

/** A form post as a browser without JavaScript sends it: urlencoded, same-origin, wanting HTML. */
export async function postPage(
	browser: CookieBrowser,
	url: string,
	fields: Record<string, string>
): Promise<Response> {
	return browser.go(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
		},
		body: new URLSearchParams(fields)
	});
}

/** Logs a demo citizen in through the MitID simulator; `actFor` picks a person on /vaelg. */
export async function loginAs(
	baseUrl: string,
	account: string,
	options: { actFor?: string } = {}
): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, { kind: 'citizen', account });
	if (new URL(outcome.destination, baseUrl).pathname === '/vaelg') {
		const chosen = await postPage(browser, `${baseUrl}/vaelg`, {
			for: options.actFor ?? 'self',
			returnTo: '/'
		});
		expect(chosen.status).toBe(303);
	} else {
		expect(options.actFor, 'this account represents nobody').toBeUndefined();
		expect(outcome.destination).toBe('/');
	}
	return browser;
}

// The benchmark logs in through the real login path, as a person in the demo does: the app's
// login, the simulator's page, a click, the callback. What it keeps is the session cookie.
import { CookieBrowser } from '../lib/cookie-browser';

function must(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(`Logging in for the benchmark: ${message}`);
}

function next(response: Response, base: string): string {
	const to = response.headers.get('location');
	must(to, `no redirect from ${base} (status ${response.status})`);
	return new URL(to, base).href;
}

/** Logs `account` in at the app and returns the browser that holds the session. */
export async function demoLogin(
	appUrl: string,
	kind: 'citizen' | 'staff',
	account: string
): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	let url = `${appUrl}${kind === 'citizen' ? '/login' : '/staff/login'}`;
	// To the provider's page: the app's redirect, then the provider's own.
	for (let hop = 0; hop < 4; hop++) {
		const response = await browser.go(url);
		if (response.status === 200) {
			const html = await response.text();
			const action = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
			must(action, `no login form at ${url}`);
			url = new URL(action, url).href;
			break;
		}
		url = next(response, url);
	}
	const submitted = await browser.go(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ account, loa: 'substantial' })
	});
	url = next(submitted, url);
	// Back through the provider to the app's callback, which sets the session.
	const callback = `/auth/${kind}/callback`;
	for (let hop = 0; hop < 8 && new URL(url).pathname !== callback; hop++) {
		url = next(await browser.go(url), url);
	}
	must(new URL(url).pathname === callback, `${account} did not come back to ${callback}`);
	const answer = await browser.go(url);
	must(
		answer.status === 303 && !answer.headers.get('location')?.startsWith('/login'),
		`${account} was refused (${answer.headers.get('location') ?? answer.status})`
	);
	return browser;
}

/** The Cookie header a load generator sends for `browser` at `appUrl`. */
export function cookieHeader(browser: CookieBrowser, appUrl: string): string {
	return browser
		.cookies(appUrl)
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
}

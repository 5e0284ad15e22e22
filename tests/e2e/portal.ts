// Helpers for tests of the citizen portal: log in as a demo citizen (optionally acting for
// someone), post a form as a browser without JavaScript would, and log in inside Chromium.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { CookieBrowser, loginThroughApp } from './oidc-flow';

/** Logs a demo citizen in through the MitID simulator; `actFor` picks a person on /vaelg. */
export async function loginCitizen(
	baseUrl: string,
	account: string,
	options: { actFor?: string } = {}
): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, { kind: 'citizen', account });
	if (new URL(outcome.destination, baseUrl).pathname === '/vaelg') {
		const chosen = await postForm(browser, `${baseUrl}/vaelg`, {
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

/**
 * A form post as a browser without JavaScript sends it (urlencoded, same-origin, accepting HTML:
 * without that SvelteKit would answer as to an enhanced form, with JSON).
 */
export async function postForm(
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

/** Logs in inside Chromium by clicking through the simulator (the keyboard test does it by keys). */
export async function loginInPage(page: Page, baseUrl: string, name: string): Promise<void> {
	await page.goto(`${baseUrl}/login`);
	await page.getByRole('button', { name: new RegExp(`Log ind som ${name}`) }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/demo-idp'));
}

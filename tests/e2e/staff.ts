// Helpers for tests of the staff workspace: log in as a demo member of staff through the staff
// login simulator, without a browser (CookieBrowser) or inside Chromium.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { staffSub } from '../../src/lib/server/demo-idp/instance';
import { CookieBrowser, loginThroughApp } from './oidc-flow';

/** Logs a demo member of staff in; the session lands on /staff. */
export async function loginStaff(baseUrl: string, name: string): Promise<CookieBrowser> {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, baseUrl, {
		kind: 'staff',
		account: staffSub(name)
	});
	expect(outcome.destination).toBe('/staff');
	return browser;
}

/** Logs a member of staff in inside Chromium by clicking through the simulator. */
export async function loginStaffInPage(page: Page, baseUrl: string, name: string): Promise<void> {
	await page.goto(`${baseUrl}/staff/login`);
	await page.getByRole('button', { name: new RegExp(`Log ind som ${name}`) }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/demo-idp'));
}

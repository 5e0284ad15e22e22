// The one way a browser test opens a page: a fresh context with the viewport, touch, JavaScript
// and language it asks for, logged in as the person it names. The login goes over HTTP through the
// real login path (the MitID or staff simulator, the app's callback) and the session cookie is
// handed to the context, which saves clicking through the simulator's pages in Chromium; the specs
// that are about logging in (login, demo-login, the keyboard journeys) click through it themselves.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { citizenSub } from '../../src/lib/server/demo-idp/instance';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { CitizenName, StaffName } from '../../src/lib/server/seed/demo-data';
import { expectNoAxeViolations, launchBrowser, sidewaysOverflow } from './browser';
import type { CookieBrowser } from './oidc-flow';
import { loginCitizen } from './portal';
import { loginStaff } from './staff';

export type LoginAs =
	/** A demo citizen by name; `actFor` names the person they act for (else themselves). */
	| { citizen: CitizenName; actFor?: CitizenName }
	/** A demo member of staff by name. */
	| { staff: StaffName };

export interface PageOptions {
	/** CSS pixels; default 1280 × 900. */
	width?: number;
	height?: number;
	/** Default true. */
	javaScript?: boolean;
	/** A touch screen (axe and the CSS judge targets as touched); default false. */
	touch?: boolean;
	/** The language cookie; default none (the app's default, Danish). */
	locale?: 'da' | 'en';
	as?: LoginAs;
	/**
	 * More widths (CSS px) that checkPage judges the page at: it resizes the viewport to each, as
	 * zooming in or turning a phone does, and back. A sweep of pages and states then runs once and
	 * is judged at every width, instead of once per width.
	 */
	alsoCheckAt?: readonly number[];
}

export interface OpenPage {
	context: BrowserContext;
	page: Page;
	/** The same session over HTTP, for requests the test makes beside the page. */
	session: CookieBrowser | null;
	close(): Promise<void>;
}

async function logIn(baseUrl: string, as: LoginAs): Promise<CookieBrowser> {
	if ('staff' in as) return loginStaff(baseUrl, as.staff);
	return loginCitizen(
		baseUrl,
		citizenSub(as.citizen),
		as.actFor ? { actFor: demoIds.citizen(as.actFor) } : {}
	);
}

export async function openPage(
	browser: Browser,
	baseUrl: string,
	options: PageOptions = {}
): Promise<OpenPage> {
	const session = options.as ? await logIn(baseUrl, options.as) : null;
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
		javaScriptEnabled: options.javaScript ?? true,
		hasTouch: options.touch ?? false,
		// Each fresh context would install the service worker and fetch its whole precache (every
		// built asset) beside the page under test. The worker has its own specs (pwa, update), and
		// the keyboard journeys run with it as a citizen's browser does.
		serviceWorkers: 'block'
	});
	try {
		const cookies = session ? session.cookies(baseUrl) : [];
		if (options.locale) cookies.push({ name: 'lang', value: options.locale });
		if (cookies.length > 0) {
			await context.addCookies(
				cookies.map(({ name, value }) => ({
					name,
					value,
					url: baseUrl,
					httpOnly: name !== 'lang',
					sameSite: 'Lax' as const
				}))
			);
		}
		const page = await context.newPage();
		if (options.alsoCheckAt?.length) alsoCheckAt.set(page, options.alsoCheckAt);
		return { context, page, session, close: () => context.close() };
	} catch (error) {
		await context.close();
		throw error;
	}
}

/**
 * How a sweep of pages and states opens its page: at 320 px, where its steps run, and judged by
 * checkPage at the other width its users have too (a staff desktop, a citizen's phone).
 */
export const SWEEP = {
	staff: { width: 320, alsoCheckAt: [1280] },
	phone: { width: 320, height: 800, touch: true, alsoCheckAt: [390] }
} as const satisfies Record<string, PageOptions>;

const alsoCheckAt = new WeakMap<Page, readonly number[]>();

/**
 * What every page a test shows must pass: axe (browser.ts) and no sideways scrolling, at the
 * page's width and at each width it was opened to be checked at too (`alsoCheckAt`).
 */
export async function checkPage(page: Page, label: string): Promise<void> {
	const more = alsoCheckAt.get(page);
	const size = page.viewportSize();
	if (!more || !size) return checkAsShown(page, label);
	await checkAsShown(page, `${label} at ${size.width} px`);
	for (const width of more) {
		await page.setViewportSize({ width, height: size.height });
		await checkAsShown(page, `${label} at ${width} px`);
	}
	await page.setViewportSize(size);
}

async function checkAsShown(page: Page, label: string): Promise<void> {
	await expectNoAxeViolations(page, label);
	const overflow = await sidewaysOverflow(page);
	expect(overflow, `sideways scrolling on ${label}`).toBeLessThanOrEqual(0);
}

export interface OnePageAtATime {
	readonly browser: Browser;
	/** Opens a page with `defaults` under these options; the page opened before is closed. */
	open(options?: PageOptions): Promise<Page>;
	/** Opens a page with `defaults` under these options that the caller closes. */
	openOwn(options?: PageOptions): Promise<OpenPage>;
}

/**
 * Chromium for the tests of the describe block that calls this (skip the block when the run has
 * no Chromium): launched before them and closed after, one page open at a time on `baseUrl()`.
 */
export function useChromium(baseUrl: () => string, defaults: PageOptions = {}): OnePageAtATime {
	let browser: Browser | undefined;
	let current: OpenPage | undefined;
	beforeAll(async () => {
		const path = inject('chromium');
		if (!path) throw new Error('No Chromium in this run: skip the block that uses it');
		browser = await launchBrowser(path);
	});
	afterAll(async () => {
		await current?.close();
		await browser?.close();
	});
	return {
		get browser() {
			if (!browser) throw new Error('Chromium is launched in beforeAll');
			return browser;
		},
		async open(options = {}) {
			await current?.close();
			current = undefined;
			current = await openPage(this.browser, baseUrl(), { ...defaults, ...options });
			return current.page;
		},
		openOwn(options = {}) {
			return openPage(this.browser, baseUrl(), { ...defaults, ...options });
		}
	};
}

// Page weight: what a first visit to a page costs a citizen's phone, measured in headless Chromium.
//
// What is counted: the encoded body of every response the page loads until the network is idle
// (the document, its scripts, stylesheets, fonts and images, and whatever client code fetches once
// it runs), in a fresh context, so nothing comes from the HTTP cache, with service workers blocked,
// so nothing comes from a worker's cache either. "Encoded" is what went over the wire: the
// production server (adapter-node with `precompress: true`) serves the build's static files from
// their precompressed .br or .gz copies as the request's Accept-Encoding allows (Chromium asks for
// br), and fonts (woff2, compressed in themselves) and the HTML as they are: adapter-node does not
// compress rendered pages, so the HTML counts uncompressed unless a proxy in front compresses it.
// Response headers are not counted. `acceptEncoding: 'gzip'` asks for gzip instead of brotli, to
// compare with figures taken in gzip.
//
// Not counted: the service worker's install, which on a real first visit precaches the build's
// static files in the background after the page has loaded (src/service-worker.ts).
import { chromium, type Browser, type Response } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../lib/chromium';

/** The targets for the citizen overview, in KB (1 KB = 1024 bytes) of encoded transfer. */
export const WEIGHT_TARGETS = { jsKb: 40, totalKb: 110 } as const;

export interface PageWeight {
	jsKb: number;
	cssKb: number;
	fontKb: number;
	/** The document itself (and any other HTML the page loads). */
	htmlKb: number;
	/** Everything else: images, the web app manifest, data the client fetches. */
	otherKb: number;
	totalKb: number;
	requests: number;
}

export interface WeightOptions {
	/** 'as-sent' (default): what Chromium asks for and gets; 'gzip': gzip only, no brotli. */
	acceptEncoding?: 'as-sent' | 'gzip';
	/** A running browser to open the fresh context in (default: one launched for this call). */
	browser?: Browser;
	/** Called with each response: its type, encoded size and URL. */
	log?: (line: string) => void;
}

export async function launchWeightBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		args: [...CHROMIUM_ARGS],
		timeout: 60_000
	});
}

type Kind = 'js' | 'css' | 'font' | 'html' | 'other';

function kindOf(response: Response): Kind {
	switch (response.request().resourceType()) {
		case 'script':
			return 'js';
		case 'stylesheet':
			return 'css';
		case 'font':
			return 'font';
		case 'document':
			return 'html';
		default:
			return 'other';
	}
}

/** `a=1; b=2` as cookies of `url`. */
function parseCookies(header: string, url: string) {
	return header
		.split(';')
		.map((part) => part.trim())
		.filter((part) => part.includes('='))
		.map((part) => {
			const at = part.indexOf('=');
			return { name: part.slice(0, at), value: part.slice(at + 1), url };
		});
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Loads `path` of the app at `url` with the session in `cookie` (a Cookie header, as
 * `cookieHeader()` in scripts/bench/login.ts gives it) on a cold cache, and sums the encoded size
 * of every response by type. Sizes in KB (1024 bytes), to one decimal.
 */
export async function pageWeight(
	url: string,
	cookie: string,
	path: string,
	options: WeightOptions = {}
): Promise<PageWeight> {
	const browser = options.browser ?? (await launchWeightBrowser());
	try {
		const context = await browser.newContext({
			serviceWorkers: 'block',
			extraHTTPHeaders:
				options.acceptEncoding === 'gzip' ? { 'accept-encoding': 'gzip, deflate' } : undefined
		});
		try {
			if (cookie) await context.addCookies(parseCookies(cookie, url));
			const page = await context.newPage();
			const bytes: Record<Kind, number> = { js: 0, css: 0, font: 0, html: 0, other: 0 };
			let requests = 0;
			const pending: Promise<void>[] = [];
			page.on('response', (response) => {
				pending.push(
					(async () => {
						// The body's encoded size is known once the response has finished.
						await response.finished();
						const sizes = await response.request().sizes();
						const kind = kindOf(response);
						bytes[kind] += sizes.responseBodySize;
						requests++;
						options.log?.(
							`${kind.padEnd(5)} ${String(sizes.responseBodySize).padStart(7)} B  ${response.headers()['content-encoding'] ?? '-'}  ${response.url()}`
						);
					})()
				);
			});
			const response = await page.goto(new URL(path, url).href, { waitUntil: 'networkidle' });
			if (!response?.ok()) {
				throw new Error(`${path} answered ${response?.status() ?? 'nothing'}`);
			}
			await Promise.all(pending);
			const total = Object.values(bytes).reduce((sum, n) => sum + n, 0);
			return {
				jsKb: kb(bytes.js),
				cssKb: kb(bytes.css),
				fontKb: kb(bytes.font),
				htmlKb: kb(bytes.html),
				otherKb: kb(bytes.other),
				totalKb: kb(total),
				requests
			};
		} finally {
			await context.close();
		}
	} finally {
		if (!options.browser) await browser.close();
	}
}

// What a first visit to the citizen's overview costs (docs/ARCHITECTURE.md, "Page weight"): within
// the targets, measured as `npm run bench` measures it (scripts/bench/weight.ts).
import { describe, expect, inject, it } from 'vitest';
import { cookieHeader, demoLogin } from '../../scripts/bench/login';
import { pageWeight, WEIGHT_TARGETS } from '../../scripts/bench/weight';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const chromium = inject('chromium');

describe.skipIf(!chromium)('page weight', () => {
	it("keeps Maja Jensen's overview within 40 KB of JavaScript and 110 KB in all", async () => {
		const maja = cookieHeader(
			await demoLogin(baseUrl, 'citizen', 'demo-citizen-maja-jensen'),
			baseUrl
		);
		// The session is Maja's: the page measured is her overview, not the front page.
		const page = await fetch(`${baseUrl}/`, { headers: { cookie: maja } });
		expect(await page.text()).toMatch(/<h1[^>]*>Mit overblik</);
		const browser = await launchBrowser(chromium!);
		try {
			const weight = await pageWeight(baseUrl, maja, '/', { browser });
			expect(weight.jsKb).toBeLessThanOrEqual(WEIGHT_TARGETS.jsKb);
			expect(weight.totalKb).toBeLessThanOrEqual(WEIGHT_TARGETS.totalKb);
			// The overview ships no client code but the service worker's script (csr = false).
			expect(weight.jsKb).toBeLessThan(2);
		} finally {
			await browser.close();
		}
	});
});

// The web app shell: installable manifest, a service worker that precaches static assets only and
// answers an offline navigation with the offline page.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { launchWithProfile } from './browser';

const baseUrl = inject('baseUrl');
const chromium = inject('chromium');

/** Paths of the files the build may precache: the client build output, static/ included. */
function staticPaths(): Set<string> {
	const found = new Set<string>();
	const walk = (dir: string, prefix: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full, `${prefix}/${entry.name}`);
			else found.add(`${prefix}/${entry.name}`);
		}
	};
	walk(path.resolve('build/client'), '');
	return found;
}

async function waitForServiceWorker(page: Page): Promise<void> {
	// page.waitForFunction would take the async predicate's promise as a truthy answer: poll here.
	const deadline = performance.now() + 30_000;
	while (performance.now() < deadline) {
		const state = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.active?.state
		);
		if (state === 'activated') return;
		await page.waitForTimeout(200);
	}
	throw new Error('The service worker did not activate within 30 s');
}

async function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
}

describe.skipIf(!chromium)('web app shell', () => {
	it('has a manifest Chromium finds installable', async () => {
		const response = await fetch(`${baseUrl}/manifest.webmanifest`);
		expect(response.headers.get('content-type')).toContain('application/manifest+json');
		const manifest = await response.json();
		expect(manifest.name).toBe('Sammen – Sammen Kommune');
		expect(manifest.display).toBe('standalone');
		expect(manifest.start_url).toBe('/');
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));

		const browser = await launchWithProfile(chromium!);
		try {
			const page = await browser.context.newPage();
			await page.goto(`${baseUrl}/`);
			await waitForServiceWorker(page);
			const session = await browser.context.newCDPSession(page);
			const { errors } = await session.send('Page.getAppManifest');
			expect(errors).toEqual([]);
			const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await browser.close();
		}
	});

	it('precaches static assets and the offline page only, never a page of content', async () => {
		const browser = await launchWithProfile(chromium!);
		try {
			const page = await browser.context.newPage();
			await page.goto(`${baseUrl}/`);
			await waitForServiceWorker(page);
			// Visit pages under the worker's control, so a worker that cached them would have.
			await page.goto(`${baseUrl}/`);
			await page.goto(`${baseUrl}/findes-ikke`);
			await page.goto(`${baseUrl}/`);
			const cached = await cachedPaths(page);
			const allowed = staticPaths();
			expect(cached.filter((p) => !allowed.has(p) && p !== '/offline')).toEqual([]);
			expect(cached).toContain('/offline');
			expect(cached).not.toContain('/');
			expect(cached.some((p) => p.startsWith('/_app/immutable/'))).toBe(true);
			// The offline page was fetched without the visitor's cookies.
			const offline = await page.evaluate(async () => {
				const response = await caches.match('/offline', { ignoreSearch: true });
				return response ? await response.text() : '';
			});
			expect(offline).toContain('lang="da"');
		} finally {
			await browser.close();
		}
	});

	it('shows the offline page with contact details when the network is gone', async () => {
		const browser = await launchWithProfile(chromium!);
		try {
			const page = await browser.context.newPage();
			await page.goto(`${baseUrl}/`);
			await waitForServiceWorker(page);
			await browser.context.setOffline(true);
			await page.goto(`${baseUrl}/noget-andet`);
			const text = await page.locator('main').innerText();
			expect(text).toMatch(/ikke på nettet/i);
			expect(await page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
			await browser.context.setOffline(false);
		} finally {
			await browser.close();
		}
	});
});

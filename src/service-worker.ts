/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />

// Static assets only (docs/RULES.md: privacy). Pages are never cached: they can carry personal
// data, and a stale page could show a case as it was. The one exception is /offline, a public
// page without personal data that answers navigations when the network is gone.
import { build, files, version } from '$service-worker';
import {
	addPlugins,
	cleanupOutdatedCaches,
	getCacheKeyForURL,
	matchPrecache,
	precache
} from 'workbox-precaching';

const sw = self as unknown as ServiceWorkerGlobalScope;

const OFFLINE_PAGE = '/offline';

precache([...build, ...files, OFFLINE_PAGE].map((url) => ({ url, revision: version })));
cleanupOutdatedCaches();

addPlugins([
	{
		// Fetch the offline page without cookies, so it can never hold the signed-in citizen's
		// data (or their language choice: the page shows both languages).
		requestWillFetch: async ({ request }) =>
			new URL(request.url).pathname === OFFLINE_PAGE
				? new Request(request, { credentials: 'omit' })
				: request
	}
]);

sw.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;

	if (request.mode === 'navigate') {
		event.respondWith(
			fetch(request).catch(async () => (await matchPrecache(OFFLINE_PAGE)) ?? Response.error())
		);
		return;
	}

	// Build output and files from static/ come from the precache; the offline page does not,
	// so a request for it online gets today's contact details.
	if (url.pathname !== OFFLINE_PAGE && getCacheKeyForURL(url.pathname)) {
		event.respondWith(matchPrecache(url.pathname).then((cached) => cached ?? fetch(request)));
	}
});

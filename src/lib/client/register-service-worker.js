// Registers the service worker (src/service-worker.ts) and offers a new version when one waits.
// Served as it is, as a classic script: it must run on the pages that ship no client code of
// SvelteKit's (`csr = false`), so it imports nothing and is not bundled. The root layout links it
// with `?url&no-inline`, because Vite would inline a file this small as a data: URL, which the CSP
// (script-src 'self') refuses.
//
// A new version waits until the person chooses to reload, so nothing changes under someone who is
// halfway through reading or filling in a form: the root layout renders the notice hidden
// (UpdateNotice.svelte, inside a live region), this shows it, and its button lets the waiting
// worker take over (the worker listens for SKIP_WAITING) and reloads the page once it has.
(() => {
	if (!('serviceWorker' in navigator)) return;
	const container = navigator.serviceWorker;
	/** @type {ServiceWorker | null} */
	let offered = null;

	/** @param {ServiceWorker} worker */
	function offer(worker) {
		// A worker installed while no worker controls the page is the first: it takes over at once.
		if (offered === worker || !container.controller) return;
		const notice = document.querySelector('[data-update-notice]');
		const button = notice?.querySelector('button');
		if (!(notice instanceof HTMLElement) || !button) return;
		offered = worker;
		notice.hidden = false;
		button.onclick = () => {
			container.addEventListener('controllerchange', () => window.location.reload());
			worker.postMessage({ type: 'SKIP_WAITING' });
		};
	}

	/** @param {ServiceWorker | null} worker */
	function watch(worker) {
		if (!worker) return;
		const installed = () => worker.state === 'installed' && offer(worker);
		installed();
		worker.addEventListener('statechange', installed);
	}

	container.register('/service-worker.js').then(
		(registration) => {
			// A browser that blocks service workers (as the tests' contexts do) may answer nothing.
			if (!registration) return;
			watch(registration.waiting);
			watch(registration.installing);
			registration.addEventListener('updatefound', () => watch(registration.installing));
		},
		() => {
			// Without a service worker Sammen works as before, just without the offline page.
		}
	);
})();

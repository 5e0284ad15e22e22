import type { Handle, ServerInit } from '@sveltejs/kit';
import { getDb, startDatabase, stopDatabase } from '$lib/server/db';
import {
	deleteSessionCookie,
	readSessionToken,
	validateSessionToken
} from '$lib/server/auth/session';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/locale';
import { setWorkerState } from '$lib/server/lifecycle';
import { startAppWorker } from '$lib/server/notifications/app';

export const init: ServerInit = async () => {
	await startDatabase();
	// Notifications, letters and upkeep run in the app unless a separate worker does (JOBS=off).
	const worker = process.env.JOBS === 'off' ? null : await startAppWorker(getDb());
	setWorkerState(worker ? 'running' : 'off');
	// adapter-node emits this on SIGTERM/SIGINT once requests have drained. The worker finishes its
	// jobs first; PGlite keeps the process alive until it is closed, and the pg pool should say
	// goodbye to the server.
	process.once('sveltekit:shutdown', () => {
		void (async () => {
			if (worker) setWorkerState('stopped');
			await worker?.stop().catch(() => {});
			await stopDatabase();
		})();
	});
};

const securityHeaders: Record<string, string> = {
	'X-Content-Type-Options': 'nosniff',
	// Not no-referrer: under it browsers send `Origin: null` with form posts, which SvelteKit's CSRF
	// check must refuse. same-origin tells other sites nothing.
	'Referrer-Policy': 'same-origin',
	'X-Frame-Options': 'DENY',
	'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));

	// Who is asking, never what they may see: routes authorise with the guards in
	// $lib/server/auth/guards.ts, not hooks by URL.
	event.locals.session = null;
	event.locals.citizen = null;
	event.locals.staff = null;
	event.locals.actingFor = null;
	const token = readSessionToken(event.cookies, event.url);
	if (token !== null) {
		const validated = await validateSessionToken(getDb(), token);
		if (validated) {
			event.locals.session = validated.session;
			event.locals.citizen = validated.citizen;
			event.locals.staff = validated.staff;
			event.locals.actingFor = validated.actingFor;
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});

	for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
	// Browsers ignore HSTS over plain http, so sending it always is harmless and right behind TLS.
	response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Nothing personal may land in a browser's or proxy's cache. Read after resolve, so that a
	// handler which sets locals.session as it logs someone in is covered too.
	if (event.locals.session) response.headers.set('Cache-Control', 'no-store');
	return response;
};

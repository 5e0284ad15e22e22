import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb, startDatabase, stopDatabase } from '$lib/server/db';
import {
	deleteSessionCookie,
	readSessionToken,
	validateSessionToken
} from '$lib/server/auth/session';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/locale';
import { setWorkerState } from '$lib/server/lifecycle';
import { startAppWorker } from '$lib/server/notifications/app';
import { errorFields, log, withRequestContext } from '$lib/server/log';
import { metricsAccess, observeRequest, routeLabel } from '$lib/server/metrics';
import { clockPinnedAt } from '$lib/server/clock';
import { citizenScope } from '$lib/server/access/policy';

export const init: ServerInit = async () => {
	// Reads SAMMEN_NOW before anything else reads the time: a bad value (or one in production)
	// stops the start with its reason.
	const pinned = clockPinnedAt();
	if (pinned) {
		log.warn(
			{ pinnedAt: pinned.toISOString() },
			'The clock is pinned by SAMMEN_NOW: it started at that instant and runs on from there'
		);
	}
	if (metricsAccess() === 'closed') {
		log.warn('METRICS_TOKEN is not set: /metrics answers 404 in production until it is');
	}
	await startDatabase({ log: (message) => log.info(message) });
	// Notifications, letters and upkeep run in the app unless a separate worker does (JOBS=off).
	const worker = process.env.JOBS === 'off' ? null : await startAppWorker(getDb());
	setWorkerState(worker ? 'running' : 'off');
	// adapter-node emits this on SIGTERM/SIGINT once requests have drained. The worker finishes its
	// jobs first; PGlite keeps the process alive until it is closed, and the pg pool should say
	// goodbye to the server.
	process.once('sveltekit:shutdown', () => {
		void (async () => {
			log.info('Shutting down: requests have drained');
			if (worker) setWorkerState('stopped');
			await worker
				?.stop()
				.catch((error) => log.error(errorFields(error), 'The job worker did not stop cleanly'));
			await stopDatabase();
			log.info('Stopped');
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

/**
 * A request id from a proxy or load balancer is kept when it looks like one (letters, digits and
 * `-_.:`, 8 to 128 characters): anything else could smuggle text into the logs.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Probes and scrapes log at debug: at info they would drown the requests people make. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

export const handle: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	event.locals.requestId = requestId;

	let status = 500;
	try {
		const response = await withRequestContext({ requestId }, () => respond({ event, resolve }));
		status = response.status;
		response.headers.set('X-Request-Id', requestId);
		return response;
	} finally {
		const seconds = (performance.now() - started) / 1000;
		observeRequest(event.request.method, event.route.id, status, seconds);
		// The route, never the URL: paths hold ids and query strings may hold anything.
		const route = event.route.id === null ? null : routeLabel(event.route.id);
		const line = {
			requestId,
			method: event.request.method,
			route,
			status,
			durationMs: Math.round(seconds * 10_000) / 10
		};
		if (route !== null && QUIET_ROUTES.has(route)) log.debug(line, 'request');
		else log.info(line, 'request');
	}
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	// Errors SvelteKit did not expect (a 404 is expected and logged as a request above).
	if (status !== 404) {
		log.error(
			{
				requestId: event.locals.requestId,
				route: event.route.id === null ? null : routeLabel(event.route.id),
				status,
				...errorFields(error)
			},
			'Unexpected error'
		);
	}
};

const respond: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));

	// Who is asking, never what they may see: routes authorise with the guards in
	// $lib/server/auth/guards.ts, not hooks by URL.
	event.locals.session = null;
	event.locals.citizen = null;
	event.locals.staff = null;
	event.locals.actingFor = null;
	event.locals.citizenScope = null;
	const token = readSessionToken(event.cookies, event.url);
	if (token !== null) {
		const validated = await validateSessionToken(getDb(), token);
		if (validated) {
			event.locals.session = validated.session;
			event.locals.citizen = validated.citizen;
			event.locals.staff = validated.staff;
			event.locals.actingFor = validated.actingFor;
			event.locals.citizenScope = validated.citizen
				? citizenScope({
						loggedInCitizenId: validated.citizen.id,
						actingForCitizenId: validated.actingFor?.id ?? null,
						representation: validated.representation
					})
				: null;
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

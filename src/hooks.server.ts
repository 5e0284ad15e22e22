import { randomUUID } from 'node:crypto';
import { dev } from '$app/environment';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { getDb, startDatabase, stopDatabase } from '$lib/server/db';
import {
	deleteSessionCookie,
	readSessionToken,
	validateSessionToken
} from '$lib/server/auth/session';
import { LOCALE_COOKIE, resolveLocale } from '$lib/i18n/locale';
import {
	beginShutdown,
	isShuttingDown,
	requestFinished,
	requestsDrained,
	requestStarted,
	setWorkerState
} from '$lib/server/lifecycle';
import { startAppWorker } from '$lib/server/notifications/app';
import { errorFields, log, withRequestContext } from '$lib/server/log';
import { metricsAccess, observeRequest, routeLabel } from '$lib/server/metrics';
import { clockPinnedAt } from '$lib/server/clock';
import { citizenScope } from '$lib/server/access/policy';
import { isDatabaseUnavailable } from '$lib/server/db/unavailable';
import { unavailableResponse } from '$lib/server/unavailable-page';
import { unreadableFormAnswer } from '$lib/server/http/form-guard';
import { searchLimits } from '$lib/server/citizens/search-limit';

/**
 * How long shutdown waits for request handlers still running (docs/DEPLOY.md, "Health, shutdown,
 * logs and metrics").
 */
const SHUTDOWN_DRAIN_MS = 5_000;

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
	// A search limit that is no positive integer stops the start with its reason, rather than
	// failing every search later.
	searchLimits();
	await startDatabase({ log: (message) => log.info(message) });
	// Notifications, letters and upkeep run in the app unless a separate worker does (JOBS=off).
	const worker = process.env.JOBS === 'off' ? null : await startAppWorker(getDb());
	setWorkerState(worker ? 'running' : 'off');
	// adapter-node handles the signals (it registers its handlers after this runs); this only marks
	// that shutdown has begun. Not under the dev server, which would then no longer stop on Ctrl-C.
	if (!dev)
		for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, beginShutdown);
	// adapter-node emits this on SIGTERM/SIGINT once requests have drained. The worker finishes its
	// jobs first; PGlite keeps the process alive until it is closed, and the pg pool should say
	// goodbye to the server.
	process.once('sveltekit:shutdown', () => {
		void (async () => {
			// Handlers of requests whose clients hung up may still run: they finish first, for at
			// most SHUTDOWN_DRAIN_MS, so that shutdown stays bounded.
			if (!(await requestsDrained(SHUTDOWN_DRAIN_MS))) {
				log.warn('Shutting down with request handlers still running after the wait');
			}
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
	requestStarted();
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
		requestFinished();
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
	// The database is gone (stopped, restarting): respond() answers 503 instead of the error page.
	if (isDatabaseUnavailable(error)) {
		event.locals.databaseUnavailable = true;
		log.warn(
			{
				requestId: event.locals.requestId,
				route: event.route.id === null ? null : routeLabel(event.route.id),
				...errorFields(error)
			},
			'The database cannot be reached'
		);
		return { message: 'Service Unavailable' };
	}
	// Errors SvelteKit did not expect (a 4xx such as 404 or 415 is the client's, logged as a
	// request above).
	if (status >= 500) {
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

const respond: Handle = async (input) => {
	const { event } = input;
	let response: Response;
	try {
		response = await identifyAndResolve(input);
	} catch (error) {
		// The session look-up happens before SvelteKit's own error handling.
		if (!isDatabaseUnavailable(error)) throw error;
		handleError({ error, event, status: 503, message: 'Service Unavailable' });
		response = unavailableResponse(event.url);
	}
	if (event.locals.databaseUnavailable && response.status >= 500) {
		response = unavailableResponse(event.url);
	}

	for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
	// Browsers ignore HSTS over plain http, so sending it always is harmless and right behind TLS.
	response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// Nothing personal may land in a browser's or proxy's cache. Read after resolve, so that a
	// handler which sets locals.session as it logs someone in is covered too.
	if (event.locals.session) response.headers.set('Cache-Control', 'no-store');
	// Shutting down: the client opens its next request elsewhere (lifecycle.ts).
	if (isShuttingDown()) response.headers.set('Connection', 'close');
	return response;
};

/** Who is asking (the session cookie), then SvelteKit's own handling of the request. */
const identifyAndResolve: Handle = async ({ event, resolve }) => {
	event.locals.locale = resolveLocale(event.cookies.get(LOCALE_COOKIE));
	event.locals.databaseUnavailable = false;
	const unreadable = await unreadableFormAnswer(event.request, event.url);
	if (unreadable) return unreadable;

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

	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

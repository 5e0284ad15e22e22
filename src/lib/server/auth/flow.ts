// The login routes' work: start a login at the provider, and finish it at the callback. Citizens
// and staff share the code; only the settings and what the claims mean differ.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { todayInDenmark } from '../../format';
import { LOCALE_COOKIE } from '../../i18n/locale';
import { safePath } from '../../safe-path';
import { getCprKeys, getDb } from '../db';
import { activeRepresentations } from '../db/representatives';
import { citizenFromClaims, recordRefusal, staffFromClaims, type RefusalReason } from './login';
import {
	citizenSettings,
	decodeLoginState,
	encodeLoginState,
	finishLogin,
	startLogin,
	staffSettings
} from './oidc';
import { checkRateLimit, clientAddress, loginRateLimit, tooManyRequests } from './rate-limit';
import { setLocaleCookie } from '../locale-cookie';
import { errorFields, log } from '../log';
import { countRefusedLogin } from '../metrics';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	isSecureContext,
	readSessionToken,
	sessionIdFromToken,
	setSessionCookie
} from './session';
import * as clock from '../clock';

export type LoginKind = 'citizen' | 'staff';

const LOGIN_STATE_MAX_AGE = 10 * 60;

function callbackPath(kind: LoginKind): string {
	return `/auth/${kind}/callback`;
}

function loginStateCookie(kind: LoginKind): string {
	return `sammen_login_${kind}`;
}

function settingsFor(kind: LoginKind, origin: string) {
	return kind === 'citizen' ? citizenSettings(origin) : staffSettings(origin);
}

/**
 * Where a refused login explains itself. The reason is a code, never personal data. Every refusal
 * passes here, so here it is counted for /metrics.
 */
function refusalUrl(kind: LoginKind, reason: RefusalReason): string {
	countRefusedLogin(kind, reason);
	return `/login/afvist?grund=${reason}&for=${kind}`;
}

function rateLimited(kind: LoginKind, retryAfterSeconds: number): Response {
	countRefusedLogin(kind, 'rate_limited');
	return tooManyRequests(retryAfterSeconds);
}

export async function beginLogin(event: RequestEvent, kind: LoginKind): Promise<Response> {
	const limited = await checkRateLimit(loginRateLimit().start, clientAddress(event));
	if (!limited.ok) return rateLimited(kind, limited.retryAfterSeconds);

	const defaultTarget = kind === 'citizen' ? '/' : '/staff';
	const returnTo = safePath(event.url.searchParams.get('returnTo') ?? defaultTarget);
	let started: Awaited<ReturnType<typeof startLogin>>;
	try {
		started = await startLogin(
			settingsFor(kind, event.url.origin),
			new URL(callbackPath(kind), event.url.origin).toString(),
			returnTo
		);
	} catch (error) {
		// The provider cannot be reached or does not describe itself as configured (for example a
		// different issuer). Operators need to know; the person gets the refusal page, not a 500.
		log.error(
			{ audience: kind, ...errorFields(error) },
			`Login could not start: ${(error as Error).message}`
		);
		await recordRefusal(getDb(), kind, 'failed', null);
		redirect(303, refusalUrl(kind, 'failed'));
	}
	const { url, loginState } = started;
	// The state, nonce and PKCE verifier wait in the browser, only for the callback's path and for
	// ten minutes. SameSite=Lax lets the provider's top-level redirect carry it back.
	event.cookies.set(loginStateCookie(kind), encodeLoginState(loginState), {
		path: callbackPath(kind),
		httpOnly: true,
		secure: isSecureContext(event.url),
		sameSite: 'lax',
		maxAge: LOGIN_STATE_MAX_AGE
	});
	redirect(303, url.toString());
}

export async function completeLogin(event: RequestEvent, kind: LoginKind): Promise<Response> {
	const limited = await checkRateLimit(loginRateLimit().callback, clientAddress(event));
	if (!limited.ok) return rateLimited(kind, limited.retryAfterSeconds);

	const db = getDb();
	const cookieName = loginStateCookie(kind);
	const loginState = decodeLoginState(event.cookies.get(cookieName));
	// Used once: a replayed callback finds no state and is refused.
	event.cookies.delete(cookieName, {
		path: callbackPath(kind),
		httpOnly: true,
		secure: isSecureContext(event.url),
		sameSite: 'lax'
	});
	if (!loginState) {
		await recordRefusal(db, kind, 'expired', null);
		redirect(303, refusalUrl(kind, 'expired'));
	}
	if (event.url.searchParams.get('error') === 'access_denied') {
		await recordRefusal(db, kind, 'cancelled', null);
		redirect(303, refusalUrl(kind, 'cancelled'));
	}

	const settings = settingsFor(kind, event.url.origin);
	let claims: Record<string, unknown>;
	try {
		// The callback URL as the provider sent it, on our configured origin.
		const callbackUrl = new URL(callbackPath(kind) + event.url.search, event.url.origin);
		claims = await finishLogin(settings, callbackUrl, loginState);
	} catch {
		// Wrong issuer, audience, state, nonce or PKCE, a used code, or the provider is down. The
		// details stay out of the page and the log: they may carry the provider's token contents.
		await recordRefusal(db, kind, 'failed', null);
		redirect(303, refusalUrl(kind, 'failed'));
	}

	const token = generateSessionToken();
	// A login in a browser that already had a session ends that one on the server: only the new
	// token is worth anything from here on (docs/SECURITY.md, sessions).
	const endPrevious = async () => {
		const previous = readSessionToken(event.cookies, event.url);
		if (previous) await invalidateSession(db, sessionIdFromToken(previous));
	};
	if (kind === 'citizen') {
		const result = await citizenFromClaims(
			db,
			getCprKeys(),
			citizenSettings(event.url.origin),
			claims
		);
		if (!result.ok) redirect(303, refusalUrl(kind, result.reason));
		await endPrevious();
		const session = await createSession(
			db,
			token,
			{ citizenId: result.citizenId },
			{
				assuranceLevel: result.loa
			}
		);
		setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		// Sammen speaks the language the citizen chose in their settings from the first page on,
		// unless this browser has a language chosen with the switch (the person at the screen).
		if (!event.cookies.get(LOCALE_COOKIE)) {
			setLocaleCookie(event.cookies, event.url, result.language);
		}
		const today = todayInDenmark(clock.now());
		const represented = await activeRepresentations(db, result.citizenId, today);
		if (represented.length > 0) {
			redirect(303, `/vaelg?returnTo=${encodeURIComponent(loginState.returnTo)}`);
		}
		redirect(303, loginState.returnTo);
	}

	const result = await staffFromClaims(db, staffSettings(event.url.origin), claims);
	if (!result.ok) redirect(303, refusalUrl(kind, result.reason));
	await endPrevious();
	const session = await createSession(db, token, { staffUserId: result.staffUserId });
	setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	redirect(303, loginState.returnTo.startsWith('/staff') ? loginState.returnTo : '/staff');
}

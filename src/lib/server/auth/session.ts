// Login sessions after Lucia's published session design (the npm package is retired; the design is
// meant to be owned as code): a random token lives only in the browser's cookie, the database keeps
// its SHA-256, so a leaked sessions table cannot be replayed as cookies. Sessions end after an idle
// period and, however active, after an absolute lifetime. Every login must create a new session
// (the caller's job), which also rules out session fixation.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { todayInDenmark } from '../../format';
import { activeRepresentations } from '../db/representatives';
import type { RepresentationFacts } from '../access/policy';
import {
	deleteSession,
	deleteSessionsExpiredAt,
	deleteSessionsForCitizen,
	deleteSessionsForStaff,
	findSessionWithPrincipal,
	insertSession,
	touchSession,
	updateActingFor,
	type SessionRow,
	type SessionWithPrincipal
} from '../db/sessions';
import * as clock from '../clock';
import type { Executor } from '../db/executor';

/** 25 bytes = 200 bits, well above the 120 bits a guessing attacker would need to beat. */
const TOKEN_BYTES = 25;
/** Base32 of 25 bytes without padding: 40 characters of a–z and 2–7. */
const TOKEN_PATTERN = /^[a-z2-7]{40}$/;
/**
 * last_seen_at is written at most this often, so a busy session costs one write a minute, not one
 * per request. The idle timeout may therefore strike up to this much early; that errs safe.
 */
const TOUCH_INTERVAL_MS = 60_000;

export const SECURE_COOKIE_NAME = '__Host-sammen_session';
/** Browsers refuse __Host- cookies without Secure, so plain-http demos on localhost use this. */
export const INSECURE_COOKIE_NAME = 'sammen_session';

export interface SessionInfo {
	/** hex(sha256(token)): safe to log or store, useless as a cookie. */
	id: string;
	citizenId: string | null;
	staffUserId: string | null;
	/** The citizen a representative acts for; the policy module still checks the representation. */
	actingForCitizenId: string | null;
	assuranceLevel: string | null;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
}

export type SessionSubject = { citizenId: string } | { staffUserId: string };

export interface ValidatedSession {
	session: SessionInfo;
	citizen: SessionWithPrincipal['citizen'];
	staff: Omit<NonNullable<SessionWithPrincipal['staff']>, 'active'> | null;
	actingFor: SessionWithPrincipal['actingFor'];
	/** The representation valid today that lets the citizen act for `actingFor`, if any. */
	representation: RepresentationFacts | null;
}

export interface SessionLifetimes {
	idleMs: number;
	absoluteMs: number;
}

function positiveNumberFromEnv(name: string, fallback: number): number {
	const raw = process.env[name]?.trim();
	if (!raw) return fallback;
	const value = Number(raw);
	// A typo here would silently change how long people stay logged in: refuse it loudly.
	if (!Number.isFinite(value) || value <= 0) {
		throw new Error(`${name} must be a positive number, not "${raw}"`);
	}
	return value;
}

/** SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 12), read on every call. */
export function sessionLifetimes(): SessionLifetimes {
	return {
		idleMs: positiveNumberFromEnv('SESSION_IDLE_MINUTES', 30) * 60_000,
		absoluteMs: positiveNumberFromEnv('SESSION_MAX_HOURS', 12) * 3_600_000
	};
}

export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(TOKEN_BYTES));
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Constant-time equality of two ids, so a comparison in JS leaks nothing through its timing. */
function sameId(a: string, b: string): boolean {
	const left = Buffer.from(a, 'utf8');
	const right = Buffer.from(b, 'utf8');
	return left.length === right.length && timingSafeEqual(left, right);
}

function toInfo(row: SessionRow): SessionInfo {
	return {
		id: row.id,
		citizenId: row.citizen_id,
		staffUserId: row.staff_user_id,
		actingForCitizenId: row.acting_for_citizen_id,
		assuranceLevel: row.assurance_level,
		createdAt: row.created_at,
		lastSeenAt: row.last_seen_at,
		expiresAt: row.expires_at
	};
}

export async function createSession(
	db: Executor,
	token: string,
	subject: SessionSubject,
	options: { assuranceLevel?: string | null; now?: Date } = {}
): Promise<SessionInfo> {
	const now = options.now ?? clock.now();
	const row = await insertSession(db, {
		id: sessionIdFromToken(token),
		citizen_id: 'citizenId' in subject ? subject.citizenId : null,
		staff_user_id: 'staffUserId' in subject ? subject.staffUserId : null,
		assurance_level: options.assuranceLevel ?? null,
		created_at: now,
		last_seen_at: now,
		expires_at: new Date(now.getTime() + sessionLifetimes().absoluteMs)
	});
	return toInfo(row);
}

/**
 * The session a token belongs to, with its citizen or staff user, or null. An expired session
 * (absolute or idle) is deleted on sight; so is one whose staff user has been deactivated, so that
 * deactivation logs a person out at their next request.
 */
export async function validateSessionToken(
	db: Executor,
	token: string,
	now: Date = clock.now()
): Promise<ValidatedSession | null> {
	// Anything that cannot be one of our tokens needs no database round trip.
	if (!TOKEN_PATTERN.test(token)) return null;
	const id = sessionIdFromToken(token);
	const found = await findSessionWithPrincipal(db, id);
	if (!found || !sameId(found.session.id, id)) return null;
	const { session } = found;
	const { idleMs } = sessionLifetimes();
	const expired =
		now.getTime() >= session.expires_at.getTime() ||
		now.getTime() - session.last_seen_at.getTime() >= idleMs;
	const staffGone = session.staff_user_id !== null && (!found.staff || !found.staff.active);
	const citizenGone = session.citizen_id !== null && !found.citizen;
	if (expired || staffGone || citizenGone) {
		await deleteSession(db, id);
		return null;
	}
	let lastSeenAt = session.last_seen_at;
	// A quarter of the idle timeout at most, so a short configured timeout still sees activity.
	if (now.getTime() - lastSeenAt.getTime() >= Math.min(TOUCH_INTERVAL_MS, idleMs / 4)) {
		await touchSession(db, id, now);
		lastSeenAt = now;
	}
	// `active` was only needed for the check above; locals carry the person, not the flag.
	const staff: ValidatedSession['staff'] = found.staff
		? {
				id: found.staff.id,
				name: found.staff.name,
				email: found.staff.email,
				role: found.staff.role,
				departmentId: found.staff.departmentId
			}
		: null;
	// Acting for someone holds only while the representation does: one that ended or ran out of
	// its period stops the acting at the next request, not at the next login.
	let actingFor = found.actingFor;
	let actingForCitizenId = session.acting_for_citizen_id;
	let representation: RepresentationFacts | null = null;
	if (actingForCitizenId && session.citizen_id) {
		const today = todayInDenmark(now);
		const represented = await activeRepresentations(db, session.citizen_id, today);
		const valid = represented.find((r) => r.citizen_id === actingForCitizenId);
		if (valid) {
			representation = { scope: valid.scope, departmentIds: valid.department_ids };
		} else {
			await updateActingFor(db, id, null);
			actingFor = null;
			actingForCitizenId = null;
		}
	}
	return {
		session: { ...toInfo(session), lastSeenAt, actingForCitizenId },
		citizen: found.citizen,
		staff,
		actingFor,
		representation
	};
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
	await deleteSession(db, sessionId);
}

/** Logs a citizen out everywhere, e.g. after a representation ends or on their request. */
export async function invalidateAllSessionsForCitizen(
	db: Executor,
	citizenId: string
): Promise<number> {
	return deleteSessionsForCitizen(db, citizenId);
}

/** Logs a staff user out everywhere, e.g. when they leave or change role. */
export async function invalidateAllSessionsForStaff(
	db: Executor,
	staffUserId: string
): Promise<number> {
	return deleteSessionsForStaff(db, staffUserId);
}

/** Sets (or with null clears) whom a citizen session acts for. False for a staff or gone session. */
export async function setActingFor(
	db: Executor,
	sessionId: string,
	citizenId: string | null
): Promise<boolean> {
	return updateActingFor(db, sessionId, citizenId);
}

/** Housekeeping: removes sessions that validation would refuse anyway. Returns how many. */
export async function deleteExpiredSessions(
	db: Executor,
	now: Date = clock.now()
): Promise<number> {
	const { idleMs } = sessionLifetimes();
	return deleteSessionsExpiredAt(db, now, new Date(now.getTime() - idleMs));
}

// Cookies

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure unless the request is plain http to this machine (the demo). Plain http to any other host
 * still gets a Secure cookie, which the browser then drops: production must be https.
 */
export function isSecureContext(url: URL): boolean {
	return url.protocol === 'https:' || !LOCAL_HOSTNAMES.has(url.hostname);
}

export function sessionCookieName(url: URL): string {
	return isSecureContext(url) ? SECURE_COOKIE_NAME : INSECURE_COOKIE_NAME;
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: Date,
	now: Date = clock.now()
): void {
	// No Domain: __Host- requires it absent, and it keeps the cookie to this exact host. Lax lets
	// the OIDC redirect back in while keeping cross-site posts out.
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		secure: isSecureContext(url),
		sameSite: 'lax',
		maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		secure: isSecureContext(url),
		sameSite: 'lax'
	});
}

/** The token from the cookie this request should carry, or null. Shape is checked on validation. */
export function readSessionToken(cookies: Cookies, url: URL): string | null {
	const token = cookies.get(sessionCookieName(url));
	return token === undefined || token === '' ? null : token;
}

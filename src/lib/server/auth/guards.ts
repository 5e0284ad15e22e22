// Guards for load functions, form actions and endpoints. Authorisation happens here, per route,
// never in hooks by URL: a route that forgets its guard is found in review, while a URL pattern
// in hooks silently misses a route added later.
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { StaffRole } from '../../domain';
import type { SessionInfo } from './session';

type Citizen = NonNullable<App.Locals['citizen']>;
type Staff = NonNullable<App.Locals['staff']>;

export interface CitizenContext {
	/** The person logged in: a representative when `actingFor` is set. */
	citizen: Citizen;
	/** The citizen a representative acts for, or null when citizens act for themselves. */
	actingFor: App.Locals['actingFor'];
	session: SessionInfo;
}

export interface StaffContext {
	staff: Staff;
	session: SessionInfo;
}

// A CPR number (ddmmyy-xxxx or ddmmyyxxxx) must never travel in a URL, not even back to ourselves.
const CPR_LIKE = /\d{6}-?\d{4}/;

/**
 * Where to return after login: the path only. The query string is dropped because it may carry
 * search terms about a person, and the result is always a local path (no open redirect).
 */
function returnPath(event: RequestEvent): string {
	const path = event.url.pathname;
	if (!path.startsWith('/') || path.startsWith('//') || CPR_LIKE.test(path)) return '/';
	return path;
}

function loginUrl(base: string, event: RequestEvent): string {
	const path = returnPath(event);
	return path === '/' ? base : `${base}?returnTo=${encodeURIComponent(path)}`;
}

/** The logged-in citizen, or a 303 to the citizen login that brings them back here afterwards. */
export function requireCitizen(event: RequestEvent): CitizenContext {
	const { session, citizen, actingFor } = event.locals;
	if (!session || !citizen) redirect(303, loginUrl('/login', event));
	return { citizen, actingFor, session };
}

/**
 * The logged-in staff user, or a 303 to the staff login. A staff user whose role is not among
 * `roles` gets a 404, exactly as if the page did not exist (docs/RULES.md, access rules).
 */
export function requireStaff(event: RequestEvent, roles?: readonly StaffRole[]): StaffContext {
	const { session, staff } = event.locals;
	if (!session || !staff) redirect(303, loginUrl('/staff/login', event));
	if (roles && !roles.includes(staff.role)) error(404, 'Not Found');
	return { staff, session };
}

// A brake on citizen search at /staff/soeg, per member of staff: SEARCH_RATE_LIMIT_PER_MINUTE
// searches a minute (default 30) and SEARCH_RATE_LIMIT_PER_DAY a day (default 600). A caseworker's
// desk work stays far below both; a script that tries CPR number after CPR number to learn who
// lives in the municipality hits them at once. Counted like the login and API limits
// (rate-limit-store.ts): in PostgreSQL, so every app node counts in the same rows; on PGlite, the
// one process counts in memory. A refused search is not run, but it is audited with its criterion
// (docs/RULES.md, access rule 6), logged as a warning and counted in a metric, so that the
// operator is alerted (docs/DEPLOY.md, "Health, shutdown, logs and metrics").
import type { Kysely } from 'kysely';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { StaffActor } from '../access/staff';
import { recordAuditEvent } from '../db/audit';
import type { Database } from '../db/schema';
import { auditRow } from '../events/actor';
import { log } from '../log';
import { countRefusedSearch } from '../metrics';
import { sharedRateLimiter } from '../rate-limit-store';
import { searchCriterion, type SearchQuery } from './search';

export const DEFAULT_SEARCHES_PER_MINUTE = 30;
export const DEFAULT_SEARCHES_PER_DAY = 600;

/** The audit row's object type for a search the limit refused (the search itself is `citizen`). */
export const REFUSED_SEARCH_OBJECT = 'citizen_search_refused';

export type SearchWindow = 'minute' | 'day';
export const SEARCH_WINDOWS: readonly SearchWindow[] = ['minute', 'day'];

export interface SearchLimits {
	perMinute: number;
	perDay: number;
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
	const text = raw?.trim();
	if (!text) return fallback;
	const value = Number(text);
	if (!Number.isInteger(value) || value <= 0) {
		throw new Error(`${name} must be a positive integer, not "${text}"`);
	}
	return value;
}

/** The limits from the environment; a value that is no positive integer stops the start. */
export function searchLimits(env: Record<string, string | undefined> = process.env): SearchLimits {
	return {
		perMinute: positiveInteger(
			'SEARCH_RATE_LIMIT_PER_MINUTE',
			env.SEARCH_RATE_LIMIT_PER_MINUTE,
			DEFAULT_SEARCHES_PER_MINUTE
		),
		perDay: positiveInteger(
			'SEARCH_RATE_LIMIT_PER_DAY',
			env.SEARCH_RATE_LIMIT_PER_DAY,
			DEFAULT_SEARCHES_PER_DAY
		)
	};
}

export type SearchLimiters = Record<SearchWindow, RateLimiterAbstract>;

/** Both windows' limiters on the shared store (`pool` as sharedRateLimiter takes it). */
export function createSearchLimiters(
	limits: SearchLimits,
	pool?: Parameters<typeof sharedRateLimiter>[1]
): SearchLimiters {
	return {
		minute: sharedRateLimiter(
			{ keyPrefix: 'staff-search-minute', points: limits.perMinute, durationSeconds: 60 },
			pool
		),
		day: sharedRateLimiter(
			{ keyPrefix: 'staff-search-day', points: limits.perDay, durationSeconds: 24 * 60 * 60 },
			pool
		)
	};
}

let limiters: SearchLimiters | undefined;

/** Made at first use, when the database (and with it the shared store) is open. */
function appLimiters(): SearchLimiters {
	limiters ??= createSearchLimiters(searchLimits());
	return limiters;
}

export type SearchAllowance =
	{ ok: true } | { ok: false; window: SearchWindow; retryAfterSeconds: number };

/**
 * Spends one search of the member of staff's budget: the minute's first, then the day's, so
 * that a search the minute refuses does not use up the day. Refused with the window that refused
 * it and the seconds until it frees up. A failing store (the database is gone) is an error, not
 * a refusal.
 */
export async function consumeSearch(
	staffId: string,
	target: SearchLimiters = appLimiters()
): Promise<SearchAllowance> {
	for (const window of SEARCH_WINDOWS) {
		try {
			await target[window].consume(staffId);
		} catch (rejection) {
			if (rejection instanceof RateLimiterRes) {
				return {
					ok: false,
					window,
					retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
				};
			}
			throw rejection;
		}
	}
	return { ok: true };
}

/**
 * Records a search the limit refused: an audit row with the search's criterion (a CPR number
 * only as its keyed hash) about no citizen, a warning in the log (codes only, never the
 * criterion: docs/RULES.md, "Privacy and security") and the metric
 * sammen_staff_searches_refused_total.
 */
export async function recordRefusedSearch(
	db: Kysely<Database>,
	actor: StaffActor,
	query: SearchQuery,
	refusal: { window: SearchWindow; retryAfterSeconds: number }
): Promise<void> {
	await recordAuditEvent(
		db,
		auditRow(actor, {
			action: 'search',
			objectType: REFUSED_SEARCH_OBJECT,
			citizenId: null,
			purpose: query.purpose,
			criterion: searchCriterion(query)
		})
	);
	countRefusedSearch(refusal.window);
	log.warn(
		{
			event: 'staff_search_rate_limited',
			window: refusal.window,
			kind: query.kind,
			role: actor.role,
			retryAfterSeconds: refusal.retryAfterSeconds
		},
		'Citizen search refused: a member of staff reached the search rate limit (see the audit row with this request id)'
	);
}

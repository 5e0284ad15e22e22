// Finding a citizen at /staff/soeg by CPR number (looked up by its keyed hash) or by part of the
// name. Only citizens the access policy lets the searcher see are returned: the others are simply
// absent, so a search never reveals that a citizen exists. Every search is audited with its
// criterion (docs/RULES.md, access rule 6): one row per visible match, about that citizen, so it shows in the
// citizen's "who has looked at my data"; one row without a citizen when nothing visible matched.
// A CPR number is never stored in clear: the criterion holds its keyed hash.
import type { Kysely } from 'kysely';
import type { FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { tooLong } from '../../forms';
import { hashCpr, normalizeCpr, type CprKeys } from '../crypto/cpr';
import { loadCitizenFactsMany } from '../db/access-facts';
import { recordAuditEvents } from '../db/audit';
import { analogCitizenIds } from '../db/analog';
import {
	findCitizenSearchRowByCprHash,
	searchCitizensByName,
	type CitizenSearchRow
} from '../db/citizens';
import type { Database } from '../db/schema';
import { hasConsent, staffSeesCitizen } from '../access/policy';
import { purposeFor, type StaffActor } from '../access/staff';
import { auditRow } from '../events/actor';

export const SEARCH_MIN_NAME = 2;
/** At most this many citizens are shown for a name: more means the name should be narrowed. */
export const SEARCH_RESULTS_MAX = 50;
export const SEARCH_MAX = 100;
export const PURPOSE_MAX = 200;

export type SearchQuery =
	| { kind: 'cpr'; cprHash: string; purpose: string | null }
	| { kind: 'name'; text: string; purpose: string | null };

/** Validates the form; the CPR number leaves this function only as its keyed hash. */
export function parseSearch(
	keys: CprKeys,
	input: { query: string; purpose: string }
): { query: SearchQuery } | { errors: FieldErrors<StaffKey> } {
	const errors: FieldErrors<StaffKey> = {};
	const purposeError = tooLong(input.purpose, PURPOSE_MAX);
	if (purposeError) errors['purpose'] = purposeError;
	const text = input.query.replace(/\s+/g, ' ').trim();
	const looksLikeCpr = /^[\d\s-]+$/.test(text) && /\d/.test(text);
	let query: SearchQuery | null = null;
	const purpose = input.purpose || null;
	if (text === '') errors['query'] = 'caseloadSearchErrorEmpty';
	else if (looksLikeCpr) {
		const cpr = normalizeCpr(text);
		if (!cpr) errors['query'] = 'caseloadSearchErrorCpr';
		else query = { kind: 'cpr', cprHash: hashCpr(keys, cpr), purpose };
	} else if ([...text].length < SEARCH_MIN_NAME) errors['query'] = 'caseloadSearchErrorShort';
	else {
		const long = tooLong(text, SEARCH_MAX);
		if (long) errors['query'] = long;
		else query = { kind: 'name', text, purpose };
	}
	if (Object.keys(errors).length > 0 || !query) return { errors };
	return { query };
}

export interface SearchResult extends CitizenSearchRow {
	analog: boolean;
	consentMissing: boolean;
}

export function searchCriterion(query: SearchQuery): string {
	return query.kind === 'cpr' ? `cpr: ${query.cprHash}` : `navn: ${query.text}`;
}

/**
 * The search's results, at most SEARCH_RESULTS_MAX, and whether more citizens matched (the name
 * should then be narrowed). Only the results shown are audited as found.
 */
export async function searchCitizens(
	db: Kysely<Database>,
	actor: StaffActor,
	query: SearchQuery
): Promise<{ results: SearchResult[]; more: boolean }> {
	const matches =
		query.kind === 'cpr'
			? [await findCitizenSearchRowByCprHash(db, query.cprHash)].filter(
					(row): row is CitizenSearchRow => row !== undefined
				)
			: await searchCitizensByName(db, query.text, SEARCH_RESULTS_MAX + 1, actor);
	const more = matches.length > SEARCH_RESULTS_MAX;
	const found = matches.slice(0, SEARCH_RESULTS_MAX);
	// The policy's facts for every match in one round trip, and the audit rows in one statement.
	const facts = await loadCitizenFactsMany(
		db,
		found.map((row) => row.id)
	);
	const visible: { row: CitizenSearchRow; consentMissing: boolean; purpose: string }[] = [];
	for (const row of found) {
		const citizen = facts.get(row.id);
		if (!citizen || !staffSeesCitizen(actor, citizen)) continue;
		visible.push({
			row,
			consentMissing: !hasConsent(actor, citizen),
			purpose: query.purpose ?? purposeFor(actor, citizen)
		});
	}
	const criterion = searchCriterion(query);
	const [analog] = await Promise.all([
		analogCitizenIds(
			db,
			visible.map((v) => v.row.id)
		),
		recordAuditEvents(
			db,
			visible.length === 0
				? [
						auditRow(actor, {
							action: 'search',
							objectType: 'citizen',
							citizenId: null,
							purpose: query.purpose ?? 'casework',
							criterion
						})
					]
				: visible.map((match) =>
						auditRow(actor, {
							action: 'search',
							objectType: 'citizen',
							objectId: match.row.id,
							citizenId: match.row.id,
							purpose: match.purpose,
							criterion
						})
					)
		)
	]);
	return {
		results: visible.map((v) => ({
			...v.row,
			analog: analog.has(v.row.id),
			consentMissing: v.consentMissing
		})),
		more
	};
}

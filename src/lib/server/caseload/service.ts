// The caseload at /staff: what the caseworker works on, filtered by the access policy. The list is
// the caseworker's own work queue, so opening it is not audited per citizen (docs/RULES.md, access rule 6 is
// about reading a citizen's data: the citizen and journey pages, searches and exports are audited,
// and every row here links to a page that is).
import type { Kysely } from 'kysely';
import { isUuid } from '../../uuid';
import { loadCitizenFactsMany, loadJourneyFactsMany } from '../db/access-facts';
import { analogCitizenIds } from '../db/analog';
import { listCaseloadCandidates, listDepartmentsForFilter } from '../db/caseload';
import type { Database } from '../db/schema';
import {
	CASELOAD_STATUSES,
	type CaseStatus,
	isOneOf,
	WAITING_ON,
	type WaitingOn
} from '../../domain';
import { can, hasConsent, staffSeesCitizen } from '../access/policy';
import type { StaffActor } from '../access/staff';

/** "Due soon": overdue, or due within this many days. */
export const DUE_SOON_DAYS = 14;

/** Cases per page of the caseload. */
export const CASELOAD_PAGE_SIZE = 50;

export interface CaseloadFilters {
	scope: 'mine' | 'department';
	departmentId: string | null;
	status: Exclude<CaseStatus, 'closed'> | null;
	waitingOn: WaitingOn | null;
	dueSoon: boolean;
	/** The page, from 1. */
	page: number;
}

/** The filters from the query string; anything unknown reads as "no filter" (no personal data). */
export function parseCaseloadFilters(params: URLSearchParams): CaseloadFilters {
	const pick = <T extends string>(name: string, allowed: readonly T[]): T | null => {
		const value = params.get(name);
		return isOneOf(allowed, value) ? value : null;
	};
	const department = params.get('afdeling');
	const page = Number(params.get('side'));
	return {
		scope: params.get('visning') === 'afdeling' ? 'department' : 'mine',
		departmentId: department && isUuid(department) ? department : null,
		status: pick('status', CASELOAD_STATUSES),
		waitingOn: pick('venter', WAITING_ON),
		dueSoon: params.get('snart') === 'ja',
		page: Number.isSafeInteger(page) && page >= 1 ? page : 1
	};
}

/** The filters as the caseload's query string at `page` (what the filter form sends, plus `side`). */
export function caseloadQuery(filters: CaseloadFilters, page: number): string {
	const params = new URLSearchParams();
	if (filters.scope === 'department') params.set('visning', 'afdeling');
	if (filters.departmentId) params.set('afdeling', filters.departmentId);
	if (filters.status) params.set('status', filters.status);
	if (filters.waitingOn) params.set('venter', filters.waitingOn);
	if (filters.dueSoon) params.set('snart', 'ja');
	if (page > 1) params.set('side', String(page));
	const query = params.toString();
	return query ? `?${query}` : '';
}

export interface CaseloadRow {
	caseId: string;
	citizenId: string;
	citizenName: string;
	departmentName: string;
	departmentNameEn: string;
	title: string;
	titleEn: string | null;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: string | null;
	overdue: boolean;
	journey: { id: string; title: string; titleEn: string | null } | null;
	analog: boolean;
	consentMissing: boolean;
}

/** 'YYYY-MM-DD' plus `days`. */
function addDays(date: string, days: number): string {
	const d = new Date(`${date}T12:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export async function loadCaseload(
	db: Kysely<Database>,
	actor: StaffActor,
	filters: CaseloadFilters,
	today: string,
	pageSize = CASELOAD_PAGE_SIZE
) {
	const soon = addDays(today, DUE_SOON_DAYS);
	const query = (page: number) =>
		listCaseloadCandidates(
			db,
			{ staffId: actor.staffId, departmentId: actor.departmentId },
			{
				scope: filters.scope,
				departmentId: filters.departmentId,
				status: filters.status,
				waitingOn: filters.waitingOn,
				dueBy: filters.dueSoon ? soon : null,
				limit: pageSize,
				offset: (page - 1) * pageSize
			}
		);
	let page = filters.page;
	const [first, departments] = await Promise.all([query(page), listDepartmentsForFilter(db)]);
	let found = first;
	if (found.rows.length === 0 && page > 1) {
		// Past the last page (a link from before cases were closed): the last page there is.
		const total = (await query(1)).total;
		page = Math.max(1, Math.ceil(total / pageSize));
		found = await query(page);
	}
	const candidates = found.rows;

	// The policy's facts for the page's rows in three round trips, whatever the caseload's length.
	const citizenIds = [...new Set(candidates.map((c) => c.citizenId))];
	const journeyIds = candidates.flatMap((c) => (c.journeyId ? [c.journeyId] : []));
	const [facts, journeys, analog] = await Promise.all([
		loadCitizenFactsMany(db, citizenIds),
		loadJourneyFactsMany(db, journeyIds),
		analogCitizenIds(db, citizenIds)
	]);

	const rows: CaseloadRow[] = [];
	for (const c of candidates) {
		const citizen = facts.get(c.citizenId);
		if (!citizen || !staffSeesCitizen(actor, citizen)) continue;
		// The database applied the filters and the department rule; the policy has the last word.
		if (!can(actor, 'read', { kind: 'case', citizen, departmentId: c.departmentId })) continue;
		// A journey is linked only when the reader may open it (the link would answer 404 otherwise).
		const journey = c.journeyId ? journeys.get(c.journeyId) : undefined;
		const journeyVisible =
			journey !== undefined && can(actor, 'read', { kind: 'journey', citizen, journey });
		rows.push({
			caseId: c.caseId,
			citizenId: c.citizenId,
			citizenName: c.citizenName,
			departmentName: c.departmentName,
			departmentNameEn: c.departmentNameEn,
			title: c.title,
			titleEn: c.titleEn,
			status: c.status,
			waitingOn: c.waitingOn,
			nextStep: c.nextStep,
			nextStepEn: c.nextStepEn,
			nextStepDue: c.nextStepDue,
			overdue: c.nextStepDue !== null && c.nextStepDue < today,
			journey:
				journeyVisible && c.journeyId && c.journeyTitle
					? { id: c.journeyId, title: c.journeyTitle, titleEn: c.journeyTitleEn }
					: null,
			analog: analog.has(c.citizenId),
			consentMissing: !hasConsent(actor, citizen)
		});
	}
	return {
		rows,
		total: found.total,
		page,
		pages: Math.max(1, Math.ceil(found.total / pageSize)),
		departments: departments.map((d) => ({ id: d.id, name: d.name, nameEn: d.nameEn }))
	};
}

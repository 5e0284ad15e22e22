import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { departmentName } from '$lib/server/db/departments';
import { caseloadQuery, loadCaseload, parseCaseloadFilters } from '$lib/server/caseload/service';
import { CASE_ROLES, staffActor } from '$lib/server/access/staff';
import { todayInDenmark } from '$lib/format';
import type { PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// The caseload: the caseworker's own work queue (their cases and the journeys they coordinate) or
// all open cases of their department, filtered by the access policy. It is not audited per
// citizen: it lists the reader's own work, and each row links to the citizen and journey pages,
// which are audited when opened. Administrators and auditors see no case content (rule 5), only a
// pointer to their part of the workspace.
export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event);
	const db = getDb();
	const who = {
		staffName: staff.name,
		role: staff.role,
		department: staff.departmentId
			? await departmentName(db, staff.departmentId, event.locals.locale)
			: null
	};
	if (!CASE_ROLES.includes(staff.role)) return { ...who, caseload: null };
	const filters = parseCaseloadFilters(event.url.searchParams);
	const caseload = await loadCaseload(db, staffActor(staff), filters, todayInDenmark(clock.now()));
	return {
		...who,
		caseload: {
			filters,
			filtered:
				filters.departmentId !== null ||
				filters.status !== null ||
				filters.waitingOn !== null ||
				filters.dueSoon,
			...caseload,
			previousQuery: caseload.page > 1 ? caseloadQuery(filters, caseload.page - 1) : null,
			nextQuery: caseload.page < caseload.pages ? caseloadQuery(filters, caseload.page + 1) : null
		}
	};
};

import {
	AUDIT_CITIZEN_CHOICES,
	AUDIT_STAFF_CHOICES,
	decodeAuditCursor,
	encodeAuditCursor,
	listAuditTrail,
	listAuditTrailCitizens,
	listAuditTrailObjectTypes,
	listAuditTrailStaff,
	listDepartmentsForFilter
} from '$lib/server/db/audit';
import { auditReview, requireAuditor } from '$lib/server/audit/review';
import { filterQuery, redactCriterion } from '$lib/server/audit/trail';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

// The audit trail across citizens for auditors, newest first, filtered by GET parameters and paged
// by keyset. Reading it is itself recorded.
export const load: PageServerLoad = async (event) => {
	const { db, actor, filter, values, errors } = requireAuditor(event);
	const after = decodeAuditCursor(event.url.searchParams.get('efter'));
	const valid = Object.keys(errors).length === 0;
	// The citizen is chosen from those whose name holds what the auditor typed (borgernavn).
	const citizenName = (event.url.searchParams.get('borgernavn') ?? '').trim().slice(0, 100);
	// Likewise the member of staff (medarbejdernavn), of whom a municipality has a thousand.
	const staffName = (event.url.searchParams.get('medarbejdernavn') ?? '').trim().slice(0, 100);
	const [page, citizens, staff, departments, objectTypes] = await Promise.all([
		valid ? listAuditTrail(db, filter, { after, limit: PAGE_SIZE }) : null,
		listAuditTrailCitizens(db, { name: citizenName, chosenId: filter.citizenId }),
		listAuditTrailStaff(db, { name: staffName, chosenId: filter.staffId }),
		listDepartmentsForFilter(db),
		listAuditTrailObjectTypes(db)
	]);
	if (valid) await auditReview(db, actor, 'read', filter, after);
	return {
		values,
		errors: valid ? null : errors,
		// A CPR search's criterion is its keyed hash: it never leaves the server, not even in the
		// page data; the page shows that it was a CPR search.
		rows: (page?.rows ?? []).map((row) => ({ ...row, criterion: redactCriterion(row.criterion) })),
		query: filterQuery(filter),
		nextQuery: page?.next ? filterQuery(filter, encodeAuditCursor(page.next)) : null,
		paged: after !== null,
		citizenName,
		citizens: citizens.slice(0, AUDIT_CITIZEN_CHOICES),
		moreCitizens: citizens.length > AUDIT_CITIZEN_CHOICES,
		staffName,
		staff: staff.slice(0, AUDIT_STAFF_CHOICES),
		moreStaff: staff.length > AUDIT_STAFF_CHOICES,
		departments,
		objectTypes
	};
};

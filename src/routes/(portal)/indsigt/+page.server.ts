import { auditShowsStaffNames } from '$lib/server/audit/settings';
import {
	decodeAuditCursor,
	encodeAuditCursor,
	listAuditForCitizen,
	listDepartmentsForFilter
} from '$lib/server/db/audit';
import { auditPortal, portal } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

// "Who has seen my information": the audit rows about the citizen that others made, newest first,
// 25 at a time, optionally only one department's.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	const departments = await listDepartmentsForFilter(db);
	// An unknown or malformed department shows every department, as a broken cursor shows page one.
	const wanted = event.url.searchParams.get('afdeling') ?? '';
	const department = isUuid(wanted) ? (departments.find((d) => d.id === wanted) ?? null) : null;
	const after = decodeAuditCursor(event.url.searchParams.get('efter'));
	const staffNames = auditShowsStaffNames();
	const page = await listAuditForCitizen(db, scope.citizenId, {
		after,
		limit: PAGE_SIZE,
		departmentId: department?.id ?? null,
		staffNames
	});
	await auditPortal(db, context, 'read', { type: 'audit_trail' });
	return {
		rows: page.rows,
		next: page.next ? encodeAuditCursor(page.next) : null,
		isFirstPage: after === null,
		departments,
		department,
		staffNames
	};
};

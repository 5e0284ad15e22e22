// The auditor's reading of the trail, shared by the page and the CSV export: the guard (auditors
// only; everyone else gets 404), the filter, and the audit row that records the reading itself.
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '../auth/guards';
import { getDb } from '../db';
import type { AuditCursor, AuditTrailFilter } from '../db/audit';
import type { AuditAction } from '../../domain';
import { can } from '../access/policy';
import { auditStaff, staffActor, type StaffActor } from '../access/staff';
import { filterCriterion, parseTrailFilter } from './trail';

export function requireAuditor(event: RequestEvent) {
	const { staff } = requireStaff(event, ['auditor']);
	const actor = staffActor(staff);
	if (!can(actor, 'read', { kind: 'auditLog' })) error(404, 'Not Found');
	const parsed = parseTrailFilter(event.url.searchParams);
	return { db: getDb(), actor, staff, ...parsed };
}

/**
 * Records that the auditor read or exported the trail: about one citizen when the filter is one
 * citizen, with the filter as the criterion and purpose 'audit_review'.
 */
export async function auditReview(
	db: ReturnType<typeof getDb>,
	actor: StaffActor,
	action: Extract<AuditAction, 'read' | 'export'>,
	filter: AuditTrailFilter,
	cursor?: AuditCursor | null
): Promise<void> {
	await auditStaff(db, actor, {
		action,
		objectType: 'audit_trail',
		citizenId: filter.citizenId,
		purpose: 'audit_review',
		criterion: filterCriterion(filter, cursor)
	});
}

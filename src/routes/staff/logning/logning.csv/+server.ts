import { error } from '@sveltejs/kit';
import { AUDIT_ACTION_LABELS, STAFF_ROLE_LABELS } from '$lib/domain';
import { label, trailPurpose, trailWho } from '$lib/components/staff-audit/labels';
import { EXPORT_MAX } from '$lib/components/staff-audit/limits';
import { todayInDenmark } from '$lib/format';
import { localized, t } from '$lib/i18n/all';
import { exportAuditTrail } from '$lib/server/db/audit';
import { auditReview, requireAuditor } from '$lib/server/audit/review';
import { criterionText, csvTime, toCsv } from '$lib/server/audit/trail';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

// The audit trail with the page's filters as a CSV file for Danish Excel (UTF-8 with BOM, ';').
// The export itself is recorded in the same trail, with the filters as its criterion.
export const GET: RequestHandler = async (event) => {
	const { db, actor, filter, errors } = requireAuditor(event);
	if (Object.keys(errors).length > 0) error(400, 'Bad Request');
	const m = t(event.locals.locale);
	const locale = event.locals.locale;
	const rows = await exportAuditTrail(db, filter, EXPORT_MAX);
	await auditReview(db, actor, 'export', filter);
	const header = [
		m.saColTime,
		m.saColWho,
		m.saColRole,
		m.saColDepartment,
		m.saColAction,
		m.saColObject,
		m.saColObjectId,
		m.saColCitizen,
		m.saColPurpose,
		m.saColCriterion
	];
	const body = rows.map((row) => [
		csvTime(row.occurredAt),
		trailWho(m, row),
		row.actorRole ? label(m, STAFF_ROLE_LABELS.audit, row.actorRole) : '',
		row.departmentName ? localized(locale, row.departmentName, row.departmentNameEn) : '',
		label(m, AUDIT_ACTION_LABELS.audit, row.action),
		row.objectType,
		row.objectId ?? '',
		row.citizenName ?? '',
		trailPurpose(m, row.purpose),
		criterionText(row.criterion, m.saTrailCprSearch)
	]);
	return new Response(toCsv(header, body), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="logning-${todayInDenmark(clock.now())}.csv"`,
			'cache-control': 'no-store'
		}
	});
};

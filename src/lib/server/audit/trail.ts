// The auditor's view of the audit trail: filters from the query string (never a CPR number: a
// citizen is chosen by id among those in the trail), the criterion that records what was looked
// at, and the CSV export for Danish Excel.
import { parseIsoDate } from '../../dates';
import { dateTimeFormat } from '../../format';
import type { FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { isUuid } from '../../uuid';
import type { AuditCursor, AuditTrailFilter, AuditTrailRow } from '../db/audit';
import { AUDIT_ACTIONS } from '../../domain';

/** The query parameters of the view and the export, in Danish as the URLs are. */
export const FILTER_PARAMS = {
	from: 'fra',
	to: 'til',
	staffId: 'medarbejder',
	departmentId: 'afdeling',
	action: 'handling',
	objectType: 'objekt',
	citizenId: 'borger'
} as const satisfies Record<keyof AuditTrailFilter, string>;

/** The filter as typed, for the form. */
export type FilterValues = Record<keyof AuditTrailFilter, string>;

const OBJECT_TYPE = /^[a-z][a-z0-9_]{0,62}$/;

export function parseTrailFilter(params: URLSearchParams): {
	filter: AuditTrailFilter;
	values: FilterValues;
	errors: FieldErrors<StaffKey>;
} {
	const read = (key: keyof AuditTrailFilter) => (params.get(FILTER_PARAMS[key]) ?? '').trim();
	const values: FilterValues = {
		from: read('from'),
		to: read('to'),
		staffId: read('staffId'),
		departmentId: read('departmentId'),
		action: read('action'),
		objectType: read('objectType'),
		citizenId: read('citizenId')
	};
	const errors: FieldErrors<StaffKey> = {};
	const from = values.from ? parseIsoDate(values.from) : null;
	if (values.from && !from) errors['filter-from'] = 'saTrailErrorFrom';
	const to = values.to ? parseIsoDate(values.to) : null;
	if (values.to && !to) errors['filter-to'] = 'saTrailErrorTo';
	else if (from && to && to < from) errors['filter-to'] = 'saTrailErrorToBefore';
	const id = (value: string, field: string) => {
		if (!value) return null;
		if (isUuid(value)) return value;
		errors[field] = 'saTrailErrorChoice';
		return null;
	};
	const action = values.action ? (AUDIT_ACTIONS.find((a) => a === values.action) ?? null) : null;
	if (values.action && !action) errors['filter-action'] = 'saTrailErrorChoice';
	const objectType =
		values.objectType && OBJECT_TYPE.test(values.objectType) ? values.objectType : null;
	if (values.objectType && !objectType) errors['filter-object'] = 'saTrailErrorChoice';
	const filter: AuditTrailFilter = {
		from,
		to,
		staffId: id(values.staffId, 'filter-staff'),
		departmentId: id(values.departmentId, 'filter-department'),
		action,
		objectType,
		citizenId: id(values.citizenId, 'filter-citizen')
	};
	return { filter, values, errors };
}

/** The filter as a query string (only what is set), for links to the next page and the export. */
export function filterQuery(filter: AuditTrailFilter, cursor?: string | null): string {
	const params = new URLSearchParams();
	for (const key of Object.keys(FILTER_PARAMS) as (keyof AuditTrailFilter)[]) {
		const value = filter[key];
		if (value) params.set(FILTER_PARAMS[key], value);
	}
	if (cursor) params.set('efter', cursor);
	const query = params.toString();
	return query ? `?${query}` : '';
}

/**
 * What the auditor looked at, for the audit row's criterion: the filters by code and id (never a
 * name or a CPR number), e.g. "from=2026-11-01 action=read citizen=<uuid>"; "all" for no filter.
 */
export function filterCriterion(filter: AuditTrailFilter, cursor?: AuditCursor | null): string {
	const parts: string[] = [];
	const names: Record<keyof AuditTrailFilter, string> = {
		from: 'from',
		to: 'to',
		staffId: 'staff',
		departmentId: 'department',
		action: 'action',
		objectType: 'object',
		citizenId: 'citizen'
	};
	for (const key of Object.keys(names) as (keyof AuditTrailFilter)[]) {
		const value = filter[key];
		if (value) parts.push(`${names[key]}=${value}`);
	}
	if (cursor) parts.push(`after=${cursor.occurredAt}`);
	return parts.length > 0 ? parts.join(' ') : 'all';
}

/**
 * A criterion as the auditor is shown it: a CPR search only as "CPR number (search)", never its
 * keyed hash, which is as good as the number to anyone holding the key.
 */
export function criterionText(criterion: string | null, cprSearch: string): string {
	if (!criterion) return '';
	if (criterion.startsWith('cpr:')) return cprSearch;
	return criterion;
}

/**
 * One CSV field for Danish Excel: always quoted, quotes doubled, and a value Excel would read as a
 * formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe (OWASP, CSV
 * injection).
 */
export function csvField(value: string | null | undefined): string {
	let text = value ?? '';
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/** The file: a byte order mark so Excel reads UTF-8, ';' between fields, CRLF between lines. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
	return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A moment as "2026-11-28 14:03:07" in Danish time: sortable, and Excel reads it as a time. */
export function csvTime(value: Date): string {
	// Once per row of an export of up to EXPORT_MAX rows: the formatter is made once (format.ts).
	return dateTimeFormat('sv-SE', {
		timeZone: 'Europe/Copenhagen',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	}).format(value);
}

export type { AuditTrailRow };

/** The criterion safe to send to the browser: a CPR search becomes just 'cpr:', without its hash. */
export function redactCriterion(criterion: string | null): string | null {
	return criterion?.startsWith('cpr:') ? 'cpr:' : criterion;
}

// The audit trail in words, for the staff-audit pages and the CSV export (the codes' own words are
// in $lib/domain).
import { format } from '$lib/i18n/format';
import type { StaffKey, StaffMessages } from '$lib/i18n/staff';
import type { AuditActorType } from '../../domain';

export function label<K extends string>(
	m: StaffMessages,
	keys: Record<K, StaffKey>,
	code: K
): string {
	return m[keys[code]];
}

/** Who acted, for the auditor: the staff member's name, or the citizen, representative or system. */
export function trailWho(
	m: StaffMessages,
	row: {
		actorType: AuditActorType;
		staffName: string | null;
		actorCitizenName: string | null;
	}
): string {
	if (row.actorType === 'staff') return row.staffName ?? '';
	if (row.actorType === 'system') return m.saActorSystem;
	const key = row.actorType === 'representative' ? m.saActorRepresentative : m.saActorCitizen;
	return format(key, { name: row.actorCitizenName ?? '' });
}

const PURPOSE_KEYS: Record<string, StaffKey> = {
	casework: 'saPurposeCasework',
	coordination: 'saPurposeCoordination',
	audit_review: 'saPurposeAuditReview'
};

/** Why, for the auditor: the known codes in words, anything else (a sentence, a code) as written. */
export function trailPurpose(m: StaffMessages, purpose: string | null): string {
	if (!purpose) return '';
	const key = Object.hasOwn(PURPOSE_KEYS, purpose) ? PURPOSE_KEYS[purpose] : undefined;
	return key ? m[key] : purpose;
}

// Codes of consent, representations and the audit trail in words, for the staff-audit pages and
// the CSV export.
import { format, type MessageKey, type Messages } from '$lib/i18n/messages';
import type {
	AuditAction,
	ConsentChannel,
	RepresentationBasis,
	RepresentationScope,
	StaffRole
} from '$lib/server/db/schema';

export const CHANNEL_KEYS: Record<ConsentChannel, MessageKey> = {
	portal: 'consentChannelPortal',
	paper: 'consentChannelPaper',
	meeting: 'consentChannelMeeting',
	phone: 'consentChannelPhone'
};

export const SCOPE_KEYS: Record<RepresentationScope, MessageKey> = {
	full: 'saRepScopeFull',
	read_only: 'saRepScopeReadOnly'
};

export const BASIS_KEYS: Record<RepresentationBasis, MessageKey> = {
	power_of_attorney: 'saRepBasisPowerOfAttorney',
	parental_custody: 'saRepBasisParentalCustody',
	guardianship: 'saRepBasisGuardianship'
};

export const ACTION_KEYS: Record<AuditAction, MessageKey> = {
	read: 'saActionRead',
	search: 'saActionSearch',
	create: 'saActionCreate',
	update: 'saActionUpdate',
	delete: 'saActionDelete',
	export: 'saActionExport',
	login: 'saActionLogin',
	logout: 'saActionLogout'
};

export const ROLE_KEYS: Record<StaffRole, MessageKey> = {
	caseworker: 'saRoleCaseworker',
	coordinator: 'saRoleCoordinator',
	admin: 'saRoleAdmin',
	auditor: 'saRoleAuditor'
};

export function label<K extends string>(m: Messages, keys: Record<K, MessageKey>, code: K): string {
	return m[keys[code]];
}

/** Who acted, for the auditor: the staff member's name, or the citizen, representative or system. */
export function trailWho(
	m: Messages,
	row: {
		actorType: 'staff' | 'citizen' | 'representative' | 'system';
		staffName: string | null;
		actorCitizenName: string | null;
	}
): string {
	if (row.actorType === 'staff') return row.staffName ?? '';
	if (row.actorType === 'system') return m.saActorSystem;
	const key = row.actorType === 'representative' ? m.saActorRepresentative : m.saActorCitizen;
	return format(key, { name: row.actorCitizenName ?? '' });
}

const PURPOSE_KEYS: Record<string, MessageKey> = {
	casework: 'saPurposeCasework',
	coordination: 'saPurposeCoordination',
	audit_review: 'saPurposeAuditReview'
};

/** Why, for the auditor: the known codes in words, anything else (a sentence, a code) as written. */
export function trailPurpose(m: Messages, purpose: string | null): string {
	if (!purpose) return '';
	const key = Object.hasOwn(PURPOSE_KEYS, purpose) ? PURPOSE_KEYS[purpose] : undefined;
	return key ? m[key] : purpose;
}

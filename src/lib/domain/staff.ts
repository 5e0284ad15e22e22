// What a staff member may do in Sammen.
import type { MessageKey } from '../i18n/all';

export const STAFF_ROLES = ['caseworker', 'coordinator', 'admin', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Each audience's words: the staff front page, the audit pages and the administration pages. */
export const STAFF_ROLE_LABELS = {
	staff: {
		caseworker: 'roleCaseworker',
		coordinator: 'roleCoordinator',
		admin: 'roleAdmin',
		auditor: 'roleAuditor'
	},
	audit: {
		caseworker: 'saRoleCaseworker',
		coordinator: 'saRoleCoordinator',
		admin: 'saRoleAdmin',
		auditor: 'saRoleAuditor'
	},
	admin: {
		caseworker: 'adRoleCaseworker',
		coordinator: 'adRoleCoordinator',
		admin: 'adRoleAdmin',
		auditor: 'adRoleAuditor'
	}
} as const satisfies Record<string, Record<StaffRole, MessageKey>>;

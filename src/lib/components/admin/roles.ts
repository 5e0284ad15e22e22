// The words for staff roles in the administration pages.
import type { Messages } from '$lib/i18n/messages';

export type Role = 'caseworker' | 'coordinator' | 'admin' | 'auditor';
export const ROLES: readonly Role[] = ['caseworker', 'coordinator', 'admin', 'auditor'];

export function roleName(m: Messages, role: Role): string {
	return {
		caseworker: m.adRoleCaseworker,
		coordinator: m.adRoleCoordinator,
		admin: m.adRoleAdmin,
		auditor: m.adRoleAuditor
	}[role];
}

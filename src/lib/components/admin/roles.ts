// The words for staff roles in the administration pages.
import type { AdminMessages } from '$lib/i18n/admin';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../domain';

export function roleName(m: AdminMessages, role: StaffRole): string {
	return m[STAFF_ROLE_LABELS.admin[role]];
}

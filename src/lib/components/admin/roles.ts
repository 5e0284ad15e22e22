// The words for staff roles in the administration pages.
import type { Messages } from '$lib/i18n/messages';
import { STAFF_ROLE_LABELS, type StaffRole } from '../../domain';

export function roleName(m: Messages, role: StaffRole): string {
	return m[STAFF_ROLE_LABELS.admin[role]];
}

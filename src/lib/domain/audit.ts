// The audit trail's codes: who acted and what they did. What they did it to (object_type) is an
// open list of codes, written where the access happens; audit-text.ts knows the ones it can word.
import type { MessageKey } from '../i18n/all';

export const AUDIT_ACTOR_TYPES = ['staff', 'citizen', 'representative', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_ACTIONS = [
	'read',
	'search',
	'create',
	'update',
	'delete',
	'export',
	'login',
	'logout'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS = {
	audit: {
		read: 'saActionRead',
		search: 'saActionSearch',
		create: 'saActionCreate',
		update: 'saActionUpdate',
		delete: 'saActionDelete',
		export: 'saActionExport',
		login: 'saActionLogin',
		logout: 'saActionLogout'
	}
} as const satisfies Record<string, Record<AuditAction, MessageKey>>;

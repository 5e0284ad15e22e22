// Codes of the operations pages in words: delivery states and the kinds of event (the channels'
// words are in $lib/domain).
import type { AdminKey, AdminMessages } from '$lib/i18n/admin';

export const STATE_KEYS: Record<string, AdminKey> = {
	configured: 'opStateConfigured',
	demo: 'opStateDemo',
	missing: 'opStateMissing',
	'print-queue': 'opStatePrintQueue',
	simulator: 'opStateSimulator'
};

export const POSTING_STATUS_KEYS: Record<string, AdminKey> = {
	sending: 'opPostingSending',
	sent: 'opPostingSent',
	failed: 'opPostingFailed'
};

export const STATUS_KEYS: Record<string, AdminKey> = {
	failed: 'opStatusFailed',
	uncertain: 'opStatusUncertain'
};

export const EVENT_KEYS: Record<string, AdminKey> = {
	note: 'opEventNote',
	decision: 'opEventDecision',
	status: 'opEventStatus',
	task: 'opEventTask',
	message: 'opEventMessage',
	meeting_invite: 'opEventMeetingInvite',
	meeting_moved: 'opEventMeetingMoved',
	meeting_cancelled: 'opEventMeetingCancelled',
	meeting_minutes: 'opEventMeetingMinutes',
	consent: 'opEventConsent',
	plan: 'opEventPlan'
};

/** A code in words; a code not known here becomes `fallback`, never the code itself. */
export function opLabel(
	m: AdminMessages,
	keys: Record<string, AdminKey>,
	code: string,
	fallback: AdminKey
): string {
	const key = Object.hasOwn(keys, code) ? keys[code] : undefined;
	return m[key ?? fallback];
}

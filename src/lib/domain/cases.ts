// A case's status and whom it is waiting for.
import type { MessageKey } from '../i18n/all';

export const CASE_STATUSES = ['received', 'in_progress', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The statuses the caseload can be filtered by: it lists open cases only. */
export const CASELOAD_STATUSES = [
	'received',
	'in_progress',
	'decided'
] as const satisfies readonly CaseStatus[];

export const WAITING_ON = ['citizen', 'municipality', 'other_authority'] as const;
export type WaitingOn = (typeof WAITING_ON)[number];

/** The staff pages' words, and the printable "my data" page's. */
export const CASE_STATUS_LABELS = {
	staff: {
		received: 'caseloadStatusReceived',
		in_progress: 'caseloadStatusInProgress',
		decided: 'caseloadStatusDecided',
		closed: 'caseloadStatusClosed'
	},
	dataPrint: {
		received: 'dataPrintStatusReceived',
		in_progress: 'dataPrintStatusInProgress',
		decided: 'dataPrintStatusDecided',
		closed: 'dataPrintStatusClosed'
	}
} as const satisfies Record<string, Record<CaseStatus, MessageKey>>;

export const WAITING_ON_LABELS = {
	staff: {
		citizen: 'caseloadWaitingCitizen',
		municipality: 'caseloadWaitingMunicipality',
		other_authority: 'caseloadWaitingOtherAuthority'
	}
} as const satisfies Record<string, Record<WaitingOn, MessageKey>>;

// A letter on paper, from the queue to the post (or back again).
import type { MessageKey } from '../i18n/all';

export const LETTER_STATUSES = [
	'queued',
	'rendered',
	'printed',
	'posted',
	'returned',
	'failed'
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/** The staff print queue's words, and the printable "my data" page's. */
export const LETTER_STATUS_LABELS = {
	printQueue: {
		queued: 'pqStatusQueued',
		rendered: 'pqStatusRendered',
		printed: 'pqStatusPrinted',
		posted: 'pqStatusPosted',
		returned: 'pqStatusReturned',
		failed: 'pqStatusFailed'
	},
	dataPrint: {
		queued: 'dataPrintLetterQueued',
		rendered: 'dataPrintLetterRendered',
		printed: 'dataPrintLetterPrinted',
		posted: 'dataPrintLetterPostedStatus',
		returned: 'dataPrintLetterReturned',
		failed: 'dataPrintLetterFailed'
	}
} as const satisfies Record<string, Record<LetterStatus, MessageKey>>;

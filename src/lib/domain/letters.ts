// A letter on paper, from the queue to the post (or back again).
import type { MessageKey } from '../i18n/all';

export const LETTER_STATUSES = [
	'queued',
	'rendered',
	'printed',
	'sending',
	'posted',
	'returned',
	'failed'
] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];

/**
 * How a letter goes: the print queue an administrator exports by hand, remote print through
 * SF1601 (Fysisk Post), or Digital Post through SF1601 (docs/DIGITAL-POST.md).
 */
export const LETTER_DELIVERIES = ['print_queue', 'remote_print', 'digital_post'] as const;
export type LetterDelivery = (typeof LETTER_DELIVERIES)[number];

/** The deliveries that go through SF1601, each as a posting. */
export const POSTING_DELIVERIES = ['remote_print', 'digital_post'] as const;

/** SF1601's channel choice (KombiValgKode) a posting is sent with. */
export const KOMBI_CODES = ['Automatisk Valg', 'Digital Post', 'Fysisk Post'] as const;

/** An SF1601 request: being sent (or waiting for a retry), accepted by the service, or failed. */
export const POSTING_STATUSES = ['sending', 'sent', 'failed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/** The staff print queue's words, and the printable "my data" page's. */
export const LETTER_STATUS_LABELS = {
	printQueue: {
		queued: 'pqStatusQueued',
		rendered: 'pqStatusRendered',
		printed: 'pqStatusPrinted',
		sending: 'pqStatusSending',
		posted: 'pqStatusPosted',
		returned: 'pqStatusReturned',
		failed: 'pqStatusFailed'
	},
	dataPrint: {
		queued: 'dataPrintLetterQueued',
		rendered: 'dataPrintLetterRendered',
		printed: 'dataPrintLetterPrinted',
		sending: 'dataPrintLetterSending',
		posted: 'dataPrintLetterPostedStatus',
		returned: 'dataPrintLetterReturned',
		failed: 'dataPrintLetterFailed'
	}
} as const satisfies Record<string, Record<LetterStatus, MessageKey>>;

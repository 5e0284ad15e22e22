// The dead-letter list for administrators: notifications that were not delivered after the last
// attempt ('failed'), or whose worker stopped between sending and recording ('uncertain': it may
// have been delivered, so only an administrator sends it again). Administrators do not read case
// content (docs/RULES.md, access rule 5), and these rows hold none: the page shows the channel, the kind of
// event, the attempts and the error, with contact details in the error masked. The citizen is shown
// only as a pseudonymous reference (the first eight hex digits of their id, as "1A2B-3C4D"): enough
// to see that several rows concern one person and for a caseworker to match it, not who it is. A
// letter shows its own reference instead, the one printed on it and listed in the print queue.
import type { Kysely } from 'kysely';
import { countLettersWaitingSince } from '../db/notifications';
import {
	listDeadNotifications,
	lockNotification,
	requeueFailedLetter,
	resetDeadNotification,
	type Cursor,
	type DeadStatus
} from '../db/operations';
import type { Database } from '../db/schema';
import type { NotificationChannel } from '../../domain';
import { enqueue, QUEUES } from '../jobs/queue';
import { letterReference } from '../letters/pdf';
import { deliveryJobOptions, notificationSettings } from '../notifications/settings';
import { auditStaff, type StaffActor } from '../access/staff';
import { maskContactDetails } from './mask';
import * as clock from '../clock';

export const DEAD_LETTER_PAGE_SIZE = 50;

export interface DeadLetterView {
	id: string;
	createdAt: Date;
	channel: NotificationChannel;
	eventType: string;
	attempts: number;
	error: string | null;
	status: DeadStatus;
	/** "Brev ABCD-1234" for a letter, else the citizen's pseudonymous reference. */
	reference: { kind: 'letter' | 'citizen'; code: string };
}

/** The short pseudonymous reference of a citizen: never a name, CPR number or address. */
export function citizenReference(citizenId: string): string {
	return letterReference(citizenId);
}

/** One page of the dead-letter list, newest first. Reading it is recorded. */
export async function loadDeadLetters(
	db: Kysely<Database>,
	actor: StaffActor,
	after: Cursor | null
): Promise<{ rows: DeadLetterView[]; next: Cursor | null }> {
	const page = await listDeadNotifications(db, { after, limit: DEAD_LETTER_PAGE_SIZE });
	await auditStaff(db, actor, { action: 'read', objectType: 'notification', citizenId: null });
	return {
		rows: page.rows.map((row) => ({
			id: row.id,
			createdAt: row.createdAt,
			channel: row.channel,
			eventType: row.eventType,
			attempts: row.attempts,
			error: row.error === null ? null : maskContactDetails(row.error),
			status: row.status,
			reference:
				row.channel === 'letter' && row.letterId
					? { kind: 'letter', code: letterReference(row.letterId) }
					: { kind: 'citizen', code: citizenReference(row.citizenId) }
		})),
		next: page.next
	};
}

/** Letters not yet handed to the post that have waited longer than the alert time. */
export async function waitingLetters(
	db: Kysely<Database>,
	now: Date = clock.now()
): Promise<{ count: number; hours: number }> {
	const hours = notificationSettings().letterAlertHours;
	const count = await countLettersWaitingSince(db, new Date(now.getTime() - hours * 3_600_000));
	return { count, hours };
}

/** 'missing': no such notification; 'not-dead': it is no longer failed or uncertain. */
export type RetryOutcome = 'retried' | 'missing' | 'not-dead';

/**
 * Sends a dead notification again: back to pending with no attempts, with its job, and the audit
 * row, in one transaction. A letter that failed to render goes back to the render queue. Anything
 * that is no longer failed or uncertain is left as it is.
 */
export async function retryDeadLetter(
	db: Kysely<Database>,
	actor: StaffActor,
	id: string,
	now: Date = clock.now()
): Promise<RetryOutcome> {
	return db.transaction().execute(async (trx) => {
		const row = await lockNotification(trx, id);
		if (!row) return 'missing';
		if (row.status !== 'failed' && row.status !== 'uncertain') return 'not-dead';
		if (row.channel === 'letter') {
			if (!row.letter_id) return 'not-dead';
			const letter = await requeueFailedLetter(trx, row.letter_id, now);
			if (!letter) return 'not-dead';
			await resetDeadNotification(trx, row.id, now);
			if (letter.delivery === 'print_queue') {
				await enqueue(trx, QUEUES.letter, { letterId: row.letter_id }, deliveryJobOptions());
			} else {
				// Through SF1601 again: in a new posting, with whatever else waits for the recipient.
				await enqueue(
					trx,
					QUEUES.post,
					{
						citizenId: letter.citizen_id,
						recipientCitizenId: letter.recipient_citizen_id,
						delivery: letter.delivery
					},
					deliveryJobOptions()
				);
			}
		} else {
			await resetDeadNotification(trx, row.id, now);
			await enqueue(
				trx,
				QUEUES.deliver,
				{ citizenId: row.citizen_id, channel: row.channel },
				deliveryJobOptions()
			);
		}
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: 'notification',
			objectId: row.id,
			citizenId: row.citizen_id
		});
		return 'retried';
	});
}

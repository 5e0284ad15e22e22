// Notifications (e-mail, SMS and letter, one row per event and channel) and the letters of analog
// citizens: what routing writes, what the worker claims, sends and records.
import { sql, type Insertable, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { QUEUES } from '../jobs/queue';
import type { Database, LettersTable, NotificationsTable } from './schema';
import { analogNow } from './analog';
import * as clock from '../clock';
import type { DigitalChannel } from '../../domain';
import type { Executor } from './executor';

export type Notification = Selectable<NotificationsTable>;

/** What routing needs to know about a citizen: channel choices, contact and postal details. */
export async function citizenForRouting(db: Executor, citizenId: string) {
	return db
		.selectFrom('citizens as c')
		.select([
			'c.id',
			'c.name',
			'c.co_name',
			'c.address_line',
			'c.postal_code',
			'c.city',
			'c.preferred_language',
			'c.email',
			'c.phone',
			'c.notify_by_email',
			'c.notify_by_sms',
			'c.address_protected',
			analogNow(sql.ref('c.id')).as('analog')
		])
		.where('c.id', '=', citizenId)
		.executeTakeFirstOrThrow();
}

/**
 * A notification row. Its idempotency key (event, source and channel) makes a second routing of
 * the same event a no-op: returns undefined then.
 */
export async function insertNotification(
	db: Executor,
	row: Insertable<NotificationsTable>
): Promise<{ id: string } | undefined> {
	return db
		.insertInto('notifications')
		.values(row)
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
}

export async function insertQueuedLetter(
	db: Executor,
	row: Insertable<LettersTable>
): Promise<{ id: string } | undefined> {
	return db
		.insertInto('letters')
		.values(row)
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
}

/**
 * How far ahead of this process's clock a notification may be due and still be claimed. The node
 * that wrote it and the database that starts its job keep clocks of their own (docs/TIME.md): a job
 * that comes a moment before its notification is due by the writer's clock must still find it due,
 * or it would finish with nothing sent and no job left to send it.
 */
export const CLOCK_TOLERANCE_MS = 2_000;

export interface Claim {
	head: Notification;
	/** How many events the one message speaks for (the head and those bundled into it). */
	count: number;
}

/**
 * Claims a citizen's pending notifications on one channel when the oldest one is due (its bundling
 * window has passed, or after a failed attempt its backoff): the oldest becomes the message
 * ('sending', committed before anything is sent), the rest are bundled into it. Oldest by creation:
 * a message waiting out its backoff stays the head, and what comes meanwhile waits and goes out
 * with it. Rows another worker holds are skipped. Returns undefined when nothing is due.
 */
export async function claimDue(
	trx: Transaction<Database>,
	citizenId: string,
	channel: DigitalChannel,
	now: Date
): Promise<Claim | { notDueUntil: Date; tried: boolean } | undefined> {
	const pending = await trx
		.selectFrom('notifications')
		.selectAll()
		.where('citizen_id', '=', citizenId)
		.where('channel', '=', channel)
		.where('status', '=', 'pending')
		.orderBy('created_at')
		.orderBy('id')
		.forUpdate()
		.skipLocked()
		.execute();
	const head = pending[0];
	if (!head) return undefined;
	if (head.send_after.getTime() > now.getTime() + CLOCK_TOLERANCE_MS) {
		return { notDueUntil: head.send_after, tried: head.attempts > 0 };
	}
	const rest = pending.slice(1).map((n) => n.id);
	if (rest.length > 0) {
		await trx
			.updateTable('notifications')
			.set({ status: 'bundled', bundle_id: head.id })
			.where('id', 'in', rest)
			.execute();
	}
	const claimed = await trx
		.updateTable('notifications')
		.set({ status: 'sending', claimed_at: now, attempts: sql<number>`attempts + 1` })
		.where('id', '=', head.id)
		.returningAll()
		.executeTakeFirstOrThrow();
	const bundled = await trx
		.selectFrom('notifications')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('bundle_id', '=', head.id)
		.executeTakeFirstOrThrow();
	return { head: claimed, count: 1 + Number(bundled.n) };
}

/** Records a delivery. Only a row still claimed is changed, so a late second recording is a no-op. */
export async function markNotificationSent(
	db: Executor,
	id: string,
	outcome: { provider: string; messageId: string | null; now: Date }
): Promise<boolean> {
	const result = await db
		.updateTable('notifications')
		.set({
			status: 'sent',
			sent_at: outcome.now,
			provider: outcome.provider,
			message_id: outcome.messageId,
			error: null
		})
		.where('id', '=', id)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * A failed attempt: back to pending, due again at `retryAt` (its backoff), or 'failed' (the
 * dead-letter list).
 */
export async function markNotificationAttemptFailed(
	db: Executor,
	id: string,
	outcome:
		| { error: string; final: true; provider: string | null }
		| { error: string; final: false; provider: string | null; retryAt: Date }
): Promise<void> {
	await db
		.updateTable('notifications')
		.set({
			status: outcome.final ? 'failed' : 'pending',
			error: outcome.error,
			provider: outcome.provider,
			claimed_at: null,
			...(outcome.final ? {} : { send_after: outcome.retryAt })
		})
		.where('id', '=', id)
		.where('status', '=', 'sending')
		.execute();
}

/**
 * Deliveries whose worker stopped between sending and recording: they may have been delivered, so
 * they are never sent again by themselves. They go to the dead-letter list as 'uncertain'.
 */
export async function markInterruptedDeliveries(db: Executor, claimedBefore: Date) {
	return db
		.updateTable('notifications')
		.set({
			status: 'uncertain',
			error: 'Interrupted between sending and recording: it may have been delivered'
		})
		.where('status', '=', 'sending')
		.where('claimed_at', '<', claimedBefore)
		.returning(['id', 'channel'])
		.execute();
}

/**
 * Work whose job may have died with its process before anything was claimed: digital
 * notifications never tried and due since before `dueBefore` (by citizen and channel), and letters
 * still queued, never tried, written before it, that no job is waiting for. Attempted ones are
 * left alone: pg-boss retries them on their backoff schedule.
 */
export async function strandedWork(db: Executor, dueBefore: Date) {
	// A job waiting to run (created, or waiting for a retry) will do the work: no second one.
	const waiting = (queue: string, match: RawBuilder<unknown>) => sql<boolean>`exists (
		select 1 from pgboss.job j
		where j.name = ${queue} and j.state in ('created', 'retry') and ${match})`;
	const [deliveries, letters] = await Promise.all([
		db
			.selectFrom('notifications as n')
			.select(['n.citizen_id', 'n.channel'])
			.distinct()
			.where('n.status', '=', 'pending')
			.where('n.channel', 'in', ['email', 'sms'])
			.where('n.attempts', '=', 0)
			.where('n.send_after', '<', dueBefore)
			.where(({ not }) =>
				not(
					waiting(
						QUEUES.deliver,
						sql`j.data->>'citizenId' = n.citizen_id::text and j.data->>'channel' = n.channel`
					)
				)
			)
			.execute(),
		db
			.selectFrom('letters as l')
			.innerJoin('notifications as n', (join) =>
				join.onRef('n.letter_id', '=', 'l.id').on('n.channel', '=', 'letter')
			)
			.select('l.id')
			.where('l.status', '=', 'queued')
			.where('l.delivery', '=', 'print_queue')
			.where('n.attempts', '=', 0)
			.where('l.created_at', '<', dueBefore)
			.where(({ not }) => not(waiting(QUEUES.letter, sql`j.data->>'letterId' = l.id::text`)))
			.execute()
	]);
	return {
		deliveries: deliveries as { citizen_id: string; channel: DigitalChannel }[],
		letterIds: letters.map((l) => l.id)
	};
}

/** The letter and what its PDF needs: the sending department's contact details. */
export async function letterToRender(db: Executor, letterId: string) {
	return db
		.selectFrom('letters as l')
		.leftJoin('departments as d', 'd.id', 'l.department_id')
		.select([
			'l.id',
			'l.status',
			'l.subject',
			'l.body',
			'l.language',
			'l.recipient_name',
			'l.recipient_address',
			'l.created_at',
			'l.delivery',
			'l.address_protected',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone',
			'd.email as departmentEmail'
		])
		.where('l.id', '=', letterId)
		.executeTakeFirst();
}

/**
 * Stores a letter's PDF and puts it in the print queue, with its notification recorded as sent,
 * in one transaction: only a letter still 'queued' is changed, so rendering twice stores once.
 */
export async function storeRenderedLetter(
	trx: Transaction<Database>,
	letterId: string,
	rendered: { pdf: Uint8Array; pageCount: number; now: Date }
): Promise<boolean> {
	const result = await trx
		.updateTable('letters')
		.set({
			status: 'rendered',
			pdf: rendered.pdf,
			page_count: rendered.pageCount,
			rendered_at: rendered.now,
			error: null
		})
		.where('id', '=', letterId)
		.where('status', '=', 'queued')
		.executeTakeFirst();
	await trx
		.updateTable('notifications')
		.set({ status: 'sent', sent_at: rendered.now, provider: 'print-queue', error: null })
		.where('letter_id', '=', letterId)
		.where('channel', '=', 'letter')
		.where('status', 'in', ['pending', 'sending'])
		.execute();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * A letter that could not be rendered after the last attempt, with its notification. The caller
 * opens the transaction (this layer never does), so both rows change together or not at all.
 */
export async function markLetterFailed(
	trx: Transaction<Database>,
	letterId: string,
	error: string
) {
	await trx
		.updateTable('letters')
		.set({ status: 'failed', error })
		.where('id', '=', letterId)
		.where('status', '=', 'queued')
		.execute();
	await trx
		.updateTable('notifications')
		.set({ status: 'failed', error })
		.where('letter_id', '=', letterId)
		.where('status', 'in', ['pending', 'sending'])
		.execute();
}

export async function countLetterAttempt(db: Executor, letterId: string): Promise<number> {
	const row = await db
		.updateTable('notifications')
		.set({ attempts: sql<number>`attempts + 1` })
		.where('letter_id', '=', letterId)
		.where('channel', '=', 'letter')
		.returning('attempts')
		.executeTakeFirst();
	return row?.attempts ?? 1;
}

/** Letters not yet handed to the post that were written before the given time. */
export async function countLettersWaitingSince(db: Executor, before: Date): Promise<number> {
	const row = await db
		.selectFrom('letters')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', 'in', ['queued', 'rendered', 'printed'])
		.where('delivery', '=', 'print_queue')
		.where('created_at', '<', before)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertDemoOutbox(
	db: Executor,
	row: {
		notificationId: string;
		channel: DigitalChannel;
		recipient: string;
		subject: string | null;
		body: string;
	}
) {
	await db
		.insertInto('demo_outbox')
		.values({
			notification_id: row.notificationId,
			channel: row.channel,
			recipient: row.recipient,
			subject: row.subject,
			body: row.body,
			created_at: clock.now()
		})
		.execute();
}

/** The citizen's current contact address on a channel (it may have changed since the event). */
export async function citizenContact(db: Executor, citizenId: string) {
	return db
		.selectFrom('citizens')
		.select(['email', 'phone', 'preferred_language', 'notify_by_email', 'notify_by_sms'])
		.where('id', '=', citizenId)
		.executeTakeFirst();
}

/** Marks a notification cancelled (the citizen turned the channel off or has no address any more). */
export async function cancelNotification(db: Executor, id: string, reason: string) {
	await db
		.updateTable('notifications')
		.set({ status: 'cancelled', error: reason })
		.where('id', '=', id)
		.execute();
	await db
		.updateTable('notifications')
		.set({ status: 'cancelled', error: reason })
		.where('bundle_id', '=', id)
		.execute();
}

// Operations for administrators: the dead-letter list of notifications that could not be
// delivered (failed after the last attempt, or uncertain because the worker stopped between sending
// and recording), putting one back in the queue, and the demo outbox. Nothing here reads case
// content: a notification row holds only its channel, event type and delivery state.
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import type { DigitalChannel, NotificationChannel } from '../../domain';
import type { Executor } from './executor';

/** The statuses of the dead-letter list: nothing is retried without an administrator. */
export const DEAD_STATUSES = ['failed', 'uncertain'] as const;
export type DeadStatus = (typeof DEAD_STATUSES)[number];

/**
 * A keyset position in a list ordered by created_at and id, newest first. The time is the exact
 * one, in microseconds as PostgreSQL stores it (a JavaScript Date would lose rows that share a
 * millisecond).
 */
export interface Cursor {
	createdAt: string;
	id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A cursor as it travels in the `efter` parameter: opaque, holding only a time and an id. */
export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString('base64url');
}

/** The cursor from the URL, or null (the first page) when it is missing or not one of ours. */
export function decodeCursor(value: string | null): Cursor | null {
	if (!value) return null;
	const [time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
	if (rest.length > 0 || !time || !id || !UUID.test(id) || !EXACT_TIME.test(time)) return null;
	const parsed = Date.parse(time);
	// A real calendar time: PostgreSQL refuses 30 February, and a refusal must not become a 500.
	if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 19) !== time.slice(0, 19)) {
		return null;
	}
	return { createdAt: time, id };
}

const exactTime = sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface DeadNotificationRow {
	id: string;
	createdAt: Date;
	channel: NotificationChannel;
	eventType: string;
	attempts: number;
	error: string | null;
	status: DeadStatus;
	citizenId: string;
	letterId: string | null;
}

export interface Page<T> {
	rows: T[];
	next: Cursor | null;
}

/** Rows after the cursor in (created_at, id) order, newest first: a row comparison, keyset paging. */
function olderThan(after: Cursor) {
	return sql<boolean>`(created_at, id) < (cast(${after.createdAt} as timestamptz), cast(${after.id} as uuid))`;
}

/** One page from `limit + 1` rows: the extra row only says that there is a next page. */
function toPage<R extends { id: string; exact_time: string }, T>(
	rows: R[],
	limit: number,
	map: (row: R) => T
): Page<T> {
	const shown = rows.slice(0, limit);
	const last = shown.at(-1);
	return {
		rows: shown.map(map),
		next: rows.length > limit && last ? { createdAt: last.exact_time, id: last.id } : null
	};
}

/** Failed and uncertain notifications, newest first, one page after `after`. */
export async function listDeadNotifications(
	db: Executor,
	page: { after: Cursor | null; limit: number }
): Promise<Page<DeadNotificationRow>> {
	let query = db
		.selectFrom('notifications')
		.select([
			'id',
			'created_at',
			'channel',
			'event_type',
			'attempts',
			'error',
			'status',
			'citizen_id',
			'letter_id',
			exactTime.as('exact_time')
		])
		.where('status', 'in', [...DEAD_STATUSES]);
	if (page.after) query = query.where(olderThan(page.after));
	const rows = await query
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(page.limit + 1)
		.execute();
	return toPage(rows, page.limit, (r) => ({
		id: r.id,
		createdAt: r.created_at,
		channel: r.channel,
		eventType: r.event_type,
		attempts: r.attempts,
		error: r.error,
		status: r.status as DeadStatus,
		citizenId: r.citizen_id,
		letterId: r.letter_id
	}));
}

/** One notification, locked for the rest of the transaction (a retry decides on its status). */
export async function lockNotification(trx: Transaction<Database>, id: string) {
	return trx
		.selectFrom('notifications')
		.select(['id', 'status', 'channel', 'citizen_id', 'letter_id'])
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

/**
 * Puts a dead notification back in the queue as if new: pending, no attempts, no error, due now.
 * Only a row still failed or uncertain is changed; returns whether it was.
 */
export async function resetDeadNotification(
	trx: Transaction<Database>,
	id: string,
	now: Date
): Promise<boolean> {
	const result = await trx
		.updateTable('notifications')
		.set({ status: 'pending', attempts: 0, error: null, claimed_at: null, send_after: now })
		.where('id', '=', id)
		.where('status', 'in', [...DEAD_STATUSES])
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * A failed letter goes back to the queue: to be rendered for the print queue, or to go through
 * SF1601 in a new posting, due now. Undefined when it was not failed (nor still queued).
 */
export async function requeueFailedLetter(trx: Transaction<Database>, letterId: string, now: Date) {
	return trx
		.updateTable('letters')
		.set({
			status: 'queued',
			error: null,
			posting_id: null,
			send_after: sql<Date | null>`case when delivery = 'print_queue' then null
				else cast(${now.toISOString()} as timestamptz) end`
		})
		.where('id', '=', letterId)
		.where('status', 'in', ['failed', 'queued'])
		.returning(['delivery', 'citizen_id', 'recipient_citizen_id'])
		.executeTakeFirst();
}

export interface DemoOutboxRow {
	id: string;
	createdAt: Date;
	channel: DigitalChannel;
	recipient: string;
	subject: string | null;
	body: string;
}

/** What the demo "sent", newest first, one page after `after`. */
export async function listDemoOutbox(
	db: Executor,
	page: { after: Cursor | null; limit: number }
): Promise<Page<DemoOutboxRow>> {
	let query = db
		.selectFrom('demo_outbox')
		.select([
			'id',
			'created_at',
			'channel',
			'recipient',
			'subject',
			'body',
			exactTime.as('exact_time')
		]);
	if (page.after) query = query.where(olderThan(page.after));
	const rows = await query
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(page.limit + 1)
		.execute();
	return toPage(rows, page.limit, (r) => ({
		id: r.id,
		createdAt: r.created_at,
		channel: r.channel,
		recipient: r.recipient,
		subject: r.subject,
		body: r.body
	}));
}

/** The e-mail and SMS messages not yet sent on one channel (the operations page and /metrics). */
export interface BacklogRow {
	channel: DigitalChannel;
	/** Not tried yet: in the bundling window, due, or being sent for the first time. */
	waiting: number;
	/** Tried and failed at least once: waiting for the next attempt, or being sent again. */
	retrying: number;
	/** When the oldest of them was created; null when none waits. */
	oldest: Date | null;
}

// A claim counts an attempt before it sends: a row being sent with one attempt is its first try.
const retried = sql<boolean>`(status = 'pending' and attempts > 0) or attempts > 1`;

/**
 * The backlog by channel: notifications pending or being sent. One that waits behind a message
 * being retried counts as waiting until that message takes it along; one already bundled into a
 * message goes out with it and is not counted again. Reads only open rows (notifications_open_idx's
 * condition), however many have been delivered.
 */
export async function notificationBacklog(db: Executor): Promise<BacklogRow[]> {
	const rows = await db
		.selectFrom('notifications')
		.select([
			'channel',
			sql<string>`count(*) filter (where not (${retried}))`.as('waiting'),
			sql<string>`count(*) filter (where ${retried})`.as('retrying'),
			(eb) => eb.fn.min('created_at').as('oldest')
		])
		.where('status', 'in', ['pending', 'sending'])
		.where('channel', 'in', ['email', 'sms'])
		.groupBy('channel')
		.execute();
	return (['email', 'sms'] as const).map((channel) => {
		const row = rows.find((r) => r.channel === channel);
		return {
			channel,
			waiting: Number(row?.waiting ?? 0),
			retrying: Number(row?.retrying ?? 0),
			oldest: row?.oldest ? new Date(row.oldest) : null
		};
	});
}

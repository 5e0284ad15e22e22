// Letters through SF1601 (remote print and Digital Post) and the postings that carry them
// (docs/DIGITAL-POST.md). A posting is one SF1601 request; its id is the MeMo messageUUID, written
// before the request is made, so a request repeated after a crash is the same message to the
// service. Every function takes the caller's executor; none opens a transaction of its own.
import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { LetterDelivery, PostingStatus } from '../../domain';
import type {
	Database,
	LettersTable,
	NotificationsTable,
	PostingsTable,
	TasksTable
} from './schema';
import { analogNow } from './analog';
import { QUEUES } from '../jobs/queue';
import type { Executor } from './executor';

export type PostDelivery = Exclude<LetterDelivery, 'print_queue'>;

/** Who gets a copy of a citizen's letters: representatives with full scope, in force today. */
export async function fullScopeRepresentatives(
	db: Executor,
	citizenId: string,
	departmentId: string | null,
	today: string
) {
	return db
		.selectFrom('representatives as r')
		.innerJoin('citizens as c', 'c.id', 'r.representative_citizen_id')
		.select([
			'c.id',
			'c.name',
			'c.preferred_language',
			'c.address_protected',
			analogNow(sql.ref('c.id')).as('analog')
		])
		.where('r.citizen_id', '=', citizenId)
		.where('r.scope', '=', 'full')
		.where('r.ended_at', 'is', null)
		.where('r.valid_from', '<=', today)
		.where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', today)]))
		.where((eb) =>
			departmentId === null
				? eb('r.department_ids', 'is', null)
				: eb.or([
						eb('r.department_ids', 'is', null),
						sql<boolean>`${departmentId} = any(r.department_ids)`
					])
		)
		.orderBy('c.id')
		.execute();
}

export interface PostKey {
	citizenId: string;
	/** The representative a copy is addressed to; null for the citizen. */
	recipientCitizenId: string | null;
	delivery: PostDelivery;
}

/**
 * The recipient's queued letters of one delivery, locked, when at least one may go by `now`:
 * then every queued one goes with it (a letter that may wait joins one that may not, and the
 * postage is paid once). Empty when none is due; `notDueUntil` then says when the first is.
 */
export async function claimLettersToPost(trx: Transaction<Database>, key: PostKey, now: Date) {
	const letters = await trx
		.selectFrom('letters as l')
		.leftJoin('departments as d', 'd.id', 'l.department_id')
		.select([
			'l.id',
			'l.subject',
			'l.body',
			'l.language',
			'l.send_after',
			'l.created_at',
			'l.journey_id',
			'l.department_id',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone',
			'd.email as departmentEmail'
		])
		.where('l.citizen_id', '=', key.citizenId)
		.where('l.status', '=', 'queued')
		.where('l.delivery', '=', key.delivery)
		.where((eb) =>
			key.recipientCitizenId === null
				? eb('l.recipient_citizen_id', 'is', null)
				: eb('l.recipient_citizen_id', '=', key.recipientCitizenId)
		)
		.orderBy('l.created_at')
		.orderBy('l.id')
		.forUpdate('l')
		.skipLocked()
		.execute();
	const due = letters.filter((l) => (l.send_after ?? l.created_at).getTime() <= now.getTime());
	if (due.length === 0) {
		const first = letters.map((l) => l.send_after ?? l.created_at).sort((a, b) => +a - +b)[0];
		return { letters: [], notDueUntil: first ?? null };
	}
	return { letters, notDueUntil: null };
}

export type LetterToPost = Awaited<ReturnType<typeof claimLettersToPost>>['letters'][number];

/** A new posting with its letters, which leave the queue ('sending'). */
export async function insertPosting(
	trx: Transaction<Database>,
	posting: Insertable<PostingsTable>,
	letterIds: readonly string[]
) {
	await trx.insertInto('postings').values(posting).execute();
	await trx
		.updateTable('letters')
		.set({ status: 'sending', posting_id: posting.id })
		.where('id', 'in', letterIds)
		.execute();
}

/**
 * Takes a posting for one attempt: only one still 'sending', due, and not taken by another worker
 * (whose claim lasts until `until`). Undefined when there is nothing to do.
 */
export async function claimPosting(db: Executor, postingId: string, now: Date, until: Date) {
	return db
		.updateTable('postings')
		.set({ claimed_until: until })
		.where('id', '=', postingId)
		.where('status', '=', 'sending')
		.where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
		.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
		.returningAll()
		.executeTakeFirst();
}

export async function postingLetters(db: Executor, postingId: string) {
	return db
		.selectFrom('letters as l')
		.leftJoin('departments as d', 'd.id', 'l.department_id')
		.select([
			'l.id',
			'l.subject',
			'l.body',
			'l.language',
			'l.created_at',
			'l.journey_id',
			'l.department_id',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone',
			'd.email as departmentEmail'
		])
		.where('l.posting_id', '=', postingId)
		.orderBy('l.created_at')
		.orderBy('l.id')
		.execute();
}

/** The posting's document, stored before the first request so that every attempt sends the same. */
export async function storePostingPdf(
	db: Executor,
	postingId: string,
	rendered: { pdf: Uint8Array; pageCount: number }
) {
	await db
		.updateTable('postings')
		.set({ pdf: rendered.pdf, page_count: rendered.pageCount })
		.where('id', '=', postingId)
		.where('pdf', 'is', null)
		.execute();
}

/** A settled posting's letters, and their notifications still open, in one step. */
async function settleLetters(
	trx: Transaction<Database>,
	postingId: string,
	letter: Updateable<LettersTable>,
	notification: Updateable<NotificationsTable>
) {
	const letters = await trx
		.updateTable('letters')
		.set(letter)
		.where('posting_id', '=', postingId)
		.returning('id')
		.execute();
	if (letters.length === 0) return;
	await trx
		.updateTable('notifications')
		.set(notification)
		.where(
			'letter_id',
			'in',
			letters.map((l) => l.id)
		)
		.where('channel', '=', 'letter')
		.where('status', 'in', ['pending', 'sending'])
		.execute();
}

/** The service accepted the posting: it and its letters are sent, with their notifications. */
export async function markPostingSent(
	trx: Transaction<Database>,
	postingId: string,
	result: { transactionId: string; now: Date; provider: string }
) {
	const updated = await trx
		.updateTable('postings')
		.set({
			status: 'sent',
			transaction_id: result.transactionId,
			sent_at: result.now,
			claimed_until: null,
			error: null
		})
		.where('id', '=', postingId)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) return false;
	await settleLetters(
		trx,
		postingId,
		{ status: 'posted', posted_at: result.now, error: null },
		{ status: 'sent', sent_at: result.now, provider: result.provider, error: null }
	);
	return true;
}

/** A failed attempt that will be tried again at `retryAt`. */
export async function markPostingRetry(
	db: Executor,
	postingId: string,
	input: { error: string; retryAt: Date }
) {
	await db
		.updateTable('postings')
		.set((eb) => ({
			attempts: eb('attempts', '+', 1),
			error: input.error,
			next_attempt_at: input.retryAt,
			claimed_until: null
		}))
		.where('id', '=', postingId)
		.where('status', '=', 'sending')
		.execute();
}

/** The last attempt failed, or the service refused the request: the posting and its letters failed. */
export async function markPostingFailed(
	trx: Transaction<Database>,
	postingId: string,
	error: string
) {
	const updated = await trx
		.updateTable('postings')
		.set((eb) => ({
			status: 'failed',
			attempts: eb('attempts', '+', 1),
			error,
			claimed_until: null
		}))
		.where('id', '=', postingId)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) === 0) return false;
	await settleLetters(trx, postingId, { status: 'failed', error }, { status: 'failed', error });
	return true;
}

/**
 * Work whose job is gone: postings still 'sending', due, whose last claim ran out (the worker died
 * between the request and its record, or before it) and that no job waits for; and recipients
 * whose queued letters are due with no job waiting. The sweep gives each a job again; a second job
 * finds the work claimed or done, and the service knows a repeated posting by its messageUUID.
 */
export async function strandedPosts(db: Executor, now: Date, dueBefore: Date) {
	const waiting = (match: ReturnType<typeof sql>) => sql<boolean>`exists (
		select 1 from pgboss.job j
		where j.name = ${QUEUES.post} and j.state in ('created', 'retry') and ${match})`;
	const [postings, recipients] = await Promise.all([
		db
			.selectFrom('postings as p')
			.select('p.id')
			.where('p.status', '=', 'sending')
			.where((eb) => eb.or([eb('p.claimed_until', 'is', null), eb('p.claimed_until', '<', now)]))
			.where((eb) =>
				eb.or([eb('p.next_attempt_at', 'is', null), eb('p.next_attempt_at', '<=', dueBefore)])
			)
			.where('p.created_at', '<', dueBefore)
			.where(({ not }) => not(waiting(sql`j.data->>'postingId' = p.id::text`)))
			.execute(),
		db
			.selectFrom('letters as l')
			.select(['l.citizen_id', 'l.recipient_citizen_id', 'l.delivery'])
			.distinct()
			.where('l.status', '=', 'queued')
			.where('l.delivery', '<>', 'print_queue')
			.where('l.send_after', '<', dueBefore)
			.where(({ not }) =>
				not(
					waiting(
						sql`j.data->>'citizenId' = l.citizen_id::text
							and j.data->>'delivery' = l.delivery
							and coalesce(j.data->>'recipientCitizenId', '') = coalesce(l.recipient_citizen_id::text, '')`
					)
				)
			)
			.execute()
	]);
	return {
		postingIds: postings.map((p) => p.id),
		keys: recipients.map((r): PostKey => ({
			citizenId: r.citizen_id,
			recipientCitizenId: r.recipient_citizen_id,
			delivery: r.delivery as PostDelivery
		}))
	};
}

export interface PostingListItem {
	id: string;
	delivery: PostDelivery;
	kombi: string;
	status: PostingStatus;
	subject: string;
	letterCount: number;
	pageCount: number | null;
	attempts: number;
	transactionId: string | null;
	error: string | null;
	createdAt: Date;
	sentAt: Date | null;
	toRepresentative: boolean;
	/** The first letter's id: its reference is the one printed on the posting. */
	firstLetterId: string | null;
}

/** The latest postings for the operations page: no names, no CPR numbers. */
export async function recentPostings(db: Executor, limit: number): Promise<PostingListItem[]> {
	const rows = await db
		.selectFrom('postings')
		.select([
			'id',
			'delivery',
			'kombi',
			'status',
			'subject',
			'letter_count as letterCount',
			'page_count as pageCount',
			'attempts',
			'transaction_id as transactionId',
			'error',
			'created_at as createdAt',
			'sent_at as sentAt',
			sql<boolean>`recipient_citizen_id <> citizen_id`.as('toRepresentative'),
			sql<string | null>`(select l.id from letters l where l.posting_id = postings.id
				order by l.created_at, l.id limit 1)`.as('firstLetterId')
		])
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows;
}

/** A posting with what a request needs of its recipient (the CPR number stays encrypted here). */
export async function postingToSend(db: Executor, postingId: string) {
	return db
		.selectFrom('postings as p')
		.innerJoin('citizens as r', 'r.id', 'p.recipient_citizen_id')
		.select([
			'p.id',
			'p.citizen_id',
			'p.delivery',
			'p.kombi',
			'p.subject',
			'p.language',
			'p.pdf',
			'p.attempts',
			'p.created_at',
			'r.id as recipientId',
			'r.name as recipientName',
			'r.cpr_encrypted as recipientCpr'
		])
		.where('p.id', '=', postingId)
		.executeTakeFirstOrThrow();
}

/** The PDF stored with a posting (the one every attempt sends). */
export async function postingPdf(db: Executor, postingId: string): Promise<Uint8Array | null> {
	const row = await db
		.selectFrom('postings')
		.select('pdf')
		.where('id', '=', postingId)
		.executeTakeFirst();
	return row?.pdf ?? null;
}

/** A staff task, for the coordinator, when a posting failed. */
export async function insertStaffTask(db: Executor, task: Insertable<TasksTable>) {
	await db.insertInto('tasks').values(task).execute();
}

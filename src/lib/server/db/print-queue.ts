// The print queue: letters to analog citizens that wait to be printed, the batches exported for the
// print provider, the hand-over to the post and letters the post sends back. A letter moves
// rendered → printed (in a batch) → posted (batch handed over) → returned.
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema';
import type { Language, LetterStatus } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export interface QueueLetter {
	id: string;
	recipientName: string;
	recipientAddress: string;
	departmentName: string | null;
	departmentNameEn: string | null;
	createdAt: Date;
	renderedAt: Date | null;
	pageCount: number | null;
	status: LetterStatus;
	language: Language;
}

function queueLetters(db: Executor) {
	return db
		.selectFrom('letters as l')
		.leftJoin('departments as d', 'd.id', 'l.department_id')
		.select([
			'l.id',
			'l.recipient_name as recipientName',
			'l.recipient_address as recipientAddress',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'l.created_at as createdAt',
			'l.rendered_at as renderedAt',
			'l.page_count as pageCount',
			'l.status',
			'l.language'
		]);
}

/** Letters rendered and waiting for the next batch, oldest first. */
export async function listWaitingLetters(db: Executor): Promise<QueueLetter[]> {
	return queueLetters(db)
		.where('l.status', '=', 'rendered')
		.where('l.batch_id', 'is', null)
		.orderBy('l.created_at')
		.orderBy('l.id')
		.execute();
}

export interface BatchSummary {
	id: string;
	createdAt: Date;
	letterCount: number;
	handedOverAt: Date | null;
	handedOverByName: string | null;
}

function batches(db: Executor) {
	return db
		.selectFrom('print_batches as b')
		.leftJoin('staff_users as s', 's.id', 'b.handed_over_by_staff_id')
		.select([
			'b.id',
			'b.created_at as createdAt',
			'b.letter_count as letterCount',
			'b.handed_over_at as handedOverAt',
			's.name as handedOverByName'
		]);
}

export async function listRecentBatches(db: Executor, limit = 20): Promise<BatchSummary[]> {
	return batches(db).orderBy('b.created_at', 'desc').orderBy('b.id').limit(limit).execute();
}

export async function findBatch(db: Executor, batchId: string): Promise<BatchSummary | undefined> {
	return batches(db).where('b.id', '=', batchId).executeTakeFirst();
}

export async function listBatchLetters(db: Executor, batchId: string): Promise<QueueLetter[]> {
	return queueLetters(db)
		.where('l.batch_id', '=', batchId)
		.orderBy('l.created_at')
		.orderBy('l.id')
		.execute();
}

/** The batch's letters with their PDFs, for the ZIP file. */
export async function listBatchLetterFiles(db: Executor, batchId: string) {
	return db
		.selectFrom('letters')
		.select([
			'id',
			'citizen_id as citizenId',
			'recipient_name as recipientName',
			'recipient_address as recipientAddress',
			'page_count as pageCount',
			'language',
			'created_at as createdAt',
			'pdf'
		])
		.where('batch_id', '=', batchId)
		.orderBy('created_at')
		.orderBy('id')
		.execute();
}

/**
 * Claims every waiting letter for a new batch. The waiting letters are locked with `for update skip
 * locked`, so two exports at the same time never take the same letter: the second one skips the
 * letters the first holds and, once they are committed, no longer sees them as waiting. Returns
 * the batch id and its letters' ids, or null (and stores nothing) when no letter is waiting.
 * Call it inside a transaction.
 */
export async function claimWaitingLetters(
	trx: Transaction<Database>,
	staffId: string
): Promise<{ batchId: string; letters: { id: string; citizenId: string }[] } | null> {
	// One instant for every row the step writes, as one SQL now() was before.
	const now = clock.now();
	const waiting = await trx
		.selectFrom('letters')
		.select(['id', 'citizen_id as citizenId'])
		.where('status', '=', 'rendered')
		.where('batch_id', 'is', null)
		.orderBy('created_at')
		.orderBy('id')
		.forUpdate()
		.skipLocked()
		.execute();
	if (waiting.length === 0) return null;
	const batch = await trx
		.insertInto('print_batches')
		.values({ created_by_staff_id: staffId, letter_count: waiting.length, created_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	// The status condition again: a letter changed between the lock and here is not taken.
	const claimed = await trx
		.updateTable('letters')
		.set({ status: 'printed', printed_at: now, batch_id: batch.id })
		.where(
			'id',
			'in',
			waiting.map((l) => l.id)
		)
		.where('status', '=', 'rendered')
		.where('batch_id', 'is', null)
		.returning(['id', 'citizen_id as citizenId'])
		.execute();
	if (claimed.length !== waiting.length) {
		await trx
			.updateTable('print_batches')
			.set({ letter_count: claimed.length })
			.where('id', '=', batch.id)
			.execute();
	}
	return { batchId: batch.id, letters: claimed };
}

/**
 * Marks a batch as handed over to the post: its letters become posted. Timeline entries are
 * append-only (a trigger refuses updates), so the timelines read the date from the letter
 * (timeline.ts, staff-timeline.ts) instead of it being copied to posted_letter_at. Returns the
 * posted letters, or null when the batch was already handed over.
 */
export async function handOverBatch(
	trx: Transaction<Database>,
	batchId: string,
	staffId: string
): Promise<{ id: string; citizenId: string }[] | null> {
	// One instant for every row the step writes, as one SQL now() was before.
	const now = clock.now();
	const batch = await trx
		.updateTable('print_batches')
		.set({ handed_over_at: now, handed_over_by_staff_id: staffId })
		.where('id', '=', batchId)
		.where('handed_over_at', 'is', null)
		.returning('id')
		.executeTakeFirst();
	if (!batch) return null;
	const posted = await trx
		.updateTable('letters')
		.set({ status: 'posted', posted_at: now })
		.where('batch_id', '=', batchId)
		.where('status', '=', 'printed')
		.returning(['id', 'citizen_id as citizenId'])
		.execute();
	return posted;
}

export interface ReferencedLetter {
	id: string;
	citizenId: string;
	journeyId: string | null;
	departmentId: string | null;
	subject: string;
	recipientName: string;
	status: LetterStatus;
	postedAt: Date | null;
	returnedAt: Date | null;
	/** Who was given the task when the letter came back. */
	returnAssigneeName: string | null;
}

/**
 * The letters whose id starts with `hex` (the 8 hex digits of a printed reference, lower case).
 * At most two: more than one means the reference is ambiguous.
 */
export async function findLettersByReference(
	db: Executor,
	hex: string
): Promise<ReferencedLetter[]> {
	return db
		.selectFrom('letters as l')
		.leftJoin('tasks as t', 't.id', 'l.return_task_id')
		.leftJoin('staff_users as s', 's.id', 't.assigned_staff_id')
		.select([
			'l.id',
			'l.citizen_id as citizenId',
			'l.journey_id as journeyId',
			'l.department_id as departmentId',
			'l.subject',
			'l.recipient_name as recipientName',
			'l.status',
			'l.posted_at as postedAt',
			'l.returned_at as returnedAt',
			's.name as returnAssigneeName'
		])
		.where(sql<string>`cast(l.id as text)`, 'like', `${hex}%`)
		.orderBy('l.id')
		.limit(2)
		.execute();
}

/**
 * Who is given the task when a letter comes back: the journey's coordinator; without one, the
 * caseworker on the sending department's newest open case for the citizen; without that, the
 * caseworker on any open case of the citizen. Null when nobody works on the citizen.
 */
export async function findReturnAssignee(
	db: Executor,
	letter: { citizenId: string; journeyId: string | null; departmentId: string | null }
): Promise<{ id: string; name: string } | null> {
	if (letter.journeyId) {
		const coordinator = await db
			.selectFrom('journeys as j')
			.innerJoin('staff_users as s', 's.id', 'j.coordinator_id')
			.select(['s.id', 's.name'])
			.where('j.id', '=', letter.journeyId)
			.where('s.active', '=', true)
			.executeTakeFirst();
		if (coordinator) return coordinator;
	}
	const caseworker = await db
		.selectFrom('cases as c')
		.innerJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select(['s.id', 's.name'])
		.where('c.citizen_id', '=', letter.citizenId)
		.where('c.status', '!=', 'closed')
		.where('s.active', '=', true)
		.orderBy(
			letter.departmentId
				? sql`case when c.department_id = ${letter.departmentId} then 0 else 1 end`
				: sql`0`
		)
		.orderBy('c.opened_at', 'desc')
		.orderBy('c.id')
		.executeTakeFirst();
	return caseworker ?? null;
}

/**
 * Marks a posted letter as returned and records the task and the staff-only timeline entry about
 * it. Returns false (and changes nothing) when the letter is not posted any more, for instance
 * when someone else marked it a moment ago.
 */
export async function markLetterReturned(
	trx: Transaction<Database>,
	input: {
		letterId: string;
		staffId: string;
		task: {
			citizenId: string;
			journeyId: string | null;
			assignedStaffId: string | null;
			title: string;
			titleEn: string;
			description: string;
			dueDate: string;
		};
		entry: {
			journeyId: string;
			departmentId: string | null;
			title: string;
			titleEn: string;
			body: string;
			bodyEn: string;
		} | null;
	}
): Promise<{ taskId: string } | null> {
	// One instant for every row the step writes, as one SQL now() was before.
	const now = clock.now();
	const letter = await trx
		.selectFrom('letters')
		.select('id')
		.where('id', '=', input.letterId)
		.where('status', '=', 'posted')
		.forUpdate()
		.executeTakeFirst();
	if (!letter) return null;
	const task = await trx
		.insertInto('tasks')
		.values({
			citizen_id: input.task.citizenId,
			journey_id: input.task.journeyId,
			assignee: 'staff',
			assigned_staff_id: input.task.assignedStaffId,
			title: input.task.title,
			title_en: input.task.titleEn,
			description: input.task.description,
			due_date: input.task.dueDate,
			created_by_staff_id: input.staffId,
			created_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.updateTable('letters')
		.set({
			status: 'returned',
			returned_at: now,
			returned_by_staff_id: input.staffId,
			return_task_id: task.id
		})
		.where('id', '=', input.letterId)
		.execute();
	if (input.entry) {
		await trx
			.insertInto('timeline_entries')
			.values({
				journey_id: input.entry.journeyId,
				kind: 'letter',
				visibility: 'staff',
				author_staff_id: input.staffId,
				department_id: input.entry.departmentId,
				title: input.entry.title,
				title_en: input.entry.titleEn,
				body: input.entry.body,
				body_en: input.entry.bodyEn,
				task_id: task.id,
				occurred_at: now,
				created_at: now
			})
			.execute();
	}
	return { taskId: task.id };
}

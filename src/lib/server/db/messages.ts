// Messages between a citizen and the municipality: one thread per journey. The citizen side (the
// citizen or a representative acting for them) writes with author_citizen_id, staff with
// author_staff_id; each side's read time is kept on the message.
import { sql } from 'kysely';
import * as clock from '../clock';
import type { Executor } from './executor';

/** At most this many characters in one message (the form says so). */
export const MESSAGE_MAX_LENGTH = 4000;

export interface ThreadMessage {
	id: string;
	body: string;
	sentAt: Date;
	readByCitizenAt: Date | null;
	readByStaffAt: Date | null;
	/** Set when someone on the citizen's side wrote it (the citizen or a representative). */
	authorCitizenId: string | null;
	authorCitizenName: string | null;
	authorStaffName: string | null;
	authorDepartmentName: string | null;
	authorDepartmentNameEn: string | null;
}

/** A journey's messages, oldest first (a conversation reads from the top). */
export async function listThread(db: Executor, journeyId: string): Promise<ThreadMessage[]> {
	return db
		.selectFrom('messages as m')
		.leftJoin('citizens as c', 'c.id', 'm.author_citizen_id')
		.leftJoin('staff_users as s', 's.id', 'm.author_staff_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			'm.id',
			'm.body',
			'm.sent_at as sentAt',
			'm.read_by_citizen_at as readByCitizenAt',
			'm.read_by_staff_at as readByStaffAt',
			'm.author_citizen_id as authorCitizenId',
			'c.name as authorCitizenName',
			's.name as authorStaffName',
			'd.name as authorDepartmentName',
			'd.name_en as authorDepartmentNameEn'
		])
		.where('m.journey_id', '=', journeyId)
		.orderBy('m.sent_at')
		.orderBy('m.id')
		.execute();
}

/** The side of a thread: the citizen (or a representative acting for them), or the municipality. */
type Side = 'citizen' | 'staff';
const AUTHOR = { citizen: 'author_citizen_id', staff: 'author_staff_id' } as const;
const READ_BY = { citizen: 'read_by_citizen_at', staff: 'read_by_staff_at' } as const;
const other = (side: Side): Side => (side === 'citizen' ? 'staff' : 'citizen');

/** Marks the other side's messages in a thread as read by `reader`; returns how many were unread. */
async function markThreadRead(db: Executor, journeyId: string, reader: Side, now: Date) {
	const result = await db
		.updateTable('messages')
		.set({ [READ_BY[reader]]: now })
		.where('journey_id', '=', journeyId)
		.where(AUTHOR[other(reader)], 'is not', null)
		.where(READ_BY[reader], 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/**
 * A message by one side (the caller opens the transaction and writes the audit row). The author
 * has read what they wrote; the other side has not yet.
 */
async function insertMessage(
	db: Executor,
	message: { journeyId: string; side: Side; authorId: string; body: string },
	now: Date
): Promise<{ id: string; sentAt: Date }> {
	const { side } = message;
	const row = await db
		.insertInto('messages')
		.values({
			journey_id: message.journeyId,
			author_citizen_id: null,
			author_staff_id: null,
			[AUTHOR[side]]: message.authorId,
			body: message.body,
			sent_at: now,
			[READ_BY[side]]: now,
			[READ_BY[other(side)]]: null
		})
		.returning(['id', 'sent_at'])
		.executeTakeFirstOrThrow();
	return { id: row.id, sentAt: row.sent_at };
}

/**
 * Marks the staff's messages in a thread as read by the citizen's side; returns how many were
 * unread. Messages the citizen's side wrote were read by their author when written.
 */
export async function markThreadReadByCitizen(
	db: Executor,
	journeyId: string,
	now: Date = clock.now()
): Promise<number> {
	return markThreadRead(db, journeyId, 'citizen', now);
}

/**
 * A message from the citizen's side (the caller opens the transaction and writes the audit row).
 * `authorCitizenId` is the person who wrote it: the representative when one acts for the citizen.
 */
export async function insertCitizenMessage(
	db: Executor,
	message: { journeyId: string; authorCitizenId: string; body: string },
	now: Date = clock.now()
): Promise<{ id: string; sentAt: Date }> {
	const { journeyId, authorCitizenId, body } = message;
	return insertMessage(db, { journeyId, side: 'citizen', authorId: authorCitizenId, body }, now);
}

export interface ThreadSummary {
	journeyId: string;
	title: string;
	titleEn: string | null;
	status: string;
	coordinatorName: string | null;
	coordinatorDepartmentName: string | null;
	coordinatorDepartmentNameEn: string | null;
	messageCount: number;
	/** Messages from staff that nobody on the citizen's side has read yet. */
	unread: number;
	latestAt: Date | null;
}

/** Every journey of the citizen with its thread's size, unread count and latest message time. */
export async function unreadCountsForCitizen(
	db: Executor,
	citizenId: string
): Promise<ThreadSummary[]> {
	const rows = await db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.leftJoin('messages as m', 'm.journey_id', 'j.id')
		.select([
			'j.id as journeyId',
			'j.title',
			'j.title_en as titleEn',
			'j.status',
			's.name as coordinatorName',
			'd.name as coordinatorDepartmentName',
			'd.name_en as coordinatorDepartmentNameEn',
			sql<number>`count(m.id)::int`.as('messageCount'),
			sql<number>`count(m.id) filter (where m.author_staff_id is not null and m.read_by_citizen_at is null)::int`.as(
				'unread'
			),
			sql<Date | null>`max(m.sent_at)`.as('latestAt')
		])
		.where('j.citizen_id', '=', citizenId)
		.groupBy(['j.id', 's.name', 'd.name', 'd.name_en'])
		// Open journeys before closed ones, the most recently active thread first.
		.orderBy(sql`(j.status = 'closed')`)
		.orderBy(sql`max(m.sent_at) desc nulls last`)
		.orderBy('j.started_at')
		.execute();
	return rows.map((row) => ({
		...row,
		messageCount: Number(row.messageCount),
		unread: Number(row.unread),
		latestAt: row.latestAt === null ? null : new Date(row.latestAt)
	}));
}

/**
 * Marks the citizen side's messages in a thread as read by the municipality; returns how many
 * were unread. Staff messages were read by staff when written.
 */
export async function markThreadReadByStaff(
	db: Executor,
	journeyId: string,
	now: Date = clock.now()
): Promise<number> {
	return markThreadRead(db, journeyId, 'staff', now);
}

/** A message from a member of staff (the caller opens the transaction and writes the audit row). */
export async function insertStaffMessage(
	db: Executor,
	message: { journeyId: string; authorStaffId: string; body: string },
	now: Date = clock.now()
): Promise<{ id: string; sentAt: Date }> {
	const { journeyId, authorStaffId, body } = message;
	return insertMessage(db, { journeyId, side: 'staff', authorId: authorStaffId, body }, now);
}

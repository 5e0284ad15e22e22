import { sql, type Selectable } from 'kysely';
import type { TimelineFilter } from '../access/policy';
import { isUuid } from '../../uuid';
import * as clock from '../clock';
import type { Stamped, TimelineEntriesTable } from './schema';
import type { LetterStatus } from '../../domain';
import type { Executor } from './executor';

export type TimelineEntry = Selectable<TimelineEntriesTable>;

/** Where the next page starts: the (occurred_at, id) of the last entry on the previous page. */
export interface TimelineCursor {
	occurredAt: Date;
	id: string;
}

/**
 * A timeline entry with its letter's post status. The entries are append-only, so a letter
 * posted later is read from the letter: `posted_letter_at` is the entry's own date or, when the
 * entry has none, the date the letter was handed to the post.
 */
export type TimelinePageEntry = TimelineEntry & {
	letter_returned_at: Date | null;
	/** The letter's status, when the entry is about one (a failed letter says so). */
	letter_status: LetterStatus | null;
	/** When the entry (a decision) went to the citizen's Digital Post; null if it did not. */
	digital_post_at: Date | null;
	/** The entry's department's names, read with the page (null for entries of no department). */
	department_name: string | null;
	department_name_en: string | null;
};

export interface TimelinePage {
	entries: TimelinePageEntry[];
	next: TimelineCursor | null;
}

export async function appendTimelineEntry(
	db: Executor,
	entry: Stamped<TimelineEntriesTable, 'occurred_at' | 'created_at'>
): Promise<TimelineEntry> {
	const now = clock.now();
	return db
		.insertInto('timeline_entries')
		.values({
			...entry,
			occurred_at: entry.occurred_at ?? now,
			created_at: entry.created_at ?? now
		})
		.returningAll()
		.executeTakeFirstOrThrow();
}

/**
 * The access policy's timeline filter (access/policy.ts, timelineFilter) as a SQL condition on the
 * entries aliased `alias`: the one translation of who sees which entries into SQL, so a list is
 * filtered and paged in the database, never afterwards.
 */
export function visibleTo(filter: TimelineFilter, alias = 'e') {
	const visibility = sql.ref(`${alias}.visibility`);
	const department = sql.ref(`${alias}.department_id`);
	const visibilities = sql`${visibility} in (${sql.join(filter.visibilities.map((v) => sql.val(v)))})`;
	const departments = filter.departmentIds;
	if (departments === 'all') return sql<boolean>`(${visibilities})`;
	if (departments.length === 0) return sql<boolean>`(${visibilities} and ${department} is null)`;
	return sql<boolean>`(${visibilities} and (${department} is null or ${department} in (${sql.join(
		departments.map((id) => sql.val(id))
	)})))`;
}

/** When the entry went to the citizen's own Digital Post (letters_entry_idx finds its letter). */
export const digitalPostAt = sql<Date | null>`(select dp.posted_at from letters dp
	where dp.timeline_entry_id = e.id and dp.delivery = 'digital_post'
	and dp.recipient_citizen_id is null and dp.status = 'posted' limit 1)`;

/**
 * One page of a journey's timeline, newest first, by keyset on (occurred_at, id) so that a page
 * costs the same however deep it is and entries added meanwhile do not shift the pages. With a
 * `filter` (the access policy's, for the reader), only the entries it lets them see.
 */
export async function listTimeline(
	db: Executor,
	journeyId: string,
	options: { filter?: TimelineFilter; after?: TimelineCursor | null; limit?: number } = {}
): Promise<TimelinePage> {
	const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
	let query = db
		.selectFrom('timeline_entries as e')
		.leftJoin('letters as l', 'l.id', 'e.letter_id')
		.leftJoin('departments as d', 'd.id', 'e.department_id')
		.selectAll('e')
		.select([
			'l.posted_at as letter_posted_at',
			'l.returned_at as letter_returned_at',
			'l.status as letter_status',
			digitalPostAt.as('digital_post_at'),
			'd.name as department_name',
			'd.name_en as department_name_en'
		])
		.where('e.journey_id', '=', journeyId)
		.orderBy('e.occurred_at', 'desc')
		.orderBy('e.id', 'desc')
		.limit(limit + 1);
	if (options.filter) query = query.where(visibleTo(options.filter));
	const after = options.after;
	if (after) {
		query = query.where(
			// A row comparison, which the (occurred_at, id) index answers directly: the same
			// as "before in time, or at the same time with a lower id", spelled as an OR, which
			// PostgreSQL can only filter by, reading every newer entry first. The plain bound on
			// occurred_at says the same again for the planner, which cannot estimate a row
			// comparison (it guessed 12 rows of 2,266 and sorted them all instead of stopping at
			// the page's end), and lets it skip the newer audit partitions.
			sql<boolean>`(e.occurred_at <= ${after.occurredAt} and (e.occurred_at, e.id) < (${after.occurredAt}, ${after.id}))`
		);
	}
	const rows = await query.execute();
	const entries = rows.slice(0, limit).map(({ letter_posted_at, ...entry }) => ({
		...entry,
		posted_letter_at: entry.posted_letter_at ?? letter_posted_at
	}));
	const last = entries.at(-1);
	return {
		entries,
		next: rows.length > limit && last ? { occurredAt: last.occurred_at, id: last.id } : null
	};
}

/** Cursor as an opaque URL-safe string (it holds no personal data, only a time and an id). */
export function encodeCursor(cursor: TimelineCursor): string {
	return Buffer.from(`${cursor.occurredAt.toISOString()}|${cursor.id}`).toString('base64url');
}

export function decodeCursor(value: string | null | undefined): TimelineCursor | null {
	if (!value) return null;
	const [time, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
	const occurredAt = new Date(time ?? '');
	if (Number.isNaN(occurredAt.getTime()) || !id || !isUuid(id)) return null;
	return { occurredAt, id };
}

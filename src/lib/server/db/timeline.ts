import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { isUuid } from '../../uuid';
import type { Database, TimelineEntriesTable, Visibility } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;
export type TimelineEntry = Selectable<TimelineEntriesTable>;

/** Where the next page starts: the (occurred_at, id) of the last entry on the previous page. */
export interface TimelineCursor {
	occurredAt: Date;
	id: string;
}

export interface TimelinePage {
	entries: TimelineEntry[];
	next: TimelineCursor | null;
}

export async function appendTimelineEntry(
	db: Executor,
	entry: Insertable<TimelineEntriesTable>
): Promise<TimelineEntry> {
	return db.insertInto('timeline_entries').values(entry).returningAll().executeTakeFirstOrThrow();
}

/**
 * One page of a journey's timeline, newest first, by keyset on (occurred_at, id) so that a page
 * costs the same however deep it is and entries added meanwhile do not shift the pages.
 * `visibility: 'citizen'` restricts to what the citizen may see.
 */
export async function listTimeline(
	db: Executor,
	journeyId: string,
	options: { visibility?: Visibility; after?: TimelineCursor | null; limit?: number } = {}
): Promise<TimelinePage> {
	const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
	let query = db
		.selectFrom('timeline_entries')
		.selectAll()
		.where('journey_id', '=', journeyId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit + 1);
	if (options.visibility) query = query.where('visibility', '=', options.visibility);
	const after = options.after;
	if (after) {
		query = query.where((eb) =>
			eb.or([
				eb('occurred_at', '<', after.occurredAt),
				eb.and([eb('occurred_at', '=', after.occurredAt), eb('id', '<', after.id)])
			])
		);
	}
	const rows = await query.execute();
	const entries = rows.slice(0, limit);
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

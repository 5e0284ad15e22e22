// The citizen's documents: letters sent to them (table letters) and the decisions on their
// journeys' timelines (entries of kind 'decision' that the citizen may see).
import { sql } from 'kysely';
import { citizenTimelineFilter } from '../access/policy';
import type { Language, LetterStatus } from '../../domain';
import { digitalPostAt, visibleTo } from './timeline';
import type { Executor } from './executor';

export interface LetterListItem {
	kind: 'letter';
	id: string;
	subject: string;
	language: Language;
	createdAt: Date;
	postedAt: Date | null;
	/** Where the letter is on its way: waiting, posted or returned (see LetterStatus). */
	status: LetterStatus;
	returnedAt: Date | null;
	/** Size of the stored PDF in bytes; null when it is rendered on request. */
	pdfSize: number | null;
}

export interface DecisionListItem {
	kind: 'decision';
	id: string;
	title: string;
	titleEn: string | null;
	occurredAt: Date;
	departmentName: string | null;
	departmentNameEn: string | null;
	/** When it went to the citizen's Digital Post; null when it did not (or not yet). */
	digitalPostAt: Date | null;
}

export type DocumentListItem = LetterListItem | DecisionListItem;

/**
 * A citizen's letters and citizen-visible decisions, newest first; with `page`, only the `limit`
 * documents after the first `offset` (each list reads at most offset + limit rows by its index).
 */
export async function listCitizenDocuments(
	db: Executor,
	citizenId: string,
	page?: { limit: number; offset: number }
): Promise<DocumentListItem[]> {
	const upTo = page ? page.offset + page.limit : null;
	const [letters, decisions] = await Promise.all([
		db
			.selectFrom('letters')
			.select([
				'id',
				'subject',
				'language',
				'created_at as createdAt',
				'posted_at as postedAt',
				'status',
				'returned_at as returnedAt',
				sql<number | null>`octet_length(pdf)`.as('pdfSize')
			])
			.where('citizen_id', '=', citizenId)
			// The citizen's own letters: a decision in Digital Post is listed as the decision, and a
			// copy to a representative is theirs.
			.where('delivery', '<>', 'digital_post')
			.where('recipient_citizen_id', 'is', null)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.$if(upTo !== null, (q) => q.limit(upTo!))
			.execute(),
		db
			.selectFrom('timeline_entries as e')
			.innerJoin('journeys as j', 'j.id', 'e.journey_id')
			.leftJoin('departments as d', 'd.id', 'e.department_id')
			.select([
				'e.id',
				'e.title',
				'e.title_en as titleEn',
				'e.occurred_at as occurredAt',
				'd.name as departmentName',
				'd.name_en as departmentNameEn',
				digitalPostAt.as('digitalPostAt')
			])
			.where('j.citizen_id', '=', citizenId)
			.where('e.kind', '=', 'decision')
			.where(visibleTo(citizenTimelineFilter(null)))
			.orderBy('e.occurred_at', 'desc')
			.orderBy('e.id', 'desc')
			.$if(upTo !== null, (q) => q.limit(upTo!))
			.execute()
	]);
	const items: { at: Date; item: DocumentListItem }[] = [
		...letters.map((l) => ({
			at: l.createdAt,
			item: {
				kind: 'letter' as const,
				...l,
				pdfSize: l.pdfSize === null ? null : Number(l.pdfSize)
			}
		})),
		...decisions.map((d) => ({ at: d.occurredAt, item: { kind: 'decision' as const, ...d } }))
	];
	const sorted = items
		.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.item.id < b.item.id ? 1 : -1))
		.map((x) => x.item);
	return page ? sorted.slice(page.offset, page.offset + page.limit) : sorted;
}

/** One of the citizen's letters with its stored PDF (if any), or undefined. */
export async function findCitizenLetter(db: Executor, letterId: string, citizenId: string) {
	return db
		.selectFrom('letters')
		.select([
			'id',
			'subject',
			'body',
			'language',
			'recipient_name as recipientName',
			'recipient_address as recipientAddress',
			'created_at as createdAt',
			'posted_at as postedAt',
			'pdf'
		])
		.where('id', '=', letterId)
		.where('citizen_id', '=', citizenId)
		.where('delivery', '<>', 'digital_post')
		.where('recipient_citizen_id', 'is', null)
		.executeTakeFirst();
}

export type CitizenLetter = NonNullable<Awaited<ReturnType<typeof findCitizenLetter>>>;

/**
 * A decision on one of the citizen's journeys that the citizen may see, with its department's
 * contact details; undefined for a staff-only entry, another kind of entry or someone else's.
 */
export async function findCitizenDecision(db: Executor, entryId: string, citizenId: string) {
	return db
		.selectFrom('timeline_entries as e')
		.innerJoin('journeys as j', 'j.id', 'e.journey_id')
		.innerJoin('citizens as c', 'c.id', 'j.citizen_id')
		.leftJoin('departments as d', 'd.id', 'e.department_id')
		.leftJoin('staff_users as s', 's.id', 'e.author_staff_id')
		.select([
			'e.id',
			'e.title',
			'e.title_en as titleEn',
			'e.body',
			'e.body_en as bodyEn',
			'e.occurred_at as occurredAt',
			'c.name as citizenName',
			's.name as authorName',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'd.phone as departmentPhone',
			'd.email as departmentEmail',
			'd.address as departmentAddress',
			'd.opening_hours as departmentHours'
		])
		.where('e.id', '=', entryId)
		.where('j.citizen_id', '=', citizenId)
		.where('e.kind', '=', 'decision')
		.where(visibleTo(citizenTimelineFilter(null)))
		.executeTakeFirst();
}

export type CitizenDecision = NonNullable<Awaited<ReturnType<typeof findCitizenDecision>>>;

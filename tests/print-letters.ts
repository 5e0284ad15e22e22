// Letters waiting in the print queue, made the way the letter worker makes them (status
// 'rendered' with a PDF from renderPrintLetter and a citizen-visible timeline entry pointing to
// the letter), so the print queue's tests do not depend on the worker.
import type { Kysely } from 'kysely';
import * as clock from '../src/lib/server/clock';
import type { Database } from '../src/lib/server/db/schema';
import { letterReference, renderPrintLetter } from '../src/lib/server/letters/pdf';
import { demoIds } from '../src/lib/server/seed/demo';

const municipality = {
	name: 'Sammen Kommune',
	phone: '70 10 20 30',
	email: 'kontakt@sammen-kommune.example',
	address: 'Rådhuspladsen 1, 9999 Sammenby',
	openingHours: { da: '', en: '' },
	accessibilityStatementUrl: ''
};

export interface WaitingLetter {
	id: string;
	reference: string;
	entryId: string;
	subject: string;
	/** When the letter was made (its created_at, the date printed on it). */
	createdAt: Date;
}

/** A rendered letter to Karl Nielsen (analog) on his journey, from Sundhed og omsorg. */
export async function insertWaitingLetter(
	db: Kysely<Database>,
	options: { subject: string; createdAt?: Date; compress?: boolean }
): Promise<WaitingLetter> {
	const createdAt = options.createdAt ?? clock.now();
	const department = await db
		.selectFrom('departments')
		.select(['id', 'name', 'phone', 'email'])
		.where('id', '=', demoIds.department('sundhed-og-omsorg'))
		.executeTakeFirstOrThrow();
	const row = await db
		.insertInto('letters')
		.values({
			citizen_id: demoIds.citizen('Karl Nielsen'),
			subject: options.subject,
			body: `Kære Karl Nielsen\n\n${options.subject}.\n\nVenlig hilsen\nSundhed og omsorg`,
			language: 'da',
			recipient_name: 'Karl Nielsen',
			recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
			status: 'queued',
			created_at: createdAt,
			event_type: 'test',
			department_id: department.id,
			journey_id: demoIds.journey('karl')
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const reference = letterReference(row.id);
	const rendered = await renderPrintLetter(
		{
			reference,
			language: 'da',
			recipientName: 'Karl Nielsen',
			recipientAddress: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
			subject: options.subject,
			body: `Kære Karl Nielsen\n\n${options.subject}.\n\nVenlig hilsen\nSundhed og omsorg`,
			date: createdAt,
			department,
			municipality
		},
		{ compress: options.compress ?? true }
	);
	const entry = await db
		.insertInto('timeline_entries')
		.values({
			journey_id: demoIds.journey('karl'),
			kind: 'letter',
			visibility: 'citizen',
			department_id: department.id,
			title: options.subject,
			title_en: options.subject,
			body: '',
			occurred_at: createdAt,
			created_at: createdAt,
			letter_id: row.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.updateTable('letters')
		.set({
			status: 'rendered',
			pdf: rendered.pdf,
			page_count: rendered.pageCount,
			rendered_at: createdAt,
			timeline_entry_id: entry.id
		})
		.where('id', '=', row.id)
		.execute();
	return { id: row.id, reference, entryId: entry.id, subject: options.subject, createdAt };
}

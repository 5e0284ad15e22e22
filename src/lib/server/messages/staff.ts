// A member of staff answers in the journey's message thread (the citizen portal's conversation):
// the message, a citizen-visible 'message' entry on the timeline that tells the citizen there is
// a message (as the demo's staff messages are recorded), and the audit row, in one transaction,
// recorded through recordEvent (events/record.ts).
import { catalogues, format } from '../../i18n/all';
import { insertStaffMessage } from '../db/messages';
import { recordEvent } from '../events/record';
import { entryLetter } from '../notifications/route';
import { purposeFor, type StaffJourneyContext } from '../access/staff';
import * as clock from '../clock';

function isUniqueViolation(error: unknown): boolean {
	return (
		typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
	);
}

export async function sendStaffMessage(
	context: StaffJourneyContext,
	message: { body: string; authorName: string; token: string },
	now: Date = clock.now()
): Promise<{ id: string | null; duplicate: boolean }> {
	const { db, actor, citizen, journey } = context;
	const da = catalogues.da;
	const en = catalogues.en;
	try {
		return await db.transaction().execute(async (trx) => {
			const sent = await insertStaffMessage(
				trx,
				{ journeyId: journey.journeyId, authorStaffId: actor.staffId, body: message.body },
				now
			);
			// The entry's key is the form's one-time token: a second submit of the same form
			// fails on it and rolls the message back.
			await recordEvent(
				trx,
				actor,
				{
					citizenId: citizen.citizenId,
					type: 'message',
					entries: [
						{
							journey_id: journey.journeyId,
							kind: 'message',
							visibility: 'citizen',
							author_staff_id: actor.staffId,
							author_citizen_id: null,
							department_id: actor.departmentId,
							title: format(da.sjMessageEntryTitle, { name: message.authorName }),
							title_en: format(en.sjMessageEntryTitle, { name: message.authorName }),
							body: da.sjMessageEntryBody,
							body_en: en.sjMessageEntryBody,
							occurred_at: now,
							idempotency_key: `staff-message:${message.token}`
						}
					],
					object: { action: 'create', type: 'message', id: sent.id },
					purpose: purposeFor(actor, citizen),
					// The entry only points to the thread; a letter to an analog citizen carries the message.
					letter: ({ entry, citizenName, sender }) =>
						entryLetter({ ...entry!, body: message.body, body_en: null }, citizenName, sender)
				},
				now
			);
			return { id: sent.id, duplicate: false };
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { id: null, duplicate: true };
		throw error;
	}
}

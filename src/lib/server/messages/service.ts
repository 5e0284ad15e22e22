// Messages from the citizen's side of a journey's thread: the citizen, or a representative acting
// for them. The message and its audit row are written in one transaction, opened here so that the
// database layer never opens one itself.
import type { Kysely } from 'kysely';
import * as clock from '../clock';
import { recordAuditEvent } from '../db/audit';
import { insertCitizenMessage } from '../db/messages';
import type { Database, NewAuditEvent } from '../db/schema';

export async function sendCitizenMessage(
	db: Kysely<Database>,
	message: {
		journeyId: string;
		authorCitizenId: string;
		body: string;
		audit: Pick<NewAuditEvent, 'actor_type' | 'actor_citizen_id' | 'citizen_id'>;
	},
	now: Date = clock.now()
): Promise<{ id: string; sentAt: Date }> {
	return db.transaction().execute(async (trx) => {
		const sent = await insertCitizenMessage(trx, message, now);
		await recordAuditEvent(trx, {
			...message.audit,
			occurred_at: now,
			action: 'create',
			object_type: 'message',
			object_id: sent.id
		});
		return sent;
	});
}

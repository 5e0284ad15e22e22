// The demo outbox: what Sammen would have sent by e-mail and SMS when no SMTP server or SMS
// provider is configured, so the demo shows the whole flow. Only in demo mode. The messages carry
// no personal details (only that there is news, and a link); the recipients are shown masked.
import type { Kysely } from 'kysely';
import { listDemoOutbox, type Cursor } from '../db/operations';
import type { Database } from '../db/schema';
import { auditStaff, type StaffActor } from '../access/staff';
import { maskRecipient } from './mask';
import type { DigitalChannel } from '../../domain';

export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxView {
	id: string;
	createdAt: Date;
	channel: DigitalChannel;
	recipient: string;
	subject: string | null;
	body: string;
}

export async function loadDemoOutbox(
	db: Kysely<Database>,
	actor: StaffActor,
	after: Cursor | null
): Promise<{ rows: OutboxView[]; next: Cursor | null }> {
	const page = await listDemoOutbox(db, { after, limit: OUTBOX_PAGE_SIZE });
	await auditStaff(db, actor, { action: 'read', objectType: 'demo_outbox', citizenId: null });
	return {
		rows: page.rows.map((row) => ({
			...row,
			recipient: maskRecipient(row.channel, row.recipient)
		})),
		next: page.next
	};
}

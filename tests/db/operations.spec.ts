// Operations for administrators: the dead-letter list shows failed and uncertain notifications only,
// newest first and paged; "try again" puts a notification back in the queue with its job and its
// audit row in one transaction (a rolled-back retry leaves neither); a row that is no longer dead is
// left alone; and the count of letters that have waited longer than the alert time.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	decodeCursor,
	encodeCursor,
	listDeadNotifications,
	type Cursor
} from '../../src/lib/server/db/operations';
import type { NotificationStatus } from '../../src/lib/domain';
import {
	citizenReference,
	loadDeadLetters,
	retryDeadLetter,
	waitingLetters
} from '../../src/lib/server/operations/dead-letters';
import { loadDemoOutbox } from '../../src/lib/server/operations/demo-outbox';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const anders: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Anders Berg'),
	role: 'admin',
	departmentId: null
};

describe.each(testDialects())('operations on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	let counter = 0;
	async function notification(
		status: NotificationStatus,
		options: {
			channel?: 'email' | 'sms' | 'letter';
			minutesAgo?: number;
			error?: string | null;
			letterId?: string | null;
			citizenId?: string;
		} = {}
	): Promise<string> {
		counter += 1;
		const createdAt = new Date(now.getTime() - (options.minutesAgo ?? counter) * 60_000);
		const row = await t.db
			.insertInto('notifications')
			.values({
				citizen_id: options.citizenId ?? maja,
				event_type: 'meeting_invite',
				timeline_entry_id: null,
				channel: options.channel ?? 'email',
				status,
				letter_id: options.letterId ?? null,
				attempts: status === 'failed' ? 6 : 1,
				error: options.error ?? null,
				idempotency_key: `ops-test:${counter}`,
				created_at: createdAt,
				send_after: createdAt,
				claimed_at: status === 'uncertain' ? now : null,
				bundle_id: null,
				sent_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	}

	async function jobs(name: string): Promise<number> {
		const { rows } = await sql<{
			n: string | number;
		}>`select count(*) as n from pgboss.job where name = ${name}`.execute(t.db);
		return Number(rows[0]?.n ?? 0);
	}

	async function statusOf(id: string) {
		return t.db
			.selectFrom('notifications')
			.select(['status', 'attempts', 'error', 'claimed_at', 'send_after'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
	}

	async function auditRows(objectId: string) {
		return t.db
			.selectFrom('audit_events')
			.select(['action', 'object_type', 'citizen_id', 'actor_staff_id', 'actor_role'])
			.where('object_id', '=', objectId)
			.execute();
	}

	it('lists failed and uncertain notifications only, newest first, with masked errors', async () => {
		const failed = await notification('failed', {
			minutesAgo: 30,
			error: '550 mailbox maja.jensen@example.com unavailable; call +45 12 34 52 01'
		});
		const uncertain = await notification('uncertain', { channel: 'sms', minutesAgo: 10 });
		const others = await Promise.all(
			(['pending', 'sent', 'cancelled', 'bundled', 'sending'] as const).map((s) => notification(s))
		);
		const page = await loadDeadLetters(t.db, anders, null);
		const ids = page.rows.map((r) => r.id);
		expect(ids).toContain(failed);
		expect(ids).toContain(uncertain);
		for (const id of others) expect(ids).not.toContain(id);
		expect(ids.indexOf(uncertain)).toBeLessThan(ids.indexOf(failed));
		const row = page.rows.find((r) => r.id === failed)!;
		expect(row.error).toBe('550 mailbox m***@example.com unavailable; call •••• 52 01');
		expect(row.reference).toEqual({ kind: 'citizen', code: citizenReference(maja) });
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(6);
		// Reading the list is recorded, about no one citizen.
		const reads = await t.db
			.selectFrom('audit_events')
			.select(['citizen_id'])
			.where('object_type', '=', 'notification')
			.where('action', '=', 'read')
			.where('actor_staff_id', '=', anders.staffId)
			.execute();
		expect(reads.length).toBeGreaterThan(0);
		expect(reads.every((r) => r.citizen_id === null)).toBe(true);
	});

	it('pages by keyset without losing or repeating rows that share a time', async () => {
		const same = new Date(now.getTime() - 3 * 3_600_000 + 0.5);
		const shared = await Promise.all([1, 2, 3].map(() => notification('failed')));
		await t.db
			.updateTable('notifications')
			.set({ created_at: same })
			.where('id', 'in', shared)
			.execute();
		const seen: string[] = [];
		let after: Cursor | null = null;
		for (let i = 0; i < 100; i++) {
			const page = await listDeadNotifications(t.db, { after, limit: 2 });
			seen.push(...page.rows.map((r) => r.id));
			if (!page.next) break;
			// Through the URL form and back.
			after = decodeCursor(encodeCursor(page.next));
			expect(after).toEqual(page.next);
		}
		expect(new Set(seen).size).toBe(seen.length);
		for (const id of shared) expect(seen).toContain(id);
		expect(decodeCursor('bm90LWEtY3Vyc29y')).toBeNull();
		expect(decodeCursor(null)).toBeNull();
	});

	it('retries a failed e-mail: pending, no attempts, due now, with its job and audit row', async () => {
		const id = await notification('failed', { error: 'SMTP refused' });
		const before = await jobs('notify-deliver');
		expect(await retryDeadLetter(t.db, anders, id, now)).toBe('retried');
		const row = await statusOf(id);
		expect(row).toMatchObject({ status: 'pending', attempts: 0, error: null, claimed_at: null });
		expect(row.send_after.getTime()).toBe(now.getTime());
		expect(await jobs('notify-deliver')).toBe(before + 1);
		const { rows } = await sql<{
			data: { citizenId: string; channel: string };
		}>`select data from pgboss.job where name = 'notify-deliver' order by created_on desc limit 1`.execute(
			t.db
		);
		expect(rows[0]?.data).toEqual({ citizenId: maja, channel: 'email' });
		expect(await auditRows(id)).toEqual([
			{
				action: 'update',
				object_type: 'notification',
				citizen_id: maja,
				actor_staff_id: anders.staffId,
				actor_role: 'admin'
			}
		]);
		const listed = await loadDeadLetters(t.db, anders, null);
		expect(listed.rows.map((r) => r.id)).not.toContain(id);
	});

	it('retries an uncertain SMS the same way', async () => {
		const id = await notification('uncertain', { channel: 'sms' });
		const before = await jobs('notify-deliver');
		expect(await retryDeadLetter(t.db, anders, id, now)).toBe('retried');
		expect((await statusOf(id)).status).toBe('pending');
		expect(await jobs('notify-deliver')).toBe(before + 1);
	});

	it('leaves neither change, job nor audit row when the retry rolls back', async () => {
		const id = await notification('failed', { error: 'SMTP refused' });
		const before = await jobs('notify-deliver');
		// An actor id the audit table cannot store: the last step fails, after the reset and the job.
		const broken: StaffActor = { ...anders, staffId: 'not-a-uuid' };
		await expect(retryDeadLetter(t.db, broken, id, now)).rejects.toThrow();
		expect(await statusOf(id)).toMatchObject({ status: 'failed', error: 'SMTP refused' });
		expect(await jobs('notify-deliver')).toBe(before);
		expect(await auditRows(id)).toEqual([]);
	});

	it('changes nothing for a row that is not dead, or does not exist', async () => {
		const sent = await notification('sent');
		const pending = await notification('pending');
		const before = await jobs('notify-deliver');
		expect(await retryDeadLetter(t.db, anders, sent, now)).toBe('not-dead');
		expect(await retryDeadLetter(t.db, anders, pending, now)).toBe('not-dead');
		expect(await retryDeadLetter(t.db, anders, '00000000-0000-4000-8000-000000000000', now)).toBe(
			'missing'
		);
		expect((await statusOf(sent)).status).toBe('sent');
		expect((await statusOf(pending)).status).toBe('pending');
		expect(await jobs('notify-deliver')).toBe(before);
		expect(await auditRows(sent)).toEqual([]);
		// A second retry of the same row finds it pending: nothing more happens.
		const failed = await notification('failed');
		expect(await retryDeadLetter(t.db, anders, failed, now)).toBe('retried');
		expect(await retryDeadLetter(t.db, anders, failed, now)).toBe('not-dead');
		expect(await jobs('notify-deliver')).toBe(before + 1);
	});

	it('sends a letter that failed to render back to the render queue', async () => {
		const letter = await t.db
			.insertInto('letters')
			.values({
				citizen_id: karl,
				subject: 'Invitation',
				body: 'Tekst',
				recipient_name: 'Karl Nielsen',
				recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
				status: 'failed',
				error: 'font missing',
				idempotency_key: 'ops-test-letter',
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const id = await notification('failed', {
			channel: 'letter',
			letterId: letter.id,
			citizenId: karl,
			error: 'font missing'
		});
		const listed = await loadDeadLetters(t.db, anders, null);
		const row = listed.rows.find((r) => r.id === id)!;
		expect(row.reference.kind).toBe('letter');
		expect(row.reference.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
		const before = await jobs('letter-render');
		expect(await retryDeadLetter(t.db, anders, id, now)).toBe('retried');
		expect(await jobs('letter-render')).toBe(before + 1);
		const after = await t.db
			.selectFrom('letters')
			.select(['status', 'error'])
			.where('id', '=', letter.id)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ status: 'queued', error: null });
		expect((await statusOf(id)).status).toBe('pending');
		expect(await auditRows(id)).toHaveLength(1);
	});

	it('counts letters not handed to the post that are older than the alert time', async () => {
		const base = (await waitingLetters(t.db, now)).count;
		expect((await waitingLetters(t.db, now)).hours).toBe(24);
		const insert = (
			status: 'queued' | 'rendered' | 'printed' | 'posted' | 'failed',
			hours: number
		) =>
			t.db
				.insertInto('letters')
				.values({
					citizen_id: karl,
					subject: 'Brev',
					body: 'Tekst',
					recipient_name: 'Karl Nielsen',
					recipient_address: 'Kirkevej 14',
					status,
					created_at: new Date(now.getTime() - hours * 3_600_000)
				})
				.execute();
		await insert('queued', 25);
		await insert('rendered', 48);
		await insert('printed', 30);
		await insert('posted', 72);
		await insert('failed', 72);
		await insert('queued', 2);
		expect((await waitingLetters(t.db, now)).count).toBe(base + 3);
	});

	it('lists the demo outbox newest first with masked recipients, and records the read', async () => {
		const n = await notification('sent');
		await t.db
			.insertInto('demo_outbox')
			.values([
				{
					notification_id: n,
					channel: 'email',
					recipient: 'maja.jensen@example.com',
					subject: 'Nyt fra kommunen i Sammen',
					body: 'Du har en ny besked.',
					created_at: new Date(now.getTime() - 60_000)
				},
				{
					notification_id: n,
					channel: 'sms',
					recipient: '+45 12 34 52 01',
					subject: null,
					body: 'Du har en ny besked.',
					created_at: now
				}
			])
			.execute();
		const page = await loadDemoOutbox(t.db, anders, null);
		expect(page.rows.map((r) => r.recipient)).toEqual(['•••• 52 01', 'm***@example.com']);
		const reads = await t.db
			.selectFrom('audit_events')
			.select('citizen_id')
			.where('object_type', '=', 'demo_outbox')
			.execute();
		expect(reads).toEqual([{ citizen_id: null }]);
	});
});

// Messages with the coordinator: the thread, read state, sending with its audit row, and the
// per-journey unread counts the overview and /beskeder show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import {
	insertCitizenMessage,
	listThread,
	markThreadReadByCitizen,
	unreadCountsForCitizen
} from '../../src/lib/server/db/messages';
import { sendCitizenMessage } from '../../src/lib/server/messages/service';
import type { AuditActorType } from '../../src/lib/domain';
import { demoIds } from '../../src/lib/server/seed/demo';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();

describe.each(testDialects())('messages on %s', (dialect) => {
	let t: TestDatabase;
	const maja = demoIds.citizen('Maja Jensen');
	const majaJourney = demoIds.journey('maja');

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it("lists Maja's thread oldest first, with the staff author's department", async () => {
		const thread = await listThread(t.db, majaJourney);
		expect(thread).toHaveLength(8);
		const times = thread.map((m) => m.sentAt.getTime());
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const fromStaff = thread.filter((m) => m.authorCitizenId === null);
		const fromMaja = thread.filter((m) => m.authorCitizenId !== null);
		expect(fromStaff).toHaveLength(6);
		for (const message of fromStaff) {
			expect(message).toMatchObject({
				authorStaffName: 'Mette Larsen',
				authorDepartmentName: 'Socialforvaltningen',
				authorCitizenName: null
			});
		}
		expect(fromMaja).toHaveLength(2);
		for (const message of fromMaja) {
			expect(message).toMatchObject({ authorCitizenId: maja, authorCitizenName: 'Maja Jensen' });
			expect(message.readByStaffAt).toBeInstanceOf(Date);
		}
		// The last two, from Mette Larsen, are still unread.
		expect(thread.slice(-2).map((m) => m.readByCitizenAt)).toEqual([null, null]);
	});

	it("keeps every journey's messages apart", async () => {
		const ahmed = await listThread(t.db, demoIds.journey('ahmed'));
		expect(ahmed.map((m) => m.body)).toEqual([
			'Hi Ahmed. Your mentor is Sara Lund. The video meeting link is in the invitation. Best regards, Lone',
			'Thank you. I will be there.'
		]);
		expect(await listThread(t.db, demoIds.journey('karl'))).toEqual([]);
	});

	it('counts unread messages and the latest time per journey', async () => {
		const [summary, ...others] = await unreadCountsForCitizen(t.db, maja);
		expect(others).toEqual([]);
		expect(summary).toMatchObject({
			journeyId: majaJourney,
			title: 'Job, økonomi og familie',
			coordinatorName: 'Mette Larsen',
			coordinatorDepartmentName: 'Socialforvaltningen',
			messageCount: 8,
			unread: 2
		});
		const thread = await listThread(t.db, majaJourney);
		expect(summary?.latestAt?.getTime()).toBe(thread.at(-1)?.sentAt.getTime());

		const karl = await unreadCountsForCitizen(t.db, demoIds.citizen('Karl Nielsen'));
		expect(karl).toEqual([expect.objectContaining({ messageCount: 0, unread: 0, latestAt: null })]);
		// Jens Poulsen has a case but no journey, so no conversation.
		expect(await unreadCountsForCitizen(t.db, demoIds.citizen('Jens Poulsen'))).toEqual([]);
	});

	it("marks only the staff's unread messages as read, once", async () => {
		const before = await listThread(t.db, majaJourney);
		const readAt = new Date(now.getTime() + 3_600_000);
		expect(await markThreadReadByCitizen(t.db, majaJourney, readAt)).toBe(2);
		expect(await markThreadReadByCitizen(t.db, majaJourney, clock.now())).toBe(0);
		const after = await listThread(t.db, majaJourney);
		after.forEach((message, i) => {
			const was = before[i]!;
			if (was.readByCitizenAt) expect(message.readByCitizenAt).toEqual(was.readByCitizenAt);
			else expect(message.readByCitizenAt).toEqual(readAt);
			expect(message.readByStaffAt).toEqual(was.readByStaffAt);
		});
		expect((await unreadCountsForCitizen(t.db, maja))[0]?.unread).toBe(0);
		// Another journey's unread messages are untouched.
		const ahmed = await unreadCountsForCitizen(t.db, demoIds.citizen('Ahmed Hassan'));
		expect(ahmed[0]?.messageCount).toBe(2);
	});

	it('sends a message and its audit row together, with the line breaks kept', async () => {
		const sentAt = new Date(now.getTime() + 2 * 3_600_000);
		const body = 'Hej Mette\n\nJeg kommer til mødet.\n<b>Tak</b>';
		const sent = await sendCitizenMessage(
			t.db,
			{
				journeyId: majaJourney,
				authorCitizenId: maja,
				body,
				audit: { actor_type: 'citizen', actor_citizen_id: maja, citizen_id: maja }
			},
			sentAt
		);
		const last = (await listThread(t.db, majaJourney)).at(-1);
		expect(last).toMatchObject({
			id: sent.id,
			body,
			authorCitizenId: maja,
			readByStaffAt: null,
			authorStaffName: null
		});
		expect(last?.readByCitizenAt).toEqual(sentAt);
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', sent.id)
			.execute();
		expect(audit).toEqual([
			expect.objectContaining({
				action: 'create',
				object_type: 'message',
				actor_type: 'citizen',
				actor_citizen_id: maja,
				citizen_id: maja
			})
		]);
		// A message from the citizen's own side is not unread for them.
		expect((await unreadCountsForCitizen(t.db, maja))[0]).toMatchObject({
			messageCount: 9,
			unread: 0
		});
	});

	it('records a representative as the author and the actor, for the citizen', async () => {
		const sofie = demoIds.citizen('Sofie Hansen');
		const henrik = demoIds.citizen('Henrik Hansen');
		const sent = await sendCitizenMessage(t.db, {
			journeyId: demoIds.journey('sofie'),
			authorCitizenId: henrik,
			body: 'Sofie er syg i dag.',
			audit: { actor_type: 'representative', actor_citizen_id: henrik, citizen_id: sofie }
		});
		const [message] = await listThread(t.db, demoIds.journey('sofie'));
		expect(message).toMatchObject({ id: sent.id, authorCitizenName: 'Henrik Hansen' });
		const audit = await t.db
			.selectFrom('audit_events')
			.select(['actor_type', 'actor_citizen_id', 'citizen_id'])
			.where('object_id', '=', sent.id)
			.executeTakeFirst();
		expect(audit).toEqual({
			actor_type: 'representative',
			actor_citizen_id: henrik,
			citizen_id: sofie
		});
	});

	it("writes a message inside the caller's transaction, so it rolls back with the rest", async () => {
		const count = async () => (await listThread(t.db, majaJourney)).length;
		const before = await count();
		await expect(
			t.db.transaction().execute(async (trx) => {
				await insertCitizenMessage(trx, {
					journeyId: majaJourney,
					authorCitizenId: maja,
					body: 'Denne besked ruller tilbage med resten.'
				});
				// Inside the transaction the message is there.
				expect((await listThread(trx, majaJourney)).length).toBe(before + 1);
				throw new Error('the rest failed');
			})
		).rejects.toThrow('the rest failed');
		expect(await count()).toBe(before);
	});

	it('leaves no message behind when its audit row cannot be written', async () => {
		const count = async () => (await listThread(t.db, majaJourney)).length;
		const before = await count();
		await expect(
			sendCitizenMessage(t.db, {
				journeyId: majaJourney,
				authorCitizenId: maja,
				body: 'Denne besked må ikke blive gemt.',
				audit: {
					actor_type: 'nobody' as AuditActorType,
					actor_citizen_id: maja,
					citizen_id: maja
				}
			})
		).rejects.toThrow();
		expect(await count()).toBe(before);
	});
});

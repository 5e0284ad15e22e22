// Meetings and tasks for citizens: what a citizen may load, and that an answer or "I have done
// it" changes the row, tells staff on the timeline and is audited, all or nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import {
	findCitizenMeeting,
	listCitizenMeetings,
	listMeetingParticipants
} from '../../src/lib/server/db/meetings';
import { findCitizenTask, listCitizenTasks } from '../../src/lib/server/db/tasks';
import { listTimeline } from '../../src/lib/server/db/timeline';
import { answerMeeting, isAnswerable } from '../../src/lib/server/meetings/answer';
import { citizenScope, type CitizenScope } from '../../src/lib/server/access/policy';
import type { PortalContext } from '../../src/lib/server/access/portal';
import { completeTask } from '../../src/lib/server/tasks/complete';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const MINUTE = 60_000;
const minutesLater = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
// Maja's joint meeting, which the seed plans for Tuesday next week at 10.00 (seed/demo.ts).
const majaNextStart = new DemoClock(now).nextWeek();

describe.each(testDialects())('meetings and tasks for citizens on %s', (dialect) => {
	let t: TestDatabase;
	const maja = demoIds.citizen('Maja Jensen');
	const sofie = demoIds.citizen('Sofie Hansen');
	const henrik = demoIds.citizen('Henrik Hansen');
	const majaNext = demoIds.meeting('maja-next');

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	const own = (citizenId: string): CitizenScope =>
		citizenScope({ loggedInCitizenId: citizenId, actingForCitizenId: null, representation: null })!;

	function context(
		scope: CitizenScope,
		actor: { id: string; name: string },
		subject = actor
	): PortalContext {
		return { db: t.db, scope, actor, subject };
	}

	async function auditRows(objectId: string) {
		return t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', objectId)
			.where('action', '=', 'update')
			.orderBy('occurred_at')
			.execute();
	}

	describe('meetings', () => {
		it("finds Maja's meeting for Maja only, without the staff's minutes", async () => {
			const meeting = await findCitizenMeeting(t.db, majaNext, maja);
			expect(meeting?.title).toBe('Fællesmøde om din plan');
			expect(meeting?.organizerName).toBe('Mette Larsen');
			expect(meeting?.organizerDepartmentId).toBe(demoIds.department('socialforvaltningen'));
			expect(meeting && isAnswerable(meeting, now)).toBe(true);
			expect(await findCitizenMeeting(t.db, majaNext, demoIds.citizen('Karl Nielsen'))).toBe(
				undefined
			);
			const held = await findCitizenMeeting(t.db, demoIds.meeting('maja-m1'), maja);
			expect(held).toBeDefined();
			expect(held && isAnswerable(held, now)).toBe(false);
			expect(Object.keys(held!)).not.toContain('minutes');
			expect(JSON.stringify(held)).not.toContain('Maja vil gerne i job');
		});

		it('lists who takes part, with their role and department', async () => {
			const people = await listMeetingParticipants(t.db, majaNext);
			expect(people.map((p) => [p.name, p.departmentName])).toEqual([
				['Lone Madsen', 'Jobcenter'],
				['Mette Larsen', 'Socialforvaltningen'],
				['Peter Holm', 'Børn og Familie']
			]);
			const mentor = await listMeetingParticipants(t.db, demoIds.meeting('ahmed-mentor-meeting'));
			expect(mentor.find((p) => p.name === 'Sara Lund')).toMatchObject({
				role: 'Mentor',
				departmentName: null
			});
		});

		it('lists upcoming meetings soonest first, then earlier ones latest first', async () => {
			const { upcoming, earlier } = await listCitizenMeetings(t.db, maja, now);
			expect(upcoming.map((m) => m.id)).toEqual([majaNext]);
			expect(earlier.map((m) => m.id)).toEqual([
				demoIds.meeting('maja-m3'),
				demoIds.meeting('maja-m2'),
				demoIds.meeting('maja-m1')
			]);
			expect(await listCitizenMeetings(t.db, demoIds.citizen('Jens Poulsen'), now)).toEqual({
				upcoming: [],
				earlier: []
			});
		});

		it('records an answer on the meeting, on the staff timeline and in the audit trail', async () => {
			const meeting = (await findCitizenMeeting(t.db, majaNext, maja))!;
			const at = minutesLater(5);
			await answerMeeting(
				context(own(maja), { id: maja, name: 'Maja Jensen' }),
				meeting,
				{ response: 'reschedule_requested', reason: 'Jeg skal til lægen.\nJeg kan om torsdagen.' },
				at
			);
			const after = (await findCitizenMeeting(t.db, majaNext, maja))!;
			expect(after.response).toBe('reschedule_requested');
			expect(after.responseReason).toBe('Jeg skal til lægen.\nJeg kan om torsdagen.');
			expect(after.respondedAt?.getTime()).toBe(at.getTime());

			// Staff read the whole timeline (no visibility filter): the answer is there at once.
			const { entries } = await listTimeline(t.db, demoIds.journey('maja'), { limit: 5 });
			const entry = entries.find((e) => e.meeting_id === majaNext && e.occurred_at >= at);
			expect(entry).toMatchObject({
				kind: 'meeting',
				visibility: 'citizen',
				author_citizen_id: maja,
				author_staff_id: null,
				department_id: demoIds.department('socialforvaltningen'),
				body: 'Jeg skal til lægen.\nJeg kan om torsdagen.'
			});
			expect(entry?.title).toMatch(
				/^Maja Jensen har bedt om en anden tid til mødet »Fællesmøde om din plan« \p{L}+dag \d+\. \p{L}+ kl\. 10\.00$/u
			);
			expect(entry?.title).toBe(
				`Maja Jensen har bedt om en anden tid til mødet »Fællesmøde om din plan« ${formatDateTime(majaNextStart, 'da')}`
			);
			expect(entry?.title_en).toMatch(
				/^Maja Jensen has asked for another time for the meeting “Joint meeting about your plan” on /
			);
			expect(entry?.title_en).toBe(
				`Maja Jensen has asked for another time for the meeting “Joint meeting about your plan” on ${formatDateTime(majaNextStart, 'en')}`
			);
			expect(await auditRows(majaNext)).toEqual([
				expect.objectContaining({
					actor_type: 'citizen',
					actor_citizen_id: maja,
					citizen_id: maja,
					object_type: 'meeting'
				})
			]);

			// A change of mind is a new entry; the earlier one stays (the timeline is append-only).
			await answerMeeting(
				context(own(maja), { id: maja, name: 'Maja Jensen' }),
				after,
				{ response: 'accepted', reason: '' },
				minutesLater(10)
			);
			const final = (await findCitizenMeeting(t.db, majaNext, maja))!;
			expect(final.response).toBe('accepted');
			expect(final.responseReason).toBeNull();
			const again = await listTimeline(t.db, demoIds.journey('maja'), { limit: 5 });
			const answers = again.entries.filter((e) => e.meeting_id === majaNext && e.occurred_at >= at);
			expect(answers.map((e) => e.title.split(' ').slice(2, 5).join(' '))).toEqual([
				'har sagt ja',
				'har bedt om'
			]);
			expect(await auditRows(majaNext)).toHaveLength(2);
		});

		it('changes nothing when the timeline entry cannot be written', async () => {
			const meeting = (await findCitizenMeeting(
				t.db,
				demoIds.meeting('karl-next'),
				demoIds.citizen('Karl Nielsen')
			))!;
			const karl = demoIds.citizen('Karl Nielsen');
			await expect(
				answerMeeting(
					context(own(karl), { id: karl, name: 'Karl Nielsen' }),
					// A journey that does not exist: the entry's foreign key fails inside the transaction.
					{ ...meeting, journeyId: '00000000-0000-4000-8000-000000000000' },
					{ response: 'declined', reason: '' },
					now
				)
			).rejects.toThrow();
			const after = await findCitizenMeeting(t.db, meeting.id, karl);
			expect(after?.response).toBe('pending');
			expect(after?.respondedAt).toBeNull();
			expect(await auditRows(meeting.id)).toEqual([]);
		});

		it('audits a representative answering for someone as the representative', async () => {
			const scope = citizenScope({
				loggedInCitizenId: henrik,
				actingForCitizenId: sofie,
				representation: { scope: 'full', departmentIds: null }
			})!;
			const meeting = (await findCitizenMeeting(t.db, demoIds.meeting('sofie-m1'), sofie))!;
			await answerMeeting(
				context(scope, { id: henrik, name: 'Henrik Hansen' }, { id: sofie, name: 'Sofie Hansen' }),
				meeting,
				{ response: 'declined', reason: '' },
				now
			);
			const [row] = await auditRows(meeting.id);
			expect(row).toMatchObject({
				actor_type: 'representative',
				actor_citizen_id: henrik,
				citizen_id: sofie
			});
			const { entries } = await listTimeline(t.db, demoIds.journey('sofie'), { limit: 1 });
			expect(entries[0]?.title).toMatch(/^Henrik Hansen på vegne af Sofie Hansen har sagt nej/);
			expect(entries[0]?.author_citizen_id).toBe(henrik);
		});
	});

	describe('tasks', () => {
		const payslips = demoIds.task('maja-payslips');

		it('shows only tasks the citizen is to do, within the scope', async () => {
			expect(await findCitizenTask(t.db, payslips, own(maja))).toMatchObject({
				title: 'Send dine lønsedler for de sidste tre måneder',
				departmentName: 'Jobcenter',
				caseTitle: 'Din vej til job'
			});
			// A task on staff, and another citizen's task, are not Maja's to see.
			expect(await findCitizenTask(t.db, demoIds.task('maja-find-therapist'), own(maja))).toBe(
				undefined
			);
			expect(await findCitizenTask(t.db, demoIds.task('sofie-receipts'), own(maja))).toBe(
				undefined
			);
			const limited = { citizenId: maja, departmentIds: [demoIds.department('boern-og-familie')] };
			expect(await findCitizenTask(t.db, payslips, limited)).toBeUndefined();
			expect(await findCitizenTask(t.db, payslips, { citizenId: maja, departmentIds: [] })).toBe(
				undefined
			);
			expect(await listCitizenTasks(t.db, limited)).toEqual({ open: [], done: [] });
		});

		it('lists open tasks soonest first and done ones latest first', async () => {
			const { open, done } = await listCitizenTasks(t.db, own(maja));
			expect(open.map((task) => task.id)).toEqual([payslips]);
			expect(done.map((task) => task.id)).toEqual([
				demoIds.task('maja-placement'),
				demoIds.task('maja-budget'),
				demoIds.task('maja-cv')
			]);
			expect(await listCitizenTasks(t.db, own(demoIds.citizen('Jens Poulsen')))).toEqual({
				open: [],
				done: []
			});
		});

		it('marks a task done once: one timeline entry for staff, one audit row', async () => {
			const task = (await findCitizenTask(t.db, payslips, own(maja)))!;
			const actor = context(own(maja), { id: maja, name: 'Maja Jensen' });
			const at = minutesLater(60);
			expect(await completeTask(actor, task, 'Afleveret i Borgerservice.', at)).toBe(true);
			const after = (await findCitizenTask(t.db, payslips, own(maja)))!;
			expect(after.doneAt?.getTime()).toBe(at.getTime());
			expect(after.doneComment).toBe('Afleveret i Borgerservice.');

			const entries = async () =>
				(await listTimeline(t.db, demoIds.journey('maja'), { limit: 10 })).entries.filter(
					(e) => e.task_id === payslips && e.author_citizen_id === maja
				);
			expect(await entries()).toEqual([
				expect.objectContaining({
					kind: 'task',
					visibility: 'citizen',
					department_id: demoIds.department('jobcenter'),
					title: 'Maja Jensen har gjort opgaven: Send dine lønsedler for de sidste tre måneder',
					title_en: 'Maja Jensen has done the task: Send your payslips for the last three months',
					body: 'Afleveret i Borgerservice.'
				})
			]);
			expect(await auditRows(payslips)).toHaveLength(1);

			// Again (a second tab, a double submit): nothing more is written.
			expect(await completeTask(actor, task, 'Igen', minutesLater(61))).toBe(false);
			expect((await findCitizenTask(t.db, payslips, own(maja)))?.doneComment).toBe(
				'Afleveret i Borgerservice.'
			);
			expect(await entries()).toHaveLength(1);
			expect(await auditRows(payslips)).toHaveLength(1);
		});

		it('marks a task without a journey done with an audit row and no timeline entry', async () => {
			const lise = demoIds.citizen('Lise Mortensen');
			const estimate = demoIds.task('lise-estimate');
			const task = (await findCitizenTask(t.db, estimate, own(lise)))!;
			expect(task.journeyId).toBeNull();
			const before = await t.db
				.selectFrom('timeline_entries')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(
				await completeTask(context(own(lise), { id: lise, name: 'Lise Mortensen' }), task, '', now)
			).toBe(true);
			const after = await t.db
				.selectFrom('timeline_entries')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(after.n)).toBe(Number(before.n));
			expect((await findCitizenTask(t.db, estimate, own(lise)))?.doneComment).toBeNull();
			expect(await auditRows(estimate)).toEqual([
				expect.objectContaining({ actor_type: 'citizen', object_type: 'task', citizen_id: lise })
			]);
		});

		it('audits a representative marking a task done as the representative', async () => {
			const scope = citizenScope({
				loggedInCitizenId: henrik,
				actingForCitizenId: sofie,
				representation: { scope: 'full', departmentIds: null }
			})!;
			const receipts = demoIds.task('sofie-receipts');
			const task = (await findCitizenTask(t.db, receipts, scope))!;
			await completeTask(
				context(scope, { id: henrik, name: 'Henrik Hansen' }, { id: sofie, name: 'Sofie Hansen' }),
				task,
				'',
				minutesLater(1)
			);
			expect(await auditRows(receipts)).toEqual([
				expect.objectContaining({
					actor_type: 'representative',
					actor_citizen_id: henrik,
					citizen_id: sofie
				})
			]);
			const { entries } = await listTimeline(t.db, demoIds.journey('sofie'), { limit: 1 });
			expect(entries[0]).toMatchObject({
				task_id: receipts,
				author_citizen_id: henrik,
				department_id: demoIds.department('boern-og-familie'),
				title:
					'Henrik Hansen på vegne af Sofie Hansen har gjort opgaven: Send kvitteringer for de ekstra udgifter'
			});
		});
	});
});

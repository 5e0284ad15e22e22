// The print queue on both databases: an export takes every waiting letter exactly once (also when
// two exports run at the same time), the hand-over posts the letters and marks their timeline
// entries, and a returned letter gives the journey's coordinator a task, in one transaction with
// the audit rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import {
	findLettersByReference,
	findReturnAssignee,
	listBatchLetters,
	listWaitingLetters
} from '../../src/lib/server/db/print-queue';
import {
	addWorkingDays,
	exportBatch,
	handOver,
	parseReference,
	returnLetter,
	splitAddress
} from '../../src/lib/server/letters/print-queue';
import { listTimeline } from '../../src/lib/server/db/timeline';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { insertWaitingLetter } from '../print-letters';
import { openSeeded, testDialects, type TestDatabase } from './helpers';
import { citizenTimelineFilter } from '../../src/lib/server/access/policy';

const anders: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Anders Berg'),
	role: 'admin',
	departmentId: null
};

describe('print queue helpers', () => {
	it('reads a typed reference in any case, with or without the hyphen', () => {
		expect(parseReference('ABCD-1234')).toBe('abcd1234');
		expect(parseReference('abcd1234')).toBe('abcd1234');
		expect(parseReference(' abcd 1234 ')).toBe('abcd1234');
		expect(parseReference('ABCD-123')).toBeNull();
		expect(parseReference('WXYZ-1234')).toBeNull();
	});
	it('splits postcode and town from the address', () => {
		expect(splitAddress('c/o Lise\nKirkevej 14, 1. tv.\n9999 Sammenby')).toEqual({
			lines: ['c/o Lise', 'Kirkevej 14, 1. tv.'],
			postcode: '9999',
			town: 'Sammenby'
		});
	});
	it('counts working days past the weekend', () => {
		expect(addWorkingDays('2026-11-26', 2)).toBe('2026-11-30'); // Thursday → Monday
		expect(addWorkingDays('2026-11-28', 2)).toBe('2026-12-01'); // Saturday → Tuesday
	});
});

describe.each(testDialects())('print queue on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	async function letter(id: string) {
		return t.db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
	}

	it('exports every waiting letter exactly once; a second export finds none', async () => {
		for (let i = 0; i < 3; i++) await insertWaitingLetter(t.db, { subject: `Brev ${i + 1}` });
		const waiting = (await listWaitingLetters(t.db)).map((l) => l.id).sort();
		expect(waiting.length).toBeGreaterThanOrEqual(3);
		const batch = await exportBatch(t.db, anders);
		expect(batch?.count).toBe(waiting.length);
		const inBatch = (await listBatchLetters(t.db, batch!.batchId)).map((l) => l.id).sort();
		expect(inBatch).toEqual(waiting);
		for (const id of inBatch) {
			const row = await letter(id);
			expect(row.status).toBe('printed');
			expect(row.printed_at).not.toBeNull();
			expect(row.batch_id).toBe(batch!.batchId);
		}
		const stored = await t.db
			.selectFrom('print_batches')
			.selectAll()
			.where('id', '=', batch!.batchId)
			.executeTakeFirstOrThrow();
		expect(stored.letter_count).toBe(waiting.length);
		expect(stored.created_by_staff_id).toBe(anders.staffId);
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_type', '=', 'print_batch')
			.where('object_id', '=', batch!.batchId)
			.execute();
		expect(audit.map((a) => [a.action, a.actor_staff_id])).toEqual([['export', anders.staffId]]);

		// Nothing waits now: no empty batch is made.
		const batchesBefore = await t.db.selectFrom('print_batches').select('id').execute();
		expect(await exportBatch(t.db, anders)).toBeNull();
		const batchesAfter = await t.db.selectFrom('print_batches').select('id').execute();
		expect(batchesAfter).toHaveLength(batchesBefore.length);
	});

	it('never puts a letter in two batches when two exports run at the same time', async () => {
		const made = [];
		for (let i = 0; i < 6; i++)
			made.push(await insertWaitingLetter(t.db, { subject: `Samtidig ${i}` }));
		const [a, b] = await Promise.all([exportBatch(t.db, anders), exportBatch(t.db, anders)]);
		const ids = [];
		for (const batch of [a, b]) {
			if (batch) ids.push(...(await listBatchLetters(t.db, batch.batchId)).map((l) => l.id));
		}
		expect(ids.sort()).toEqual(made.map((l) => l.id).sort());
		expect(new Set(ids).size).toBe(ids.length);
		expect((a?.count ?? 0) + (b?.count ?? 0)).toBe(made.length);
	});

	it('hands a batch over: letters posted, their timeline entries say so; twice changes nothing', async () => {
		const made = await insertWaitingLetter(t.db, { subject: 'Til posten' });
		const batch = (await exportBatch(t.db, anders))!;
		expect(await handOver(t.db, anders, batch.batchId)).toBe(true);
		const row = await letter(made.id);
		expect(row.status).toBe('posted');
		expect(row.posted_at).not.toBeNull();
		// The citizen's timeline shows the entry as sent by post on that date (entries are
		// append-only, so the date comes from the letter).
		const timeline = await listTimeline(t.db, demoIds.journey('karl'), {
			filter: citizenTimelineFilter(null),
			limit: 100
		});
		const entry = timeline.entries.find((e) => e.id === made.entryId);
		expect(entry?.posted_letter_at?.getTime()).toBe(row.posted_at!.getTime());
		const stored = await t.db
			.selectFrom('print_batches')
			.selectAll()
			.where('id', '=', batch.batchId)
			.executeTakeFirstOrThrow();
		expect(stored.handed_over_at).not.toBeNull();
		expect(stored.handed_over_by_staff_id).toBe(anders.staffId);

		expect(await handOver(t.db, anders, batch.batchId)).toBe(false);
		expect((await letter(made.id)).posted_at!.getTime()).toBe(row.posted_at!.getTime());
		const audit = await t.db
			.selectFrom('audit_events')
			.select('action')
			.where('object_type', '=', 'print_batch')
			.where('object_id', '=', batch.batchId)
			.where('action', '=', 'update')
			.execute();
		expect(audit).toHaveLength(1);
	});

	it('marks a posted letter returned: a task for the coordinator, a staff-only entry, the audit row', async () => {
		const made = await insertWaitingLetter(t.db, { subject: 'Invitation til hjemmebesøg' });
		const batch = (await exportBatch(t.db, anders))!;
		await handOver(t.db, anders, batch.batchId);
		const [found] = await findLettersByReference(t.db, parseReference(made.reference)!);
		expect(found!.id).toBe(made.id);
		// Returned on a Thursday (the coming one): the task is due two working days later, on Monday.
		const days = new DemoClock(clock.now());
		const toThursday = (4 - days.weekday(0) + 7) % 7 || 7;
		const result = await returnLetter(t.db, anders, found!, days.at(toThursday, 10));
		expect(result?.assignee?.id).toBe(demoIds.staff('Hanne Vestergaard'));

		const row = await letter(made.id);
		expect(row.status).toBe('returned');
		expect(row.returned_at).not.toBeNull();
		expect(row.returned_by_staff_id).toBe(anders.staffId);
		expect(row.return_task_id).toBe(result!.taskId);
		const task = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', result!.taskId)
			.executeTakeFirstOrThrow();
		expect(task).toMatchObject({
			assignee: 'staff',
			assigned_staff_id: demoIds.staff('Hanne Vestergaard'),
			citizen_id: demoIds.citizen('Karl Nielsen'),
			journey_id: demoIds.journey('karl'),
			title: 'Brev kom retur – ring til borgeren',
			title_en: 'Letter returned — call the citizen',
			due_date: days.date(toThursday + 4),
			created_by_staff_id: anders.staffId,
			done_at: null
		});
		expect(task.description).toContain(made.reference);
		expect(task.description).toContain('Invitation til hjemmebesøg');
		const entry = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('task_id', '=', result!.taskId)
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			journey_id: demoIds.journey('karl'),
			kind: 'letter',
			visibility: 'staff',
			title: 'Brev kom retur: Invitation til hjemmebesøg',
			title_en: 'Letter returned: Invitation til hjemmebesøg'
		});
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_type', '=', 'letter')
			.where('object_id', '=', made.id)
			.execute();
		expect(audit.map((a) => [a.action, a.citizen_id])).toEqual([
			['update', demoIds.citizen('Karl Nielsen')]
		]);

		const timeline = await listTimeline(t.db, demoIds.journey('karl'), {
			filter: citizenTimelineFilter(null),
			limit: 100
		});
		expect(timeline.entries.find((e) => e.id === made.entryId)?.letter_returned_at).toEqual(
			row.returned_at
		);
		// The staff-only entry never reaches the citizen.
		expect(timeline.entries.find((e) => e.id === entry.id)).toBeUndefined();

		// Only a posted letter can be returned: a second time changes nothing.
		const [again] = await findLettersByReference(t.db, parseReference(made.reference)!);
		expect(await returnLetter(t.db, anders, again!)).toBeNull();
	});

	it('refuses to return a letter that was never posted', async () => {
		const made = await insertWaitingLetter(t.db, { subject: 'Ikke sendt' });
		const [found] = await findLettersByReference(t.db, parseReference(made.reference)!);
		const tasksBefore = await t.db.selectFrom('tasks').select('id').execute();
		expect(await returnLetter(t.db, anders, found!)).toBeNull();
		expect((await letter(made.id)).status).toBe('rendered');
		expect(await t.db.selectFrom('tasks').select('id').execute()).toHaveLength(tasksBefore.length);
	});

	it('gives the task to a caseworker of the sending department when the journey has no coordinator', async () => {
		const assignee = await findReturnAssignee(t.db, {
			citizenId: demoIds.citizen('Karl Nielsen'),
			journeyId: null,
			departmentId: demoIds.department('sundhed-og-omsorg')
		});
		const expected = await t.db
			.selectFrom('cases')
			.select('caseworker_id')
			.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
			.where('department_id', '=', demoIds.department('sundhed-og-omsorg'))
			.where('status', '!=', 'closed')
			.execute();
		expect(expected.map((c) => c.caseworker_id)).toContain(assignee?.id);
	});
});

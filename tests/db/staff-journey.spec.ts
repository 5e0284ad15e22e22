// The staff side of a journey: the shared timeline filtered in SQL by the access policy's
// TimelineFilter (consent decides what another department sees, from the next request on), the
// count of hidden entries, writing notes, status changes, tasks and corrections with their audit
// rows in one transaction, double submits, and the staff side of the message thread.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { changeConsent } from '../../src/lib/server/consent/service';
import { loadCitizenFacts, loadJourneyFacts } from '../../src/lib/server/db/access-facts';
import {
	listThread,
	markThreadReadByCitizen,
	markThreadReadByStaff
} from '../../src/lib/server/db/messages';
import { sendCitizenMessage } from '../../src/lib/server/messages/service';
import {
	countHiddenEntries,
	listJourneyCases,
	listStaffTimeline
} from '../../src/lib/server/db/staff-timeline';
import { listCitizenTasks } from '../../src/lib/server/db/tasks';
import { can, citizenScope, timelineFilter } from '../../src/lib/server/access/policy';
import type { PortalContext } from '../../src/lib/server/access/portal';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import type { StaffJourneyContext } from '../../src/lib/server/access/staff';
import { parseEntry, writeEntry, type EntryValues } from '../../src/lib/server/journeys/entry';
import { sendStaffMessage } from '../../src/lib/server/messages/staff';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const days = new DemoClock(now);
/** Today in Denmark, as parseEntry is given it. */
const today = days.date(0);
const journeyId = demoIds.journey('maja');
const maja = { id: demoIds.citizen('Maja Jensen'), name: 'Maja Jensen' };
const jobcenter = { id: demoIds.department('jobcenter'), name: 'Jobcenter', nameEn: 'Job Centre' };
const social = demoIds.department('socialforvaltningen');
const family = demoIds.department('boern-og-familie');

type StaffName = 'Lone Madsen' | 'Peter Holm' | 'Mette Larsen' | 'Hanne Vestergaard';
const staff: Record<StaffName, { role: 'caseworker' | 'coordinator'; department: string }> = {
	'Lone Madsen': { role: 'caseworker', department: jobcenter.id },
	'Peter Holm': { role: 'caseworker', department: family },
	'Mette Larsen': { role: 'coordinator', department: social },
	'Hanne Vestergaard': { role: 'caseworker', department: demoIds.department('sundhed-og-omsorg') }
};

function values(overrides: Partial<EntryValues>): EntryValues {
	return {
		type: '',
		synlighed: '',
		titel: '',
		tekst: '',
		titelEn: '',
		tekstEn: '',
		sag: '',
		status: '',
		venterPaa: '',
		naesteSkridt: '',
		frist: '',
		modtager: '',
		opgaveFrist: '',
		retter: '',
		token: crypto.randomUUID(),
		...overrides
	};
}

describe.each(testDialects())('staff journey on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	/** The context the staffJourney guard builds, read fresh as for a new request. */
	async function context(name: StaffName): Promise<StaffJourneyContext> {
		const journey = (await loadJourneyFacts(t.db, journeyId))!;
		const citizen = (await loadCitizenFacts(t.db, journey.citizenId))!;
		const actor = {
			kind: 'staff' as const,
			staffId: demoIds.staff(name),
			role: staff[name].role,
			departmentId: staff[name].department
		};
		return {
			db: t.db,
			actor,
			staff: {
				id: actor.staffId,
				name,
				email: `${actor.staffId}@example.invalid`,
				role: actor.role,
				departmentId: actor.departmentId
			},
			citizen,
			journey,
			banner: {} as StaffJourneyContext['banner']
		} as StaffJourneyContext;
	}

	async function timeline(name: StaffName) {
		const ctx = await context(name);
		const filter = timelineFilter(ctx.actor, ctx.citizen, ctx.journey);
		if (!filter) return null;
		const page = await listStaffTimeline(t.db, journeyId, filter, { limit: 100 });
		const hidden = await countHiddenEntries(t.db, journeyId, filter);
		return { filter, entries: page.entries, hidden };
	}

	const allEntries = () =>
		t.db
			.selectFrom('timeline_entries')
			.select(['id', 'department_id', 'visibility', 'title'])
			.where('journey_id', '=', journeyId)
			.execute();

	const auditCount = async (objectType: string, action = 'create') =>
		(
			await t.db
				.selectFrom('audit_events')
				.select(sql<number>`count(*)::int`.as('n'))
				.where('object_type', '=', objectType)
				.where('action', '=', action as never)
				.executeTakeFirstOrThrow()
		).n;

	it('shows Lone Madsen (Jobcenter, consent) every department’s entries and hides none', async () => {
		const view = (await timeline('Lone Madsen'))!;
		const all = await allEntries();
		expect(view.filter.hidesOtherDepartments).toBe(false);
		expect(view.hidden).toBe(0);
		expect(view.entries).toHaveLength(all.length);
		expect(new Set(view.entries.map((e) => e.departmentId))).toEqual(
			new Set([jobcenter.id, social, family, ...(all.some((e) => !e.department_id) ? [null] : [])])
		);
		// Newest first.
		const times = view.entries.map((e) => e.occurredAt.getTime());
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	it('shows Peter Holm (Børn og Familie, no consent) only his department’s entries and those of none', async () => {
		const view = (await timeline('Peter Holm'))!;
		const all = await allEntries();
		expect(view.filter.hidesOtherDepartments).toBe(true);
		const expected = all.filter((e) => e.department_id === null || e.department_id === family);
		expect(view.entries.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
		expect(view.entries.some((e) => e.departmentId === family)).toBe(true);
		// Never a staff-only note of Jobcenter (nor anything else of another department).
		const jobcenterNotes = all.filter(
			(e) => e.department_id === jobcenter.id && e.visibility === 'staff'
		);
		expect(jobcenterNotes.length).toBeGreaterThan(0);
		for (const note of jobcenterNotes) {
			expect(view.entries.map((e) => e.id)).not.toContain(note.id);
		}
		// The count of hidden entries is computed in SQL and matches.
		expect(view.hidden).toBe(all.length - expected.length);
		expect(view.hidden).toBeGreaterThan(0);
		// Each entry shown is one the policy allows him to read, one by one.
		const ctx = await context('Peter Holm');
		for (const e of view.entries) {
			expect(
				can(ctx.actor, 'read', {
					kind: 'timelineEntry',
					citizen: ctx.citizen,
					journey: ctx.journey,
					departmentId: e.departmentId,
					visibility: e.visibility
				})
			).toBe(true);
		}
	});

	it('gives Hanne Vestergaard no timeline at all', async () => {
		expect(await timeline('Hanne Vestergaard')).toBeNull();
	});

	it('filters by department and kind in SQL, and pages by keyset without gaps', async () => {
		const ctx = await context('Lone Madsen');
		const filter = timelineFilter(ctx.actor, ctx.citizen, ctx.journey)!;
		const notes = await listStaffTimeline(t.db, journeyId, filter, { kind: 'note', limit: 100 });
		expect(notes.entries.length).toBeGreaterThan(0);
		expect(notes.entries.every((e) => e.kind === 'note')).toBe(true);
		const familyOnly = await listStaffTimeline(t.db, journeyId, filter, {
			departmentId: family,
			limit: 100
		});
		expect(familyOnly.entries.every((e) => e.departmentId === family)).toBe(true);
		const none = await listStaffTimeline(t.db, journeyId, filter, { departmentId: 'none' });
		expect(none.entries.every((e) => e.departmentId === null)).toBe(true);

		const seen: string[] = [];
		let after = null;
		do {
			const page: Awaited<ReturnType<typeof listStaffTimeline>> = await listStaffTimeline(
				t.db,
				journeyId,
				filter,
				{ after, limit: 4 }
			);
			seen.push(...page.entries.map((e) => e.id));
			after = page.next;
		} while (after);
		expect(seen).toHaveLength((await allEntries()).length);
		expect(new Set(seen).size).toBe(seen.length);
	});

	it('hides the other departments’ entries from the next request on when Maja withdraws consent for Jobcenter', async () => {
		const before = (await timeline('Lone Madsen'))!;
		expect(before.entries.some((e) => e.departmentId === social)).toBe(true);
		expect(before.entries.some((e) => e.departmentId === family)).toBe(true);

		const portal: PortalContext = {
			db: t.db,
			scope: citizenScope({
				loggedInCitizenId: maja.id,
				actingForCitizenId: null,
				representation: null
			})!,
			actor: maja,
			subject: maja
		};
		const change = await changeConsent(portal, jobcenter, 'withdrawn');
		expect(change.changed).toBe(true);

		const after = (await timeline('Lone Madsen'))!;
		expect(after.filter.hidesOtherDepartments).toBe(true);
		expect(after.entries.some((e) => e.departmentId === social)).toBe(false);
		expect(after.entries.some((e) => e.departmentId === family)).toBe(false);
		expect(after.entries.some((e) => e.departmentId === jobcenter.id)).toBe(true);
		expect(after.hidden).toBeGreaterThan(0);
		const all = await allEntries();
		expect(after.hidden).toBe(
			all.filter((e) => e.department_id !== null && e.department_id !== jobcenter.id).length
		);
		// And the cases of the other departments are no longer readable to her.
		const ctx = await context('Lone Madsen');
		const cases = await listJourneyCases(t.db, journeyId);
		const readable = cases.filter((c) =>
			can(ctx.actor, 'read', { kind: 'case', citizen: ctx.citizen, departmentId: c.departmentId })
		);
		expect(readable.map((c) => c.departmentId)).toEqual([jobcenter.id]);

		// Giving it again brings them back at once.
		await changeConsent(portal, jobcenter, 'granted');
		const again = (await timeline('Lone Madsen'))!;
		expect(again.hidden).toBe(0);
		expect(again.entries.some((e) => e.departmentId === social)).toBe(true);
	});

	it('refuses a form without an explicit visibility, and ids the writer may not use', async () => {
		const ctx = await context('Lone Madsen');
		const cases = await listJourneyCases(t.db, journeyId);
		const own = cases.filter((c) => c.departmentId === jobcenter.id);
		const allowed = {
			ownCases: own,
			colleagueIds: [demoIds.staff('Peter Holm')],
			correctable: () => false,
			today
		};
		const missing = parseEntry(values({ type: 'note', titel: 'Notat', tekst: 'Tekst' }), allowed);
		expect(missing).toEqual({ ok: false, errors: { synlighed: 'sjErrorVisibility' } });
		const empty = parseEntry(values({}), allowed);
		expect(empty.ok).toBe(false);
		expect(Object.keys((empty as { errors: object }).errors).sort()).toEqual(
			['synlighed', 'tekst', 'titel', 'type'].sort()
		);
		// Another department's case, a made-up one and a malformed one: not found.
		const other = cases.find((c) => c.departmentId === social)!;
		for (const sag of [other.id, crypto.randomUUID(), 'x']) {
			expect(
				parseEntry(
					values({
						type: 'status',
						synlighed: 'citizen',
						titel: 'T',
						tekst: 'B',
						sag,
						status: 'decided'
					}),
					allowed
				)
			).toEqual({ ok: false, notFound: true });
		}
		expect(
			parseEntry(
				values({
					type: 'note',
					synlighed: 'staff',
					titel: 'T',
					tekst: 'B',
					retter: crypto.randomUUID()
				}),
				allowed
			)
		).toEqual({ ok: false, notFound: true });
		// A task for the citizen is seen by the citizen: staff-only is refused.
		expect(
			parseEntry(
				values({
					type: 'task',
					synlighed: 'staff',
					titel: 'T',
					tekst: 'B',
					modtager: 'citizen',
					opgaveFrist: days.dueDate(12)
				}),
				allowed
			)
		).toEqual({ ok: false, errors: { synlighed: 'sjErrorTaskVisibility' } });
		expect(
			parseEntry(
				values({
					type: 'task',
					synlighed: 'citizen',
					titel: 'T',
					tekst: 'B',
					modtager: 'citizen',
					opgaveFrist: days.date(-27)
				}),
				allowed
			)
		).toEqual({ ok: false, errors: { opgaveFrist: 'sjErrorDuePast' } });
		expect(ctx.actor.departmentId).toBe(jobcenter.id);
	});

	it('writes a note with its audit row in one transaction, once per form however often it is sent', async () => {
		const ctx = await context('Lone Madsen');
		const parsed = parseEntry(
			values({ type: 'note', synlighed: 'staff', titel: 'Intern note', tekst: 'Kun til os.' }),
			{ ownCases: [], colleagueIds: [], correctable: () => false, today }
		);
		if (!parsed.ok) throw new Error('expected a valid form');
		const audits = await auditCount('timeline_entry');
		const first = await writeEntry(ctx, parsed.entry, { taskCaseId: null }, now);
		expect(first.duplicate).toBe(false);
		const second = await writeEntry(ctx, parsed.entry, { taskCaseId: null }, now);
		expect(second).toEqual({ entryId: null, duplicate: true });
		const rows = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('title', '=', 'Intern note')
			.execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			id: first.entryId,
			kind: 'note',
			visibility: 'staff',
			department_id: jobcenter.id,
			author_staff_id: demoIds.staff('Lone Madsen')
		});
		expect(await auditCount('timeline_entry')).toBe(audits + 1);
		// Entries are never edited: the table refuses UPDATE.
		await expect(
			t.db
				.updateTable('timeline_entries')
				.set({ title: 'x' })
				.where('id', '=', first.entryId!)
				.execute()
		).rejects.toThrow();
		// Peter Holm never sees this staff-only note of Jobcenter.
		const peter = (await timeline('Peter Holm'))!;
		expect(peter.entries.map((e) => e.id)).not.toContain(first.entryId);
	});

	it('changes a case’s status and appends a status entry, with both audit rows', async () => {
		const ctx = await context('Lone Madsen');
		const own = (await listJourneyCases(t.db, journeyId)).filter(
			(c) => c.departmentId === jobcenter.id
		);
		const frist = days.dueDate(17);
		const parsed = parseEntry(
			values({
				type: 'status',
				synlighed: 'citizen',
				titel: 'Vi venter på dine lønsedler',
				tekst: `Send dem senest ${formatDate(frist, 'da')}.`,
				sag: own[0]!.id,
				status: 'in_progress',
				venterPaa: 'citizen',
				naesteSkridt: 'Send lønsedler',
				frist
			}),
			{ ownCases: own, colleagueIds: [], correctable: () => false, today }
		);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed));
		const caseAudits = await auditCount('case', 'update');
		const result = await writeEntry(ctx, parsed.entry, { taskCaseId: null }, now);
		const row = await t.db
			.selectFrom('cases')
			.selectAll()
			.where('id', '=', own[0]!.id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			status: 'in_progress',
			waiting_on: 'citizen',
			next_step: 'Send lønsedler',
			next_step_due: frist
		});
		const entry = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('id', '=', result.entryId!)
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ kind: 'status', visibility: 'citizen' });
		expect(await auditCount('case', 'update')).toBe(caseAudits + 1);
	});

	it('creates a task for the citizen (seen in the portal) and one for a colleague', async () => {
		const ctx = await context('Lone Madsen');
		const own = (await listJourneyCases(t.db, journeyId)).filter(
			(c) => c.departmentId === jobcenter.id
		);
		const citizenDue = days.dueDate(22);
		const options = {
			ownCases: own,
			colleagueIds: [demoIds.staff('Peter Holm')],
			correctable: () => false,
			today
		};
		const forCitizen = parseEntry(
			values({
				type: 'task',
				synlighed: 'citizen',
				titel: 'Ny opgave: Send din CV',
				tekst: 'Send dit CV til os.',
				modtager: 'citizen',
				opgaveFrist: citizenDue
			}),
			options
		);
		const forColleague = parseEntry(
			values({
				type: 'task',
				synlighed: 'staff',
				titel: 'Find en familiebehandler',
				tekst: 'Før kl. 8.',
				modtager: demoIds.staff('Peter Holm'),
				opgaveFrist: days.dueDate(7)
			}),
			options
		);
		if (!forCitizen.ok || !forColleague.ok) throw new Error('expected valid forms');
		const taskAudits = await auditCount('task');
		await writeEntry(ctx, forCitizen.entry, { taskCaseId: own[0]!.id }, now);
		const colleague = await writeEntry(ctx, forColleague.entry, { taskCaseId: own[0]!.id }, now);
		expect(await auditCount('task')).toBe(taskAudits + 2);
		const tasks = await listCitizenTasks(t.db, { citizenId: maja.id, departmentIds: null });
		const mine = tasks.open.find((task) => task.title === 'Ny opgave: Send din CV');
		expect(mine).toMatchObject({ dueDate: citizenDue, departmentId: jobcenter.id });
		// The colleague's task is not the citizen's.
		expect(tasks.open.some((task) => task.title === 'Find en familiebehandler')).toBe(false);
		const staffTask = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('title', '=', 'Find en familiebehandler')
			.executeTakeFirstOrThrow();
		expect(staffTask).toMatchObject({
			assignee: 'staff',
			assigned_staff_id: demoIds.staff('Peter Holm')
		});
		const entry = await t.db
			.selectFrom('timeline_entries')
			.select(['kind', 'task_id'])
			.where('id', '=', colleague.entryId!)
			.executeTakeFirstOrThrow();
		expect(entry).toEqual({ kind: 'task', task_id: staffTask.id });
	});

	it('records a correction as a new entry and shows it on both entries', async () => {
		const ctx = await context('Lone Madsen');
		const original = await t.db
			.selectFrom('timeline_entries')
			.select(['id', 'title'])
			.where('title', '=', 'Intern note')
			.executeTakeFirstOrThrow();
		const parsed = parseEntry(
			values({
				type: 'note',
				synlighed: 'staff',
				titel: 'Rettelse: intern note',
				tekst: 'Rettet tekst.',
				retter: original.id
			}),
			{
				ownCases: [],
				colleagueIds: [],
				correctable: (id) => id === original.id,
				today
			}
		);
		if (!parsed.ok) throw new Error('expected a valid form');
		const later = new Date(now.getTime() + 60_000);
		const correction = await writeEntry(ctx, parsed.entry, { taskCaseId: null }, later);
		const view = (await timeline('Lone Madsen'))!;
		const shownCorrection = view.entries.find((e) => e.id === correction.entryId)!;
		expect(shownCorrection).toMatchObject({
			correctsEntryId: original.id,
			correctsTitle: 'Intern note'
		});
		const shownOriginal = view.entries.find((e) => e.id === original.id)!;
		expect(shownOriginal.correctedById).toBe(correction.entryId);
		// The original is unchanged.
		expect(shownOriginal.title).toBe('Intern note');
	});

	it('lets staff read and answer the citizen’s messages, with read markers both ways', async () => {
		const ctx = await context('Mette Larsen');
		const sent = await sendCitizenMessage(t.db, {
			journeyId,
			authorCitizenId: maja.id,
			body: 'Hej Mette, jeg har et spørgsmål.',
			audit: { actor_type: 'citizen', actor_citizen_id: maja.id, citizen_id: maja.id }
		});
		expect(await markThreadReadByStaff(t.db, journeyId, now)).toBeGreaterThanOrEqual(1);
		let thread = await listThread(t.db, journeyId);
		expect(thread.find((m) => m.id === sent.id)!.readByStaffAt).not.toBeNull();

		const token = crypto.randomUUID();
		const entriesBefore = (await allEntries()).length;
		const reply = await sendStaffMessage(
			ctx,
			{ body: 'Hej Maja, ring til mig.', authorName: 'Mette Larsen', token },
			now
		);
		expect(reply.duplicate).toBe(false);
		// The same form again: nothing more.
		expect(
			await sendStaffMessage(
				ctx,
				{ body: 'Hej Maja, ring til mig.', authorName: 'Mette Larsen', token },
				now
			)
		).toEqual({ id: null, duplicate: true });
		thread = await listThread(t.db, journeyId);
		const replies = thread.filter((m) => m.body === 'Hej Maja, ring til mig.');
		expect(replies).toHaveLength(1);
		expect(replies[0]).toMatchObject({ authorStaffName: 'Mette Larsen', readByCitizenAt: null });
		const entries = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('journey_id', '=', journeyId)
			.where('kind', '=', 'message')
			.where('title', '=', 'Ny besked fra Mette Larsen')
			.where('occurred_at', '=', now)
			.execute();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ visibility: 'citizen', department_id: social });
		expect((await allEntries()).length).toBe(entriesBefore + 1);
		// The citizen opens the thread: the reply is read on her side.
		await markThreadReadByCitizen(t.db, journeyId);
		thread = await listThread(t.db, journeyId);
		expect(thread.find((m) => m.id === replies[0]!.id)!.readByCitizenAt).not.toBeNull();
	});
});

// Joint meetings and coordination from the staff side: each change is the row, a citizen-visible
// timeline entry and an audit row in one transaction; an analog citizen also gets exactly one
// queued letter in their language; the meeting shows in the citizen's own list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMeetingTime } from '../../src/lib/meeting-time';
import * as clock from '../../src/lib/server/clock';
import { loadCitizenFacts, loadJourneyFacts } from '../../src/lib/server/db/access-facts';
import { listCitizenMeetings } from '../../src/lib/server/db/meetings';
import { findStaffMeeting, listJourneyStaff } from '../../src/lib/server/db/staff-meetings';
import { listCitizenCasesForJourney, listJourneyGoals } from '../../src/lib/server/db/coordination';
import type { StaffRole } from '../../src/lib/domain';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock, formatDanish } from '../../src/lib/server/seed/demo-time';
import { checkMeetingForm, readMeetingForm } from '../../src/lib/server/meetings/form';
import {
	addGoal,
	changeCoordinator,
	changeJourneyCase,
	checkGoalForm,
	editGoal
} from '../../src/lib/server/journeys/coordination';
import {
	addMinutes,
	cancelMeeting,
	moveMeeting,
	planMeeting
} from '../../src/lib/server/meetings/service';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const days = new DemoClock(now);
// The meeting the form plans: on a working day some days ahead, 10.00–11.30 Danish time.
const starts = days.workdayAt(12, 10);
const ends = days.workdayAt(12, 11, 30);
const meetingDate = days.dateOf(starts);
const [meetingYear, meetingMonth, meetingDay] = meetingDate.split('-');
const meetingTime = formatMeetingTime(starts, ends, 'da');

/** The next 'YYYY-MM-DD' with this month and day that lies at least a week ahead. */
function nextDate(month: number, day: number): string {
	const md = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	const year = Number(days.date(7).slice(0, 4));
	return `${year}-${md}` >= days.date(7) ? `${year}-${md}` : `${year + 1}-${md}`;
}
/** 'YYYY-MM-DD' as staff type it by hand: 'DD-MM-YYYY'. */
const typed = (date: string) => date.split('-').reverse().join('-');

function actor(
	name: 'Mette Larsen' | 'Hanne Vestergaard',
	role: StaffRole,
	dept: string
): StaffActor {
	return {
		kind: 'staff',
		staffId: demoIds.staff(name),
		role,
		departmentId: demoIds.department(dept as 'jobcenter')
	};
}

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) {
		for (const one of Array.isArray(v) ? v : [v]) data.append(k, one);
	}
	return data;
}

describe.each(testDialects())('staff meetings and coordination on %s', (dialect) => {
	let t: TestDatabase;
	const mette = actor('Mette Larsen', 'coordinator', 'socialforvaltningen');
	const hanne = actor('Hanne Vestergaard', 'caseworker', 'sundhed-og-omsorg');
	const majaJourney = demoIds.journey('maja');
	const karlJourney = demoIds.journey('karl');

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	async function contextFor(journeyId: string, a: StaffActor) {
		const journey = (await loadJourneyFacts(t.db, journeyId))!;
		const citizen = (await loadCitizenFacts(t.db, journey.citizenId))!;
		return { db: t.db, actor: a, journey, citizen };
	}

	const validFields = {
		title: 'Fællesmøde om din plan',
		date: meetingDate,
		start: '10.00',
		end: '11:30',
		location: 'Rådhuset, mødelokale 3',
		videoUrl: '',
		agenda: '1. Job\n2. Familie',
		whatToBring: ''
	};

	it('asks for a place or a link when neither is given', () => {
		const none = checkMeetingForm(
			readMeetingForm(form({ ...validFields, location: '' })),
			new Set(),
			now
		);
		expect(none.errors).toEqual({ location: 'smErrorPlace' });
	});

	it('checks the form: Danish time, place or video, a safe link, known participants', () => {
		const staff = new Set(['a']);
		const ok = checkMeetingForm(readMeetingForm(form(validFields)), staff, now);
		expect(ok.errors).toEqual({});
		expect(ok.input?.startsAt.toISOString()).toBe(starts.toISOString());
		expect(ok.input?.endsAt.toISOString()).toBe(ends.toISOString());
		// Typed by hand, in winter and in summer: 10.00 in Copenhagen is 09.00 UTC in winter (CET)
		// and 08.00 UTC in summer (CEST).
		const byHand = checkMeetingForm(
			readMeetingForm(
				form({ ...validFields, date: `${meetingDay}.${meetingMonth}.${meetingYear}` })
			),
			staff,
			now
		);
		expect(byHand.input?.startsAt.toISOString()).toBe(starts.toISOString());
		const january = nextDate(1, 15);
		const winter = checkMeetingForm(
			readMeetingForm(form({ ...validFields, date: typed(january) })),
			staff,
			now
		);
		expect(winter.input?.startsAt.toISOString()).toBe(`${january}T09:00:00.000Z`);
		expect(winter.input?.endsAt.toISOString()).toBe(`${january}T10:30:00.000Z`);
		const june = nextDate(6, 15);
		const summer = checkMeetingForm(
			readMeetingForm(form({ ...validFields, date: typed(june) })),
			staff,
			now
		);
		expect(summer.input?.startsAt.toISOString()).toBe(`${june}T08:00:00.000Z`);
		const bad = checkMeetingForm(
			readMeetingForm(
				form({
					...validFields,
					title: '',
					date: days.date(-1),
					location: '',
					videoUrl: 'javascript:alert(1)',
					agenda: '',
					participants: ['b'],
					externalRole1: 'Mentor'
				})
			),
			staff,
			now
		);
		expect(bad.input).toBeNull();
		expect(bad.errors).toEqual({
			title: 'smErrorTitle',
			date: 'smErrorPast',
			// A link was given (though unsafe), so the place itself is not missing.
			videoUrl: 'smErrorVideoUrl',
			agenda: 'smErrorAgenda',
			participants: 'smErrorParticipants',
			externalName1: 'smErrorExternalName'
		});
		const times = checkMeetingForm(
			readMeetingForm(form({ ...validFields, date: '31-02-2027', start: '25:00', end: 'x' })),
			staff,
			now
		);
		expect(times.errors).toMatchObject({
			date: 'smErrorDate',
			start: 'smErrorStart',
			end: 'smErrorEnd'
		});
		const order = checkMeetingForm(
			readMeetingForm(form({ ...validFields, start: '11:00', end: '10:00' })),
			staff,
			now
		);
		expect(order.errors).toEqual({ end: 'smErrorEndBeforeStart' });
	});

	it('plans a joint meeting for Maja: meeting, participants, entry, audit; no letter', async () => {
		const context = await contextFor(majaJourney, mette);
		const staff = await listJourneyStaff(t.db, majaJourney);
		const lone = staff.find((s) => s.name === 'Lone Madsen')!;
		const peter = staff.find((s) => s.name === 'Peter Holm')!;
		expect(staff.map((s) => s.name)).toEqual(
			expect.arrayContaining(['Lone Madsen', 'Peter Holm', 'Jonas Friis', 'Mette Larsen'])
		);
		expect(staff.map((s) => s.name)).not.toContain('Hanne Vestergaard');
		const { input } = checkMeetingForm(
			readMeetingForm(
				form({
					...validFields,
					participants: [lone.id, peter.id],
					externalName1: 'Kim Berg',
					externalRole1: 'Mentor'
				})
			),
			new Set(staff.map((s) => s.id)),
			now
		);
		const lettersBefore = await t.db.selectFrom('letters').select('id').execute();
		const result = await planMeeting(context, input!, staff, now);
		expect(result.letter).toBeNull();
		const meeting = await findStaffMeeting(t.db, result.meetingId);
		expect(meeting).toMatchObject({
			organizer_staff_id: mette.staffId,
			citizen_response: 'pending',
			location: 'Rådhuset, mødelokale 3'
		});
		const participants = await t.db
			.selectFrom('meeting_participants')
			.selectAll()
			.where('meeting_id', '=', result.meetingId)
			.execute();
		expect(participants.map((p) => p.staff_user_id ?? p.name).sort()).toEqual(
			[mette.staffId, lone.id, peter.id, 'Kim Berg'].sort()
		);
		const entries = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('meeting_id', '=', result.meetingId)
			.execute();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			kind: 'meeting',
			visibility: 'citizen',
			title: 'Invitation til møde: Fællesmøde om din plan'
		});
		// Weekday, day, month and time: the app's formatter agrees with the seed's.
		expect(meetingTime).toBe(`${formatDanish(starts)}–11.30`);
		expect(entries[0]!.body).toContain(`Tid: ${meetingTime}`);
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', result.meetingId)
			.execute();
		expect(audit.map((a) => [a.action, a.object_type, a.actor_role])).toEqual([
			['create', 'meeting', 'coordinator']
		]);
		expect(await t.db.selectFrom('letters').select('id').execute()).toHaveLength(
			lettersBefore.length
		);
		const listed = await listCitizenMeetings(t.db, demoIds.citizen('Maja Jensen'), now);
		expect(listed.upcoming.map((m) => m.id)).toContain(result.meetingId);
	});

	it('invites analog Karl by exactly one queued letter, then moves and cancels with letters', async () => {
		const context = await contextFor(karlJourney, hanne);
		const staff = await listJourneyStaff(t.db, karlJourney);
		const { input } = checkMeetingForm(readMeetingForm(form(validFields)), new Set(), now);
		const result = await planMeeting(context, input!, staff, now);
		const letters = await t.db
			.selectFrom('letters')
			.selectAll()
			.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
			.where('status', '=', 'queued')
			.execute();
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({
			id: result.letter!.id,
			recipient_name: 'Karl Nielsen',
			recipient_address: 'Kirkevej 14, 1. tv.\n9999 Sammenby',
			language: 'da',
			subject: 'Invitation til møde: Fællesmøde om din plan'
		});
		expect(letters[0]!.body).toContain('Kære Karl Nielsen');
		expect(letters[0]!.body).toContain(`Tid: ${meetingTime}`);
		const letterEntry = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('letter_id', '=', result.letter!.id)
			.executeTakeFirstOrThrow();
		expect(letterEntry).toMatchObject({ kind: 'letter', visibility: 'citizen' });

		const meeting = (await findStaffMeeting(t.db, result.meetingId))!;
		// A week later, by video.
		const movedTo = days.workdayAt(19, 10);
		await t.db
			.updateTable('meetings')
			.set({ citizen_response: 'accepted', citizen_responded_at: now })
			.where('id', '=', meeting.id)
			.execute();
		const moved = await moveMeeting(
			t.db,
			hanne,
			meeting,
			{
				startsAt: movedTo,
				endsAt: days.workdayAt(19, 11),
				location: null,
				videoUrl: 'https://video.example.dk/rum/1'
			},
			now
		);
		expect('letter' in moved && moved.letter).toBeTruthy();
		const after = (await findStaffMeeting(t.db, meeting.id))!;
		expect(after).toMatchObject({ citizen_response: 'pending', citizen_responded_at: null });
		expect(after.starts_at.toISOString()).toBe(movedTo.toISOString());

		const cancelled = await cancelMeeting(t.db, hanne, after, now);
		expect('letter' in cancelled).toBe(true);
		expect(await cancelMeeting(t.db, hanne, after, now)).toEqual({ closed: true });
		const all = await t.db
			.selectFrom('letters')
			.select('subject')
			.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
			.where('status', '=', 'queued')
			.orderBy('created_at')
			.execute();
		expect(all.map((l) => l.subject).sort()).toEqual(
			[
				'Invitation til møde: Fællesmøde om din plan',
				'Mødet er flyttet: Fællesmøde om din plan',
				'Mødet er aflyst: Fællesmøde om din plan'
			].sort()
		);
		const audit = await t.db
			.selectFrom('audit_events')
			.select(['action', 'object_type'])
			.where('object_id', '=', meeting.id)
			.execute();
		expect(audit.map((a) => `${a.action} ${a.object_type}`).sort()).toEqual(
			['create meeting', 'update meeting', 'update meeting'].sort()
		);
	});

	it('takes minutes only once the meeting has started, as a citizen-visible meeting entry', async () => {
		const context = await contextFor(majaJourney, mette);
		const { input } = checkMeetingForm(readMeetingForm(form(validFields)), new Set(), now);
		const planned = await planMeeting(context, input!, [], now);
		const meeting = (await findStaffMeeting(t.db, planned.meetingId))!;
		expect(await addMinutes(t.db, mette, meeting, 'Referat', now)).toBe(false);
		// Once it has started: an hour into the meeting.
		const later = days.later(starts, 60);
		expect(await addMinutes(t.db, mette, meeting, 'Vi aftalte praktik.', later)).toBe(true);
		const entry = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('meeting_id', '=', meeting.id)
			.where('title', 'like', 'Referat%')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({
			kind: 'meeting',
			visibility: 'citizen',
			body: 'Vi aftalte praktik.'
		});
		expect((await findStaffMeeting(t.db, meeting.id))!.minutes).toBe('Vi aftalte praktik.');
	});

	it('changes the coordinator, adds and removes a case, adds and edits goals', async () => {
		const target = {
			db: t.db,
			actor: mette,
			journeyId: majaJourney,
			citizenId: demoIds.citizen('Maja Jensen')
		};
		const jonas = demoIds.staff('Jonas Friis');
		expect(
			await changeCoordinator(target, {
				id: jonas,
				name: 'Jonas Friis',
				departmentName: 'Socialforvaltningen',
				departmentNameEn: 'Social Services'
			})
		).toBe(true);
		const journey = await t.db
			.selectFrom('journeys')
			.select('coordinator_id')
			.where('id', '=', majaJourney)
			.executeTakeFirstOrThrow();
		expect(journey.coordinator_id).toBe(jonas);
		const entry = await t.db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('journey_id', '=', majaJourney)
			.where('title', '=', 'Din nye tovholder er Jonas Friis')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ kind: 'status', visibility: 'citizen' });

		const cases = await listCitizenCasesForJourney(t.db, target.citizenId, majaJourney);
		const job = cases.find((c) => c.id === demoIds.case('maja-job'))!;
		expect(job.onJourney).toBe(true);
		expect(await changeJourneyCase(target, 'remove', job)).toBe(true);
		expect(await changeJourneyCase(target, 'remove', job)).toBe(false);
		expect(await changeJourneyCase(target, 'add', job)).toBe(true);
		const row = await t.db
			.selectFrom('journey_cases')
			.selectAll()
			.where('case_id', '=', job.id)
			.executeTakeFirstOrThrow();
		expect(row.added_by_staff_id).toBe(mette.staffId);

		const depts = new Set([demoIds.department('jobcenter')]);
		const targetDate = days.date(185);
		const checked = checkGoalForm(
			{
				title: 'Kørekort',
				description: '',
				status: 'not_started',
				progress: '0',
				department: demoIds.department('jobcenter'),
				targetDate: typed(targetDate),
				sortOrder: ''
			},
			depts
		);
		expect(checked.errors).toEqual({});
		const goal = await addGoal(target, checked.input!);
		expect(goal).toMatchObject({ title: 'Kørekort', target_date: targetDate, sort_order: 5 });
		await editGoal(target, goal, { ...checked.input!, progress: 50, status: 'in_progress' });
		const goals = await listJourneyGoals(t.db, majaJourney);
		expect(goals.find((g) => g.id === goal.id)).toMatchObject({
			progress: 50,
			status: 'in_progress'
		});
		expect(
			checkGoalForm(
				{
					title: '',
					description: '',
					status: 'x',
					progress: '101',
					department: 'y',
					targetDate: 'z',
					sortOrder: '-1'
				},
				depts
			).errors
		).toEqual({
			title: 'smErrorGoalTitle',
			status: 'smErrorGoalStatus',
			progress: 'smErrorGoalProgress',
			department: 'smErrorGoalDepartment',
			targetDate: 'smErrorDate',
			sortOrder: 'smErrorGoalSort'
		});
		const audit = await t.db
			.selectFrom('audit_events')
			.select(['action', 'object_type'])
			.where('actor_staff_id', '=', mette.staffId)
			.where('object_type', 'in', ['journey', 'case', 'plan_goal'])
			.where('action', '!=', 'read')
			.execute();
		expect(audit.map((a) => `${a.action} ${a.object_type}`).sort()).toEqual(
			[
				'update journey',
				'update case',
				'update case',
				'create plan_goal',
				'update plan_goal'
			].sort()
		);
	});
});

// Every citizen-visible event, recorded by recordEvent through the service that produces it: for
// digital Maja and analog Karl, each event writes its entry, the audit row of what changed with a
// purpose, and exactly one notification per chosen channel (Maja) or exactly one letter with its
// 'letter' entry, its print job and its own audit row (Karl), and nothing else of the kind.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEntry, putMeeting, type ApiClient } from '../../src/lib/server/api/service';
import * as clock from '../../src/lib/server/clock';
import { recordConsentForCitizen } from '../../src/lib/server/consent/service';
import { loadCitizenFacts, loadJourneyFacts } from '../../src/lib/server/db/access-facts';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { latestConsent } from '../../src/lib/server/db/consents';
import { departmentNames } from '../../src/lib/server/db/departments';
import type { AuditAction, StaffRole } from '../../src/lib/domain';
import { findStaffMeeting } from '../../src/lib/server/db/staff-meetings';
import { recordEvent } from '../../src/lib/server/events/record';
import { QUEUES } from '../../src/lib/server/jobs/queue';
import type { EventType } from '../../src/lib/server/notifications/route';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { addGoal } from '../../src/lib/server/journeys/coordination';
import type { MeetingInput } from '../../src/lib/server/meetings/form';
import {
	addMinutes,
	cancelMeeting,
	moveMeeting,
	planMeeting
} from '../../src/lib/server/meetings/service';
import { writeEntry, type ParsedEntry } from '../../src/lib/server/journeys/entry';
import { sendStaffMessage } from '../../src/lib/server/messages/staff';
import type { StaffActor, StaffJourneyContext } from '../../src/lib/server/access/staff';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const days = new DemoClock(now);

type StaffName = 'Lone Madsen' | 'Hanne Vestergaard';

interface Citizen {
	name: 'Maja Jensen' | 'Karl Nielsen';
	analog: boolean;
	journeyId: string;
	staff: { name: StaffName; role: StaffRole; departmentId: string };
	/** A case of the member of staff's department on the journey, for a status change. */
	caseId: string;
	/** The department system's reference of a case on the journey, for the API. */
	apiCaseRef: string;
}

const citizens: Citizen[] = [
	{
		name: 'Maja Jensen',
		analog: false,
		journeyId: demoIds.journey('maja'),
		staff: {
			name: 'Lone Madsen',
			role: 'caseworker',
			departmentId: demoIds.department('jobcenter')
		},
		caseId: demoIds.case('maja-job'),
		apiCaseRef: 'JOB-104417'
	},
	{
		name: 'Karl Nielsen',
		analog: true,
		journeyId: demoIds.journey('karl'),
		staff: {
			name: 'Hanne Vestergaard',
			role: 'caseworker',
			departmentId: demoIds.department('sundhed-og-omsorg')
		},
		caseId: demoIds.case('karl-care'),
		apiCaseRef: 'SUO-118203'
	}
];

/** What the event changed, and who should appear as its actor in the audit trail. */
interface Outcome {
	object: { action: AuditAction; type: string; id: string };
	actor: { actor_type: 'staff' | 'system'; actor_staff_id: string | null; purpose?: string };
}

interface EventCase {
	type: EventType;
	via: string;
	run: () => Promise<Outcome>;
}

describe.each(testDialects())('recordEvent on %s', (dialect) => {
	let t: TestDatabase;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	/** Everything an event may write about the citizen, to tell what one event added. */
	async function snapshot(citizenId: string) {
		const [entries, audit, notifications, letters, jobs] = await Promise.all([
			t.db
				.selectFrom('timeline_entries as e')
				.innerJoin('journeys as j', 'j.id', 'e.journey_id')
				.selectAll('e')
				.where('j.citizen_id', '=', citizenId)
				.execute(),
			t.db.selectFrom('audit_events').selectAll().where('citizen_id', '=', citizenId).execute(),
			t.db.selectFrom('notifications').selectAll().where('citizen_id', '=', citizenId).execute(),
			t.db.selectFrom('letters').selectAll().where('citizen_id', '=', citizenId).execute(),
			sql<{ id: string; name: string; data: Record<string, string> }>`
				select id, name, data from pgboss.job where name in (${QUEUES.letter}, ${QUEUES.deliver})
			`
				.execute(t.db)
				.then((r) => r.rows)
		]);
		return { entries, audit, notifications, letters, jobs };
	}

	async function added(citizenId: string, before: Awaited<ReturnType<typeof snapshot>>) {
		const after = await snapshot(citizenId);
		const fresh = <T extends { id: string }>(rows: T[], old: T[]) => {
			const seen = new Set(old.map((r) => r.id));
			return rows.filter((r) => !seen.has(r.id));
		};
		return {
			entries: fresh(after.entries, before.entries),
			audit: fresh(after.audit, before.audit),
			notifications: fresh(after.notifications, before.notifications),
			letters: fresh(after.letters, before.letters),
			jobs: fresh(after.jobs, before.jobs)
		};
	}

	describe.each(citizens)('for $name', (who) => {
		const citizenId = demoIds.citizen(who.name);
		const actor: StaffActor = {
			kind: 'staff',
			staffId: demoIds.staff(who.staff.name),
			role: who.staff.role,
			departmentId: who.staff.departmentId
		};
		const byStaff = { actor_type: 'staff' as const, actor_staff_id: actor.staffId };
		let client: ApiClient;
		let meetingId = '';
		let minutesMeetingId = '';

		/** The context the staffJourney guard builds, read fresh as for a new request. */
		async function context(): Promise<StaffJourneyContext> {
			const journey = (await loadJourneyFacts(t.db, who.journeyId))!;
			const citizen = (await loadCitizenFacts(t.db, citizenId))!;
			const staff = {
				id: actor.staffId,
				name: who.staff.name,
				email: `${actor.staffId}@example.invalid`,
				role: actor.role,
				departmentId: actor.departmentId
			};
			const banner = {} as StaffJourneyContext['banner'];
			return { db: t.db, actor, staff, citizen, journey, banner };
		}

		async function entry(kind: ParsedEntry['kind'], extra: Partial<ParsedEntry> = {}) {
			const written = await writeEntry(
				await context(),
				{
					kind,
					visibility: 'citizen',
					title: `En ${kind} til dig`,
					body: 'Læs mere i Sammen.',
					titleEn: null,
					bodyEn: null,
					correctsEntryId: null,
					token: crypto.randomUUID(),
					status: null,
					task: null,
					taskDue: null,
					...extra
				},
				{ taskCaseId: null },
				now
			);
			return written.entryId!;
		}

		function meeting(startsAt: Date): MeetingInput {
			return {
				title: 'Fællesmøde om din plan',
				startsAt,
				endsAt: days.later(startsAt, 60),
				location: 'Rådhuset, mødelokale 3',
				videoUrl: null,
				agenda: '1. Job\n2. Bolig',
				whatToBring: null,
				staffIds: [],
				externals: []
			};
		}

		const apiMeeting = (startsAt: Date, cancelled = false) => ({
			title: 'Samtale om din sag',
			titleEn: null,
			startsAt: startsAt.toISOString(),
			endsAt: days.later(startsAt, 45).toISOString(),
			location: 'Rådhuset',
			videoUrl: null,
			agenda: null,
			whatToBring: null,
			cancelled
		});
		const byApi = () => ({
			actor_type: 'system' as const,
			actor_staff_id: null,
			purpose: `api:${client.prefix}`
		});

		beforeAll(async () => {
			const key = await createApiKey(t.db, {
				departmentId: who.staff.departmentId,
				name: `Fagsystem for ${who.name}`,
				createdByStaffId: null
			});
			client = { keyId: key.id, departmentId: who.staff.departmentId, prefix: key.prefix };
		});

		const cases: EventCase[] = [
			...(['note', 'decision'] as const).map((type): EventCase => ({
				type,
				via: 'writeEntry',
				run: async () => ({
					object: { action: 'create', type: 'timeline_entry', id: await entry(type) },
					actor: byStaff
				})
			})),
			{
				type: 'status',
				via: 'writeEntry',
				run: async () => {
					const status = {
						caseId: who.caseId,
						status: 'in_progress' as const,
						waitingOn: 'municipality' as const,
						nextStep: 'Vi læser dine papirer',
						nextStepDue: null
					};
					const id = await entry('status', { status });
					return { object: { action: 'create', type: 'timeline_entry', id }, actor: byStaff };
				}
			},
			{
				type: 'task',
				via: 'writeEntry',
				run: async () => {
					const id = await entry('task', { task: { assignee: 'citizen' }, taskDue: days.date(7) });
					return { object: { action: 'create', type: 'timeline_entry', id }, actor: byStaff };
				}
			},
			{
				type: 'meeting',
				via: 'recordEvent',
				run: async () => {
					const recorded = await t.db.transaction().execute((trx) =>
						recordEvent(
							trx,
							actor,
							{
								citizenId,
								type: 'meeting',
								entries: [
									{
										journey_id: who.journeyId,
										kind: 'meeting',
										visibility: 'citizen',
										author_staff_id: actor.staffId,
										department_id: actor.departmentId,
										title: 'Vi holdt et møde om dig',
										body: 'Du kan læse referatet i Sammen.',
										occurred_at: now
									}
								],
								object: { action: 'create', type: 'timeline_entry' }
							},
							now
						)
					);
					const id = recorded.entry!.id;
					return { object: { action: 'create', type: 'timeline_entry', id }, actor: byStaff };
				}
			},
			{
				type: 'message',
				via: 'sendStaffMessage',
				run: async () => {
					const sent = await sendStaffMessage(
						await context(),
						{
							body: 'Hej, vi har fået dine papirer.',
							authorName: who.staff.name,
							token: crypto.randomUUID()
						},
						now
					);
					return { object: { action: 'create', type: 'message', id: sent.id! }, actor: byStaff };
				}
			},
			{
				type: 'meeting_invite',
				via: 'planMeeting',
				run: async () => {
					const planned = await planMeeting(
						await context(),
						meeting(days.workdayAt(12, 10)),
						[],
						now
					);
					meetingId = planned.meetingId;
					return { object: { action: 'create', type: 'meeting', id: meetingId }, actor: byStaff };
				}
			},
			{
				type: 'meeting_moved',
				via: 'moveMeeting',
				run: async () => {
					const starts = days.workdayAt(14, 13);
					const change = { startsAt: starts, endsAt: days.later(starts, 60) };
					const found = (await findStaffMeeting(t.db, meetingId))!;
					await moveMeeting(
						t.db,
						actor,
						found,
						{ ...change, location: 'Jobcenteret', videoUrl: null },
						now
					);
					return { object: { action: 'update', type: 'meeting', id: meetingId }, actor: byStaff };
				}
			},
			{
				type: 'meeting_cancelled',
				via: 'cancelMeeting',
				run: async () => {
					await cancelMeeting(t.db, actor, (await findStaffMeeting(t.db, meetingId))!, now);
					return { object: { action: 'update', type: 'meeting', id: meetingId }, actor: byStaff };
				}
			},
			{
				type: 'meeting_minutes',
				via: 'addMinutes',
				run: async () => {
					const found = (await findStaffMeeting(t.db, minutesMeetingId))!;
					const later = days.later(found.starts_at, 60);
					expect(await addMinutes(t.db, actor, found, 'Vi aftalte praktik.', later)).toBe(true);
					const id = minutesMeetingId;
					return { object: { action: 'update', type: 'meeting', id }, actor: byStaff };
				}
			},
			{
				type: 'consent',
				via: 'recordConsentForCitizen',
				run: async () => {
					const departmentId = who.staff.departmentId;
					const names = (await departmentNames(t.db, departmentId))!;
					const current = await latestConsent(t.db, citizenId, departmentId);
					const change = await recordConsentForCitizen(
						t.db,
						actor,
						{ id: citizenId, name: who.name },
						{ id: departmentId, name: names.name, nameEn: names.name_en },
						{
							action: current?.action === 'granted' ? 'withdrawn' : 'granted',
							channel: 'paper',
							witness: null,
							note: null
						},
						'casework'
					);
					if (!change.changed) throw new Error('the consent did not change');
					return {
						object: { action: 'create', type: 'consent', id: change.consent.id },
						actor: { ...byStaff, purpose: 'casework' }
					};
				}
			},
			{
				type: 'plan',
				via: 'addGoal',
				run: async () => {
					// No purpose from the caller: recordEvent takes it from the citizen's facts.
					const goal = await addGoal(
						{ db: t.db, actor, journeyId: who.journeyId, citizenId },
						{
							title: 'Kørekort',
							description: null,
							status: 'not_started',
							progress: 0,
							departmentId: null,
							targetDate: null,
							sortOrder: null
						},
						now
					);
					return { object: { action: 'create', type: 'plan_goal', id: goal.id }, actor: byStaff };
				}
			},
			{
				type: 'note',
				via: 'the API',
				run: async () => {
					const result = await t.db.transaction().execute((trx) =>
						postEntry(
							trx,
							client,
							who.apiCaseRef,
							{
								externalRef: `EV-${crypto.randomUUID()}`,
								kind: 'note',
								visibility: 'citizen',
								title: 'Nyt fra fagsystemet',
								titleEn: null,
								body: 'Vi har modtaget dine papirer.',
								bodyEn: null
							},
							now
						)
					);
					const id = result.body.entryId;
					return { object: { action: 'create', type: 'timeline_entry', id }, actor: byApi() };
				}
			},
			...(
				[
					['meeting_invite', 'create', days.workdayAt(20, 9), false],
					// Another hour as well as another day: on some dates both days fall on one Monday.
					['meeting_moved', 'update', days.workdayAt(21, 13), false],
					['meeting_cancelled', 'update', days.workdayAt(21, 13), true]
				] as const
			).map(([type, action, starts, cancelled]): EventCase => ({
				type,
				via: 'the API',
				run: async () => {
					const result = await t.db
						.transaction()
						.execute((trx) =>
							putMeeting(trx, client, who.apiCaseRef, 'EV-M1', apiMeeting(starts, cancelled), now)
						);
					const id = result.body.meetingId;
					return { object: { action, type: 'meeting', id }, actor: byApi() };
				}
			}))
		];

		it('covers every event type', () => {
			const types: EventType[] = [
				'meeting',
				'note',
				'decision',
				'status',
				'task',
				'message',
				'meeting_invite',
				'meeting_moved',
				'meeting_cancelled',
				'meeting_minutes',
				'consent',
				'plan'
			];
			expect(new Set(cases.map((c) => c.type))).toEqual(new Set(types));
		});

		it.each(cases)('records $type through $via exactly once', async (event) => {
			if (event.type === 'meeting_minutes' && event.via === 'addMinutes') {
				// A meeting to take minutes of, planned before the event is measured.
				const planned = await planMeeting(await context(), meeting(days.workdayAt(3, 9)), [], now);
				minutesMeetingId = planned.meetingId;
			}
			const before = await snapshot(citizenId);
			const outcome = await event.run();
			const rows = await added(citizenId, before);

			const entries = rows.entries.filter((e) => e.kind !== 'letter');
			if (event.type !== 'consent') expect(entries).toHaveLength(1);
			else expect(entries.length).toBeGreaterThanOrEqual(1);
			expect(entries.every((e) => e.visibility === 'citizen')).toBe(true);

			const audits = rows.audit.filter(
				(a) => a.object_type === outcome.object.type && a.object_id === outcome.object.id
			);
			expect(audits).toHaveLength(1);
			const audit = audits[0]!;
			expect(audit).toMatchObject({ action: outcome.object.action, ...outcome.actor });
			expect(audit.purpose).not.toBeNull();
			const letterAudits = rows.audit.filter((a) => a.object_type === 'letter');
			const letterEntries = rows.entries.filter((e) => e.kind === 'letter');

			const notified = rows.notifications;
			expect(notified.every((n) => n.event_type === event.type)).toBe(true);
			expect(notified.every((n) => entries.some((e) => e.id === n.timeline_entry_id))).toBe(true);
			if (!who.analog) {
				expect(notified.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
				expect(rows.jobs.map((j) => [j.name, j.data.citizenId])).toEqual([
					[QUEUES.deliver, citizenId],
					[QUEUES.deliver, citizenId]
				]);
				expect(rows.letters).toEqual([]);
				expect(letterAudits).toEqual([]);
				expect(letterEntries).toEqual([]);
				return;
			}
			expect(rows.letters).toHaveLength(1);
			const letter = rows.letters[0]!;
			expect(letter).toMatchObject({ status: 'queued', event_type: event.type });
			expect(notified).toHaveLength(1);
			expect(notified[0]).toMatchObject({ channel: 'letter', letter_id: letter.id });
			expect(letterEntries).toHaveLength(1);
			expect(letterEntries[0]).toMatchObject({ letter_id: letter.id, visibility: 'citizen' });
			// Paper only: the letter's job and no e-mail or SMS.
			expect(rows.jobs.map((j) => [j.name, j.data.letterId])).toEqual([[QUEUES.letter, letter.id]]);
			expect(letterAudits).toHaveLength(1);
			expect(letterAudits[0]).toMatchObject({
				action: 'create',
				object_id: letter.id,
				actor_type: audit.actor_type,
				actor_staff_id: audit.actor_staff_id,
				actor_department_id: audit.actor_department_id,
				purpose: audit.purpose
			});
		});

		it('records an entry only staff see with its audit row, and tells nobody', async () => {
			const before = await snapshot(citizenId);
			const id = await entry('note', { visibility: 'staff' });
			const rows = await added(citizenId, before);
			expect(rows.entries.map((e) => [e.id, e.visibility])).toEqual([[id, 'staff']]);
			expect(rows.audit).toHaveLength(1);
			expect(rows.audit[0]).toMatchObject({ object_type: 'timeline_entry', object_id: id });
			expect(rows.audit[0]!.purpose).not.toBeNull();
			expect(rows.notifications).toEqual([]);
			expect(rows.letters).toEqual([]);
			expect(rows.jobs).toEqual([]);
		});
	});
});

// Joint meetings from the staff side: plan, move, cancel and write the minutes. Each change is one
// transaction recorded through recordEvent (events/record.ts) with its citizen-visible timeline
// entry and its audit row, so the citizen's portal, the shared timeline and the audit trail never
// disagree with the meeting. When the citizen is analog the invitation (and every change of it)
// also goes out as a queued letter in the citizen's own language, with a timeline entry pointing at
// the letter (docs/RULES.md, the analog flag).
import type { Kysely, Transaction } from 'kysely';
import { catalogues, format } from '../../i18n/all';
import type { Database } from '../db/schema';
import type { StaffRole } from '../../domain';
import {
	insertMeeting,
	insertMeetingParticipants,
	lockMeeting,
	markMeetingCancelled,
	rescheduleMeeting,
	setMeetingMinutes,
	staffContact,
	type StaffCandidate,
	type StaffMeeting
} from '../db/staff-meetings';
import { recordEvent } from '../events/record';
import { recordMeetingChange } from './change';
import type { StaffActor } from '../access/staff';
import type { MeetingInput, MeetingTimePlace } from './form';
import * as clock from '../clock';

type Trx = Transaction<Database>;

export interface MeetingChangeResult {
	meetingId: string;
	/** The queued letter when the citizen is analog, with the address it goes to. */
	letter: { id: string; address: string } | null;
}

const roleKeys: Record<StaffRole, 'smRoleCoordinator' | 'smRoleCaseworker'> = {
	coordinator: 'smRoleCoordinator',
	caseworker: 'smRoleCaseworker',
	admin: 'smRoleCaseworker',
	auditor: 'smRoleCaseworker'
};

export async function planMeeting(
	context: {
		db: Kysely<Database>;
		actor: StaffActor;
		journey: { journeyId: string };
		citizen: { citizenId: string };
	},
	input: MeetingInput,
	inviteable: readonly StaffCandidate[],
	now: Date = clock.now()
): Promise<MeetingChangeResult> {
	const { actor } = context;
	const citizenId = context.citizen.citizenId;
	const journeyId = context.journey.journeyId;
	return context.db.transaction().execute(async (trx) => {
		const meeting = await insertMeeting(trx, {
			journey_id: journeyId,
			title: input.title,
			title_en: null,
			starts_at: input.startsAt,
			ends_at: input.endsAt,
			location: input.location,
			video_url: input.videoUrl,
			agenda: input.agenda,
			what_to_bring: input.whatToBring,
			organizer_staff_id: actor.staffId,
			citizen_response_reason: null,
			citizen_responded_at: null,
			minutes: null,
			cancelled_at: null,
			created_at: now
		});
		// The organiser takes part too; the form lists only the others.
		const byId = new Map(inviteable.map((s) => [s.id, s]));
		const staffIds = [actor.staffId, ...input.staffIds.filter((id) => id !== actor.staffId)];
		await insertMeetingParticipants(trx, [
			...staffIds.map((id) => {
				const staff = byId.get(id);
				return {
					meeting_id: meeting.id,
					staff_user_id: id,
					department_id: staff?.departmentId ?? actor.departmentId,
					name: null,
					role: catalogues.da[roleKeys[staff?.role ?? actor.role]]
				};
			}),
			...input.externals.map((external) => ({
				meeting_id: meeting.id,
				staff_user_id: null,
				department_id: null,
				name: external.name,
				role: external.role
			}))
		]);
		const recorded = await recordMeetingChange(
			trx,
			actor,
			'invite',
			{ ...input, id: meeting.id, journeyId, citizenId },
			{ sender: await staffContact(trx, actor.staffId), letterAuthorStaffId: actor.staffId },
			now
		);
		return { meetingId: meeting.id, letter: recorded.letter };
	});
}

export type MeetingChangeOutcome = MeetingChangeResult | { closed: true };

/** A meeting that is cancelled, or has started, cannot be moved or cancelled any more. */
export function isChangeable(
	meeting: { cancelled_at: Date | null; starts_at: Date },
	now: Date = clock.now()
): boolean {
	return meeting.cancelled_at === null && meeting.starts_at.getTime() > now.getTime();
}

/** What moving and cancelling both record, in the caller's transaction. */
async function recordStaffChange(
	trx: Trx,
	actor: StaffActor,
	meeting: StaffMeeting,
	kind: 'moved' | 'cancelled',
	timePlace: MeetingTimePlace,
	now: Date
): Promise<MeetingChangeResult> {
	const recorded = await recordMeetingChange(
		trx,
		actor,
		kind,
		{
			...timePlace,
			id: meeting.id,
			journeyId: meeting.journey_id,
			citizenId: meeting.citizenId,
			title: meeting.title,
			agenda: meeting.agenda,
			whatToBring: meeting.what_to_bring
		},
		{ sender: await staffContact(trx, actor.staffId), letterAuthorStaffId: actor.staffId },
		now
	);
	return { meetingId: meeting.id, letter: recorded.letter };
}

export async function moveMeeting(
	db: Kysely<Database>,
	actor: StaffActor,
	meeting: StaffMeeting,
	change: MeetingTimePlace,
	now: Date = clock.now()
): Promise<MeetingChangeOutcome> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockMeeting(trx, meeting.id);
		if (!locked || !isChangeable(locked, now)) return { closed: true as const };
		await rescheduleMeeting(trx, meeting.id, change);
		return recordStaffChange(trx, actor, meeting, 'moved', change, now);
	});
}

export async function cancelMeeting(
	db: Kysely<Database>,
	actor: StaffActor,
	meeting: StaffMeeting,
	now: Date = clock.now()
): Promise<MeetingChangeOutcome> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockMeeting(trx, meeting.id);
		if (!locked || !isChangeable(locked, now)) return { closed: true as const };
		await markMeetingCancelled(trx, meeting.id, now);
		const timePlace = {
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			location: meeting.location,
			videoUrl: meeting.video_url
		};
		return recordStaffChange(trx, actor, meeting, 'cancelled', timePlace, now);
	});
}

/** Minutes can be written once the meeting has started, unless it was cancelled. */
export function mayWriteMinutes(
	meeting: { cancelled_at: Date | null; starts_at: Date },
	now: Date = clock.now()
): boolean {
	return meeting.cancelled_at === null && meeting.starts_at.getTime() <= now.getTime();
}

/**
 * The minutes: stored on the meeting and written as a citizen-visible 'meeting' entry with the
 * meeting's id, like the summaries after the demo's meetings, so the citizen reads them where
 * the meeting is and staff see them beside the invitation and the answers. A new version is a
 * new entry; the earlier one stays (entries are never edited).
 */
export async function addMinutes(
	db: Kysely<Database>,
	actor: StaffActor,
	meeting: StaffMeeting,
	minutes: string,
	now: Date = clock.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockMeeting(trx, meeting.id);
		if (!locked || !mayWriteMinutes(locked, now)) return false;
		await setMeetingMinutes(trx, meeting.id, minutes);
		await recordEvent(
			trx,
			actor,
			{
				citizenId: meeting.citizenId,
				type: 'meeting_minutes',
				entries: [
					{
						journey_id: meeting.journey_id,
						kind: 'meeting',
						visibility: 'citizen',
						author_staff_id: actor.staffId,
						department_id: actor.departmentId,
						title: format(catalogues.da.smEntryMinutesTitle, { title: meeting.title }),
						title_en: format(catalogues.en.smEntryMinutesTitle, { title: meeting.title }),
						// Staff write the minutes in Danish; there is no translation of them.
						body: minutes,
						occurred_at: now,
						meeting_id: meeting.id
					}
				],
				object: { action: 'update', type: 'meeting', id: meeting.id }
			},
			now
		);
		return true;
	});
}

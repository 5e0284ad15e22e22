// Joint meetings from the staff side: plan, move, cancel and write the minutes. Each change is one
// transaction with its citizen-visible timeline entry and its audit row, so the citizen's portal,
// the shared timeline and the audit trail never disagree with the meeting. When the citizen is
// analog the invitation (and every change of it) also goes out as a queued letter in the
// citizen's own language, with a timeline entry pointing at the letter (docs/RULES.md, the analog flag).
import type { Kysely, Transaction } from 'kysely';
import { catalogues, format, localized } from '../../i18n/messages';
import type { Locale } from '../../i18n/locale';
import { formatMeetingTime } from '../../meeting-time';
import type { Database } from '../db/schema';
import type { StaffRole } from '../../domain';
import {
	citizenPostalDetails,
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
import { appendTimelineEntry } from '../db/timeline';
import { entryLetter, notifyCitizen } from '../notifications/route';
import { auditStaff, type StaffActor } from '../staff/context';
import type { MeetingInput, MeetingTimePlace } from './form';
import * as clock from '../clock';

type Trx = Transaction<Database>;
export type MeetingChangeKind = 'invite' | 'moved' | 'cancelled';
type Kind = MeetingChangeKind;

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

function whereText(locale: Locale, place: { location: string | null; videoUrl: string | null }) {
	const m = catalogues[locale];
	return [
		place.location ? format(m.smEntryWhere, { place: place.location }) : null,
		place.videoUrl ? format(m.smEntryVideo, { url: place.videoUrl }) : null
	].filter((line): line is string => line !== null);
}

/** The body of a meeting entry (and the facts of a letter): when and where. */
function timePlaceLines(locale: Locale, meeting: MeetingTimePlace): string[] {
	const m = catalogues[locale];
	return [
		format(m.smEntryWhen, { time: formatMeetingTime(meeting.startsAt, meeting.endsAt, locale) }),
		...whereText(locale, meeting)
	];
}

const entryTitleKeys = {
	invite: 'smEntryInvitedTitle',
	moved: 'smEntryMovedTitle',
	cancelled: 'smEntryCancelledTitle'
} as const;

/** The meeting entry's titles and bodies in Danish and English; also used by the integration API. */
export function meetingEntryTexts(kind: Kind, title: string, meeting: MeetingTimePlace) {
	const texts = (locale: Locale) => {
		const m = catalogues[locale];
		const lines =
			kind === 'cancelled'
				? [
						format(m.smEntryCancelledBody, {
							time: formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)
						})
					]
				: [
						...timePlaceLines(locale, meeting),
						kind === 'moved' ? m.smEntryMovedBody : m.smEntryInvitedBody
					];
		return { title: format(m[entryTitleKeys[kind]], { title }), body: lines.join('\n') };
	};
	const da = texts('da');
	const en = texts('en');
	return { title: da.title, title_en: en.title, body: da.body, body_en: en.body };
}

const letterKeys = {
	invite: { subject: 'smLetterInviteSubject', intro: 'smLetterInviteIntro' },
	moved: { subject: 'smLetterMovedSubject', intro: 'smLetterMovedIntro' },
	cancelled: { subject: 'smLetterCancelledSubject', intro: 'smLetterCancelledIntro' }
} as const;

/**
 * The letter about a meeting change, in the citizen's language: time, place, agenda, what to bring
 * and whom to call, signed by `sender`. Also used by the integration API.
 */
export function meetingLetter(
	kind: Kind,
	meeting: MeetingTimePlace & { title: string; agenda: string | null; whatToBring: string | null },
	citizenName: string,
	sender: Awaited<ReturnType<typeof staffContact>>
) {
	return (language: Locale) => {
		const m = catalogues[language];
		const keys = letterKeys[kind];
		const department = sender.departmentName
			? localized(language, sender.departmentName, sender.departmentNameEn)
			: null;
		const phone = sender.phone ?? sender.departmentPhone;
		const paragraphs = [
			format(m.smLetterGreeting, { name: citizenName }),
			m[keys.intro],
			[meeting.title, ...timePlaceLines(language, meeting)].join('\n'),
			kind !== 'cancelled' && meeting.agenda ? `${m.smLetterAgenda}\n${meeting.agenda}` : null,
			kind !== 'cancelled' && meeting.whatToBring
				? `${m.smLetterBring}\n${meeting.whatToBring}`
				: null,
			kind === 'cancelled'
				? phone
					? format(m.smLetterCancelledCall, { phone })
					: null
				: phone
					? format(m.smLetterCall, { phone })
					: null,
			`${m.smLetterRegards}\n${department ? `${sender.name}, ${department}` : sender.name}`
		].filter((p): p is string => p !== null);
		return {
			subject: format(m[keys.subject], { title: meeting.title }),
			body: paragraphs.join('\n\n')
		};
	};
}

/**
 * Tells the citizen about a meeting change through their channels (notifications/route.ts): an
 * e-mail or SMS for a digital citizen; for an analog one a letter in their own language with the
 * time, place, agenda and whom to call, queued for print, and its audit row.
 */
async function notifyMeeting(
	trx: Trx,
	actor: StaffActor,
	kind: Kind,
	meeting: MeetingTimePlace & {
		id: string;
		journeyId: string;
		citizenId: string;
		title: string;
		agenda: string | null;
		whatToBring: string | null;
	},
	entryId: string,
	now: Date
): Promise<MeetingChangeResult['letter']> {
	const [citizen, sender] = await Promise.all([
		citizenPostalDetails(trx, meeting.citizenId),
		staffContact(trx, actor.staffId)
	]);
	const letter = meetingLetter(kind, meeting, citizen.name, sender);
	const routed = await notifyCitizen(
		trx,
		{
			citizenId: meeting.citizenId,
			type: eventTypes[kind],
			sourceId: entryId,
			journeyId: meeting.journeyId,
			timelineEntryId: entryId,
			departmentId: actor.departmentId,
			authorStaffId: actor.staffId,
			letter
		},
		now
	);
	if (routed.letter) {
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: 'letter',
			objectId: routed.letter.id,
			citizenId: meeting.citizenId
		});
	}
	return routed.letter;
}

export const eventTypes = {
	invite: 'meeting_invite',
	moved: 'meeting_moved',
	cancelled: 'meeting_cancelled'
} as const;

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
		const entry = await appendTimelineEntry(trx, {
			journey_id: journeyId,
			kind: 'meeting',
			visibility: 'citizen',
			author_staff_id: actor.staffId,
			department_id: actor.departmentId,
			...meetingEntryTexts('invite', input.title, input),
			occurred_at: now,
			meeting_id: meeting.id
		});
		await auditStaff(trx, actor, {
			action: 'create',
			objectType: 'meeting',
			objectId: meeting.id,
			citizenId
		});
		const letter = await notifyMeeting(
			trx,
			actor,
			'invite',
			{ ...input, id: meeting.id, journeyId, citizenId },
			entry.id,
			now
		);
		return { meetingId: meeting.id, letter };
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

/**
 * What moving and cancelling both record, in the caller's transaction: a citizen-visible meeting
 * entry, the audit row, and a letter when the citizen is analog.
 */
async function recordMeetingChange(
	trx: Trx,
	actor: StaffActor,
	meeting: StaffMeeting,
	kind: 'moved' | 'cancelled',
	timePlace: MeetingTimePlace,
	details: { agenda: string | null; whatToBring: string | null },
	now: Date
): Promise<MeetingChangeResult> {
	const entry = await appendTimelineEntry(trx, {
		journey_id: meeting.journey_id,
		kind: 'meeting',
		visibility: 'citizen',
		author_staff_id: actor.staffId,
		department_id: actor.departmentId,
		...meetingEntryTexts(kind, meeting.title, timePlace),
		occurred_at: now,
		meeting_id: meeting.id
	});
	await auditStaff(trx, actor, {
		action: 'update',
		objectType: 'meeting',
		objectId: meeting.id,
		citizenId: meeting.citizenId
	});
	const letter = await notifyMeeting(
		trx,
		actor,
		kind,
		{
			...timePlace,
			...details,
			id: meeting.id,
			journeyId: meeting.journey_id,
			citizenId: meeting.citizenId,
			title: meeting.title
		},
		entry.id,
		now
	);
	return { meetingId: meeting.id, letter };
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
		const details = { agenda: meeting.agenda, whatToBring: meeting.what_to_bring };
		return recordMeetingChange(trx, actor, meeting, 'moved', change, details, now);
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
		const details = { agenda: null, whatToBring: null };
		return recordMeetingChange(trx, actor, meeting, 'cancelled', timePlace, details, now);
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
		const entry = await appendTimelineEntry(trx, {
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
		});
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: 'meeting',
			objectId: meeting.id,
			citizenId: meeting.citizenId
		});
		const citizen = await citizenPostalDetails(trx, meeting.citizenId);
		const sender = await staffContact(trx, actor.staffId);
		await notifyCitizen(
			trx,
			{
				citizenId: meeting.citizenId,
				type: 'meeting_minutes',
				sourceId: entry.id,
				journeyId: meeting.journey_id,
				timelineEntryId: entry.id,
				departmentId: actor.departmentId,
				authorStaffId: actor.staffId,
				letter: entryLetter(entry, citizen.name, sender)
			},
			now
		);
		return true;
	});
}

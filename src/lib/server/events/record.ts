// One recorder for every citizen-visible event (a timeline entry by staff or a department system,
// a message, a meeting invitation, move, cancellation or minutes, a coordination or plan change, a
// consent receipt), so that each is stored the same way whoever causes it. In the caller's
// transaction, never its own, it writes:
//
// 1. the event's timeline entries (none, one, or one per journey as consent writes);
// 2. the audit row of the changed object by the actor, with the actor's purpose;
// 3. the citizen's notifications through notifyCitizen (e-mail/SMS, or a queued letter for an
//    analog citizen), unless what it wrote is for staff only;
// 4. when a letter was queued, the letter's own audit row, by the same actor with the same purpose,
//    because a letter carries personal data out of the building (docs/RULES.md, access rule 6).
import type { Transaction } from 'kysely';
import type { Locale } from '../../i18n/locale';
import { loadCitizenFacts } from '../db/access-facts';
import { recordAuditEvent } from '../db/audit';
import type { DigitalChannel } from '../../domain';
import type { AuditAction } from '../../domain';
import type { Database, Stamped, TimelineEntriesTable } from '../db/schema';
import { citizenPostalDetails, staffContact } from '../db/staff-meetings';
import { appendTimelineEntry, type TimelineEntry } from '../db/timeline';
import {
	entryLetter,
	notifyCitizen,
	type EventType,
	type LetterContent,
	type LetterSender
} from '../notifications/route';
import type { StaffActor } from '../access/staff';
import { auditRow, purposeFor, type EventActor, type StaffPurpose } from './actor';
import * as clock from '../clock';
import { isCitizenVisible } from '../access/policy';

type Trx = Transaction<Database>;
export type NewTimelineEntry = Stamped<TimelineEntriesTable, 'occurred_at' | 'created_at'>;

/** What a letter about the event is written from. */
export interface LetterFacts {
	citizenName: string;
	sender: LetterSender;
	/** The event's first timeline entry, if it has one. */
	entry: TimelineEntry | null;
}

export interface CitizenVisibleEvent {
	citizenId: string;
	type: EventType;
	/** The timeline entries to write; the notification points at the first. */
	entries: readonly NewTimelineEntry[];
	/** Stores an entry when the caller needs its own insert; appendTimelineEntry otherwise. */
	writeEntry?: (entry: NewTimelineEntry) => Promise<TimelineEntry>;
	/** The changed object, for its audit row; `id` defaults to the first entry's. */
	object: { action: AuditAction; type: string; id?: string };
	/** Staff only: why they acted. Without it, purposeFor the citizen as they are now. */
	purpose?: StaffPurpose;
	/** The id of what happened, for the idempotency keys; defaults to the first entry's id. */
	sourceId?: string;
	/** The sending department; defaults to the first entry's. */
	departmentId?: string | null;
	/** Who the letter's timeline entry names as author; defaults to the first entry's author. */
	authorStaffId?: string | null;
	/** Who signs the letter; defaults to the acting member of staff, or the municipality. */
	sender?: LetterSender;
	/** What the letter says; defaults to entryLetter of the first entry. */
	letter?: (facts: LetterFacts) => (language: Locale) => LetterContent;
	/** A meeting's start, for an invitation whose letter cannot wait for the day's bundle. */
	meetingStartsAt?: Date;
}

export interface RecordedEvent {
	/** The first timeline entry written, if any; `entries` has them all. */
	entry: TimelineEntry | null;
	entries: TimelineEntry[];
	/** The queued letter when the citizen is analog, with the address it goes to. */
	letter: { id: string; address: string } | null;
	/** The e-mail and SMS channels notified; none for an analog citizen or a staff-only entry. */
	channels: DigitalChannel[];
}

/** Why a member of staff acts on this citizen, as the access facts show it now. */
export async function staffPurpose(
	trx: Trx,
	actor: StaffActor,
	citizenId: string
): Promise<StaffPurpose> {
	const facts = await loadCitizenFacts(trx, citizenId);
	if (!facts) throw new Error('Unknown citizen');
	return purposeFor(actor, facts);
}

export async function recordEvent(
	trx: Trx,
	actor: EventActor,
	event: CitizenVisibleEvent,
	now: Date = clock.now()
): Promise<RecordedEvent> {
	const write = event.writeEntry ?? ((entry) => appendTimelineEntry(trx, entry));
	const entries: TimelineEntry[] = [];
	for (const entry of event.entries) entries.push(await write(entry));
	const first = entries[0] ?? null;

	const purpose =
		actor.kind === 'staff'
			? (event.purpose ?? (await staffPurpose(trx, actor, event.citizenId)))
			: undefined;
	const audit = (action: AuditAction, objectType: string, objectId: string) =>
		recordAuditEvent(
			trx,
			auditRow(actor, { action, objectType, objectId, citizenId: event.citizenId, purpose })
		);
	const objectId = event.object.id ?? first?.id;
	if (!objectId) throw new Error('An event without an entry must name its object');
	await audit(event.object.action, event.object.type, objectId);

	// The one place that decides who is told: an entry that only staff see notifies nobody.
	if (!entries.every(isCitizenVisible)) {
		return { entry: first, entries, letter: null, channels: [] };
	}
	const [citizen, sender] = await Promise.all([
		citizenPostalDetails(trx, event.citizenId),
		event.sender !== undefined
			? event.sender
			: actor.kind === 'staff'
				? staffContact(trx, actor.staffId)
				: null
	]);
	const facts: LetterFacts = { citizenName: citizen.name, sender, entry: first };
	const letter = event.letter
		? event.letter(facts)
		: first
			? entryLetter(first, citizen.name, sender)
			: null;
	if (!letter) throw new Error('An event without an entry must say what its letter says');
	const sourceId = event.sourceId ?? first?.id;
	if (!sourceId) throw new Error('An event without an entry must name its source');

	const routed = await notifyCitizen(
		trx,
		{
			citizenId: event.citizenId,
			type: event.type,
			sourceId,
			journeyId: first?.journey_id ?? null,
			timelineEntryId: first?.id ?? null,
			departmentId:
				event.departmentId !== undefined ? event.departmentId : (first?.department_id ?? null),
			authorStaffId:
				event.authorStaffId !== undefined ? event.authorStaffId : (first?.author_staff_id ?? null),
			meetingStartsAt: event.meetingStartsAt ?? null,
			letter
		},
		now
	);
	if (routed.letter) await audit('create', 'letter', routed.letter.id);
	return { entry: first, entries, ...routed };
}

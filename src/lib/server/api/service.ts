// What the integration API does, once handler.ts has authenticated the key and validated the
// request: upsert citizens and the department's cases, append timeline entries and plan or change
// meetings on the journey that holds a case, and read them back. Each change runs in the caller's
// transaction with its audit row (actor_type 'system', the key's department, purpose "api:<key
// prefix>"), and a citizen-visible entry or meeting notifies the citizen (a letter when analog)
// through the same routing as one written by staff.
import type { Kysely, Transaction } from 'kysely';
import { encryptCpr, hashCpr, type CprKeys } from '../crypto/cpr';
import {
	citizenExists,
	departmentAsSender,
	departmentMeetingRefTaken,
	findCitizenForDepartment,
	findDepartmentCase,
	findDepartmentEntry,
	findDepartmentMeeting,
	findDepartmentStaffByEmail,
	insertDepartmentCase,
	insertDepartmentEntry,
	insertDepartmentMeeting,
	listDepartmentEntriesForCase,
	openJourneyOfCase,
	updateDepartmentCase,
	updateMeetingDetails,
	upsertCitizen,
	type ApiCase,
	type ApiEntry,
	type ApiMeeting
} from '../db/api';
import { recordAuditEvent } from '../db/audit';
import type { Database } from '../db/schema';
import type { AuditAction } from '../../domain';
import {
	citizenPostalDetails,
	markMeetingCancelled,
	rescheduleMeeting,
	staffContact
} from '../db/staff-meetings';
import { appendTimelineEntry } from '../db/timeline';
import { entryLetter, notifyCitizen, type LetterSender } from '../notifications/route';
import {
	eventTypes,
	isChangeable,
	meetingEntryTexts,
	meetingLetter,
	type MeetingChangeKind
} from '../staff-meetings/service';
import { ApiProblem, problems } from './problem';
import type {
	CaseInput,
	CaseOutput,
	CitizenInput,
	CitizenOutput,
	EntryInput,
	EntryOutput,
	MeetingInput,
	MeetingOutput
} from './schemas';
import * as clock from '../clock';

type Trx = Transaction<Database>;
type Db = Kysely<Database> | Trx;

/** The department system behind a key. */
export interface ApiClient {
	keyId: string;
	departmentId: string;
	prefix: string;
}

export interface ApiAnswer<T> {
	status: number;
	body: T;
}

async function audit(
	db: Db,
	client: ApiClient,
	event: { action: AuditAction; objectType: string; objectId: string; citizenId: string | null }
): Promise<void> {
	await recordAuditEvent(db, {
		actor_type: 'system',
		actor_staff_id: null,
		actor_citizen_id: null,
		actor_department_id: client.departmentId,
		actor_role: null,
		action: event.action,
		object_type: event.objectType,
		object_id: event.objectId,
		citizen_id: event.citizenId,
		purpose: `api:${client.prefix}`
	});
}

// ---------------------------------------------------------------------------------------------
// Citizens

export async function putCitizen(
	trx: Trx,
	client: ApiClient,
	keys: CprKeys,
	input: CitizenInput
): Promise<ApiAnswer<{ citizenId: string; created: boolean }>> {
	const result = await upsertCitizen(trx, {
		cprHash: hashCpr(keys, input.cpr),
		cprEncrypted: encryptCpr(keys, input.cpr),
		name: input.name,
		coName: input.coName,
		addressLine: input.addressLine,
		postalCode: input.postalCode,
		city: input.city,
		preferredLanguage: input.preferredLanguage
	});
	await audit(trx, client, {
		action: result.created ? 'create' : 'update',
		objectType: 'citizen',
		objectId: result.id,
		citizenId: result.id
	});
	return {
		status: result.created ? 201 : 200,
		body: { citizenId: result.id, created: result.created }
	};
}

export async function getCitizen(
	db: Db,
	client: ApiClient,
	citizenId: string
): Promise<CitizenOutput> {
	const row = await findCitizenForDepartment(db, client.departmentId, citizenId);
	if (!row) throw problems.notFound('citizen');
	await audit(db, client, { action: 'read', objectType: 'citizen', objectId: row.id, citizenId });
	return {
		citizenId: row.id,
		name: row.name,
		coName: row.co_name,
		addressLine: row.address_line,
		postalCode: row.postal_code,
		city: row.city,
		preferredLanguage: row.preferred_language,
		analog: row.analog
	};
}

// ---------------------------------------------------------------------------------------------
// Cases

function iso(date: Date): string {
	return date.toISOString();
}

export function caseOutput(row: ApiCase): CaseOutput {
	return {
		externalRef: row.external_ref ?? '',
		caseId: row.id,
		citizenId: row.citizen_id,
		kleNumber: row.kle_number,
		title: row.title,
		titleEn: row.title_en,
		status: row.status,
		caseworkerEmail: row.caseworker_email,
		nextStep: row.next_step,
		nextStepEn: row.next_step_en,
		nextStepDue: row.next_step_due,
		waitingOn: row.waiting_on,
		journeyIds: row.journey_ids,
		openedAt: iso(row.opened_at),
		updatedAt: iso(row.updated_at)
	};
}

function fieldProblem(pointer: string, detail: string): ApiProblem {
	return problems.validation([{ pointer, detail }]);
}

export async function putCase(
	trx: Trx,
	client: ApiClient,
	externalRef: string,
	input: CaseInput,
	now: Date = clock.now()
): Promise<ApiAnswer<CaseOutput>> {
	let caseworkerId: string | null = null;
	if (input.caseworkerEmail) {
		const staff = await findDepartmentStaffByEmail(trx, client.departmentId, input.caseworkerEmail);
		if (!staff) {
			throw fieldProblem(
				'/caseworkerEmail',
				'No active member of staff in your department has this e-mail address'
			);
		}
		caseworkerId = staff.id;
	}
	const values = {
		kle_number: input.kleNumber,
		title: input.title,
		title_en: input.titleEn,
		status: input.status,
		waiting_on: input.waitingOn,
		next_step: input.nextStep,
		next_step_en: input.nextStepEn,
		next_step_due: input.nextStepDue,
		caseworker_id: caseworkerId
	};
	const decidedOrClosed = {
		decided_at: input.status === 'decided' || input.status === 'closed' ? now : null,
		closed_at: input.status === 'closed' ? now : null
	};
	const existing = await findDepartmentCase(trx, client.departmentId, externalRef, {
		forUpdate: true
	});
	if (!existing) {
		if (!(await citizenExists(trx, input.citizenId))) {
			throw fieldProblem(
				'/citizenId',
				'Unknown citizen: create them with POST /api/v1/citizens first'
			);
		}
		const id = await insertDepartmentCase(trx, {
			...values,
			...decidedOrClosed,
			citizen_id: input.citizenId,
			department_id: client.departmentId,
			external_ref: externalRef,
			opened_at: now,
			updated_at: now
		});
		// A concurrent request made the same case first; its idempotency key differs, so the
		// client learns it from a conflict and can PUT again.
		if (!id)
			throw problems.conflict('case-exists', 'Case changed meanwhile', 'Try the request again.');
		await audit(trx, client, {
			action: 'create',
			objectType: 'case',
			objectId: id,
			citizenId: input.citizenId
		});
		const created = await findDepartmentCase(trx, client.departmentId, externalRef);
		return { status: 201, body: caseOutput(created!) };
	}
	if (existing.citizen_id !== input.citizenId) {
		throw fieldProblem('/citizenId', 'The case belongs to another citizen; a case cannot move');
	}
	const unchanged = (Object.keys(values) as (keyof typeof values)[]).every(
		(key) => existing[key] === values[key]
	);
	if (!unchanged) {
		await updateDepartmentCase(
			trx,
			existing.id,
			{
				...values,
				// Keep the first time a case was decided or closed; reopening clears it.
				decided_at: decidedOrClosed.decided_at ? (existing.decided_at ?? now) : null,
				closed_at: decidedOrClosed.closed_at ? (existing.closed_at ?? now) : null
			},
			now
		);
		await audit(trx, client, {
			action: 'update',
			objectType: 'case',
			objectId: existing.id,
			citizenId: existing.citizen_id
		});
	}
	const updated = await findDepartmentCase(trx, client.departmentId, externalRef);
	return { status: 200, body: caseOutput(updated!) };
}

/** The department's case, or a 404 problem (also for another department's case). */
export async function requireCase(
	db: Db,
	client: ApiClient,
	externalRef: string
): Promise<ApiCase> {
	const found = await findDepartmentCase(db, client.departmentId, externalRef);
	if (!found) throw problems.notFound('case');
	return found;
}

export async function getCase(db: Db, client: ApiClient, externalRef: string): Promise<CaseOutput> {
	const found = await requireCase(db, client, externalRef);
	await audit(db, client, {
		action: 'read',
		objectType: 'case',
		objectId: found.id,
		citizenId: found.citizen_id
	});
	return caseOutput(found);
}

async function requireOpenJourney(db: Db, found: ApiCase) {
	const journey = await openJourneyOfCase(db, found.id);
	if (!journey) {
		throw problems.conflict(
			'case-not-in-journey',
			'Case is in no open journey',
			'Timeline entries and meetings go to the journey that holds the case. A coordinator must add the case to a journey first.'
		);
	}
	return journey;
}

/** Who signs letters about the case: its caseworker, or the department. */
async function senderFor(
	db: Db,
	client: ApiClient,
	found: ApiCase
): Promise<NonNullable<LetterSender>> {
	return found.caseworker_id
		? staffContact(db, found.caseworker_id)
		: departmentAsSender(db, client.departmentId);
}

// ---------------------------------------------------------------------------------------------
// Timeline entries

export function entryOutput(row: ApiEntry): EntryOutput {
	return {
		externalRef: row.external_ref ?? '',
		entryId: row.id,
		journeyId: row.journey_id,
		kind: row.kind as EntryOutput['kind'],
		visibility: row.visibility,
		title: row.title,
		titleEn: row.title_en,
		body: row.body,
		bodyEn: row.body_en,
		occurredAt: iso(row.occurred_at)
	};
}

function sameEntry(row: ApiEntry, input: EntryInput): boolean {
	return (
		row.kind === input.kind &&
		row.visibility === input.visibility &&
		row.title === input.title &&
		row.title_en === input.titleEn &&
		row.body === input.body &&
		row.body_en === input.bodyEn
	);
}

export async function postEntry(
	trx: Trx,
	client: ApiClient,
	caseRef: string,
	input: EntryInput,
	now: Date = clock.now()
): Promise<ApiAnswer<EntryOutput>> {
	const found = await requireCase(trx, client, caseRef);
	const existing = await findDepartmentEntry(trx, client.departmentId, input.externalRef);
	if (existing) {
		// Entries are append-only: the same entry again is answered as before, a different one with
		// the same reference is refused.
		if (found.journey_ids.includes(existing.journey_id) && sameEntry(existing, input)) {
			return { status: 200, body: entryOutput(existing) };
		}
		throw problems.conflict(
			'entry-exists',
			'Entry reference in use',
			'Your department already sent another entry with this externalRef; entries cannot be changed.'
		);
	}
	const journey = await requireOpenJourney(trx, found);
	const row = await insertDepartmentEntry(trx, {
		journey_id: journey.id,
		kind: input.kind,
		visibility: input.visibility,
		author_staff_id: null,
		author_citizen_id: null,
		department_id: client.departmentId,
		title: input.title,
		title_en: input.titleEn,
		body: input.body,
		body_en: input.bodyEn,
		occurred_at: input.occurredAt ? new Date(input.occurredAt) : now,
		external_ref: input.externalRef
	});
	if (!row) {
		throw problems.conflict('entry-exists', 'Entry reference in use', 'Try the request again.');
	}
	await audit(trx, client, {
		action: 'create',
		objectType: 'timeline_entry',
		objectId: row.id,
		citizenId: journey.citizenId
	});
	if (row.visibility === 'citizen') {
		const [citizen, sender] = await Promise.all([
			citizenPostalDetails(trx, journey.citizenId),
			senderFor(trx, client, found)
		]);
		const routed = await notifyCitizen(
			trx,
			{
				citizenId: journey.citizenId,
				type: input.kind,
				sourceId: row.id,
				journeyId: journey.id,
				timelineEntryId: row.id,
				departmentId: client.departmentId,
				authorStaffId: null,
				letter: entryLetter(row, citizen.name, sender)
			},
			now
		);
		if (routed.letter) {
			await audit(trx, client, {
				action: 'create',
				objectType: 'letter',
				objectId: routed.letter.id,
				citizenId: journey.citizenId
			});
		}
	}
	return { status: 201, body: entryOutput(row) };
}

export async function listEntries(
	db: Db,
	client: ApiClient,
	caseRef: string
): Promise<{ entries: EntryOutput[] }> {
	const found = await requireCase(db, client, caseRef);
	const rows = await listDepartmentEntriesForCase(db, client.departmentId, found.id);
	await audit(db, client, {
		action: 'read',
		objectType: 'case',
		objectId: found.id,
		citizenId: found.citizen_id
	});
	return { entries: rows.map(entryOutput) };
}

// ---------------------------------------------------------------------------------------------
// Meetings

export function meetingOutput(row: ApiMeeting): MeetingOutput {
	return {
		externalRef: row.external_ref ?? '',
		meetingId: row.id,
		journeyId: row.journey_id,
		title: row.title,
		titleEn: row.title_en,
		startsAt: iso(row.starts_at),
		endsAt: iso(row.ends_at),
		location: row.location,
		videoUrl: row.video_url,
		agenda: row.agenda,
		whatToBring: row.what_to_bring,
		cancelled: row.cancelled_at !== null,
		citizenResponse: row.citizen_response
	};
}

async function recordMeetingChange(
	trx: Trx,
	client: ApiClient,
	found: ApiCase,
	kind: MeetingChangeKind,
	meeting: ApiMeeting,
	citizenId: string,
	now: Date
): Promise<void> {
	const timePlace = {
		startsAt: meeting.starts_at,
		endsAt: meeting.ends_at,
		location: meeting.location,
		videoUrl: meeting.video_url
	};
	const entry = await appendTimelineEntry(trx, {
		journey_id: meeting.journey_id,
		kind: 'meeting',
		visibility: 'citizen',
		author_staff_id: null,
		department_id: client.departmentId,
		...meetingEntryTexts(kind, meeting.title, timePlace),
		occurred_at: now,
		meeting_id: meeting.id
	});
	const [citizen, sender] = await Promise.all([
		citizenPostalDetails(trx, citizenId),
		senderFor(trx, client, found)
	]);
	const details = {
		...timePlace,
		title: meeting.title,
		agenda: kind === 'cancelled' ? null : meeting.agenda,
		whatToBring: kind === 'cancelled' ? null : meeting.what_to_bring
	};
	const routed = await notifyCitizen(
		trx,
		{
			citizenId,
			type: eventTypes[kind],
			sourceId: entry.id,
			journeyId: meeting.journey_id,
			timelineEntryId: entry.id,
			departmentId: client.departmentId,
			authorStaffId: found.caseworker_id,
			letter: meetingLetter(kind, details, citizen.name, sender)
		},
		now
	);
	if (routed.letter) {
		await audit(trx, client, {
			action: 'create',
			objectType: 'letter',
			objectId: routed.letter.id,
			citizenId
		});
	}
}

export async function putMeeting(
	trx: Trx,
	client: ApiClient,
	caseRef: string,
	meetingRef: string,
	input: MeetingInput,
	now: Date = clock.now()
): Promise<ApiAnswer<MeetingOutput>> {
	const found = await requireCase(trx, client, caseRef);
	const startsAt = new Date(input.startsAt);
	const endsAt = new Date(input.endsAt);
	const existing = await findDepartmentMeeting(trx, client.departmentId, found.id, meetingRef, {
		forUpdate: true
	});
	if (!existing) {
		if (await departmentMeetingRefTaken(trx, client.departmentId, meetingRef)) {
			throw problems.conflict(
				'meeting-ref-in-use',
				'Meeting reference in use',
				'Your department uses this meeting reference for a meeting on another case.'
			);
		}
		if (input.cancelled) throw fieldProblem('/cancelled', 'A new meeting cannot be cancelled');
		if (startsAt.getTime() <= now.getTime()) {
			throw fieldProblem('/startsAt', 'A new meeting must start in the future');
		}
		const journey = await requireOpenJourney(trx, found);
		const meeting = await insertDepartmentMeeting(trx, {
			journey_id: journey.id,
			department_id: client.departmentId,
			external_ref: meetingRef,
			title: input.title,
			title_en: input.titleEn,
			starts_at: startsAt,
			ends_at: endsAt,
			location: input.location,
			video_url: input.videoUrl,
			agenda: input.agenda,
			what_to_bring: input.whatToBring,
			organizer_staff_id: found.caseworker_id,
			citizen_response_reason: null,
			citizen_responded_at: null,
			minutes: null,
			cancelled_at: null,
			created_at: now
		});
		if (!meeting) {
			throw problems.conflict(
				'meeting-ref-in-use',
				'Meeting reference in use',
				'Try the request again.'
			);
		}
		await audit(trx, client, {
			action: 'create',
			objectType: 'meeting',
			objectId: meeting.id,
			citizenId: journey.citizenId
		});
		await recordMeetingChange(trx, client, found, 'invite', meeting, journey.citizenId, now);
		return { status: 201, body: meetingOutput(meeting) };
	}

	const citizenId = found.citizen_id;
	const moved =
		existing.starts_at.getTime() !== startsAt.getTime() ||
		existing.ends_at.getTime() !== endsAt.getTime() ||
		existing.location !== input.location ||
		existing.video_url !== input.videoUrl;
	const cancelling = input.cancelled && existing.cancelled_at === null;
	const texts =
		existing.title !== input.title ||
		existing.title_en !== input.titleEn ||
		existing.agenda !== input.agenda ||
		existing.what_to_bring !== input.whatToBring;
	if (!moved && !cancelling && !texts && input.cancelled === (existing.cancelled_at !== null)) {
		return { status: 200, body: meetingOutput(existing) };
	}
	if (!isChangeable(existing, now) || (existing.cancelled_at !== null && !input.cancelled)) {
		throw problems.conflict(
			'meeting-closed',
			'Meeting cannot be changed',
			'The meeting is cancelled or has started; plan a new meeting with a new reference.'
		);
	}
	if (moved && startsAt.getTime() <= now.getTime()) {
		throw fieldProblem('/startsAt', 'A meeting can only be moved to a time in the future');
	}
	if (texts) {
		await updateMeetingDetails(trx, existing.id, {
			title: input.title,
			title_en: input.titleEn,
			agenda: input.agenda,
			what_to_bring: input.whatToBring
		});
	}
	if (moved) {
		await rescheduleMeeting(trx, existing.id, {
			startsAt,
			endsAt,
			location: input.location,
			videoUrl: input.videoUrl
		});
	}
	if (cancelling) await markMeetingCancelled(trx, existing.id, now);
	await audit(trx, client, {
		action: 'update',
		objectType: 'meeting',
		objectId: existing.id,
		citizenId
	});
	const current = (await findDepartmentMeeting(trx, client.departmentId, found.id, meetingRef))!;
	// A cancellation is the news; otherwise a move is. Changed texts alone notify nobody.
	if (cancelling)
		await recordMeetingChange(trx, client, found, 'cancelled', current, citizenId, now);
	else if (moved) await recordMeetingChange(trx, client, found, 'moved', current, citizenId, now);
	return { status: 200, body: meetingOutput(current) };
}

export async function getMeeting(
	db: Db,
	client: ApiClient,
	caseRef: string,
	meetingRef: string
): Promise<MeetingOutput> {
	const found = await requireCase(db, client, caseRef);
	const meeting = await findDepartmentMeeting(db, client.departmentId, found.id, meetingRef);
	if (!meeting) throw problems.notFound('meeting');
	await audit(db, client, {
		action: 'read',
		objectType: 'meeting',
		objectId: meeting.id,
		citizenId: found.citizen_id
	});
	return meetingOutput(meeting);
}

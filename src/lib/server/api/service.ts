// What the integration API does, once handler.ts has authenticated the key and validated the
// request: upsert citizens and the department's cases, append timeline entries and plan or change
// meetings on the journey that holds a case, and read them back. Each change runs in the caller's
// transaction with its audit row (actor_type 'system', the key's department, purpose "api:<key
// prefix>"); entries and meeting changes are recorded through recordEvent (events/record.ts), so a
// citizen-visible one notifies the citizen (a letter when analog) exactly as one by staff.
import type { Transaction } from 'kysely';
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
import { markMeetingCancelled, rescheduleMeeting, staffContact } from '../db/staff-meetings';
import { auditRow, type ApiActor } from '../events/actor';
import { recordEvent } from '../events/record';
import { recordMeetingChange, type MeetingChangeKind } from '../meetings/change';
import type { LetterSender } from '../notifications/route';
import { isChangeable } from '../meetings/service';
import { caseOutput, entryOutput, meetingOutput } from './output';
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
import type { Executor } from '../db/executor';
import { isCitizenVisible } from '../access/policy';

type Trx = Transaction<Database>;
type Db = Executor;

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

/** The key as the actor of what it does: the audit row's department and purpose "api:<prefix>". */
export function apiActor(client: ApiClient): ApiActor {
	return { kind: 'api', departmentId: client.departmentId, prefix: client.prefix };
}

async function audit(
	db: Db,
	client: ApiClient,
	event: { action: AuditAction; objectType: string; objectId: string; citizenId: string | null }
): Promise<void> {
	await recordAuditEvent(db, auditRow(apiActor(client), event));
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
	const recorded = await recordEvent(
		trx,
		apiActor(client),
		{
			citizenId: journey.citizenId,
			type: input.kind,
			entries: [
				{
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
				}
			],
			// The department's reference is unique: a twin request that stored it first wins.
			writeEntry: async (entry) => {
				const row = await insertDepartmentEntry(trx, { ...entry, occurred_at: entry.occurred_at! });
				if (!row) {
					throw problems.conflict(
						'entry-exists',
						'Entry reference in use',
						'Try the request again.'
					);
				}
				return row;
			},
			object: { action: 'create', type: 'timeline_entry' },
			// Only a citizen-visible entry needs its signature.
			sender: isCitizenVisible(input) ? await senderFor(trx, client, found) : null
		},
		now
	);
	return { status: 201, body: entryOutput(recorded.entry!) };
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

/** Records the meeting's change as its caseworker would: the letter is signed and authored by them. */
async function recordApiMeetingChange(
	trx: Trx,
	client: ApiClient,
	found: ApiCase,
	kind: MeetingChangeKind,
	meeting: ApiMeeting,
	now: Date
): Promise<void> {
	await recordMeetingChange(
		trx,
		apiActor(client),
		kind,
		{
			id: meeting.id,
			journeyId: meeting.journey_id,
			citizenId: found.citizen_id,
			title: meeting.title,
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			location: meeting.location,
			videoUrl: meeting.video_url,
			agenda: meeting.agenda,
			whatToBring: meeting.what_to_bring
		},
		{ sender: await senderFor(trx, client, found), letterAuthorStaffId: found.caseworker_id },
		now
	);
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
		await recordApiMeetingChange(trx, client, found, 'invite', meeting, now);
		return { status: 201, body: meetingOutput(meeting) };
	}

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
	const current = (await findDepartmentMeeting(trx, client.departmentId, found.id, meetingRef))!;
	// A cancellation is the news; otherwise a move is. Changed texts alone notify nobody, but are
	// a change of the meeting all the same.
	if (cancelling || moved) {
		await recordApiMeetingChange(
			trx,
			client,
			found,
			cancelling ? 'cancelled' : 'moved',
			current,
			now
		);
	} else {
		await audit(trx, client, {
			action: 'update',
			objectType: 'meeting',
			objectId: existing.id,
			citizenId: found.citizen_id
		});
	}
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

// All SQL of the integration API (/api/v1): idempotency records, citizens as a department system
// sends them, and the department's own cases, timeline entries and meetings found by the
// department system's references. Every look-up is limited to one department, so a key can never
// reach another department's objects.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CasesTable, Database, MeetingsTable, Stamped, TimelineEntriesTable } from './schema';
import type { CaseStatus, Language, WaitingOn } from '../../domain';
import { analogNow } from './analog';
import { journeyWritable } from './retention';
import * as clock from '../clock';
import type { Executor } from './executor';

// ---------------------------------------------------------------------------------------------
// Idempotency

export interface IdempotencyRequest {
	apiKeyId: string;
	key: string;
	method: string;
	path: string;
	requestHash: string;
}

export interface IdempotencyRecord {
	method: string;
	path: string;
	requestHash: string;
	statusCode: number | null;
	responseBody: unknown;
}

/**
 * Claims an Idempotency-Key by inserting its row first: the primary key lets exactly one of
 * several concurrent requests win. The losers get the existing record. A claim whose request never
 * finished (the process died) is taken over once it is older than `staleBefore`.
 */
export async function claimIdempotencyKey(
	db: Kysely<Database>,
	request: IdempotencyRequest,
	staleBefore: Date
): Promise<{ claimed: true } | { claimed: false; existing: IdempotencyRecord }> {
	const values = {
		api_key_id: request.apiKeyId,
		idempotency_key: request.key,
		method: request.method,
		path: request.path,
		request_hash: request.requestHash,
		created_at: clock.now()
	};
	const inserted = await db
		.insertInto('api_idempotency')
		.values(values)
		.onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing())
		.returning('api_key_id')
		.executeTakeFirst();
	if (inserted) return { claimed: true };
	const takenOver = await db
		.updateTable('api_idempotency')
		.set(values)
		.where('api_key_id', '=', request.apiKeyId)
		.where('idempotency_key', '=', request.key)
		.where('status_code', 'is', null)
		.where('created_at', '<', staleBefore)
		.executeTakeFirst();
	if (Number(takenOver.numUpdatedRows) === 1) return { claimed: true };
	const row = await db
		.selectFrom('api_idempotency')
		.select(['method', 'path', 'request_hash', 'status_code', 'response_body'])
		.where('api_key_id', '=', request.apiKeyId)
		.where('idempotency_key', '=', request.key)
		.executeTakeFirst();
	// Released between our insert and select: the caller may simply try again.
	if (!row) return claimIdempotencyKey(db, request, staleBefore);
	return {
		claimed: false,
		existing: {
			method: row.method,
			path: row.path,
			requestHash: row.request_hash,
			statusCode: row.status_code,
			responseBody: row.response_body
		}
	};
}

/** Stores the answer, in the transaction of the change it answers. */
export async function completeIdempotencyKey(
	trx: Executor,
	apiKeyId: string,
	key: string,
	answer: { status: number; body: unknown }
): Promise<void> {
	await trx
		.updateTable('api_idempotency')
		.set({
			status_code: answer.status,
			response_body: JSON.stringify(answer.body),
			completed_at: clock.now()
		})
		.where('api_key_id', '=', apiKeyId)
		.where('idempotency_key', '=', key)
		.execute();
}

/** Gives a key back after a request that changed nothing (an error), so it can be retried. */
export async function releaseIdempotencyKey(
	db: Executor,
	apiKeyId: string,
	key: string
): Promise<void> {
	await db
		.deleteFrom('api_idempotency')
		.where('api_key_id', '=', apiKeyId)
		.where('idempotency_key', '=', key)
		.where('status_code', 'is', null)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Citizens

export interface ApiCitizenValues {
	cprHash: string;
	cprEncrypted: string;
	name: string;
	coName: string | null;
	addressLine: string | null;
	postalCode: string | null;
	city: string | null;
	preferredLanguage: Language | undefined;
}

/** Creates the citizen or brings name and address up to date; the CPR number itself never changes. */
export async function upsertCitizen(
	trx: Transaction<Database>,
	values: ApiCitizenValues
): Promise<{ id: string; created: boolean }> {
	const now = clock.now();
	const existing = await trx
		.selectFrom('citizens')
		.select('id')
		.where('cpr_hash', '=', values.cprHash)
		.forUpdate()
		.executeTakeFirst();
	const details = {
		name: values.name,
		co_name: values.coName,
		address_line: values.addressLine,
		postal_code: values.postalCode,
		city: values.city,
		...(values.preferredLanguage ? { preferred_language: values.preferredLanguage } : {})
	};
	if (existing) {
		await trx
			.updateTable('citizens')
			.set({ ...details, updated_at: now })
			.where('id', '=', existing.id)
			.execute();
		return { id: existing.id, created: false };
	}
	// A concurrent request for the same CPR number inserts too: the unique hash lets one win and
	// the other update the row it made.
	const row = await trx
		.insertInto('citizens')
		.values({
			cpr_hash: values.cprHash,
			cpr_encrypted: values.cprEncrypted,
			...details,
			created_at: now,
			updated_at: now
		})
		.onConflict((oc) => oc.column('cpr_hash').doUpdateSet({ ...details, updated_at: now }))
		.returning(['id', sql<boolean>`xmax = 0`.as('inserted')])
		.executeTakeFirstOrThrow();
	return { id: row.id, created: row.inserted };
}

/** True while the department has a case (of any status) for the citizen. */
export async function departmentHasCitizen(
	db: Executor,
	departmentId: string,
	citizenId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('cases')
		.select('id')
		.where('department_id', '=', departmentId)
		.where('citizen_id', '=', citizenId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** The citizen as the department may see them, without the CPR number; undefined when unknown. */
export async function findCitizenForDepartment(
	db: Executor,
	departmentId: string,
	citizenId: string
) {
	return db
		.selectFrom('citizens as c')
		.select([
			'c.id',
			'c.name',
			'c.co_name',
			'c.address_line',
			'c.postal_code',
			'c.city',
			'c.preferred_language',
			analogNow(sql.ref('c.id')).as('analog')
		])
		.where('c.id', '=', citizenId)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('cases as k')
					.select('k.id')
					.whereRef('k.citizen_id', '=', 'c.id')
					.where('k.department_id', '=', departmentId)
			)
		)
		.executeTakeFirst();
}

export async function citizenExists(db: Executor, citizenId: string): Promise<boolean> {
	const row = await db
		.selectFrom('citizens')
		.select('id')
		.where('id', '=', citizenId)
		.executeTakeFirst();
	return row !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Cases

export type ApiCase = Selectable<CasesTable> & {
	caseworker_email: string | null;
	journey_ids: string[];
};

/** The department's case with this reference, or undefined (also for another department's). */
export async function findDepartmentCase(
	db: Executor,
	departmentId: string,
	externalRef: string,
	options: { forUpdate?: boolean } = {}
): Promise<ApiCase | undefined> {
	let query = db
		.selectFrom('cases as c')
		.selectAll('c')
		.where('c.department_id', '=', departmentId)
		.where('c.external_ref', '=', externalRef);
	if (options.forUpdate) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	if (!row) return undefined;
	const [caseworker, journeys] = await Promise.all([
		row.caseworker_id
			? db
					.selectFrom('staff_users')
					.select('email')
					.where('id', '=', row.caseworker_id)
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('journey_cases as jc')
			.innerJoin('journeys as j', 'j.id', 'jc.journey_id')
			.select('j.id')
			.where('jc.case_id', '=', row.id)
			.orderBy('j.started_at')
			.orderBy('j.id')
			.execute()
	]);
	return {
		...row,
		caseworker_email: caseworker?.email ?? null,
		journey_ids: journeys.map((j) => j.id)
	};
}

/** An active member of the department with this e-mail address (case-insensitive). */
export async function findDepartmentStaffByEmail(
	db: Executor,
	departmentId: string,
	email: string
): Promise<{ id: string } | undefined> {
	return db
		.selectFrom('staff_users')
		.select('id')
		.where('department_id', '=', departmentId)
		.where('active', '=', true)
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
		.executeTakeFirst();
}

export interface CaseValues {
	kle_number: string;
	title: string;
	title_en: string | null;
	status: CaseStatus;
	waiting_on: WaitingOn | null;
	next_step: string | null;
	next_step_en: string | null;
	next_step_due: string | null;
	caseworker_id: string | null;
}

/**
 * Creates the case, or does nothing when a concurrent request made it first (the unique
 * reference per department decides); returns the new id or null.
 */
export async function insertDepartmentCase(
	trx: Transaction<Database>,
	row: Insertable<CasesTable>
): Promise<string | null> {
	const inserted = await trx
		.insertInto('cases')
		.values(row)
		.onConflict((oc) =>
			oc
				.columns(['department_id', 'external_ref'])
				.where('external_ref', 'is not', null)
				.doNothing()
		)
		.returning('id')
		.executeTakeFirst();
	return inserted?.id ?? null;
}

export async function updateDepartmentCase(
	trx: Transaction<Database>,
	caseId: string,
	values: CaseValues & { decided_at?: Date | null; closed_at?: Date | null },
	now: Date
): Promise<void> {
	await trx
		.updateTable('cases')
		.set({ ...values, updated_at: now })
		.where('id', '=', caseId)
		.execute();
}

/**
 * The journey that takes the department system's entries and meetings for a case: the newest
 * journey holding the case that is not closed. Null when the case is in no open journey.
 */
export async function openJourneyOfCase(
	db: Executor,
	caseId: string
): Promise<{ id: string; citizenId: string } | null> {
	const row = await db
		.selectFrom('journey_cases as jc')
		.innerJoin('journeys as j', 'j.id', 'jc.journey_id')
		.select(['j.id', 'j.citizen_id'])
		.where('jc.case_id', '=', caseId)
		.where('j.status', '!=', 'closed')
		.where(journeyWritable('j'))
		.orderBy('j.started_at', 'desc')
		.orderBy('j.id')
		.limit(1)
		.executeTakeFirst();
	return row ? { id: row.id, citizenId: row.citizen_id } : null;
}

// ---------------------------------------------------------------------------------------------
// Timeline entries

export type ApiEntry = Selectable<TimelineEntriesTable>;

/** The department's entry with this reference, or undefined. */
export async function findDepartmentEntry(
	db: Executor,
	departmentId: string,
	externalRef: string
): Promise<ApiEntry | undefined> {
	return db
		.selectFrom('timeline_entries')
		.selectAll()
		.where('department_id', '=', departmentId)
		.where('external_ref', '=', externalRef)
		.executeTakeFirst();
}

/**
 * Inserts the entry unless the department already has one with its reference (then null): the
 * unique reference per department settles a race between two requests.
 */
export async function insertDepartmentEntry(
	trx: Transaction<Database>,
	row: Stamped<TimelineEntriesTable, 'created_at'>
): Promise<ApiEntry | null> {
	const inserted = await trx
		.insertInto('timeline_entries')
		.values({ ...row, created_at: row.created_at ?? clock.now() })
		.onConflict((oc) =>
			oc
				.columns(['department_id', 'external_ref'])
				.where('external_ref', 'is not', null)
				.doNothing()
		)
		.returningAll()
		.executeTakeFirst();
	return inserted ?? null;
}

/** The entries the department sent through the API to the journeys that hold the case, oldest first. */
export async function listDepartmentEntriesForCase(
	db: Executor,
	departmentId: string,
	caseId: string,
	limit = 500
): Promise<ApiEntry[]> {
	return db
		.selectFrom('timeline_entries as t')
		.selectAll('t')
		.where('t.department_id', '=', departmentId)
		.where('t.external_ref', 'is not', null)
		.where('t.journey_id', 'in', (eb) =>
			eb.selectFrom('journey_cases').select('journey_id').where('case_id', '=', caseId)
		)
		.orderBy('t.occurred_at')
		.orderBy('t.id')
		.limit(limit)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Meetings

export type ApiMeeting = Selectable<MeetingsTable>;

/** The department's meeting with this reference on one of the case's journeys, or undefined. */
export async function findDepartmentMeeting(
	db: Executor,
	departmentId: string,
	caseId: string,
	meetingRef: string,
	options: { forUpdate?: boolean } = {}
): Promise<ApiMeeting | undefined> {
	let query = db
		.selectFrom('meetings as m')
		.selectAll('m')
		.where('m.department_id', '=', departmentId)
		.where('m.external_ref', '=', meetingRef)
		.where('m.journey_id', 'in', (eb) =>
			eb.selectFrom('journey_cases').select('journey_id').where('case_id', '=', caseId)
		);
	if (options.forUpdate) query = query.forUpdate();
	return query.executeTakeFirst();
}

/** True when the department uses this meeting reference for any meeting (on any case). */
export async function departmentMeetingRefTaken(
	db: Executor,
	departmentId: string,
	meetingRef: string
): Promise<boolean> {
	const row = await db
		.selectFrom('meetings')
		.select('id')
		.where('department_id', '=', departmentId)
		.where('external_ref', '=', meetingRef)
		.executeTakeFirst();
	return row !== undefined;
}

/** Inserts the meeting unless the department already has one with its reference (then null). */
export async function insertDepartmentMeeting(
	trx: Transaction<Database>,
	row: Insertable<MeetingsTable>
): Promise<ApiMeeting | null> {
	const inserted = await trx
		.insertInto('meetings')
		.values(row)
		.onConflict((oc) =>
			oc
				.columns(['department_id', 'external_ref'])
				.where('external_ref', 'is not', null)
				.doNothing()
		)
		.returningAll()
		.executeTakeFirst();
	return inserted ?? null;
}

/** Changes the meeting's texts (title, agenda, what to bring), which do not move it. */
export async function updateMeetingDetails(
	trx: Transaction<Database>,
	meetingId: string,
	values: {
		title: string;
		title_en: string | null;
		agenda: string | null;
		what_to_bring: string | null;
	}
): Promise<void> {
	await trx.updateTable('meetings').set(values).where('id', '=', meetingId).execute();
}

/** A department signing a letter when no caseworker is named, in the shape staffContact returns. */
export async function departmentAsSender(db: Executor, departmentId: string) {
	const row = await db
		.selectFrom('departments')
		.select(['name', 'phone'])
		.where('id', '=', departmentId)
		.executeTakeFirstOrThrow();
	return {
		name: row.name,
		phone: null,
		departmentName: null,
		departmentNameEn: null,
		departmentPhone: row.phone
	};
}

// Consent (docs/RULES.md, access rule 4): the citizen's specific, revocable permission for one
// department to see what the other departments write on the shared timeline. The table is a log of
// events; the latest row per (citizen, department) is the consent in force.
import { sql, type Expression, type Selectable, type Transaction } from 'kysely';
import type { ConsentsTable, Database, Stamped } from './schema';
import type { ConsentAction, ConsentChannel } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export type Consent = Selectable<ConsentsTable>;

/**
 * The departments whose consent from this citizen is in force now: the latest row for the
 * department says 'granted'. Read on every request (no cache), so a withdrawal counts at once.
 */
export async function consentedDepartmentIds(db: Executor, citizenId: string): Promise<string[]> {
	const row = await db
		.selectNoFrom(consentedDepartmentsNow(sql.val(citizenId)).as('ids'))
		.executeTakeFirstOrThrow();
	return row.ids;
}

/**
 * The same as a SQL expression over the citizen's id, for queries that read it with other facts in
 * one round trip: the one place the rule "the latest row per department says granted" is written.
 */
export function consentedDepartmentsNow(citizenId: Expression<string>) {
	return sql<string[]>`array(
		select latest.department_id::text from (
			select distinct on (fact_consent.department_id) fact_consent.department_id, fact_consent.action
			from consents fact_consent
			where fact_consent.citizen_id = ${citizenId}
			order by fact_consent.department_id, fact_consent.occurred_at desc, fact_consent.id desc
		) latest
		where latest.action = 'granted'
		order by latest.department_id
	)`;
}

/** The latest consent row per department for this citizen (departments without rows are absent). */
export async function latestConsents(db: Executor, citizenId: string): Promise<Consent[]> {
	return (
		db
			.selectFrom('consents')
			.selectAll()
			.distinctOn('department_id')
			.where('citizen_id', '=', citizenId)
			// occurred_at has microseconds in the database; id only breaks exact ties deterministically.
			.orderBy('department_id')
			.orderBy('occurred_at', 'desc')
			.orderBy('id', 'desc')
			.execute()
	);
}

/** The latest consent row for one department, or undefined when there is none. */
export async function latestConsent(
	db: Executor,
	citizenId: string,
	departmentId: string
): Promise<Consent | undefined> {
	return db
		.selectFrom('consents')
		.selectAll()
		.where('citizen_id', '=', citizenId)
		.where('department_id', '=', departmentId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export interface ConsentDepartment {
	id: string;
	name: string;
	nameEn: string;
}

/**
 * The departments a citizen can give or withdraw consent for: those where they have a case (in any
 * status), and any department whose consent is in force, so a consent can always be withdrawn.
 */
export async function consentDepartments(
	db: Executor,
	citizenId: string
): Promise<ConsentDepartment[]> {
	const granted = await consentedDepartmentIds(db, citizenId);
	return db
		.selectFrom('departments as d')
		.select(['d.id', 'd.name', 'd.name_en as nameEn'])
		.where((eb) => {
			const withCase = eb.exists(
				eb
					.selectFrom('cases as c')
					.select('c.id')
					.whereRef('c.department_id', '=', 'd.id')
					.where('c.citizen_id', '=', citizenId)
			);
			return granted.length > 0 ? eb.or([withCase, eb('d.id', 'in', granted)]) : withCase;
		})
		.orderBy('d.name')
		.execute();
}

/** Serialises consent changes for one citizen, so two quick clicks cannot both write a row. */
export async function lockCitizenForConsent(trx: Transaction<Database>, citizenId: string) {
	return trx
		.selectFrom('citizens')
		.select(['id', 'name'])
		.where('id', '=', citizenId)
		.forUpdate()
		.executeTakeFirst();
}

export async function insertConsent(
	db: Executor,
	row: Stamped<ConsentsTable, 'occurred_at'> & { action: ConsentAction; channel: ConsentChannel }
): Promise<Consent> {
	return db
		.insertInto('consents')
		.values({ ...row, occurred_at: row.occurred_at ?? clock.now() })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** The citizen's journeys that are not closed and include a case of the department. */
export async function openJourneyIdsWithDepartment(
	db: Executor,
	citizenId: string,
	departmentId: string
): Promise<string[]> {
	const rows = await db
		.selectFrom('journeys as j')
		.innerJoin('journey_cases as jc', 'jc.journey_id', 'j.id')
		.innerJoin('cases as c', 'c.id', 'jc.case_id')
		.select('j.id')
		.distinct()
		.where('j.citizen_id', '=', citizenId)
		.where('j.status', '<>', 'closed')
		.where('c.department_id', '=', departmentId)
		.orderBy('j.id')
		.execute();
	return rows.map((r) => r.id);
}

/** One consent event as the history and the receipt show it. */
export interface ConsentEvent {
	id: string;
	action: ConsentAction;
	channel: ConsentChannel;
	occurredAt: Date;
	departmentId: string;
	departmentName: string;
	departmentNameEn: string;
	recordedByCitizenId: string | null;
	recordedByCitizenName: string | null;
	/** Staff are shown by their department, not by name. */
	recordedByStaffDepartmentName: string | null;
	recordedByStaffDepartmentNameEn: string | null;
	recordedByStaff: boolean;
}

function consentEvents(db: Executor) {
	return db
		.selectFrom('consents as k')
		.innerJoin('departments as d', 'd.id', 'k.department_id')
		.leftJoin('citizens as rc', 'rc.id', 'k.recorded_by_citizen_id')
		.leftJoin('staff_users as s', 's.id', 'k.recorded_by_staff_id')
		.leftJoin('departments as sd', 'sd.id', 's.department_id')
		.select([
			'k.id',
			'k.action',
			'k.channel',
			'k.occurred_at as occurredAt',
			'k.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'k.recorded_by_citizen_id as recordedByCitizenId',
			'rc.name as recordedByCitizenName',
			'sd.name as recordedByStaffDepartmentName',
			'sd.name_en as recordedByStaffDepartmentNameEn',
			'k.recorded_by_staff_id as recordedByStaffId'
		]);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof consentEvents>['execute']>>[number];

function toEvent({ recordedByStaffId, ...row }: EventRow): ConsentEvent {
	return { ...row, recordedByStaff: recordedByStaffId !== null };
}

/** Every consent change of a citizen, newest first. */
export async function listConsentHistory(db: Executor, citizenId: string): Promise<ConsentEvent[]> {
	const rows = await consentEvents(db)
		.where('k.citizen_id', '=', citizenId)
		.orderBy('k.occurred_at', 'desc')
		.orderBy('k.id', 'desc')
		.execute();
	return rows.map(toEvent);
}

/** One consent change, only when it is this citizen's (else undefined, as for a missing one). */
export async function findCitizenConsent(
	db: Executor,
	consentId: string,
	citizenId: string
): Promise<ConsentEvent | undefined> {
	const row = await consentEvents(db)
		.where('k.id', '=', consentId)
		.where('k.citizen_id', '=', citizenId)
		.executeTakeFirst();
	return row ? toEvent(row) : undefined;
}

/** Every consent change of a citizen for the staff workspace, newest first. */
export async function listConsentHistoryForStaff(db: Executor, citizenId: string) {
	return db
		.selectFrom('consents as k')
		.innerJoin('departments as d', 'd.id', 'k.department_id')
		.leftJoin('citizens as rc', 'rc.id', 'k.recorded_by_citizen_id')
		.leftJoin('staff_users as s', 's.id', 'k.recorded_by_staff_id')
		.select([
			'k.id',
			'k.action',
			'k.channel',
			'k.occurred_at as occurredAt',
			'k.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'rc.name as recordedByCitizenName',
			's.name as recordedByStaffName',
			'k.witness',
			'k.note'
		])
		.where('k.citizen_id', '=', citizenId)
		.orderBy('k.occurred_at', 'desc')
		.orderBy('k.id', 'desc')
		.execute();
}

/**
 * One consent event as staff see it: who recorded it by name (a citizen or a member of staff), how,
 * the witness and the note. The query above is its one definition.
 */
export type StaffConsentEvent = Awaited<ReturnType<typeof listConsentHistoryForStaff>>[number];

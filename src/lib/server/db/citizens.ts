import { sql } from 'kysely';
import * as clock from '../clock';
import type { Executor } from './executor';

export async function findCitizenIdByCprHash(db: Executor, cprHash: string) {
	return db
		.selectFrom('citizens')
		.select(['id', 'name', 'preferred_language'])
		.where('cpr_hash', '=', cprHash)
		.executeTakeFirst();
}

export async function createCitizen(
	db: Executor,
	values: { cprEncrypted: string; cprHash: string; name: string }
) {
	const now = clock.now();
	return db
		.insertInto('citizens')
		.values({
			cpr_encrypted: values.cprEncrypted,
			cpr_hash: values.cprHash,
			name: values.name,
			created_at: now,
			updated_at: now
		})
		.returning(['id', 'name', 'preferred_language'])
		.executeTakeFirstOrThrow();
}

/** What a staff search shows of a citizen: name and address. */
/** Name and how to reach the citizen: what the top of every staff page about them shows. */
/**
 * A citizen's address for staff pages: null, field by field, under name and address protection
 * (navne- og adressebeskyttelse), which no page staff can open may show (docs/DIGITAL-POST.md).
 */
const shown = (column: 'co_name' | 'address_line' | 'postal_code' | 'city', alias = '') =>
	sql<
		string | null
	>`case when ${sql.ref(`${alias}address_protected`)} then null else ${sql.ref(`${alias}${column}`)} end`;

export async function citizenContactCard(db: Executor, citizenId: string) {
	return db
		.selectFrom('citizens')
		.select([
			'id',
			'name',
			shown('co_name').as('co_name'),
			shown('address_line').as('address_line'),
			shown('postal_code').as('postal_code'),
			shown('city').as('city'),
			'address_protected',
			'phone',
			'email'
		])
		.where('id', '=', citizenId)
		.executeTakeFirstOrThrow();
}

export interface CitizenSearchRow {
	id: string;
	name: string;
	coName: string | null;
	addressLine: string | null;
	postalCode: string | null;
	city: string | null;
}

/**
 * Citizens whose name contains `text`, ignoring case (LIKE wildcards in `text` are literal), first
 * by name. With a `reader`, only citizens that staff member may see by access rule 3 (an open case
 * of their department, or a journey they coordinate): so that the first `limit` matches are
 * theirs, not the municipality's. The caller still asks the policy about each row.
 */
export async function searchCitizensByName(
	db: Executor,
	text: string,
	limit = 200,
	reader?: { staffId: string; departmentId: string | null }
): Promise<CitizenSearchRow[]> {
	const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return db
		.selectFrom('citizens as c')
		.select([
			'c.id',
			'c.name',
			shown('co_name', 'c.').as('coName'),
			shown('address_line', 'c.').as('addressLine'),
			shown('postal_code', 'c.').as('postalCode'),
			shown('city', 'c.').as('city')
		])
		.where((eb) => eb(eb.fn('lower', ['c.name']), 'like', pattern))
		.$if(reader !== undefined, (q) =>
			q.where((eb) =>
				eb.or([
					eb.exists(
						eb
							.selectFrom('cases as k')
							.select('k.id')
							.whereRef('k.citizen_id', '=', 'c.id')
							.where('k.status', '<>', 'closed')
							.where('k.department_id', '=', reader!.departmentId)
					),
					eb.exists(
						eb
							.selectFrom('journeys as j')
							.select('j.id')
							.whereRef('j.citizen_id', '=', 'c.id')
							.where('j.status', '<>', 'closed')
							.where('j.coordinator_id', '=', reader!.staffId)
					)
				])
			)
		)
		.orderBy('c.name')
		.orderBy('c.id')
		.limit(limit)
		.execute();
}

/** The citizen with this keyed CPR hash, as a search result. */
export async function findCitizenSearchRowByCprHash(
	db: Executor,
	cprHash: string
): Promise<CitizenSearchRow | undefined> {
	return db
		.selectFrom('citizens')
		.select([
			'id',
			'name',
			shown('co_name').as('coName'),
			shown('address_line').as('addressLine'),
			shown('postal_code').as('postalCode'),
			shown('city').as('city')
		])
		.where('cpr_hash', '=', cprHash)
		.executeTakeFirst();
}

/** Every case of the citizen, with its department and caseworker, for the staff citizen view. */
export async function listCitizenCasesForStaff(db: Executor, citizenId: string) {
	return db
		.selectFrom('cases as c')
		.innerJoin('departments as d', 'd.id', 'c.department_id')
		.leftJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select([
			'c.id',
			'c.department_id as departmentId',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'c.title',
			'c.title_en as titleEn',
			'c.kle_number as kleNumber',
			'c.status',
			'c.waiting_on as waitingOn',
			'c.next_step as nextStep',
			'c.next_step_en as nextStepEn',
			'c.next_step_due as nextStepDue',
			's.name as caseworkerName',
			's.phone as caseworkerPhone'
		])
		.where('c.citizen_id', '=', citizenId)
		.orderBy((eb) => eb.case().when('c.status', '=', 'closed').then(1).else(0).end())
		.orderBy('d.name')
		.orderBy('c.opened_at')
		.orderBy('c.id')
		.execute();
}

/** The citizen's journeys with their coordinator, for the staff citizen view. */
export async function listCitizenJourneysForStaff(db: Executor, citizenId: string) {
	return db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			'j.id',
			'j.title',
			'j.title_en as titleEn',
			'j.status',
			'j.coordinator_id as coordinatorId',
			's.name as coordinatorName',
			's.phone as coordinatorPhone',
			'd.name as coordinatorDepartment',
			'd.name_en as coordinatorDepartmentEn'
		])
		.where('j.citizen_id', '=', citizenId)
		.orderBy('j.started_at')
		.orderBy('j.id')
		.execute();
}

/** The citizen's stored postal address, with its protection and date, for a letter (address.ts). */
export async function storedPostalAddress(db: Executor, citizenId: string) {
	return db
		.selectFrom('citizens')
		.select([
			'name',
			'co_name',
			'address_line',
			'postal_code',
			'city',
			'address_protected',
			'address_updated_at'
		])
		.where('id', '=', citizenId)
		.executeTakeFirst();
}

/**
 * The address as the CPR register gave it, dated, unless a newer one is stored already. A
 * protected address is not stored: letters to it go by remote print, which gets it from the request.
 */
export async function storeRegisterAddress(
	db: Executor,
	citizenId: string,
	record: {
		co: string | null;
		street: string;
		postcode: string;
		city: string;
		addressProtected: boolean;
		updatedAt: Date;
	}
) {
	await db
		.updateTable('citizens')
		.set({
			co_name: record.addressProtected ? null : record.co,
			address_line: record.addressProtected ? null : record.street,
			postal_code: record.addressProtected ? null : record.postcode,
			city: record.addressProtected ? null : record.city,
			address_protected: record.addressProtected,
			address_updated_at: record.updatedAt
		})
		.where('id', '=', citizenId)
		.where((eb) =>
			eb.or([
				eb('address_updated_at', 'is', null),
				eb('address_updated_at', '<=', record.updatedAt)
			])
		)
		.execute();
}

// Administration: departments and staff users as administrators see and change them.
// No case content is read here (docs/RULES.md, access rule 5). Functions take the executor first, so the
// caller's transaction holds the change together with its audit row.
import type { StaffRole } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

export interface DepartmentInput {
	slug: string;
	name: string;
	nameEn: string;
	kleArea: string;
	phone: string | null;
	email: string | null;
	address: string | null;
	openingHours: string | null;
}

export interface DepartmentRow extends DepartmentInput {
	id: string;
	createdAt: Date;
}

const departmentColumns = [
	'id',
	'slug',
	'name',
	'name_en',
	'kle_area',
	'phone',
	'email',
	'address',
	'opening_hours',
	'created_at'
] as const;

function toDepartment(r: {
	id: string;
	slug: string;
	name: string;
	name_en: string;
	kle_area: string;
	phone: string | null;
	email: string | null;
	address: string | null;
	opening_hours: string | null;
	created_at: Date;
}): DepartmentRow {
	return {
		id: r.id,
		slug: r.slug,
		name: r.name,
		nameEn: r.name_en,
		kleArea: r.kle_area,
		phone: r.phone,
		email: r.email,
		address: r.address,
		openingHours: r.opening_hours,
		createdAt: r.created_at
	};
}

function departmentValues(input: DepartmentInput) {
	return {
		slug: input.slug,
		name: input.name,
		name_en: input.nameEn,
		kle_area: input.kleArea,
		phone: input.phone,
		email: input.email,
		address: input.address,
		opening_hours: input.openingHours
	};
}

export async function listDepartments(db: Executor): Promise<DepartmentRow[]> {
	const rows = await db
		.selectFrom('departments')
		.select(departmentColumns)
		.orderBy('name')
		.orderBy('id')
		.execute();
	return rows.map(toDepartment);
}

export async function findDepartment(db: Executor, id: string): Promise<DepartmentRow | null> {
	const row = await db
		.selectFrom('departments')
		.select(departmentColumns)
		.where('id', '=', id)
		.executeTakeFirst();
	return row ? toDepartment(row) : null;
}

/** True when another department than `exceptId` has this slug. */
export async function departmentSlugTaken(
	db: Executor,
	slug: string,
	exceptId: string | null
): Promise<boolean> {
	let query = db.selectFrom('departments').select('id').where('slug', '=', slug);
	if (exceptId) query = query.where('id', '<>', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function insertDepartment(db: Executor, input: DepartmentInput): Promise<string> {
	const row = await db
		.insertInto('departments')
		.values({ ...departmentValues(input), created_at: clock.now() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** False when the department does not exist. */
export async function updateDepartment(
	db: Executor,
	id: string,
	input: DepartmentInput
): Promise<boolean> {
	const result = await db
		.updateTable('departments')
		.set(departmentValues(input))
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface StaffUserInput {
	name: string;
	email: string;
	role: StaffRole;
	departmentId: string | null;
	phone: string | null;
}

export interface StaffUserRow extends StaffUserInput {
	id: string;
	active: boolean;
	departmentName: string | null;
	departmentNameEn: string | null;
	createdAt: Date;
}

function staffQuery(db: Executor) {
	return db
		.selectFrom('staff_users as s')
		.leftJoin('departments as d', 'd.id', 's.department_id')
		.select([
			's.id',
			's.name',
			's.email',
			's.role',
			's.department_id',
			's.phone',
			's.active',
			's.created_at',
			'd.name as department_name',
			'd.name_en as department_name_en'
		]);
}

function toStaffUser(r: {
	id: string;
	name: string;
	email: string;
	role: StaffRole;
	department_id: string | null;
	phone: string | null;
	active: boolean;
	created_at: Date;
	department_name: string | null;
	department_name_en: string | null;
}): StaffUserRow {
	return {
		id: r.id,
		name: r.name,
		email: r.email,
		role: r.role,
		departmentId: r.department_id,
		phone: r.phone,
		active: r.active,
		createdAt: r.created_at,
		departmentName: r.department_name,
		departmentNameEn: r.department_name_en
	};
}

export async function listStaffUsers(
	db: Executor,
	filter: { departmentId?: string | null; role?: StaffRole | null } = {}
): Promise<StaffUserRow[]> {
	let query = staffQuery(db).orderBy('s.name').orderBy('s.id');
	if (filter.departmentId) query = query.where('s.department_id', '=', filter.departmentId);
	if (filter.role) query = query.where('s.role', '=', filter.role);
	return (await query.execute()).map(toStaffUser);
}

export async function findStaffUser(db: Executor, id: string): Promise<StaffUserRow | null> {
	const row = await staffQuery(db).where('s.id', '=', id).executeTakeFirst();
	return row ? toStaffUser(row) : null;
}

/** Locks a staff user's row for the rest of the transaction (for the last-admin check). */
export async function lockStaffUser(db: Executor, id: string): Promise<StaffUserRow | null> {
	const row = await db
		.selectFrom('staff_users')
		.select('id')
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
	return row ? findStaffUser(db, id) : null;
}

/** True when another staff user than `exceptId` has this e-mail (stored lower-case). */
export async function staffEmailTaken(
	db: Executor,
	email: string,
	exceptId: string | null
): Promise<boolean> {
	let query = db.selectFrom('staff_users').select('id').where('email', '=', email);
	if (exceptId) query = query.where('id', '<>', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

export async function insertStaffUser(db: Executor, input: StaffUserInput): Promise<string> {
	const row = await db
		.insertInto('staff_users')
		.values({
			created_at: clock.now(),
			name: input.name,
			email: input.email,
			role: input.role,
			department_id: input.departmentId,
			phone: input.phone
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateStaffUser(
	db: Executor,
	id: string,
	input: Pick<StaffUserInput, 'role' | 'departmentId' | 'phone' | 'name'>
): Promise<boolean> {
	const result = await db
		.updateTable('staff_users')
		.set({
			name: input.name,
			role: input.role,
			department_id: input.departmentId,
			phone: input.phone
		})
		.where('id', '=', id)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setStaffUserActive(
	db: Executor,
	id: string,
	active: boolean
): Promise<boolean> {
	const result = await db
		.updateTable('staff_users')
		.set({ active })
		.where('id', '=', id)
		.where('active', '=', !active)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Active administrators, with their rows locked, so that two administrators demoting each other at
 * the same moment cannot both pass the "not the last administrator" check.
 */
export async function lockActiveAdmins(db: Executor): Promise<string[]> {
	const rows = await db
		.selectFrom('staff_users')
		.select('id')
		.where('role', '=', 'admin')
		.where('active', '=', true)
		.orderBy('id')
		.forUpdate()
		.execute();
	return rows.map((r) => r.id);
}

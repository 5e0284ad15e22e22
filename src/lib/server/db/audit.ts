import { sql } from 'kysely';
import { isUuid } from '../../uuid';
import { currentRequestId } from '../log';
import type { NewAuditEvent } from './schema';
import type { AuditAction, AuditActorType, StaffRole } from '../../domain';
import * as clock from '../clock';
import type { Executor } from './executor';

/** Appends one row to the audit trail (the table accepts INSERT only). */
export async function recordAuditEvent(db: Executor, event: NewAuditEvent): Promise<void> {
	// The request's id (null in jobs and scripts) ties the row to the request's log lines.
	await db
		.insertInto('audit_events')
		.values({
			request_id: currentRequestId(),
			...event,
			occurred_at: event.occurred_at ?? clock.now()
		})
		.execute();
}

/** Appends several rows to the audit trail in one statement (a search's rows, one per match). */
export async function recordAuditEvents(db: Executor, events: NewAuditEvent[]): Promise<void> {
	if (events.length === 0) return;
	const requestId = currentRequestId();
	const now = clock.now();
	await db
		.insertInto('audit_events')
		.values(
			events.map((event) => ({
				request_id: requestId,
				...event,
				occurred_at: event.occurred_at ?? now
			}))
		)
		.execute();
}

/** The audit rows about one citizen, newest first: "who has looked at my data". */
export async function listAuditEventsForCitizen(db: Executor, citizenId: string, limit = 50) {
	return db
		.selectFrom('audit_events')
		.selectAll()
		.where('citizen_id', '=', citizenId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

/** One row of "who has looked at my data", with the names the citizen may see. */
export interface CitizenAuditRow {
	id: string;
	occurredAt: Date;
	actorType: AuditActorType;
	action: AuditAction;
	objectType: string;
	purpose: string | null;
	/** The department the staff member acted for, as recorded at the time. */
	department: { id: string; name: string; nameEn: string } | null;
	/** Only when the municipality shows staff names (AUDIT_SHOW_STAFF_NAMES); otherwise null. */
	staffName: string | null;
	staffRole: StaffRole | null;
	/** The citizen's representative: the citizen knows them, so the name is always shown. */
	representativeName: string | null;
}

/**
 * Where the next page starts: the exact time (microseconds, UTC, as PostgreSQL stores it) and id of
 * the last row of the previous page. A JavaScript Date holds only milliseconds, and rows written in
 * one transaction share their now() to the microsecond, so a Date cursor could skip rows.
 */
export interface AuditCursor {
	occurredAt: string;
	id: string;
}

export interface CitizenAuditPage {
	rows: CitizenAuditRow[];
	next: AuditCursor | null;
}

export interface CitizenAuditOptions {
	/** Show staff names (the municipality's choice, AUDIT_SHOW_STAFF_NAMES). */
	staffNames: boolean;
}

const EXACT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * The audit rows about a citizen that others made: staff, representatives and the system. The
 * citizen's own actions (their logins, what they changed themselves) are left out: they are not
 * "someone looking at my data".
 */
function citizenAuditQuery(db: Executor, citizenId: string) {
	return db
		.selectFrom('audit_events as a')
		.leftJoin('departments as d', 'd.id', 'a.actor_department_id')
		.leftJoin('staff_users as s', 's.id', 'a.actor_staff_id')
		.leftJoin('citizens as c', 'c.id', 'a.actor_citizen_id')
		.select([
			'a.id',
			'a.occurred_at',
			sql<string>`to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
				'exact_time'
			),
			'a.actor_type',
			'a.action',
			'a.object_type',
			'a.purpose',
			'a.actor_department_id',
			'd.name as department_name',
			'd.name_en as department_name_en',
			's.name as staff_name',
			's.role as staff_role',
			'c.name as actor_citizen_name'
		])
		.where('a.citizen_id', '=', citizenId)
		.where((eb) =>
			eb.or([
				eb('a.actor_type', '<>', 'citizen'),
				eb('a.actor_citizen_id', 'is distinct from', citizenId)
			])
		)
		.orderBy('a.occurred_at', 'desc')
		.orderBy('a.id', 'desc');
}

type RawAuditRow = Awaited<
	ReturnType<ReturnType<typeof citizenAuditQuery>['executeTakeFirstOrThrow']>
>;

function toCitizenAuditRow(row: RawAuditRow, options: CitizenAuditOptions): CitizenAuditRow {
	const isStaff = row.actor_type === 'staff';
	return {
		id: row.id,
		occurredAt: row.occurred_at,
		actorType: row.actor_type,
		action: row.action,
		objectType: row.object_type,
		purpose: row.purpose,
		department:
			row.actor_department_id && row.department_name
				? {
						id: row.actor_department_id,
						name: row.department_name,
						nameEn: row.department_name_en ?? row.department_name
					}
				: null,
		staffName: isStaff && options.staffNames ? row.staff_name : null,
		staffRole: isStaff ? row.staff_role : null,
		representativeName: row.actor_type === 'representative' ? row.actor_citizen_name : null
	};
}

/**
 * One page of "who has looked at my data", newest first, by keyset on (occurred_at, id).
 * `departmentId` keeps only what staff of that department did.
 */
export async function listAuditForCitizen(
	db: Executor,
	citizenId: string,
	options: CitizenAuditOptions & {
		after?: AuditCursor | null;
		limit?: number;
		departmentId?: string | null;
	}
): Promise<CitizenAuditPage> {
	const limit = Math.min(Math.max(options.limit ?? 25, 1), 100);
	let query = citizenAuditQuery(db, citizenId).limit(limit + 1);
	if (options.departmentId) query = query.where('a.actor_department_id', '=', options.departmentId);
	const after = options.after;
	if (after) {
		const time = sql<Date>`cast(${after.occurredAt} as timestamptz)`;
		query = query.where(
			// A row comparison, which the (occurred_at, id) index answers directly: the same
			// as "before in time, or at the same time with a lower id", spelled as an OR, which
			// PostgreSQL can only filter by, reading every newer entry first. The plain bound on
			// occurred_at says the same again for the planner, which cannot estimate a row
			// comparison (it guessed 12 rows of 2,266 and sorted them all instead of stopping at
			// the page's end), and lets it skip the newer audit partitions.
			sql<boolean>`(a.occurred_at <= ${time} and (a.occurred_at, a.id) < (${time}, ${after.id}))`
		);
	}
	const raw = await query.execute();
	const page = raw.slice(0, limit);
	const last = page.at(-1);
	return {
		rows: page.map((row) => toCitizenAuditRow(row, options)),
		next: raw.length > limit && last ? { occurredAt: last.exact_time, id: last.id } : null
	};
}

/** Every audit row about the citizen made by others, newest first (for "my data"). */
export async function allAuditForCitizen(
	db: Executor,
	citizenId: string,
	options: CitizenAuditOptions
): Promise<CitizenAuditRow[]> {
	const raw = await citizenAuditQuery(db, citizenId).execute();
	return raw.map((row) => toCitizenAuditRow(row, options));
}

/**
 * A time PostgreSQL will accept: the right shape, and a real calendar time (JavaScript would read
 * 30 February as 2 March, PostgreSQL refuses it, and a refusal must not become a 500).
 */
function isExactTime(time: string): boolean {
	if (!EXACT_TIME.test(time)) return false;
	const parsed = Date.parse(time);
	if (Number.isNaN(parsed) || parsed < Date.UTC(1970, 0, 1)) return false;
	return new Date(parsed).toISOString().slice(0, 19) === time.slice(0, 19);
}

/** Cursor as an opaque URL-safe string (it holds no personal data, only a time and an id). */
export function encodeAuditCursor(cursor: AuditCursor): string {
	return Buffer.from(`${cursor.occurredAt}|${cursor.id}`).toString('base64url');
}

/** A cursor from the URL, or null (the first page) when it is missing or not one of ours. */
export function decodeAuditCursor(value: string | null | undefined): AuditCursor | null {
	if (!value) return null;
	const [time, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
	if (rest.length > 0 || !time || !id || !isUuid(id) || !isExactTime(time)) return null;
	return { occurredAt: time, id };
}

/** The departments, for choosing which one's look-ups to show. */
export async function listDepartmentsForFilter(db: Executor) {
	return db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en as nameEn'])
		.orderBy('name')
		.execute();
}

// ---------------------------------------------------------------------------------------------
// The auditor's view: the whole trail across citizens, filtered, newest first.

/** What the auditor filters by. Dates are whole days in Danish time, both included. */
export interface AuditTrailFilter {
	from: string | null;
	to: string | null;
	staffId: string | null;
	departmentId: string | null;
	action: AuditAction | null;
	objectType: string | null;
	citizenId: string | null;
}

/** One row of the trail as the auditor sees it, with the names the codes refer to. */
export interface AuditTrailRow {
	id: string;
	occurredAt: Date;
	actorType: AuditActorType;
	actorRole: StaffRole | null;
	staffName: string | null;
	actorCitizenName: string | null;
	departmentName: string | null;
	departmentNameEn: string | null;
	action: AuditAction;
	objectType: string;
	objectId: string | null;
	citizenId: string | null;
	citizenName: string | null;
	purpose: string | null;
	criterion: string | null;
}

function auditTrailQuery(db: Executor, filter: AuditTrailFilter) {
	let query = db
		.selectFrom('audit_events as a')
		.leftJoin('departments as d', 'd.id', 'a.actor_department_id')
		.leftJoin('staff_users as s', 's.id', 'a.actor_staff_id')
		.leftJoin('citizens as ac', 'ac.id', 'a.actor_citizen_id')
		.leftJoin('citizens as c', 'c.id', 'a.citizen_id')
		.select([
			'a.id',
			'a.occurred_at as occurredAt',
			sql<string>`to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
				'exactTime'
			),
			'a.actor_type as actorType',
			'a.actor_role as actorRole',
			's.name as staffName',
			'ac.name as actorCitizenName',
			'd.name as departmentName',
			'd.name_en as departmentNameEn',
			'a.action',
			'a.object_type as objectType',
			'a.object_id as objectId',
			'a.citizen_id as citizenId',
			'c.name as citizenName',
			'a.purpose',
			'a.criterion'
		])
		.orderBy('a.occurred_at', 'desc')
		.orderBy('a.id', 'desc');
	// Whole days in Danish time: from the start of `from` to the end of `to`.
	if (filter.from) {
		query = query.where(
			'a.occurred_at',
			'>=',
			sql<Date>`(cast(${filter.from} as date)::timestamp at time zone 'Europe/Copenhagen')`
		);
	}
	if (filter.to) {
		query = query.where(
			'a.occurred_at',
			'<',
			sql<Date>`((cast(${filter.to} as date) + 1)::timestamp at time zone 'Europe/Copenhagen')`
		);
	}
	if (filter.staffId) query = query.where('a.actor_staff_id', '=', filter.staffId);
	if (filter.departmentId) query = query.where('a.actor_department_id', '=', filter.departmentId);
	if (filter.action) query = query.where('a.action', '=', filter.action);
	if (filter.objectType) query = query.where('a.object_type', '=', filter.objectType);
	if (filter.citizenId) query = query.where('a.citizen_id', '=', filter.citizenId);
	return query;
}

type RawTrailRow = Awaited<
	ReturnType<ReturnType<typeof auditTrailQuery>['executeTakeFirstOrThrow']>
>;

function toTrailRow({ exactTime, ...row }: RawTrailRow): AuditTrailRow {
	void exactTime;
	return row;
}

/** One page of the trail, newest first, by keyset on (occurred_at, id) like the citizen's page. */
export async function listAuditTrail(
	db: Executor,
	filter: AuditTrailFilter,
	options: { after?: AuditCursor | null; limit?: number } = {}
): Promise<{ rows: AuditTrailRow[]; next: AuditCursor | null }> {
	const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
	let query = auditTrailQuery(db, filter).limit(limit + 1);
	const after = options.after;
	if (after) {
		const time = sql<Date>`cast(${after.occurredAt} as timestamptz)`;
		query = query.where(
			// A row comparison, which the (occurred_at, id) index answers directly: the same
			// as "before in time, or at the same time with a lower id", spelled as an OR, which
			// PostgreSQL can only filter by, reading every newer entry first. The plain bound on
			// occurred_at says the same again for the planner, which cannot estimate a row
			// comparison (it guessed 12 rows of 2,266 and sorted them all instead of stopping at
			// the page's end), and lets it skip the newer audit partitions.
			sql<boolean>`(a.occurred_at <= ${time} and (a.occurred_at, a.id) < (${time}, ${after.id}))`
		);
	}
	const raw = await query.execute();
	const page = raw.slice(0, limit);
	const last = page.at(-1);
	return {
		rows: page.map(toTrailRow),
		next: raw.length > limit && last ? { occurredAt: last.exactTime, id: last.id } : null
	};
}

/** The trail for an export: every matching row up to `max`, newest first. */
export async function exportAuditTrail(
	db: Executor,
	filter: AuditTrailFilter,
	max: number
): Promise<AuditTrailRow[]> {
	const raw = await auditTrailQuery(db, filter).limit(max).execute();
	return raw.map(toTrailRow);
}

/** At most this many citizens are offered to choose from by name in the audit view. */
export const AUDIT_CITIZEN_CHOICES = 50;

/**
 * The citizens the trail is about whose name holds `name` (at least 2 characters; case does not
 * matter), to choose one by name (never by CPR), and the one already chosen. Listing every
 * citizen in the trail would be a municipality's whole population.
 */
export async function listAuditTrailCitizens(
	db: Executor,
	options: { name: string; chosenId: string | null }
) {
	const name = options.name.trim().toLowerCase();
	const chosen = options.chosenId && isUuid(options.chosenId) ? options.chosenId : null;
	if ([...name].length < 2 && !chosen) return [];
	const pattern = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	return db
		.selectFrom('citizens as c')
		.select(['c.id', 'c.name'])
		.where((eb) =>
			eb.or([
				...(chosen ? [eb('c.id', '=', chosen)] : []),
				...([...name].length >= 2
					? [
							eb.and([
								eb(eb.fn('lower', ['c.name']), 'like', pattern),
								// One index probe per candidate (a semi-join would read the whole trail).
								sql<boolean>`(select true from audit_events a where a.citizen_id = c.id limit 1)`
							])
						]
					: [])
			])
		)
		.orderBy('c.name')
		.orderBy('c.id')
		.limit(AUDIT_CITIZEN_CHOICES + 1)
		.execute();
}

/** At most this many staff users are offered to choose from in the audit view. */
export const AUDIT_STAFF_CHOICES = 50;

/**
 * The staff users to filter by who acted, by name: those whose name holds `name` (all of them
 * when it is empty), at most AUDIT_STAFF_CHOICES + 1 so the view can say that more match, and
 * always the one already chosen. A municipality has a thousand staff users: a list of all of
 * them is no choice, and it made the page weigh 230 KB. Asking which of them appear in the trail
 * would probe every monthly partition once per staff user, so one without rows finds none.
 */
export async function listAuditTrailStaff(
	db: Executor,
	options: { name: string; chosenId: string | null }
) {
	const name = options.name.trim().toLowerCase();
	const chosen = options.chosenId && isUuid(options.chosenId) ? options.chosenId : null;
	const pattern = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	let query = db
		.selectFrom('staff_users as s')
		.select(['s.id', 's.name', 's.role'])
		.where((eb) =>
			eb.or([
				...(chosen ? [eb('s.id', '=', chosen)] : []),
				eb(eb.fn('lower', ['s.name']), 'like', pattern)
			])
		);
	// The chosen one first, so that the limit never drops it; then by name.
	if (chosen) query = query.orderBy(sql`s.id = ${chosen}`, 'desc');
	const rows = await query
		.orderBy('s.name')
		.orderBy('s.id')
		.limit(AUDIT_STAFF_CHOICES + 1)
		.execute();
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
}

/**
 * The object types in the trail, to filter by: a skip scan over audit_events_object_type_idx, one
 * index probe per type, where DISTINCT would read every row.
 */
export async function listAuditTrailObjectTypes(db: Executor): Promise<string[]> {
	const result = await sql<{ object_type: string }>`
		with recursive types(object_type) as (
			(select object_type from audit_events order by object_type limit 1)
			union all
			select (
				select a.object_type from audit_events a
				where a.object_type > types.object_type
				order by a.object_type limit 1
			)
			from types where types.object_type is not null
		)
		select object_type from types where object_type is not null`.execute(db);
	return result.rows.map((r) => r.object_type);
}

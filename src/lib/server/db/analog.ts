// The analog flag (docs/RULES.md, the analog flag): the latest row per citizen is the flag in force,
// the rows before it are its history. No row at all means digital.
import { sql, type Expression, type Selectable, type Transaction } from 'kysely';
import type { AnalogFlagChangesTable, Database, Stamped } from './schema';
import * as clock from '../clock';
import type { Executor } from './executor';

export type AnalogFlagChange = Selectable<AnalogFlagChangesTable>;

/**
 * Whether the citizen is analog now, as a SQL expression over their id: the one place the rule is
 * written. The latest change (by time, then id) is the flag in force; no change at all is digital.
 */
export function analogNow(citizenId: Expression<string>) {
	return sql<boolean>`coalesce((
		select a.analog from analog_flag_changes a
		where a.citizen_id = ${citizenId}
		order by a.changed_at desc, a.id desc
		limit 1
	), false)`;
}

/**
 * The change in force (the latest, in analogNow's order) with its reason and note, or undefined
 * when the flag was never set.
 */
export async function currentAnalogFlag(
	db: Executor,
	citizenId: string
): Promise<AnalogFlagChange | undefined> {
	return db
		.selectFrom('analog_flag_changes')
		.selectAll()
		.where('citizen_id', '=', citizenId)
		.orderBy('changed_at', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export async function isAnalog(db: Executor, citizenId: string): Promise<boolean> {
	return (await currentAnalogFlag(db, citizenId))?.analog === true;
}

export async function insertAnalogFlagChange(
	db: Executor,
	row: Stamped<AnalogFlagChangesTable, 'changed_at'>
): Promise<AnalogFlagChange> {
	return db
		.insertInto('analog_flag_changes')
		.values({ ...row, changed_at: row.changed_at ?? clock.now() })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** Serialises changes of one citizen's settings, so two quick clicks cannot both write a row. */
export async function lockCitizenForSettings(trx: Transaction<Database>, citizenId: string) {
	return trx
		.selectFrom('citizens')
		.select('id')
		.where('id', '=', citizenId)
		.forUpdate()
		.executeTakeFirst();
}

/** Which of these citizens are analog now (their latest change sets the flag). */
export async function analogCitizenIds(
	db: Executor,
	citizenIds: readonly string[]
): Promise<Set<string>> {
	if (citizenIds.length === 0) return new Set();
	const rows = await db
		.selectFrom('citizens as c')
		.select('c.id')
		.where('c.id', 'in', [...citizenIds])
		.where(analogNow(sql.ref('c.id')))
		.execute();
	return new Set(rows.map((r) => r.id));
}

/** The citizen's analog flag changes, newest first, with who made each (staff name or the citizen). */
export async function listAnalogFlagHistory(db: Executor, citizenId: string) {
	return db
		.selectFrom('analog_flag_changes as a')
		.leftJoin('staff_users as s', 's.id', 'a.set_by_staff_id')
		.select([
			'a.id',
			'a.analog',
			'a.reason',
			'a.note',
			'a.changed_at as changedAt',
			's.name as staffName',
			'a.set_by_citizen_id as setByCitizenId'
		])
		.where('a.citizen_id', '=', citizenId)
		.orderBy('a.changed_at', 'desc')
		.orderBy('a.id', 'desc')
		.execute();
}

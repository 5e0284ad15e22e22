// The analog flag (docs/RULES.md, the analog flag): the latest row per citizen is the flag in force,
// the rows before it are its history. No row at all means digital.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AnalogFlagChangesTable, Database, Stamped } from './schema';
import * as clock from '../clock';

type Executor = Kysely<Database> | Transaction<Database>;
export type AnalogFlagChange = Selectable<AnalogFlagChangesTable>;

/** The latest change of the citizen's analog flag, or undefined when it was never set. */
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
		.selectFrom('analog_flag_changes')
		.distinctOn('citizen_id')
		.select(['citizen_id', 'analog'])
		.where('citizen_id', 'in', [...citizenIds])
		.orderBy('citizen_id')
		.orderBy('changed_at', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return new Set(rows.filter((r) => r.analog).map((r) => r.citizen_id));
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

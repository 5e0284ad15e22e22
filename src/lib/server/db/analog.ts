// The analog flag (DESIGN.md, analog fallback): the latest row per citizen is the flag in force,
// the rows before it are its history. No row at all means digital.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AnalogFlagChangesTable, Database } from './schema';

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
	row: Insertable<AnalogFlagChangesTable>
): Promise<AnalogFlagChange> {
	return db.insertInto('analog_flag_changes').values(row).returningAll().executeTakeFirstOrThrow();
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

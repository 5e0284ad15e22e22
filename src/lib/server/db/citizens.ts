import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

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
	return db
		.insertInto('citizens')
		.values({ cpr_encrypted: values.cprEncrypted, cpr_hash: values.cprHash, name: values.name })
		.returning(['id', 'name', 'preferred_language'])
		.executeTakeFirstOrThrow();
}

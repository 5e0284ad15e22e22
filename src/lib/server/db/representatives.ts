import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

/** The people a citizen may act for today: representations in their period and not ended. */
export async function activeRepresentations(
	db: Executor,
	representativeCitizenId: string,
	today: string
) {
	return db
		.selectFrom('representatives as r')
		.innerJoin('citizens as c', 'c.id', 'r.citizen_id')
		.select(['r.id', 'r.citizen_id', 'c.name', 'r.scope', 'r.department_ids', 'r.valid_to'])
		.where('r.representative_citizen_id', '=', representativeCitizenId)
		.where('r.ended_at', 'is', null)
		.where('r.valid_from', '<=', today)
		.where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', today)]))
		.orderBy('c.name')
		.execute();
}

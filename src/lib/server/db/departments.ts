import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

type Executor = Kysely<Database> | Transaction<Database>;

export async function departmentName(
	db: Executor,
	departmentId: string,
	locale: 'da' | 'en'
): Promise<string | null> {
	const row = await db
		.selectFrom('departments')
		.select(['name', 'name_en'])
		.where('id', '=', departmentId)
		.executeTakeFirst();
	return row ? (locale === 'en' ? row.name_en : row.name) : null;
}

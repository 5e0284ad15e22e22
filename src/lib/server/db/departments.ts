import type { Executor } from './executor';

/** A department's name in both languages, or undefined when there is no such department. */
export async function departmentNames(db: Executor, departmentId: string) {
	return db
		.selectFrom('departments')
		.select(['name', 'name_en'])
		.where('id', '=', departmentId)
		.executeTakeFirst();
}

export async function departmentName(
	db: Executor,
	departmentId: string,
	locale: 'da' | 'en'
): Promise<string | null> {
	const row = await departmentNames(db, departmentId);
	return row ? (locale === 'en' ? row.name_en : row.name) : null;
}

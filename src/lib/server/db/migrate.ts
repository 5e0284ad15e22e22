import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../../migrations/index';
import { ensureJobSchema } from '../jobs/queue';
import type { Database } from './schema';
import * as clock from '../clock';

function migrator(db: Kysely<Database>): Migrator {
	return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: result.error });
	}
	return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}`);
}

/**
 * Brings the schema to the latest version. Kysely's migrator holds a PostgreSQL advisory lock while
 * it runs, so two processes starting at once against one server migrate once (the second waits and
 * then finds nothing to do). PGlite's data directory is locked to one process in connect.ts.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
	const applied = unwrap(await migrator(db).migrateToLatest());
	// Keep this month's and the next months' audit partitions ready before their first row. The
	// function checks and then creates, outside the migrator's lock: two nodes starting together
	// would both create a new month's partition, so they take turns.
	await db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext('sammen:audit-partitions'))`.execute(trx);
		await sql`select audit_ensure_partitions(${clock.now()}::timestamptz, 3)`.execute(trx);
	});
	// The job queue's own schema (pg-boss), kept up to date by pg-boss itself.
	await ensureJobSchema(db);
	return applied;
}

export async function migrateDown(db: Kysely<Database>): Promise<string[]> {
	return unwrap(await migrator(db).migrateDown());
}

export async function migrateToNone(db: Kysely<Database>): Promise<string[]> {
	const { NO_MIGRATIONS } = await import('kysely');
	return unwrap(await migrator(db).migrateTo(NO_MIGRATIONS));
}

export const migrationNames = Object.keys(migrations);

// The databases the browser tests' servers run on. Every server starts on a copy of the seeded
// template (tests/templates.ts) instead of creating, migrating and seeding a database of its own:
// - on PostgreSQL when the run has TEST_DATABASE_URL (CI does): a database cloned with
//   CREATE DATABASE ... TEMPLATE, as production runs on PostgreSQL;
// - on PGlite otherwise, and wherever a test asks for the embedded database (the demo as
//   `npm start` runs it, and the tests of the embedded database itself): a copied data directory.
// The database tests (tests/db) run every query on both.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { connect } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import { adminQuery, withDatabase, type Templates } from '../templates';
import { DEMO_CPR_KEY } from '../db/demo-keys';

export { DEMO_CPR_KEY };

/** Where one server keeps its data: what `connect()` needs to open it from a test. */
export interface ServerDatabase {
	dataDir: string;
	/** Set when the server runs on PostgreSQL. */
	databaseUrl?: string;
}

/**
 * A fresh copy of the seeded demo for one server: a PostgreSQL database when the templates have one
 * and `embedded` is not asked for, else the PGlite template copied into `dataDir` (which must be
 * empty). The PostgreSQL copy is dropped with the templates at the end of the run, so a test can
 * still read it after its server has stopped.
 */
export async function copyDemoDatabase(
	templates: Templates,
	dataDir: string,
	options: { embedded?: boolean } = {}
): Promise<ServerDatabase> {
	if (templates.postgres && !options.embedded) {
		const { base, seeded } = templates.postgres;
		// Named after the template, so that the templates' removal drops it too.
		const name = `${seeded}_c${randomBytes(6).toString('hex')}`;
		await adminQuery(base, `create database ${name} template ${seeded}`);
		return { dataDir, databaseUrl: withDatabase(base, name) };
	}
	fs.cpSync(templates.pglite.seeded, dataDir, { recursive: true });
	return { dataDir };
}

/** Opens `database` for `run` and closes it after: while no server has it (PGlite serves one process). */
export async function withDb<T>(
	database: ServerDatabase,
	run: (db: Kysely<Database>) => Promise<T>
): Promise<T> {
	const handle = await connect(database);
	try {
		return await run(handle.db);
	} finally {
		await handle.close();
	}
}

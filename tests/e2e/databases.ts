// The databases the browser tests' servers run on. The global setup migrates and seeds the demo
// once per project into a template; every server then starts on a copy of it instead of creating,
// migrating and seeding a database of its own:
// - on PostgreSQL when the run has TEST_DATABASE_URL (CI does): a database cloned with
//   CREATE DATABASE ... TEMPLATE, as production runs on PostgreSQL;
// - on PGlite otherwise, and wherever a test asks for the embedded database (the demo as
//   `npm start` runs it, and the tests of the embedded database itself): a copied data directory.
// The database tests (tests/db) run every query on both.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { DEMO_CPR_KEY, demoKeys } from '../db/demo-keys';

export { DEMO_CPR_KEY };

export interface E2eTemplates {
	/** A PGlite data directory holding the migrated, seeded demo. */
	pgliteDir: string;
	/** The same as a PostgreSQL template database, when the run has TEST_DATABASE_URL. */
	postgres: { base: string; template: string } | null;
}

/** Where one server keeps its data: what `connect()` needs to open it from a test. */
export interface ServerDatabase {
	dataDir: string;
	/** Set when the server runs on PostgreSQL. */
	databaseUrl?: string;
}

async function adminQuery(base: string, query: string): Promise<void> {
	const client = new pg.Client({ connectionString: base });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

function withDatabase(base: string, name: string): string {
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
}

/**
 * Seeds the templates at `seededAt` (the project's pinned instant, which the servers' clocks start
 * from). `id` names them apart from other projects' and other runs'. Returns them and their teardown,
 * which also drops every PostgreSQL copy made from them.
 */
export async function createTemplates(
	seededAt: Date,
	id: string
): Promise<{ templates: E2eTemplates; teardown(): Promise<void> }> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-template-'));
	const pgliteDir = path.join(root, 'seeded');
	const base = process.env.TEST_DATABASE_URL;
	const template = base ? `sammen_e2e_${process.pid}_${id}` : null;

	const embedded = (async () => {
		const handle = await connect({ dataDir: pgliteDir });
		try {
			await migrateToLatest(handle.db);
			await seedDemo(handle.db, demoKeys, seededAt);
		} finally {
			await handle.close();
		}
	})();
	const postgres = (async () => {
		if (!base || !template) return;
		await adminQuery(base, `drop database if exists ${template}`);
		await adminQuery(base, `create database ${template}`);
		const handle = await connect({ databaseUrl: withDatabase(base, template), dataDir: root });
		try {
			await migrateToLatest(handle.db);
			await seedDemo(handle.db, demoKeys, seededAt);
		} finally {
			await handle.close();
		}
	})();

	const teardown = async () => {
		fs.rmSync(root, { recursive: true, force: true });
		if (!base || !template) return;
		const client = new pg.Client({ connectionString: base });
		await client.connect();
		try {
			const copies = await client.query<{ datname: string }>(
				'select datname from pg_database where datname = $1 or datname like $2',
				[template, `${template}\\_c%`]
			);
			for (const { datname } of copies.rows) {
				await client.query(`drop database if exists ${datname} with (force)`);
			}
		} finally {
			await client.end();
		}
	};
	const results = await Promise.allSettled([embedded, postgres]);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) {
		await teardown();
		throw failed.reason;
	}
	return {
		templates: { pgliteDir, postgres: base && template ? { base, template } : null },
		teardown
	};
}

/**
 * A fresh copy of the seeded demo for one server: a PostgreSQL database when the templates have one
 * and `embedded` is not asked for, else the PGlite template copied into `dataDir` (which must be
 * empty). The PostgreSQL copy is dropped with the templates, at the end of the project's run, so a
 * test can still read it after its server has stopped.
 */
export async function copyDemoDatabase(
	templates: E2eTemplates,
	dataDir: string,
	options: { embedded?: boolean } = {}
): Promise<ServerDatabase> {
	if (templates.postgres && !options.embedded) {
		const { base, template } = templates.postgres;
		const name = `${template}_c${randomBytes(6).toString('hex')}`;
		await adminQuery(base, `create database ${name} template ${template}`);
		return { dataDir, databaseUrl: withDatabase(base, name) };
	}
	fs.cpSync(templates.pgliteDir, dataDir, { recursive: true });
	return { dataDir };
}

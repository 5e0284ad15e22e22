// The template databases a test run copies instead of migrating (a fresh PGlite takes seconds to
// start and migrate) or seeding (the demo takes seconds more) per test file or server: a migrated,
// empty one and one that also holds the demo municipality. On PGlite each is a data directory;
// with TEST_DATABASE_URL, also a PostgreSQL database, copied with CREATE DATABASE ... TEMPLATE.
//
// The demo dates everything from its `now`, so the seeded template is of one instant: the one the
// Vitest project pins (tests/project-clock.ts). The global setups of every project on the same
// instant (the database and browser projects of one day) share one seeded template, made once in
// Vitest's main process and removed when the last of them tears down; every instant's is copied
// from the run's one migrated template.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { seedDemo } from '../src/lib/server/seed/demo';
import { demoKeys } from './db/demo-keys';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Given by the global setups of tests/db and tests/e2e. */
		templates: Templates;
	}
}

export interface Templates {
	/** The instant the demo was seeded at (ISO 8601). */
	seededAt: string;
	pglite: { migrated: string; seeded: string };
	/** Database names on the server at `base` (TEST_DATABASE_URL), when the run has one. */
	postgres: { base: string; migrated: string; seeded: string } | null;
}

export async function adminQuery(base: string, query: string): Promise<void> {
	const client = new pg.Client({ connectionString: base });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

/** `base` with another database name. */
export function withDatabase(base: string, name: string): string {
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
}

async function seedInto(target: { dataDir: string; databaseUrl?: string }, seededAt: Date) {
	const handle = await connect(target);
	try {
		await seedDemo(handle.db, demoKeys, seededAt);
	} finally {
		await handle.close();
	}
}

/** Drops every database on `base` whose name starts with `prefix`. */
async function dropDatabasesLike(base: string, prefix: string): Promise<void> {
	const client = new pg.Client({ connectionString: base });
	await client.connect();
	try {
		const found = await client.query<{ datname: string }>(
			'select datname from pg_database where datname like $1',
			[`${prefix.replaceAll('_', '\\_')}%`]
		);
		for (const { datname } of found.rows) {
			await client.query(`drop database if exists ${datname} with (force)`);
		}
	} finally {
		await client.end();
	}
}

interface Made<T> {
	value: T;
	remove(): Promise<void>;
}

/** Runs both parts to the end before an error is thrown, so that `remove` finds nothing running. */
async function settle(parts: Promise<void>[], remove: () => Promise<void>): Promise<void> {
	const results = await Promise.allSettled(parts);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) {
		await remove();
		throw failed.reason;
	}
}

interface Migrated {
	pglite: string;
	postgres: { base: string; prefix: string; name: string } | null;
}

// The migrated template does not depend on the instant, so every instant's seeded template is
// copied from one: migrating takes most of the time making a set takes.
async function makeMigrated(): Promise<Made<Migrated>> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-templates-'));
	const pglite = path.join(root, 'migrated');
	const base = process.env.TEST_DATABASE_URL || null;
	// Every template and copy of this run is named with this prefix, so the last removal finds them.
	const prefix = `sammen_tpl_${process.pid}_`;
	const postgres = base ? { base, prefix, name: `${prefix}migrated` } : null;
	const onPglite = (async () => {
		const handle = await connect({ dataDir: pglite });
		try {
			await migrateToLatest(handle.db);
		} finally {
			await handle.close();
		}
	})();
	const onPostgres = (async () => {
		if (!postgres) return;
		await dropDatabasesLike(postgres.base, postgres.prefix);
		await adminQuery(postgres.base, `create database ${postgres.name}`);
		const handle = await connect({
			databaseUrl: withDatabase(postgres.base, postgres.name),
			dataDir: root
		});
		try {
			await migrateToLatest(handle.db);
		} finally {
			await handle.close();
		}
	})();
	const remove = async () => {
		fs.rmSync(root, { recursive: true, force: true });
		if (postgres) await dropDatabasesLike(postgres.base, postgres.prefix);
	};
	await settle([onPglite, onPostgres], remove);
	return { value: { pglite, postgres }, remove };
}

async function makeSeeded(migrated: Migrated, seededAt: Date): Promise<Made<Templates>> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-templates-'));
	const pglite = { migrated: migrated.pglite, seeded: path.join(root, 'seeded') };
	const id = createHash('sha256').update(seededAt.toISOString()).digest('hex').slice(0, 8);
	const postgres = migrated.postgres
		? {
				base: migrated.postgres.base,
				migrated: migrated.postgres.name,
				seeded: `${migrated.postgres.prefix}${id}_seeded`
			}
		: null;
	const onPglite = (async () => {
		fs.cpSync(pglite.migrated, pglite.seeded, { recursive: true });
		await seedInto({ dataDir: pglite.seeded }, seededAt);
	})();
	const onPostgres = (async () => {
		if (!postgres) return;
		await adminQuery(
			postgres.base,
			`create database ${postgres.seeded} template ${postgres.migrated}`
		);
		await seedInto(
			{ databaseUrl: withDatabase(postgres.base, postgres.seeded), dataDir: root },
			seededAt
		);
	})();
	const remove = async () => {
		fs.rmSync(root, { recursive: true, force: true });
		// The seeded template and every copy made from it (copies are named after their template).
		if (postgres) await dropDatabasesLike(postgres.base, postgres.seeded);
	};
	await settle([onPglite, onPostgres], remove);
	return { value: { seededAt: seededAt.toISOString(), pglite, postgres }, remove };
}

interface Shared<T> {
	made: Promise<Made<T>>;
	users: number;
}

// On globalThis: each project's global setup may load this module on its own.
const shared = ((globalThis as Record<symbol, unknown>)[Symbol.for('sammen.test-templates')] ??= {
	migrated: null,
	seeded: new Map()
}) as { migrated: Shared<Migrated> | null; seeded: Map<string, Shared<Templates>> };

async function acquireMigrated(): Promise<Made<Migrated>> {
	shared.migrated ??= { made: makeMigrated(), users: 0 };
	const entry = shared.migrated;
	entry.users++;
	try {
		const made = await entry.made;
		return {
			value: made.value,
			async remove() {
				if (--entry.users > 0) return;
				if (shared.migrated === entry) shared.migrated = null;
				await made.remove();
			}
		};
	} catch (error) {
		if (shared.migrated === entry) shared.migrated = null;
		throw error;
	}
}

/**
 * The templates of the demo seeded at `seededAt`, made on first use; `release` removes them once
 * every project that asked has released them.
 */
export async function acquireTemplates(
	seededAt: Date
): Promise<{ templates: Templates; release(): Promise<void> }> {
	const key = seededAt.toISOString();
	let entry = shared.seeded.get(key);
	if (!entry) {
		entry = {
			made: (async () => {
				const migrated = await acquireMigrated();
				try {
					const seeded = await makeSeeded(migrated.value, seededAt);
					return {
						value: seeded.value,
						async remove() {
							await seeded.remove();
							await migrated.remove();
						}
					};
				} catch (error) {
					await migrated.remove();
					throw error;
				}
			})(),
			users: 0
		};
		shared.seeded.set(key, entry);
	}
	entry.users++;
	const current = entry;
	let made: Made<Templates>;
	try {
		made = await current.made;
	} catch (error) {
		shared.seeded.delete(key);
		throw error;
	}
	let released = false;
	return {
		templates: made.value,
		async release() {
			if (released) return;
			released = true;
			if (--current.users > 0) return;
			shared.seeded.delete(key);
			await made.remove();
		}
	};
}

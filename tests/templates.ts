// The template databases a test run copies instead of migrating (a fresh PGlite takes seconds to
// start and migrate) or seeding (the demo takes seconds more) per test file or server: a migrated,
// empty one and one that also holds the demo municipality. On PGlite each is a data directory;
// with TEST_DATABASE_URL, also a PostgreSQL database, copied with CREATE DATABASE ... TEMPLATE.
//
// The demo dates everything from its `now`, so the seeded template is of one instant: the one the
// Vitest project pins (tests/project-clock.ts). The global setups of every project on the same
// instant (the database and browser projects of one day) share one set, made once in Vitest's main
// process and removed when the last of them tears down.
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

async function make(seededAt: Date): Promise<{ templates: Templates; remove(): Promise<void> }> {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-templates-'));
	const pglite = { migrated: path.join(root, 'migrated'), seeded: path.join(root, 'seeded') };
	const base = process.env.TEST_DATABASE_URL || null;
	const id = createHash('sha256').update(seededAt.toISOString()).digest('hex').slice(0, 8);
	const postgres = base
		? {
				base,
				migrated: `sammen_tpl_${process.pid}_${id}`,
				seeded: `sammen_tpl_${process.pid}_${id}_seeded`
			}
		: null;

	const onPglite = (async () => {
		const handle = await connect({ dataDir: pglite.migrated });
		try {
			await migrateToLatest(handle.db);
		} finally {
			await handle.close();
		}
		fs.cpSync(pglite.migrated, pglite.seeded, { recursive: true });
		await seedInto({ dataDir: pglite.seeded }, seededAt);
	})();
	const onPostgres = (async () => {
		if (!postgres) return;
		for (const name of [postgres.seeded, postgres.migrated]) {
			await adminQuery(postgres.base, `drop database if exists ${name}`);
		}
		await adminQuery(postgres.base, `create database ${postgres.migrated}`);
		const handle = await connect({
			databaseUrl: withDatabase(postgres.base, postgres.migrated),
			dataDir: root
		});
		try {
			await migrateToLatest(handle.db);
		} finally {
			await handle.close();
		}
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
		if (!postgres) return;
		// The templates and every copy made from them (copies are named after their template).
		const client = new pg.Client({ connectionString: postgres.base });
		await client.connect();
		try {
			const found = await client.query<{ datname: string }>(
				'select datname from pg_database where datname like $1',
				[`${postgres.migrated.replaceAll('_', '\\_')}%`]
			);
			for (const { datname } of found.rows) {
				await client.query(`drop database if exists ${datname} with (force)`);
			}
		} finally {
			await client.end();
		}
	};
	// Both settled before an error is thrown, so that `remove` finds nothing running.
	const results = await Promise.allSettled([onPglite, onPostgres]);
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) {
		await remove();
		throw failed.reason;
	}
	return { templates: { seededAt: seededAt.toISOString(), pglite, postgres }, remove };
}

interface Shared {
	made: ReturnType<typeof make>;
	users: number;
}

// On globalThis: each project's global setup may load this module on its own.
const shared: Map<string, Shared> = ((globalThis as Record<symbol, unknown>)[
	Symbol.for('sammen.test-templates')
] ??= new Map<string, Shared>()) as Map<string, Shared>;

/**
 * The templates of the demo seeded at `seededAt`, made on first use; `release` removes them once
 * every project that asked has released them.
 */
export async function acquireTemplates(
	seededAt: Date
): Promise<{ templates: Templates; release(): Promise<void> }> {
	const key = seededAt.toISOString();
	let entry = shared.get(key);
	if (!entry) {
		entry = { made: make(seededAt), users: 0 };
		shared.set(key, entry);
	}
	entry.users++;
	const current = entry;
	let made: Awaited<ReturnType<typeof make>>;
	try {
		made = await current.made;
	} catch (error) {
		shared.delete(key);
		throw error;
	}
	let released = false;
	return {
		templates: made.templates,
		async release() {
			if (released) return;
			released = true;
			if (--current.users > 0) return;
			shared.delete(key);
			await made.remove();
		}
	};
}

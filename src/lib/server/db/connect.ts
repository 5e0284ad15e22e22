// Opens the one database Sammen uses: PGlite (real PostgreSQL compiled to WebAssembly, in-process,
// files under DATA_DIR) when DATABASE_URL is unset, a PostgreSQL server through `pg` when it is set.
// Kept free of SvelteKit imports so that scripts (db:migrate, db:seed) and tests share it.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema';
import type { QueryProfile } from './query-profile';

export type Dialect = 'pglite' | 'postgres';

export interface DatabaseHandle {
	db: Kysely<Database>;
	dialect: Dialect;
	/** The pg pool on PostgreSQL, for libraries that speak to it themselves (shared rate limits). */
	pool?: pg.Pool;
	close(): Promise<void>;
}

export interface ConnectOptions {
	databaseUrl?: string;
	dataDir: string;
	/** Maximum connections in the pg pool. */
	poolSize?: number;
	/** Records every query's duration (the benchmark's query profile). */
	profile?: QueryProfile;
}

// OIDs of PostgreSQL's date and int8 types. Both drivers must return the same JavaScript values,
// so every query gives the same result on both: a date stays a 'YYYY-MM-DD' string (no time zone
// shift), an int8 becomes a number (our counts stay far below 2^53).
const DATE_OID = 1082;
const INT8_OID = 20;

pg.types.setTypeParser(DATE_OID, (value: string) => value);
pg.types.setTypeParser(INT8_OID, (value: string) => Number(value));

/** What the job queue (pg-boss) needs from a database: one SQL text with its parameters. */
export interface SqlExecutor {
	executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

// PGlite runs a parameterless multi-statement script only through exec() (its query() is the
// extended protocol, one statement); pg-boss sends such scripts when it creates its schema and
// queues. Kept per Kysely instance so that callers holding only the instance can reach it.
const pgliteScripts = new WeakMap<Kysely<Database>, PGlite>();

/**
 * A SqlExecutor over a Kysely instance or transaction. On PGlite a parameterless script goes
 * through exec() while holding Kysely's one connection, so it never interleaves with a
 * transaction; on PostgreSQL the pg driver runs it with the simple protocol.
 */
export function sqlExecutor(db: Kysely<Database>): SqlExecutor {
	return {
		async executeSql(text, values = []) {
			const pglite = pgliteScripts.get(db);
			if (pglite && values.length === 0) {
				return db.connection().execute(async () => {
					const results = await pglite.exec(text);
					return { rows: results.at(-1)?.rows ?? [] };
				});
			}
			const result = await db.executeQuery(CompiledQuery.raw(text, values));
			return { rows: result.rows as unknown[] };
		}
	};
}

/** True for the embedded database (one process, one connection). */
export function isEmbedded(db: Kysely<Database>): boolean {
	return pgliteScripts.has(db);
}

export class DataDirLockedError extends Error {
	constructor(lockFile: string, pid: number) {
		super(
			`The embedded database in ${path.dirname(lockFile)} is in use by process ${pid}. ` +
				'Only one process can open it; stop that process, or use DATABASE_URL for several processes.'
		);
	}
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite is single-process: two processes writing one data directory would corrupt it. A lock file
 * holding the owner's pid keeps a second process out (and a stale one from a crash is taken over).
 */
function lockDataDir(dir: string): () => void {
	const lockFile = path.join(dir, 'sammen.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
			return () => {
				try {
					if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
				} catch {
					// Already gone: nothing to release.
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const owner = Number(fs.readFileSync(lockFile, 'utf8'));
			if (Number.isInteger(owner) && owner !== process.pid && processIsAlive(owner)) {
				throw new DataDirLockedError(lockFile, owner);
			}
			fs.rmSync(lockFile, { force: true });
		}
	}
	throw new Error(`Could not lock ${dir}`);
}

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
	if (options.databaseUrl) {
		const pool = new pg.Pool({
			connectionString: options.databaseUrl,
			max: options.poolSize ?? 10,
			// No JIT compilation: Sammen runs short queries, and PostgreSQL's JIT, switched on by a
			// plan's estimated cost, spent 300 ms compiling a 100 ms name search (docs/DEPLOY.md).
			options: '-c jit=off'
		});
		// An idle client that loses its server (restart, failover) must not crash the process.
		pool.on('error', () => {});
		const db = new Kysely<Database>({
			dialect: new PostgresDialect({ pool }),
			log: options.profile?.log
		});
		return { db, dialect: 'postgres', pool, close: () => db.destroy() };
	}

	const dir = path.join(options.dataDir, 'pglite');
	fs.mkdirSync(dir, { recursive: true });
	const release = lockDataDir(options.dataDir);
	try {
		const pglite = await PGlite.create(dir, {
			// Trigram indexes make a search for part of a name fast (migration citizen_name_search).
			extensions: { pg_trgm },
			parsers: {
				[DATE_OID]: (value: string) => value,
				[INT8_OID]: (value: string) => Number(value)
			}
		});
		const db = new Kysely<Database>({
			dialect: new PGliteDialect(pglite),
			log: options.profile?.log
		});
		pgliteScripts.set(db, pglite);
		let closed = false;
		return {
			db,
			dialect: 'pglite',
			async close() {
				if (closed) return;
				closed = true;
				// Destroying the Kysely driver closes PGlite, which would otherwise keep the process alive.
				await db.destroy();
				if (!pglite.closed) await pglite.close();
				release();
			}
		};
	} catch (error) {
		release();
		throw error;
	}
}

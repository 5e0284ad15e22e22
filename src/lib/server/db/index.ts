// The application's database: opened once at server start (hooks.server.ts init), closed at shutdown.
import { sql, type Kysely } from 'kysely';
import {
	databasePoolSize,
	databaseUrl,
	dataDir,
	isDemo,
	isProduction,
	queryProfilePath
} from '../config';
import { loadCprKeys, type CprKeys } from '../crypto/cpr';
import { log as logger } from '../log';
import { seedDemoIfEmpty } from '../seed/demo';
import { connect, type DatabaseHandle } from './connect';
import { migrateToLatest } from './migrate';
import { QueryProfile } from './query-profile';
import type { Database } from './schema';

let handle: DatabaseHandle | undefined;
let cprKeys: CprKeys | undefined;
let profile: { file: string; profile: QueryProfile } | undefined;

export interface StartOptions {
	/** Seed the demo municipality into an empty database (default: when the demo is on). */
	seed?: boolean;
	log?: (message: string) => void;
}

export async function startDatabase(options: StartOptions = {}): Promise<DatabaseHandle> {
	if (handle) return handle;
	const log = options.log ?? ((message: string) => logger.info(message));
	// Load the CPR key before touching the database: production refuses to start without one.
	cprKeys = loadCprKeys({
		envKey: process.env.CPR_KEY,
		dataDir: dataDir(),
		allowGenerated: !isProduction()
	});
	const profileFile = queryProfilePath();
	profile = profileFile ? { file: profileFile, profile: new QueryProfile() } : undefined;
	const opened = await connect({
		databaseUrl: databaseUrl(),
		dataDir: dataDir(),
		poolSize: databasePoolSize(),
		profile: profile?.profile
	});
	try {
		const applied = await migrateToLatest(opened.db);
		if (applied.length > 0) log(`Database migrated: ${applied.join(', ')}`);
		if ((options.seed ?? isDemo()) && (await seedDemoIfEmpty(opened.db, cprKeys))) {
			log('Demo municipality seeded');
		}
	} catch (error) {
		await opened.close();
		throw error;
	}
	handle = opened;
	return opened;
}

export async function stopDatabase(): Promise<void> {
	const closing = handle;
	handle = undefined;
	await closing?.close();
	profile?.profile.write(profile.file);
}

/** The pg pool when the app runs on PostgreSQL; null on PGlite or before the database is open. */
export function databasePool(): import('pg').Pool | null {
	return handle?.pool ?? null;
}

export function getDb(): Kysely<Database> {
	if (!handle) throw new Error('The database has not been started');
	return handle.db;
}

export function getCprKeys(): CprKeys {
	if (!cprKeys) throw new Error('The database has not been started');
	return cprKeys;
}

/** True when the database answers a trivial query within the timeout. */
export async function isDatabaseUp(db: Kysely<Database>, timeoutMs = 2000): Promise<boolean> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<false>((resolve) => {
		timer = setTimeout(() => resolve(false), timeoutMs);
	});
	try {
		return await Promise.race([
			sql`select 1`.execute(db).then(
				() => true,
				() => false
			),
			timeout
		]);
	} finally {
		clearTimeout(timer);
	}
}

export async function databaseHealth(): Promise<boolean> {
	return handle ? isDatabaseUp(handle.db) : false;
}

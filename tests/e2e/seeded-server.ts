// A server of its own for tests that change data, on the demo plus a few rows the demo lacks
// (a cancelled meeting, a task for Karl …): seeded here, before the server opens the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadCprKeys } from '../../src/lib/server/crypto/cpr';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { startServer, type RunningServer } from './server';

export interface SeededServer extends RunningServer {
	/** Stops the server and then reads its database (PGlite serves one process at a time). */
	stopAndInspect<T>(inspect: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export async function startSeededServer(
	extra: (db: Kysely<Database>) => Promise<void>
): Promise<SeededServer> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-'));
	try {
		// The same key file the server will read (DATA_DIR/cpr.key), so its CPR lookups work.
		const keys = loadCprKeys({ envKey: process.env.CPR_KEY, dataDir, allowGenerated: true });
		const handle = await connect({ dataDir });
		try {
			await migrateToLatest(handle.db);
			await seedDemo(handle.db, keys);
			await extra(handle.db);
		} finally {
			await handle.close();
		}
		const server = await startServer({ dataDir });
		return {
			...server,
			async stop() {
				const code = await server.stop();
				fs.rmSync(dataDir, { recursive: true, force: true });
				return code;
			},
			async stopAndInspect(inspect) {
				await server.stop();
				const after = await connect({ dataDir });
				try {
					return await inspect(after.db);
				} finally {
					await after.close();
				}
			}
		};
	} catch (error) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		throw error;
	}
}

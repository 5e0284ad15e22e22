// A server of its own for tests that change data, on the demo plus a few rows the demo lacks
// (a cancelled meeting, a task for Karl …): added here to a copy of the seeded demo
// (databases.ts), before the server opens it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import { copyDemoDatabase } from './databases';
import { startServer, type RunningServer } from './server';

export interface SeededServer extends RunningServer {
	/** Stops the server and then reads its database (PGlite serves one process at a time). */
	stopAndInspect<T>(inspect: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

export async function startSeededServer(
	extra: (db: Kysely<Database>) => Promise<void>,
	options: { env?: Record<string, string> } = {}
): Promise<SeededServer> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-'));
	try {
		const database = await copyDemoDatabase(inject('templates'), dataDir);
		const handle = await connect(database);
		try {
			await extra(handle.db);
		} finally {
			await handle.close();
		}
		const server = await startServer({ database, env: options.env });
		return {
			...server,
			async stop() {
				const code = await server.stop();
				fs.rmSync(dataDir, { recursive: true, force: true });
				return code;
			},
			async stopAndInspect(inspect) {
				await server.stop();
				const after = await connect(database);
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

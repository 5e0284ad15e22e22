import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { clockPinnedAt } from '../../src/lib/server/clock';
import { connect, type DatabaseHandle, type Dialect } from '../../src/lib/server/db/connect';

export { demoKeys } from './demo-keys';

/** The dialects to run database tests on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDialects(): Dialect[] {
	return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
	/** Connection string of the PostgreSQL test database, or null on PGlite. */
	url: string | null;
	/** The PGlite data directory, or null on PostgreSQL. */
	dataDir: string | null;
}

/** A fresh, migrated, empty database of the given dialect, cloned from the run's template. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
	return openCopy(dialect, inject('pgliteTemplateDir'), inject('postgresTemplate'));
}

/**
 * A fresh database of the given dialect holding the demo municipality, cloned from the run's
 * seeded template: the same rows as `seedDemo(db, demoKeys, clock.now())` at the test file's
 * first clock reading (global-setup.ts seeds it at the project's pinned instant).
 */
export async function openSeeded(dialect: Dialect): Promise<TestDatabase> {
	const seededAt = new Date(inject('demoSeededAt'));
	const pinnedAt = clockPinnedAt();
	// A project whose SAMMEN_NOW the global setup did not see would get a demo of another day.
	if (pinnedAt && pinnedAt.getTime() !== seededAt.getTime()) {
		throw new Error(
			`The seeded template is of ${seededAt.toISOString()}, but this test's clock is pinned to ${pinnedAt.toISOString()}`
		);
	}
	return openCopy(dialect, inject('pgliteSeededTemplateDir'), inject('postgresSeededTemplate'));
}

async function openCopy(
	dialect: Dialect,
	pgliteTemplateDir: string,
	postgresTemplate: string | null
): Promise<TestDatabase> {
	if (dialect === 'pglite') {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-db-test-'));
		fs.cpSync(pgliteTemplateDir, dataDir, { recursive: true });
		const handle = await connect({ dataDir });
		return {
			...handle,
			url: null,
			dataDir,
			async close() {
				await handle.close();
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		};
	}
	const base = process.env.TEST_DATABASE_URL;
	if (!base || !postgresTemplate) throw new Error('TEST_DATABASE_URL is not set');
	const name = `sammen_test_${randomBytes(6).toString('hex')}`;
	await adminQuery(base, `create database ${name} template ${postgresTemplate}`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	const handle = await connect({ databaseUrl: url.toString(), dataDir: os.tmpdir(), poolSize: 4 });
	return {
		...handle,
		url: url.toString(),
		dataDir: null,
		async close() {
			await handle.close();
			await adminQuery(base, `drop database if exists ${name} with (force)`);
		}
	};
}

export async function adminQuery(url: string, query: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

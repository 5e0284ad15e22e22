import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { clockPinnedAt } from '../../src/lib/server/clock';
import { connect, type DatabaseHandle, type Dialect } from '../../src/lib/server/db/connect';
import { adminQuery, withDatabase } from '../templates';

export { demoKeys } from './demo-keys';

/**
 * The dialects to run database tests on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * On a hard date (a `db on …` project, vite.config.ts) one of them: PostgreSQL when the run has
 * it, else PGlite. Dates are the same on both, as the run on today's date checks for every query:
 * what a hard date adds is the day, not the dialect (docs/TIME.md).
 */
export function testDialects(): Dialect[] {
	const postgres = Boolean(process.env.TEST_DATABASE_URL);
	if (process.env.HARD_DATE === '1') return [postgres ? 'postgres' : 'pglite'];
	return postgres ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
	/** Connection string of the PostgreSQL test database, or null on PGlite. */
	url: string | null;
	/** The PGlite data directory, or null on PostgreSQL. */
	dataDir: string | null;
}

/** A fresh, migrated, empty database of the given dialect, cloned from the run's template. */
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
	const { pglite, postgres } = inject('templates');
	return openCopy(dialect, pglite.migrated, postgres?.migrated ?? null);
}

/**
 * A fresh database of the given dialect holding the demo municipality, cloned from the run's
 * seeded template: the same rows as `seedDemo(db, demoKeys, clock.now())` at the test file's
 * first clock reading (global-setup.ts seeds it at the project's pinned instant).
 */
export async function openSeeded(dialect: Dialect): Promise<TestDatabase> {
	const { pglite, postgres, seededAt: seededIso } = inject('templates');
	const seededAt = new Date(seededIso);
	const pinnedAt = clockPinnedAt();
	// A project whose SAMMEN_NOW the global setup did not see would get a demo of another day.
	if (pinnedAt && pinnedAt.getTime() !== seededAt.getTime()) {
		throw new Error(
			`The seeded template is of ${seededAt.toISOString()}, but this test's clock is pinned to ${pinnedAt.toISOString()}`
		);
	}
	return openCopy(dialect, pglite.seeded, postgres?.seeded ?? null);
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
	const url = withDatabase(base, name);
	const handle = await connect({ databaseUrl: url, dataDir: os.tmpdir(), poolSize: 4 });
	return {
		...handle,
		url,
		dataDir: null,
		async close() {
			await handle.close();
			await adminQuery(base, `drop database if exists ${name} with (force)`);
		}
	};
}

// Builds two template databases per Vitest project, which each test file copies instead of
// migrating (a fresh PGlite takes seconds to start and migrate) or seeding (the demo takes seconds
// more) on its own: a migrated, empty one (openTestDatabase) and one that also holds the demo
// municipality (openSeeded). On PGlite each is a data directory; with TEST_DATABASE_URL, also a
// PostgreSQL database cloned with CREATE DATABASE ... TEMPLATE.
//
// This runs in Vitest's main process, whose clock is not the tests' clock: a project may pin its
// own SAMMEN_NOW (the hard-date projects in vite.config.ts), and the demo dates everything from
// its `now`. So the demo is seeded at the instant the project pins, which is what a test file's
// first clock.now() shows, and so what it would have seeded with itself.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedDemo } from '../../src/lib/server/seed/demo';
import { projectNow } from '../project-clock';
import { demoKeys } from './demo-keys';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplateDir: string;
		pgliteSeededTemplateDir: string;
		postgresTemplate: string | null;
		postgresSeededTemplate: string | null;
		/** The instant the seeded templates were seeded at (ISO 8601). */
		demoSeededAt: string;
	}
}

async function adminQuery(url: string, query: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

function databaseUrl(base: string, name: string): string {
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function setup(project: TestProject) {
	const seededAt = projectNow(project);
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-db-template-'));
	const bareDir = path.join(root, 'migrated');
	const seededDir = path.join(root, 'seeded');

	const pglite = (async () => {
		const handle = await connect({ dataDir: bareDir });
		await migrateToLatest(handle.db);
		await handle.close();
		fs.cpSync(bareDir, seededDir, { recursive: true });
		const seeded = await connect({ dataDir: seededDir });
		await seedDemo(seeded.db, demoKeys, seededAt);
		await seeded.close();
	})();

	const url = process.env.TEST_DATABASE_URL;
	// One pair per project: the hard-date projects (vite.config.ts) set up their own in this process.
	const projectId = createHash('sha256').update(project.name).digest('hex').slice(0, 8);
	const template = url ? `sammen_template_${process.pid}_${projectId}` : null;
	const seededTemplate = url ? `sammen_seeded_${process.pid}_${projectId}` : null;
	const postgres = (async () => {
		if (!url || !template || !seededTemplate) return;
		await adminQuery(url, `drop database if exists ${template}`);
		await adminQuery(url, `drop database if exists ${seededTemplate}`);
		await adminQuery(url, `create database ${template}`);
		const migrated = await connect({ databaseUrl: databaseUrl(url, template), dataDir: root });
		await migrateToLatest(migrated.db);
		await migrated.close();
		await adminQuery(url, `create database ${seededTemplate} template ${template}`);
		const seeded = await connect({ databaseUrl: databaseUrl(url, seededTemplate), dataDir: root });
		await seedDemo(seeded.db, demoKeys, seededAt);
		await seeded.close();
	})();

	// Both settled before either error is thrown, so that the teardown below finds nothing running.
	const results = await Promise.allSettled([pglite, postgres]);
	const teardown = async () => {
		fs.rmSync(root, { recursive: true, force: true });
		if (!url) return;
		for (const name of [template, seededTemplate]) {
			if (name) await adminQuery(url, `drop database if exists ${name} with (force)`);
		}
	};
	const failed = results.find((r) => r.status === 'rejected');
	if (failed) {
		await teardown();
		throw failed.reason;
	}

	project.provide('pgliteTemplateDir', bareDir);
	project.provide('pgliteSeededTemplateDir', seededDir);
	project.provide('postgresTemplate', template);
	project.provide('postgresSeededTemplate', seededTemplate);
	project.provide('demoSeededAt', seededAt.toISOString());
	return teardown;
}

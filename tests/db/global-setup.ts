// Migrates one template database per test run: a PGlite directory that each test file copies (a
// fresh PGlite takes seconds to start and migrate), and, when TEST_DATABASE_URL is set, a
// PostgreSQL template database that each test file clones with CREATE DATABASE ... TEMPLATE.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplateDir: string;
		postgresTemplate: string | null;
	}
}

export async function setup(project: TestProject) {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-db-template-'));
	const handle = await connect({ dataDir: root });
	await migrateToLatest(handle.db);
	await handle.close();
	project.provide('pgliteTemplateDir', root);

	const url = process.env.TEST_DATABASE_URL;
	let template: string | null = null;
	if (url) {
		// One per project: the hard-date projects (vite.config.ts) set up their own in this process.
		const projectId = createHash('sha256').update(project.name).digest('hex').slice(0, 8);
		template = `sammen_template_${process.pid}_${projectId}`;
		const admin = new pg.Client({ connectionString: url });
		await admin.connect();
		await admin.query(`drop database if exists ${template}`);
		await admin.query(`create database ${template}`);
		await admin.end();
		const target = new URL(url);
		target.pathname = `/${template}`;
		const migrated = await connect({ databaseUrl: target.toString(), dataDir: root });
		await migrateToLatest(migrated.db);
		await migrated.close();
	}
	project.provide('postgresTemplate', template);

	return async () => {
		fs.rmSync(root, { recursive: true, force: true });
		if (url && template) {
			const admin = new pg.Client({ connectionString: url });
			await admin.connect();
			await admin.query(`drop database if exists ${template} with (force)`);
			await admin.end();
		}
	};
}

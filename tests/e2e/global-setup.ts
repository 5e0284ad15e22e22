// Builds the app if needed, makes (or shares) the project's template databases (tests/templates.ts)
// and starts one demo server for the browser tests. Its address, the templates and the Chromium to
// use reach the tests through `inject`.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/build-if-needed.js';
import { projectNow } from '../project-clock';
import { chromiumPath } from './browser';
import { acquireTemplates } from '../templates';
import { startServer, type RunningServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		chromium: string | null;
	}
}

export async function setup(project: TestProject) {
	ensureBuild();

	const chromium = chromiumPath();
	if (!fs.existsSync(chromium)) {
		const message = `Chromium not found at ${chromium}: install it (apt-get install chromium-headless-shell) or set CHROMIUM_PATH.`;
		if (process.env.CI === 'true')
			throw new Error(`${message} Browser tests cannot be skipped in CI.`);
		console.warn(
			`\n${'!'.repeat(80)}\n!! ${message}\n!! BROWSER TESTS ARE SKIPPED.\n${'!'.repeat(80)}\n`
		);
	}
	project.provide('chromium', fs.existsSync(chromium) ? chromium : null);

	const { templates, release } = await acquireTemplates(projectNow(project));
	project.provide('templates', templates);

	// A project pinned to one of the hard dates (vite.config.ts) starts its server on that date.
	// The main project's demo server runs on the embedded database, as `npm start` does.
	const pinned = project.config.env?.SAMMEN_NOW;
	let server: RunningServer;
	try {
		server = await startServer({
			templates,
			embedded: typeof pinned !== 'string',
			now: projectNow(project).toISOString()
		});
	} catch (error) {
		await release();
		throw error;
	}
	project.provide('baseUrl', server.url);
	return async () => {
		await server.stop();
		await release();
	};
}

// Builds the app if needed and starts one demo server (embedded database, seeded) for the browser
// tests. Its address and the Chromium to use reach the tests through `inject`.
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/build-if-needed.js';
import { chromiumPath } from './browser';
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
		const message = `Chromium not found at ${chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.`;
		if (process.env.CI === 'true')
			throw new Error(`${message} Browser tests cannot be skipped in CI.`);
		console.warn(
			`\n${'!'.repeat(80)}\n!! ${message}\n!! BROWSER TESTS ARE SKIPPED.\n${'!'.repeat(80)}\n`
		);
	}
	project.provide('chromium', fs.existsSync(chromium) ? chromium : null);

	// A project pinned to one of the hard dates (vite.config.ts) starts its server on that date.
	const pinned = project.config.env?.SAMMEN_NOW;
	const server: RunningServer = await startServer(
		typeof pinned === 'string' ? { env: { SAMMEN_NOW: pinned } } : {}
	);
	project.provide('baseUrl', server.url);
	return async () => {
		await server.stop();
	};
}

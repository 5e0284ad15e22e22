// Starts the built server (node build) as a child process on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { freePort } from '../../scripts/lib/free-port';
import * as clock from '../../src/lib/server/clock';
import type { Templates } from '../templates';
import { copyDemoDatabase, DEMO_CPR_KEY, type ServerDatabase } from './databases';

export { freePort };

export interface RunningServer {
	url: string;
	dataDir: string;
	/** Where the server keeps its data: `connect(server.database)` opens it from a test. */
	database: ServerDatabase;
	process: ChildProcess;
	output(): string;
	/** Sends SIGTERM and resolves with the exit code once the process has ended. */
	stop(): Promise<number | null>;
}

export interface StartOptions {
	env?: Record<string, string | undefined>;
	dataDir?: string;
	/** Wait until /healthz answers (default), or only until the process has started. */
	waitForHealthy?: boolean;
	timeoutMs?: number;
	/** Listen on this port (default: a free one). */
	port?: number;
	/** The build to run (default: build/). */
	buildDir?: string;
	/**
	 * Run on PGlite in dataDir even when the run has PostgreSQL (databases.ts): for the demo as
	 * `npm start` runs it, and for tests of the embedded database itself.
	 */
	embedded?: boolean;
	/**
	 * The instant the server's clock starts at (default: this process's clock now). For the global
	 * setup, which runs outside the project's pinned clock; the templates are seeded at it.
	 */
	now?: string;
	/** The seeded templates to copy (default: the project's, from its global setup). */
	templates?: Templates;
	/** Run on this database, prepared by the test or used by a server before (a restart). */
	database?: ServerDatabase;
}

// A server that the test configures itself (its own database, key, clock or mode) starts as the
// options say, on a database it creates and seeds itself. Any other starts on a copy of the seeded
// demo (databases.ts), which saves migrating and seeding it again.
const OWN_SETUP = ['DATABASE_URL', 'CPR_KEY', 'SAMMEN_NOW', 'NODE_ENV', 'DEMO'];

async function demoCopy(options: StartOptions, dataDir: string): Promise<ServerDatabase | null> {
	if (options.database) return options.database;
	if (OWN_SETUP.some((name) => options.env && name in options.env)) return null;
	// A data directory a server has used before (a restart) keeps its database.
	if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return null;
	if (fs.readdirSync(dataDir).length > 0) return null;
	const templates = options.templates ?? inject('templates');
	return copyDemoDatabase(templates, dataDir, { embedded: options.embedded });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const dataDir =
		options.database?.dataDir ??
		options.dataDir ??
		fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-'));
	const copy = await demoCopy(options, dataDir);
	const database: ServerDatabase = copy ?? {
		dataDir,
		databaseUrl: options.env?.DATABASE_URL || undefined
	};
	const env: Record<string, string | undefined> = {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		ORIGIN: `http://127.0.0.1:${port}`,
		// The server's clock goes on from this process's (docs/TIME.md): what the test seeded a moment
		// ago is a moment ago for the server too, also after a restart.
		SAMMEN_NOW: options.now ?? clock.now().toISOString(),
		...(copy ? { DATABASE_URL: copy.databaseUrl ?? '', CPR_KEY: DEMO_CPR_KEY } : {}),
		...options.env
	};
	// Production refuses a pinned clock: a production-mode server runs on the system clock.
	if (env.NODE_ENV === 'production' && env.DEMO !== '1') delete env.SAMMEN_NOW;
	const child = spawn(process.execPath, [path.join(options.buildDir ?? 'build', 'index.js')], {
		env: env as NodeJS.ProcessEnv,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout?.on('data', (chunk) => (output += chunk));
	child.stderr?.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	const url = `http://127.0.0.1:${port}`;

	const server: RunningServer = {
		url,
		dataDir,
		database,
		process: child,
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			const code = await exited;
			clearTimeout(timer);
			if (!options.dataDir && !options.database)
				fs.rmSync(dataDir, { recursive: true, force: true });
			return code;
		}
	};

	if (options.waitForHealthy === false) return server;
	const deadline = performance.now() + (options.timeoutMs ?? 120_000);
	while (performance.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The server exited with ${child.exitCode} before it was healthy:\n${output}`);
		}
		try {
			const response = await fetch(`${url}/healthz`);
			if (response.ok) return server;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await server.stop();
	throw new Error(`The server did not become healthy in time:\n${output}`);
}

export interface FileServer<S extends RunningServer> {
	readonly server: S;
	readonly url: string;
}

/**
 * A server of the test file that calls this: started by `start` before the file's tests and
 * stopped after them.
 */
export function useServer<S extends RunningServer>(start: () => Promise<S>): FileServer<S> {
	let server: S | undefined;
	beforeAll(async () => {
		server = await start();
	});
	afterAll(async () => {
		await server?.stop();
	});
	return {
		get server() {
			if (!server) throw new Error('The server starts in beforeAll');
			return server;
		},
		get url() {
			return this.server.url;
		}
	};
}

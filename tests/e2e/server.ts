// Starts the built server (node build) as a child process on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as clock from '../../src/lib/server/clock';

export interface RunningServer {
	url: string;
	dataDir: string;
	process: ChildProcess;
	output(): string;
	/** Sends SIGTERM and resolves with the exit code once the process has ended. */
	stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
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
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
	const port = options.port ?? (await freePort());
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-'));
	const env: Record<string, string | undefined> = {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		ORIGIN: `http://127.0.0.1:${port}`,
		// The server's clock goes on from this process's (docs/TIME.md): what the test seeded a moment
		// ago is a moment ago for the server too, also after a restart.
		SAMMEN_NOW: clock.now().toISOString(),
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
		process: child,
		output: () => output,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			const code = await exited;
			clearTimeout(timer);
			if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
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

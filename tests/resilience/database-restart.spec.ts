// PostgreSQL restarts while the app serves. The scenario runs its own throwaway cluster
// (scripts/pg-throwaway.sh), so that stopping it touches nothing else.
// While the database is gone: /readyz answers 503, a page answers a plain 503 page in Danish and
// English (no stack trace), the API answers 503 problem details; the process keeps running. Once
// the database is back, without an app restart: /readyz is 200 again, pages and writes work, and
// the job worker delivers the notifications of a new entry.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds } from '../../src/lib/server/seed/demo';
import { cookieHeader, demoLogin } from '../../scripts/bench/login';
import { freePort, startServer, type RunningServer } from '../e2e/server';
import { adminQuery, withDatabase } from '../templates';
import { postEntry } from './load';
import { recordScenario } from './summary';

const script = path.resolve('scripts/pg-throwaway.sh');
const pg = (...args: string[]) => execFileSync(script, args, { encoding: 'utf8' }).trim();

/** Polls `check` every 200 ms until it holds, for at most `ms`; answers how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
	const started = performance.now();
	while (performance.now() - started < ms) {
		if (await check().catch(() => false)) return performance.now() - started;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`not within ${ms} ms`);
}

describe('a database restart while the app serves', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-restart-pg-'));
	let server: RunningServer | null = null;
	afterAll(async () => {
		await server?.stop();
		pg('stop', dir);
	});

	it('answers 503 while the database is gone and recovers without a restart', async () => {
		const port = await freePort();
		const base = pg('start', dir, String(port));
		await adminQuery(base, 'create database sammen');
		const databaseUrl = withDatabase(base, 'sammen');
		server = await startServer({
			env: { DATABASE_URL: databaseUrl, NOTIFY_BUNDLE_MINUTES: '0', NOTIFY_POLL_SECONDS: '0.5' }
		});
		const handle = await connect({ databaseUrl, dataDir: dir });
		const apiKey = (
			await createApiKey(handle.db, {
				departmentId: demoIds.department('jobcenter'),
				name: 'Resilience',
				createdByStaffId: null
			})
		).key;
		await handle.close();
		const url = server.url;
		const maja = cookieHeader(await demoLogin(url, 'citizen', 'demo-citizen-maja-jensen'), url);
		const write = (ref: string) =>
			fetch(`${url}/api/v1/cases/${ref}`, {
				method: 'PUT',
				headers: {
					authorization: `Bearer ${apiKey}`,
					'content-type': 'application/json',
					'idempotency-key': ref
				},
				body: JSON.stringify({
					citizenId: demoIds.citizen('Maja Jensen'),
					kleNumber: '15.20.02',
					title: 'Din vej til job',
					status: 'in_progress',
					waitingOn: 'municipality'
				})
			});
		expect((await fetch(`${url}/readyz`)).status).toBe(200);
		expect((await fetch(`${url}/`, { headers: { cookie: maja } })).status).toBe(200);
		expect((await write('RESTART-before')).ok).toBe(true);

		pg('halt', dir);
		const noticedMs = await within(10_000, async () => {
			const ready = await fetch(`${url}/readyz`);
			return ready.status === 503;
		});
		const page = await fetch(`${url}/`, { headers: { cookie: maja } });
		const html = await page.text();
		expect(page.status).toBe(503);
		expect(page.headers.get('retry-after')).toBe('30');
		expect(page.headers.get('cache-control')).toBe('no-store');
		expect(html).toContain('Sammen er ikke tilgængelig lige nu');
		expect(html).toContain('Sammen is not available right now');
		expect(html).not.toMatch(/ECONNREFUSED|at \w+ \(|node_modules/);
		const refused = await write('RESTART-during');
		expect(refused.status).toBe(503);
		expect(refused.headers.get('content-type')).toBe('application/problem+json');
		expect(await refused.json()).toMatchObject({
			status: 503,
			type: 'urn:sammen:problem:unavailable'
		});
		expect(server.process.exitCode, 'the app keeps running').toBeNull();

		const restarted = performance.now();
		pg('resume', dir, String(port));
		const recoveredMs = await within(30_000, async () => {
			const ready = await fetch(`${url}/readyz`);
			return ready.status === 200;
		});
		expect((await fetch(`${url}/`, { headers: { cookie: maja } })).status).toBe(200);
		expect((await write('RESTART-after')).ok).toBe(true);
		// The write refused during the gap was not half-stored: sent again, it is new.
		const again = await write('RESTART-during');
		expect(again.ok).toBe(true);
		expect(again.headers.get('idempotent-replayed')).toBeNull();
		// The job worker picks up again by itself: a new decision's e-mail and SMS reach the outbox.
		const entry = await postEntry(url, apiKey, 'restart', 1);
		expect(entry.status).toBe(201);
		const entryRef = 'RES-restart-E1';
		const deliveredMs = await within(30_000, async () => {
			const db = await connect({ databaseUrl, dataDir: dir });
			try {
				const sent = await db.db
					.selectFrom('demo_outbox as o')
					.innerJoin('notifications as n', 'n.id', 'o.notification_id')
					.innerJoin('timeline_entries as e', 'e.id', 'n.timeline_entry_id')
					.select('o.channel')
					.where('e.external_ref', '=', entryRef)
					.execute();
				return sent.length === 2;
			} finally {
				await db.close();
			}
		});
		// Errors are logged only by the job queue, whose polls failed while the database was gone.
		const errors = server
			.output()
			.split('\n')
			.filter((line) => line.includes('"level":"error"') && !line.includes('Job queue'));
		expect(errors).toEqual([]);
		recordScenario({
			scenario: 'database restart while serving',
			database: 'postgresql',
			passed: true,
			figures: {
				'503 noticed after (ms)': Math.round(noticedMs),
				'ready again after restart (ms)': Math.round(performance.now() - restarted),
				'recovered within (ms)': Math.round(recoveredMs),
				'job worker delivered a new entry after (ms)': Math.round(deliveredMs),
				'app restarts': 0
			}
		});
	});
});

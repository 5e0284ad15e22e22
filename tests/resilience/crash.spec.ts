// A crash: `kill -9` of the app while clients write cases and decisions through the API and read
// pages, and the worker sends the decisions' notifications, then a restart on the same database,
// on PostgreSQL (when the run has it) and on the embedded PGlite. Every write the API acknowledged
// is there exactly once, the PGlite data directory opens again without repair, a retry of an
// acknowledged write is answered from the stored answer, and every notification is delivered
// once or, when the kill came between sending and recording, marked uncertain: none lost, none
// sent twice (docs/ARCHITECTURE.md, notifications). Then the same under the mixed load of the
// load scenario (mixed-load.ts: 200 clients reading and writing as citizens, caseworkers and a
// department system): after the restart every acknowledged write is there once, each whole with
// its audit rows, notifications and jobs, and a write in flight at the kill is whole or absent.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds } from '../../src/lib/server/seed/demo';
import { copyDemoDatabase, withDb } from '../e2e/databases';
import { startServer } from '../e2e/server';
import { load, putCase } from './load';
import {
	accountFor,
	CONNECTIONS,
	MIXED_LOAD_ENV,
	prepareMixedLoad,
	startMixedLoad,
	type MixedLoad
} from './mixed-load';
import { notificationOutcome, waitForQueuesEmpty } from './notified';
import { LONG, recordScenario } from './summary';

const TRIES = LONG ? 10 : 3;
const LOAD_BEFORE_MS = LONG ? 5_000 : 1_500;
/** The kill waits for this many acknowledged writes of each kind, however slow the machine. */
const WRITES_BEFORE = 10;
/** A send to the demo outbox takes milliseconds: a claim older than this was interrupted. */
const SENDING_TIMEOUT_S = 2;
const env = {
	API_RATE_LIMIT_PER_MINUTE: '100000000',
	// Notifications go out while the load runs (to the demo outbox, in the database), so that the
	// kill finds some in the middle of being sent.
	NOTIFY_BUNDLE_MINUTES: '0',
	NOTIFY_POLL_SECONDS: '0.5',
	NOTIFY_SENDING_TIMEOUT_SECONDS: String(SENDING_TIMEOUT_S)
};

const databases: ('postgresql' | 'pglite')[] = process.env.TEST_DATABASE_URL
	? ['postgresql', 'pglite']
	: ['pglite'];

describe.each(databases)('kill -9 under load on %s', (kind) => {
	it(`keeps every acknowledged write, ${TRIES} times`, async () => {
		let acknowledged = 0;
		let found = 0;
		let duplicates = 0;
		const reopenMs: number[] = [];
		const notified = { created: 0, delivered: 0, uncertain: 0, sentTwice: 0, lost: 0 };
		for (let attempt = 1; attempt <= TRIES; attempt++) {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-crash-'));
			try {
				const database = await copyDemoDatabase(inject('templates'), dataDir, {
					embedded: kind === 'pglite'
				});
				const apiKey = await withDb(
					database,
					async (db) =>
						(
							await createApiKey(db, {
								departmentId: demoIds.department('jobcenter'),
								name: 'Resilience',
								createdByStaffId: null
							})
						).key
				);
				const first = await startServer({ database, env });
				const run = `crash-${attempt}`;
				const traffic = load(first.url, apiKey, run, { entries: true });
				await expect
					.poll(
						() =>
							Math.min(traffic.tally.acknowledged.size, traffic.tally.entries.size) >=
							WRITES_BEFORE,
						{ timeout: 60_000, interval: 100 }
					)
					.toBe(true);
				await new Promise((resolve) => setTimeout(resolve, LOAD_BEFORE_MS));
				const died = new Promise((resolve) => first.process.once('exit', resolve));
				first.process.kill('SIGKILL');
				await died;
				await traffic.stop();
				expect(first.process.signalCode).toBe('SIGKILL');
				// The restart comes after the sending timeout, as it would in production: its first sweep
				// then takes every claim the dead process left as interrupted.
				await new Promise((resolve) => setTimeout(resolve, SENDING_TIMEOUT_S * 1000 + 500));

				const begun = performance.now();
				const second = await startServer({ database, env, timeoutMs: 60_000 });
				reopenMs.push(Math.round(performance.now() - begun));
				// An acknowledged write sent again with its key: the stored answer, no second case.
				const [again] = [...traffic.tally.acknowledged];
				const number = again!.split('-').at(-1);
				const retry = await putCase(second.url, apiKey, run, number!);
				expect(retry.ok).toBe(true);
				expect(retry.headers.get('idempotent-replayed')).toBe('true');
				// The worker finishes what the dead process left: stranded jobs get a new one.
				await waitForQueuesEmpty(second.url);
				expect(await second.stop()).toBe(0);

				const rows = await withDb(database, (db) =>
					db
						.selectFrom('cases')
						.select(['external_ref', sql<number>`count(*)::int`.as('n')])
						.where('external_ref', 'like', `RES-${run}-%`)
						.groupBy('external_ref')
						.execute()
				);
				const outcome = await withDb(database, (db) => notificationOutcome(db, `RES-${run}-E%`));
				expect(outcome.problems, `try ${attempt}: notifications`).toEqual([]);
				expect(outcome.entries, `try ${attempt}: entries acknowledged`).toEqual(
					expect.arrayContaining([...traffic.tally.entries])
				);
				for (const key of Object.keys(notified) as (keyof typeof notified)[]) {
					notified[key] += outcome[key];
				}
				const stored = new Map(rows.map((r) => [r.external_ref, r.n]));
				const ack = [...traffic.tally.acknowledged];
				acknowledged += ack.length;
				found += ack.filter((ref) => stored.has(ref)).length;
				duplicates += rows.filter((r) => r.n > 1).length;
				expect(ack.length, `try ${attempt}: writes acknowledged`).toBeGreaterThan(0);
				expect(
					ack.filter((ref) => !stored.has(ref)),
					`try ${attempt}: lost`
				).toEqual([]);
				expect(traffic.tally.serverErrors, `try ${attempt}: 5xx`).toBe(0);
			} finally {
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		}
		expect(duplicates).toBe(0);
		expect(notified.sentTwice).toBe(0);
		expect(notified.lost).toBe(0);
		expect(notified.delivered).toBeGreaterThan(0);
		recordScenario({
			scenario: 'kill -9 under load, then restart',
			database: kind,
			passed: true,
			figures: {
				tries: TRIES,
				'writes acknowledged': acknowledged,
				'writes found': found,
				duplicates,
				'healthy again after restart (ms, each)': reopenMs.join(' '),
				'notifications created': notified.created,
				'delivered once': notified.delivered,
				'uncertain (killed between sending and recording)': notified.uncertain,
				'sent twice': notified.sentTwice,
				lost: notified.lost
			}
		});
	});
});

/** Tries of the crash under the mixed load, per database. */
const MIXED_TRIES = LONG ? 3 : 1;
/** The kill waits for this many acknowledged writes in all, however slow the machine. */
const MIXED_WRITES_BEFORE = 40;

describe.each(databases)(`kill -9 under the mixed load on %s`, (kind) => {
	it(`keeps every acknowledged write whole at ${CONNECTIONS} connections`, async () => {
		const totals = { acknowledged: 0, found: 0, duplicates: 0, unacknowledged: 0, audit: 0 };
		const reopenMs: number[] = [];
		for (let attempt = 1; attempt <= MIXED_TRIES; attempt++) {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-crash-mixed-'));
			try {
				const database = await copyDemoDatabase(inject('templates'), dataDir, {
					embedded: kind === 'pglite'
				});
				const prepared = await prepareMixedLoad(database);
				const first = await startServer({ database, env: MIXED_LOAD_ENV, timeoutMs: 60_000 });
				let traffic: MixedLoad | undefined;
				try {
					traffic = await startMixedLoad(first.url, prepared);
					const acknowledged = () =>
						Object.values(traffic!.tally.acknowledged).reduce((n, keys) => n + keys.size, 0);
					await expect
						.poll(acknowledged, { timeout: 120_000, interval: 100 })
						.toBeGreaterThanOrEqual(MIXED_WRITES_BEFORE);
					// More in flight: the kill comes in the middle of the load, not at its first writes.
					await new Promise((resolve) => setTimeout(resolve, 2_000));
					const died = new Promise((resolve) => first.process.once('exit', resolve));
					first.process.kill('SIGKILL');
					await died;
				} finally {
					await traffic?.stop();
					if (first.process.exitCode === null && first.process.signalCode === null) {
						first.process.kill('SIGKILL');
					}
				}
				expect(first.process.signalCode).toBe('SIGKILL');

				const begun = performance.now();
				const second = await startServer({ database, env: MIXED_LOAD_ENV, timeoutMs: 60_000 });
				reopenMs.push(Math.round(performance.now() - begun));
				expect(await second.stop()).toBe(0);

				const { tally } = traffic!;
				const { mismatches, figures } = await accountFor(database, prepared, tally, {
					crashed: true
				});
				expect(tally.serverErrors, `try ${attempt}: 5xx`).toBe(0);
				expect(mismatches.slice(0, 20), `try ${attempt}`).toEqual([]);
				totals.acknowledged += figures['writes acknowledged'];
				totals.found += figures['writes found'];
				totals.duplicates += figures.duplicates;
				totals.unacknowledged += figures['stored without acknowledgement'];
				totals.audit += figures['audit rows checked'];
			} finally {
				fs.rmSync(dataDir, { recursive: true, force: true });
			}
		}
		recordScenario({
			scenario: `kill -9 under the mixed load (${CONNECTIONS} connections), then restart`,
			database: kind,
			passed: true,
			figures: {
				tries: MIXED_TRIES,
				'writes acknowledged': totals.acknowledged,
				'writes found': totals.found,
				duplicates: totals.duplicates,
				'stored whole without acknowledgement (in flight at the kill)': totals.unacknowledged,
				'audit rows checked': totals.audit,
				'healthy again after restart (ms, each)': reopenMs.join(' ')
			}
		});
	});
});

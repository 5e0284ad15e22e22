// Digital Post under a crash: the app, configured for SF1601 exactly as in production (the
// certificate and the CA by path, the service's URLs), sends analog Karl's letter to the
// Serviceplatformen simulator, which stores it and holds its answer; the app is killed with
// `kill -9` while the request is in flight, between the send and its record. After a restart on
// the same database the posting is sent again under the same messageUUID, and the simulator, like
// the service, keeps one letter: exactly one remote-print request reached it, and the posting is
// recorded as sent with the service's transaction id (docs/DIGITAL-POST.md, "Exactly once").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { validateKombiRequest } from '../../src/lib/server/digital-post/app';
import { parseKombiRequest } from '../../src/lib/server/digital-post/memo';
import { DEMO_CITIZENS } from '../../src/lib/server/seed/demo-data';
import { demoIds } from '../../src/lib/server/seed/demo';
import { generateTestPki, writePki } from '../../src/lib/server/serviceplatformen/certificates';
import { startServiceplatformenSimulator } from '../../src/lib/server/serviceplatformen/simulator';
import { copyDemoDatabase, withDb } from '../e2e/databases';
import { startServer } from '../e2e/server';
import { recordScenario } from './summary';

/** A claim older than this was interrupted: the restart's sweep sends the posting again. */
const SENDING_TIMEOUT_S = 2;
const KARL_CASE = 'SUO-118203';

const databases: ('postgresql' | 'pglite')[] = process.env.TEST_DATABASE_URL
	? ['postgresql', 'pglite']
	: ['pglite'];

describe.each(databases)('kill -9 between the SF1601 request and its record on %s', (kind) => {
	it('sends the letter again under the same messageUUID, and one letter reaches the service', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-dp-crash-'));
		const pki = await generateTestPki();
		const files = await writePki(pki, path.join(dataDir, 'pki'));
		const simulator = await startServiceplatformenSimulator({
			pki,
			validateKombi: validateKombiRequest
		});
		// Servers still running when an assertion fails are killed at the end, never left behind.
		const started: { process: import('node:child_process').ChildProcess }[] = [];
		try {
			const database = await copyDemoDatabase(inject('templates'), dataDir, {
				embedded: kind === 'pglite'
			});
			const apiKey = await withDb(
				database,
				async (db) =>
					(
						await createApiKey(db, {
							departmentId: demoIds.department('sundhed-og-omsorg'),
							name: 'Digital Post crash',
							createdByStaffId: null
						})
					).key
			);
			const env = {
				LETTER_DELIVERY: 'sf1601',
				LETTER_BUNDLE_CUTOFF: 'none',
				MUNICIPALITY_CVR: '12345678',
				SERVICEPLATFORMEN_URL: simulator.url,
				SERVICEPLATFORMEN_STS_URL: simulator.stsUrl,
				SERVICEPLATFORMEN_CERT: files.clientP12,
				SERVICEPLATFORMEN_CERT_PASSWORD: files.p12Password,
				SERVICEPLATFORMEN_CA: files.caCert,
				NOTIFY_POLL_SECONDS: '0.5',
				NOTIFY_SENDING_TIMEOUT_SECONDS: String(SENDING_TIMEOUT_S)
			};
			const first = await startServer({ database, env });
			started.push(first);
			// The service stores the letter, then answers only after the app is gone.
			simulator.delayNext(60_000);
			const response = await fetch(`${first.url}/api/v1/cases/${KARL_CASE}/timeline`, {
				method: 'POST',
				headers: {
					authorization: `Bearer ${apiKey}`,
					'content-type': 'application/json',
					'idempotency-key': `dp-crash-${kind}`
				},
				body: JSON.stringify({
					externalRef: `DP-CRASH-${kind}`,
					kind: 'note',
					visibility: 'citizen',
					title: 'Din genoptræning fortsætter',
					body: 'Vi har talt med din læge, og du fortsætter hos os.'
				})
			});
			expect(response.status).toBe(201);
			await expect
				.poll(() => simulator.received.length, { timeout: 60_000, interval: 100 })
				.toBe(1);
			const died = new Promise((resolve) => first.process.once('exit', resolve));
			first.process.kill('SIGKILL');
			await died;
			expect(first.process.signalCode).toBe('SIGKILL');
			const stored = simulator.received[0]!;

			// The restart comes after the sending timeout: its first sweep finds the posting.
			await new Promise((resolve) => setTimeout(resolve, SENDING_TIMEOUT_S * 1000 + 500));
			const second = await startServer({ database, env, timeoutMs: 60_000 });
			started.push(second);
			await expect
				.poll(() => simulator.requests.kombi, { timeout: 60_000, interval: 200 })
				.toBeGreaterThanOrEqual(2);
			// Give the worker time to record what the service answered.
			await new Promise((resolve) => setTimeout(resolve, 2_000));
			expect(await second.stop()).toBe(0);

			expect(simulator.received).toHaveLength(1);
			const parsed = parseKombiRequest(stored.body);
			expect(parsed.errors).toEqual([]);
			expect(parsed.request).toMatchObject({
				kode: 'Fysisk Post',
				recipientCpr: DEMO_CITIZENS['Karl Nielsen'].replace('-', ''),
				hasPrint: true
			});
			const postings = await withDb(database, (db) =>
				db
					.selectFrom('postings')
					.select(['id', 'status', 'transaction_id', 'attempts', 'letter_count'])
					.where('citizen_id', '=', demoIds.citizen('Karl Nielsen'))
					.execute()
			);
			expect(postings).toHaveLength(1);
			expect(postings[0]).toMatchObject({
				id: stored.messageUuid,
				status: 'sent',
				transaction_id: stored.transactionId,
				letter_count: 1
			});
			const letters = await withDb(database, (db) =>
				db
					.selectFrom('letters')
					.select(['status', 'posted_at'])
					.where('posting_id', '=', stored.messageUuid)
					.execute()
			);
			expect(letters).toHaveLength(1);
			expect(letters[0]!.status).toBe('posted');
			recordScenario({
				scenario: 'kill -9 between an SF1601 request and its record',
				database: kind,
				passed: true,
				figures: {
					'requests reaching the service': simulator.requests.kombi,
					'letters the service stored': simulator.received.length,
					'postings recorded as sent': postings.filter((p) => p.status === 'sent').length
				}
			});
		} finally {
			for (const server of started) {
				if (server.process.exitCode === null && server.process.signalCode === null) {
					server.process.kill('SIGKILL');
				}
			}
			await simulator.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

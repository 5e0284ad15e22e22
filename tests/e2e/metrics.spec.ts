// /metrics for Prometheus: request durations by route id, the process's own metrics, the job
// queue's depth, the letters waiting and the e-mails and SMS not yet sent as the database holds them, refused logins by audience
// and reason, and who may read it (a bearer token, the demo, or nobody in production).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { jobQueueDepths, lettersWaiting } from '../../src/lib/server/db/metrics';
import { notificationBacklog, type BacklogRow } from '../../src/lib/server/db/operations';
import { enqueue, QUEUES } from '../../src/lib/server/jobs/queue';
import { demoIds } from '../../src/lib/server/seed/demo';
import { CookieBrowser, loginThroughApp } from './oidc-flow';
import { startSeededServer, type SeededServer } from './seeded-server';
import { copyDemoDatabase, DEMO_CPR_KEY } from './databases';
import { startServer, type RunningServer } from './server';

/** The value of one series in Prometheus's text format, or undefined when it is absent. */
function sample(
	text: string,
	name: string,
	labels: Record<string, string> = {}
): number | undefined {
	for (const line of text.split('\n')) {
		if (line.startsWith('#')) continue;
		const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
		if (!match || match[1] !== name) continue;
		const found = Object.fromEntries(
			[...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]])
		);
		if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(match[3]);
	}
	return undefined;
}

describe('/metrics in the demo (no token)', () => {
	let server: SeededServer;
	let expectedLetters = 0;
	let expectedDepths = new Map<string, number>();
	let expectedBacklog: BacklogRow[] = [];
	const twoHoursAgo = new Date(clock.now().getTime() - 2 * 3_600_000);

	beforeAll(async () => {
		// The worker stays off (JOBS=off), so the queue and the letters keep the numbers set here.
		const jobs = process.env.JOBS;
		process.env.JOBS = 'off';
		try {
			server = await startSeededServer(async (db) => {
				const karl = demoIds.citizen('Karl Nielsen');
				const letter = {
					citizen_id: karl,
					subject: 'Metrics test',
					body: 'Metrics test',
					recipient_name: 'Test',
					recipient_address: 'Test',
					created_at: clock.now()
				};
				await db
					.insertInto('letters')
					.values([
						{ ...letter, status: 'queued' },
						{ ...letter, status: 'rendered' },
						{ ...letter, status: 'printed' },
						{ ...letter, status: 'posted' }
					])
					.execute();
				await enqueue(db, QUEUES.sweep, {});
				await enqueue(db, QUEUES.sweep, {});
				await enqueue(db, QUEUES.deliver, { citizenId: karl, channel: 'email' });
				// E-mails and SMS not yet sent: one e-mail being retried since two hours ago, one SMS
				// not tried yet, and rows that are no longer waiting.
				const notification = {
					citizen_id: karl,
					event_type: 'status',
					timeline_entry_id: null,
					send_after: twoHoursAgo
				};
				await db
					.insertInto('notifications')
					.values([
						{
							...notification,
							channel: 'email',
							status: 'pending',
							attempts: 2,
							created_at: twoHoursAgo
						},
						{ ...notification, channel: 'sms', status: 'pending', created_at: clock.now() },
						{
							...notification,
							channel: 'sms',
							status: 'sent',
							attempts: 1,
							created_at: twoHoursAgo
						},
						{
							...notification,
							channel: 'email',
							status: 'failed',
							attempts: 6,
							created_at: twoHoursAgo
						}
					])
					.execute();
				expectedBacklog = await notificationBacklog(db);
				expectedLetters = await lettersWaiting(db);
				expectedDepths = await jobQueueDepths(db);
			});
		} finally {
			if (jobs === undefined) delete process.env.JOBS;
			else process.env.JOBS = jobs;
		}
	});
	afterAll(async () => {
		await server?.stop();
	});

	const scrape = async () => {
		const response = await fetch(`${server.url}/metrics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/plain');
		expect(response.headers.get('cache-control')).toBe('no-store');
		return response.text();
	};

	it('counts request durations by method, route id and status, never by raw URL', async () => {
		for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/`)).status).toBe(200);
		expect((await fetch(`${server.url}/findes-ikke?x=1`)).status).toBe(404);
		const staffPage = await fetch(`${server.url}/staff/borger/${demoIds.citizen('Maja Jensen')}`, {
			redirect: 'manual'
		});
		const text = await scrape();
		const root = { method: 'GET', route: '/', status: '200' };
		expect(sample(text, 'http_request_duration_seconds_count', root)).toBeGreaterThanOrEqual(3);
		expect(sample(text, 'http_request_duration_seconds_sum', root)).toBeGreaterThan(0);
		expect(
			sample(text, 'http_request_duration_seconds_bucket', { ...root, le: '+Inf' })
		).toBeGreaterThanOrEqual(3);
		expect(
			sample(text, 'http_request_duration_seconds_count', {
				method: 'GET',
				route: 'unmatched',
				status: '404'
			})
		).toBe(1);
		expect(
			sample(text, 'http_request_duration_seconds_count', {
				method: 'GET',
				route: '/staff/borger/[citizenId]',
				status: String(staffPage.status)
			})
		).toBe(1);
		// No citizen id, path or query string as a label.
		expect(text).not.toContain(demoIds.citizen('Maja Jensen'));
		expect(text).not.toContain('findes-ikke');
	});

	it('includes the default process metrics', async () => {
		const text = await scrape();
		expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
		expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
		expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
	});

	it('reports the job queue depth per queue and the letters waiting, as the database holds them', async () => {
		const text = await scrape();
		expect(expectedDepths.get(QUEUES.sweep)).toBeGreaterThanOrEqual(2);
		for (const queue of Object.values(QUEUES)) {
			expect(sample(text, 'sammen_job_queue_depth', { queue }), queue).toBe(
				expectedDepths.get(queue) ?? 0
			);
		}
		expect(expectedLetters).toBeGreaterThanOrEqual(2);
		expect(sample(text, 'sammen_letters_waiting')).toBe(expectedLetters);
	});

	it('reports the e-mails and SMS not yet sent per channel and state, and the age of the oldest', async () => {
		const text = await scrape();
		expect(expectedBacklog).toEqual([
			{ channel: 'email', waiting: 0, retrying: 1, oldest: twoHoursAgo },
			{ channel: 'sms', waiting: 1, retrying: 0, oldest: expect.any(Date) }
		]);
		const waiting = (channel: string, state: string) =>
			sample(text, 'sammen_notifications_waiting', { channel, state });
		expect(waiting('email', 'waiting')).toBe(0);
		expect(waiting('email', 'retrying')).toBe(1);
		expect(waiting('sms', 'waiting')).toBe(1);
		expect(waiting('sms', 'retrying')).toBe(0);
		// Two hours, on the server's clock, which runs on from this process's.
		const age = sample(text, 'sammen_notifications_oldest_waiting_seconds', { channel: 'email' });
		expect(age).toBeGreaterThanOrEqual(7200);
		expect(age).toBeLessThan(7200 + 300);
		expect(
			sample(text, 'sammen_notifications_oldest_waiting_seconds', { channel: 'sms' })
		).toBeLessThan(300);
	});

	it('counts refused logins by audience and reason', async () => {
		const before = await scrape();
		const refused = (text: string, audience: string, reason: string) =>
			sample(text, 'sammen_logins_refused_total', { audience, reason });
		expect(refused(before, 'citizen', 'loa_too_low')).toBe(0);
		expect(refused(before, 'staff', 'unknown_staff')).toBe(0);

		// A callback without the login's state (a replay, or too late).
		const expired = await fetch(`${server.url}/auth/citizen/callback?code=x&state=y`, {
			redirect: 'manual'
		});
		expect(expired.headers.get('location')).toContain('grund=expired');
		// MitID at a level below the minimum.
		const low = await loginThroughApp(new CookieBrowser(), server.url, {
			kind: 'citizen',
			account: 'demo-citizen-maja-jensen',
			loa: 'low'
		});
		expect(low.destination).toContain('grund=loa_too_low');

		const after = await scrape();
		expect(refused(after, 'citizen', 'expired')).toBe(
			(refused(before, 'citizen', 'expired') ?? 0) + 1
		);
		expect(refused(after, 'citizen', 'loa_too_low')).toBe(1);
		expect(refused(after, 'staff', 'unknown_staff')).toBe(0);
	});
});

describe('access to /metrics', () => {
	const started: RunningServer[] = [];
	afterAll(async () => {
		await Promise.all(started.map((s) => s.stop()));
	});

	it('requires the bearer token when METRICS_TOKEN is set, and counts rate-limited logins', async () => {
		const token = randomBytes(24).toString('base64url');
		const server = await startServer({
			env: { METRICS_TOKEN: token, LOGIN_RATE_LIMIT_PER_MINUTE: '2' }
		});
		started.push(server);
		const get = (authorization?: string) =>
			fetch(`${server.url}/metrics`, {
				headers: authorization ? { authorization } : {}
			});
		const missing = await get();
		expect(missing.status).toBe(401);
		expect(missing.headers.get('www-authenticate')).toContain('Bearer');
		expect(await missing.text()).not.toContain('http_request_duration_seconds');
		expect((await get(`Bearer ${token}x`)).status).toBe(401);
		expect((await get(`Bearer ${token.slice(0, -1)}`)).status).toBe(401);
		expect((await get(`Basic ${token}`)).status).toBe(401);
		expect((await get(token)).status).toBe(401);

		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) {
			statuses.push((await fetch(`${server.url}/login`, { redirect: 'manual' })).status);
		}
		expect(statuses).toEqual([303, 303, 429]);

		const ok = await get(`Bearer ${token}`);
		expect(ok.status).toBe(200);
		const text = await ok.text();
		expect(
			sample(text, 'sammen_logins_refused_total', { audience: 'citizen', reason: 'rate_limited' })
		).toBe(1);
		expect(
			sample(text, 'http_request_duration_seconds_count', {
				method: 'GET',
				route: '/login',
				status: '429'
			})
		).toBe(1);
	});

	it('answers 404 in production without a token, and warns at start-up', async () => {
		// On a copy of the seeded demo, which saves creating and seeding a database of its own.
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-'));
		const server = await startServer({
			database: await copyDemoDatabase(inject('templates'), dataDir),
			env: { NODE_ENV: 'production', CPR_KEY: DEMO_CPR_KEY, DEMO: '1' }
		});
		started.push({
			...server,
			stop: () => server.stop().finally(() => fs.rmSync(dataDir, { recursive: true, force: true }))
		});
		expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
		expect(server.output()).toContain('METRICS_TOKEN is not set');
	});
});

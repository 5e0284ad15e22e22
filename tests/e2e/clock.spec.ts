// The application's one clock (docs/TIME.md), end to end: a server pinned far from today by
// SAMMEN_NOW seeds, shows and writes on its own calendar, and nothing it stores carries the
// database server's time; production refuses the pin.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/lib/server/db/connect';
import { formatDateTime } from '../../src/lib/format';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { text } from './html';
import { loginCitizen, postForm } from './portal';
import { freePort, startServer, type RunningServer } from './server';
import { loginStaff } from './staff';

// More than a year from any day this suite runs on, so a time taken from the system (or the
// database server) instead of the app's clock cannot pass for one of the pinned clock's.
const PIN = '2028-02-29T10:00:00+01:00';

/** The system's own time, on purpose: it is what the pinned data must stay away from. */
function systemTime(): number {
	// eslint-disable-next-line no-restricted-syntax
	return Date.now();
}

describe('a server pinned by SAMMEN_NOW', () => {
	let server: RunningServer;
	let dataDir: string;
	let startedAt: number;

	beforeAll(async () => {
		startedAt = systemTime();
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-clock-'));
		server = await startServer({ dataDir, env: { SAMMEN_NOW: PIN } });
	});

	afterAll(async () => {
		if (server?.process.exitCode === null) await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('says in its log that the clock is pinned', () => {
		expect(server.output()).toContain('The clock is pinned by SAMMEN_NOW');
		expect(server.output()).toContain('"pinnedAt":"2028-02-29T09:00:00.000Z"');
	});

	it("shows the demo's next meeting on the pinned calendar: Tuesday of the week after", async () => {
		const demo = new DemoClock(new Date(PIN));
		const nextMeeting = demo.nextWeek();
		// 29 February 2028 is a Tuesday: "next week" is Tuesday 7 March at 10.00.
		expect(demo.dateOf(nextMeeting)).toBe(demo.date(7));
		const maja = await loginCitizen(server.url, 'demo-citizen-maja-jensen');
		const overview = text(await (await maja.go(`${server.url}/`)).text());
		expect(overview).toContain(formatDateTime(nextMeeting, 'da'));
	});

	it('stamps what it writes with its own clock, never the database server’s', async () => {
		const maja = await loginCitizen(server.url, 'demo-citizen-maja-jensen');
		const journey = demoIds.journey('maja');
		const sent = await postForm(maja, `${server.url}/forloeb/${journey}/beskeder?/skriv`, {
			besked: 'Hej. Jeg kommer til mødet.'
		});
		expect(sent.status).toBe(303);
		// Consent withdrawn and given again: consent rows, timeline entries, receipts.
		for (const action of ['traek', 'giv']) {
			const consent = await postForm(maja, `${server.url}/samtykke?/${action}`, {
				department: demoIds.department('jobcenter')
			});
			expect(consent.status).toBe(303);
		}
		const lone = await loginStaff(server.url, 'Lone Madsen');
		expect((await lone.go(`${server.url}/staff/forloeb/${journey}`)).status).toBe(200);
		// A status entry with a deadline on the pinned calendar: entry, case, notifications, jobs.
		const newEntry = `${server.url}/staff/forloeb/${journey}/ny-post`;
		const token = /name="token" value="([^"]+)"/.exec(await (await lone.go(newEntry)).text())?.[1];
		expect(token).toBeTruthy();
		const entry = await postForm(lone, `${newEntry}?/gem`, {
			token: token!,
			type: 'status',
			synlighed: 'citizen',
			titel: 'Vi venter på dine lønsedler',
			tekst: 'Send dine lønsedler.',
			sag: demoIds.case('maja-job'),
			status: 'in_progress',
			venterPaa: 'citizen',
			naesteSkridt: 'Send lønsedler til Jobcenter',
			frist: new DemoClock(new Date(PIN)).dueDate(10)
		});
		expect(entry.status).toBe(303);
		const finishedAt = systemTime();
		expect(await server.stop()).toBe(0);

		const handle = await connect({ dataDir });
		try {
			const columns = await sql<{ table_name: string; column_name: string }>`
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and data_type = 'timestamp with time zone'
				order by table_name, column_name`.execute(handle.db);
			expect(columns.rows.length).toBeGreaterThan(30);
			// Two days either side of the real run: nothing may fall there, the pin is years away.
			const from = new Date(startedAt - 2 * 86_400_000);
			const to = new Date(finishedAt + 2 * 86_400_000);
			const leaks: string[] = [];
			for (const { table_name, column_name } of columns.rows) {
				const found = await sql<{ n: number }>`
					select count(*)::int as n from ${sql.table(table_name)}
					where ${sql.ref(column_name)} between ${from} and ${to}`.execute(handle.db);
				if ((found.rows[0]?.n ?? 0) > 0) leaks.push(`${table_name}.${column_name}`);
			}
			expect(leaks).toEqual([]);

			// And what this test did is there, at the pinned time.
			const pinned = new Date(PIN);
			const message = await handle.db
				.selectFrom('messages')
				.select('sent_at')
				.where('body', '=', 'Hej. Jeg kommer til mødet.')
				.executeTakeFirstOrThrow();
			expect(message.sent_at.getTime()).toBeGreaterThanOrEqual(pinned.getTime());
			const written = await handle.db
				.selectFrom('timeline_entries')
				.select(['occurred_at', 'created_at'])
				.where('title', '=', 'Vi venter på dine lønsedler')
				.executeTakeFirstOrThrow();
			expect(written.occurred_at.getTime()).toBeGreaterThanOrEqual(pinned.getTime());
			expect(written.created_at.getTime()).toBeGreaterThanOrEqual(pinned.getTime());
			const notified = await handle.db
				.selectFrom('notifications')
				.select(['send_after', 'created_at'])
				.where('created_at', '>=', pinned)
				.execute();
			expect(notified.length).toBeGreaterThan(0);
			const audit = await handle.db
				.selectFrom('audit_events')
				.select((eb) => eb.fn.max('occurred_at').as('newest'))
				.executeTakeFirstOrThrow();
			expect(new Date(audit.newest as Date).getTime()).toBeGreaterThanOrEqual(pinned.getTime());
			const sessions = await handle.db
				.selectFrom('sessions')
				.select(['created_at', 'last_seen_at'])
				.execute();
			expect(sessions.length).toBeGreaterThanOrEqual(3);
			for (const session of sessions) {
				expect(session.created_at.getTime()).toBeGreaterThanOrEqual(pinned.getTime());
			}
		} finally {
			await handle.close();
		}
	});
});

describe('SAMMEN_NOW in production', () => {
	it('stops the start with its reason: production runs on the system clock', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-e2e-clock-prod-'));
		try {
			const port = await freePort();
			const child = spawn(process.execPath, [path.join('build', 'index.js')], {
				env: {
					...process.env,
					NODE_ENV: 'production',
					DEMO: '',
					SAMMEN_NOW: PIN,
					CPR_KEY: randomBytes(32).toString('base64'),
					HOST: '127.0.0.1',
					PORT: String(port),
					DATA_DIR: dataDir,
					DATABASE_URL: '',
					ORIGIN: `http://127.0.0.1:${port}`
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let output = '';
			child.stdout.on('data', (chunk) => (output += chunk));
			child.stderr.on('data', (chunk) => (output += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
			clearTimeout(timer);
			expect(code).not.toBe(0);
			expect(code).not.toBeNull();
			expect(output).toContain('production always runs on the system clock');
		} finally {
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	});
});

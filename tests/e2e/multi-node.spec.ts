// Several app nodes on one PostgreSQL: two app processes started at the same
// moment on an empty database migrate and seed it once; a session made on one is valid on the
// other; jobs are done exactly once while both workers compete for them; and an API key's rate
// limit and a member of staff's search limit are each counted once for both.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSECURE_COOKIE_NAME } from '../../src/lib/server/auth/session';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import { connect, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { migrationNames } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { notifyCitizen } from '../../src/lib/server/notifications/route';
import { demoIds } from '../../src/lib/server/seed/demo';
import { adminQuery } from '../templates';
import { startSmtpServer, type TestSmtpServer } from '../smtp';
import { CookieBrowser } from './oidc-flow';
import { text } from './html';
import { postForm } from './portal';
import { startServer, type RunningServer } from './server';
import { loginStaff } from './staff';

const pgUrl = process.env.TEST_DATABASE_URL;
/** The nodes' API rate limit a minute. */
const API_LIMIT = 6;
/** The nodes' search limit a minute per member of staff. */
const SEARCH_LIMIT = 4;
if (!pgUrl) {
	console.warn(
		'\n*** multi-node.spec.ts: TEST_DATABASE_URL is not set; the multi-node tests are skipped ' +
			'(they fail in CI) ***\n'
	);
}

/** How many events an e-mail tells of: "en ny besked" is one, "N nye beskeder" is N. */
function eventsIn(raw: string): number {
	if (raw.includes('Du har en ny besked')) return 1;
	const many = /Du har (\d+) nye beskeder/.exec(raw);
	if (!many) throw new Error('Not a notification e-mail');
	return Number(many[1]);
}

describe.skipIf(!pgUrl && process.env.CI !== 'true')('two app nodes on one PostgreSQL', () => {
	const name = `sammen_nodes_${randomBytes(5).toString('hex')}`;
	let databaseUrl: string;
	let smtp: TestSmtpServer;
	let handle: DatabaseHandle;
	let db: Kysely<Database>;
	let nodes: RunningServer[] = [];
	const savedBundle = process.env.NOTIFY_BUNDLE_MINUTES;

	beforeAll(async () => {
		if (!pgUrl) throw new Error('TEST_DATABASE_URL is required for these tests in CI');
		await adminQuery(pgUrl, `create database ${name}`);
		const url = new URL(pgUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		smtp = await startSmtpServer();
		// Both nodes share the CPR key, as nodes of one deployment do.
		const env = {
			DATABASE_URL: databaseUrl,
			CPR_KEY: randomBytes(32).toString('base64'),
			SMTP_URL: smtp.url,
			NOTIFY_BUNDLE_MINUTES: '0',
			NOTIFY_POLL_SECONDS: '0.5',
			// Low, so that the test below reaches it: counted once for both nodes.
			API_RATE_LIMIT_PER_MINUTE: String(API_LIMIT),
			SEARCH_RATE_LIMIT_PER_MINUTE: String(SEARCH_LIMIT)
		};
		// Started at the same moment on an empty database: both migrate and seed at once.
		nodes = await Promise.all([startServer({ env }), startServer({ env })]);
		handle = await connect({ databaseUrl, dataDir: '/tmp', poolSize: 2 });
		db = handle.db;
		process.env.NOTIFY_BUNDLE_MINUTES = '0';
	}, 180_000);

	afterAll(async () => {
		if (savedBundle === undefined) delete process.env.NOTIFY_BUNDLE_MINUTES;
		else process.env.NOTIFY_BUNDLE_MINUTES = savedBundle;
		await Promise.all(nodes.map((node) => node.stop()));
		await handle?.close();
		await smtp?.close();
		if (pgUrl) await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
	});

	it('counts an API key’s rate limit once across both nodes', async () => {
		const { key } = await createApiKey(db, {
			departmentId: demoIds.department('jobcenter'),
			name: 'Two nodes',
			createdByStaffId: null
		});
		const statuses: number[] = [];
		for (let i = 0; i < API_LIMIT + 2; i++) {
			// Alternately on each node, as a load balancer would send them.
			const node = nodes[i % 2]!;
			const response = await fetch(
				`${node.url}/api/v1/citizens/${demoIds.citizen('Maja Jensen')}`,
				{
					headers: { authorization: `Bearer ${key}` }
				}
			);
			await response.arrayBuffer();
			statuses.push(response.status);
		}
		// Counted per node, each would have allowed API_LIMIT.
		expect(statuses.slice(0, API_LIMIT).every((status) => status !== 429)).toBe(true);
		expect(statuses.slice(API_LIMIT)).toEqual([429, 429]);
	});

	it('counts a member of staff’s search limit once across both nodes', async () => {
		const [a, b] = nodes as [RunningServer, RunningServer];
		// One session, used on both nodes, as a load balancer without sticky sessions sends it.
		const onA = await loginStaff(a.url, 'Peter Holm');
		const onB = new CookieBrowser();
		onB.setCookie(b.url, INSECURE_COOKIE_NAME, onA.cookie(a.url, INSECURE_COOKIE_NAME)!);
		const statuses: number[] = [];
		let refused = '';
		for (let i = 0; i < SEARCH_LIMIT + 2; i++) {
			const [node, browser] = i % 2 === 0 ? [a, onA] : [b, onB];
			const response = await postForm(browser, `${node.url}/staff/soeg?/soeg`, {
				query: 'Jensen',
				purpose: ''
			});
			statuses.push(response.status);
			const html = await response.text();
			if (response.status === 429) refused = text(html);
		}
		// Counted per node, each would have allowed SEARCH_LIMIT.
		expect(statuses).toEqual([...Array<number>(SEARCH_LIMIT).fill(200), 429, 429]);
		expect(refused).toContain('Du har søgt mange gange på kort tid.');
		const peter = demoIds.staff('Peter Holm');
		const rows = await db
			.selectFrom('audit_events')
			.select(['object_type', 'criterion'])
			.where('actor_staff_id', '=', peter)
			.where('action', '=', 'search')
			.execute();
		expect(rows.filter((r) => r.object_type === 'citizen_search_refused')).toEqual([
			{ object_type: 'citizen_search_refused', criterion: 'navn: Jensen' },
			{ object_type: 'citizen_search_refused', criterion: 'navn: Jensen' }
		]);
	});

	it('migrated and seeded the database once, though both nodes started together', async () => {
		const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
		expect(applied.rows.map((r) => r.name).sort()).toEqual([...migrationNames].sort());
		const departments = await db.selectFrom('departments').select('slug').execute();
		expect(departments.length).toBeGreaterThan(0);
		expect(new Set(departments.map((d) => d.slug)).size).toBe(departments.length);
		const citizens = await db
			.selectFrom('citizens')
			.select('id')
			.where('name', '=', 'Maja Jensen')
			.execute();
		expect(citizens).toHaveLength(1);
		for (const node of nodes) expect((await fetch(`${node.url}/healthz`)).status).toBe(200);
	});

	it('accepts a session made on one node on the other, and ends it on both at logout', async () => {
		const [a, b] = nodes as [RunningServer, RunningServer];
		const onA = await loginStaff(a.url, 'Lone Madsen');
		const token = onA.cookie(a.url, INSECURE_COOKIE_NAME);
		expect(token).toBeTruthy();
		const onB = new CookieBrowser();
		onB.setCookie(b.url, INSECURE_COOKIE_NAME, token!);
		const page = await onB.go(`${b.url}/staff`);
		expect(page.status).toBe(200);
		expect(text(await page.text())).toContain('Lone Madsen');
		// Logging out on A ends the session in the database, so B no longer knows it either.
		const logout = await onA.go(`${a.url}/logout`, { method: 'POST' });
		await logout.text();
		const after = await onB.go(`${b.url}/staff`);
		await after.text();
		expect(after.status).toBe(303);
	});

	it('does each job once while both nodes’ workers compete: every event is told exactly once', async () => {
		const maja = demoIds.citizen('Maja Jensen');
		const before = smtp.received.length;
		const sources = Array.from({ length: 12 }, (_, i) => `multi-node-${i}`);
		for (const source of sources) {
			await db.transaction().execute((trx) =>
				notifyCitizen(trx, {
					citizenId: maja,
					type: 'note',
					sourceId: source,
					journeyId: null,
					departmentId: null,
					letter: () => ({ subject: 'x', body: 'y' })
				})
			);
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
		const keys = sources.map((s) => `note:${s}:email`);
		const rows = () =>
			db
				.selectFrom('notifications')
				.select(['status', 'bundle_id', 'id'])
				.where('idempotency_key', 'in', keys)
				.execute();
		await expect
			.poll(
				async () => (await rows()).every((r) => r.status === 'sent' || r.status === 'bundled'),
				{
					timeout: 30_000,
					interval: 250
				}
			)
			.toBe(true);
		// Let any duplicate arrive before counting.
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		const mails = smtp.received.slice(before);
		const sent = (await rows()).filter((r) => r.status === 'sent');
		expect(mails).toHaveLength(sent.length);
		expect(mails.reduce((sum, mail) => sum + eventsIn(mail.raw), 0)).toBe(sources.length);
		// Every pg-boss job for these deliveries finished once, none failed.
		const failed = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
			where name = 'notify-deliver' and state = 'failed'`.execute(db);
		expect(failed.rows[0]!.n).toBe(0);
	}, 90_000);
});

// Notifications end to end on the production path (the built app on PostgreSQL, two processes one
// after the other): staff plan joint meetings through the forms; Maja gets one e-mail through a real
// SMTP server and one SMS through an HTTP provider; Karl gets exactly one letter, whose PDF names him
// and his address. Killing the app between sending an e-mail and recording it, then starting it
// again, does not send that e-mail a second time.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { connect, type DatabaseHandle } from '../../src/lib/server/db/connect';
import type { Database } from '../../src/lib/server/db/schema';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { adminQuery } from '../templates';
import { flatText, readPdf } from '../pdf-reader';
import { startSmtpServer, type TestSmtpServer } from '../smtp';
import { postForm } from './portal';
import { startServer, type RunningServer } from './server';
import { loginStaff } from './staff';

const pgUrl = process.env.TEST_DATABASE_URL;
if (!pgUrl) {
	console.warn(
		'\n*** notifications.spec.ts: TEST_DATABASE_URL is not set; its PostgreSQL tests are skipped ' +
			'(they fail in CI) ***\n'
	);
}

interface SmsProvider {
	url: string;
	received: { to: string; text: string; idempotencyKey: string | undefined }[];
	close(): Promise<void>;
}

async function startSmsProvider(): Promise<SmsProvider> {
	const received: SmsProvider['received'] = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			const json = JSON.parse(body) as { to: string; text: string };
			received.push({
				to: json.to,
				text: json.text,
				idempotencyKey: req.headers['idempotency-key'] as string | undefined
			});
			res.writeHead(202, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ id: `sms-${received.length}` }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}/messages`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** A date some days ahead as 'YYYY-MM-DD' in Danish time, on the pinned clock. */
function dayAhead(days: number): string {
	return new DemoClock(clock.now()).date(days);
}

async function planMeeting(baseUrl: string, staffName: string, journeyKey: string, title: string) {
	const staff = await loginStaff(baseUrl, staffName);
	const response = await postForm(
		staff,
		`${baseUrl}/staff/forloeb/${demoIds.journey(journeyKey)}/moede?/planlaeg`,
		{
			title,
			date: dayAhead(12),
			start: '10:00',
			end: '11:00',
			location: 'Rådhuset, mødelokale 2',
			videoUrl: '',
			agenda: '1. Planen\n2. Næste skridt',
			whatToBring: ''
		}
	);
	await response.text();
	expect(response.status).toBe(303);
}

describe.skipIf(!pgUrl && process.env.CI !== 'true')('notifications on PostgreSQL', () => {
	const name = `sammen_notify_${randomBytes(5).toString('hex')}`;
	let databaseUrl: string;
	let smtp: TestSmtpServer;
	let sms: SmsProvider;
	let handle: DatabaseHandle;
	let db: Kysely<Database>;
	let server: RunningServer | undefined;
	const dataDir = `/tmp/${name}`;

	const env = () => ({
		DATABASE_URL: databaseUrl,
		DATA_DIR: dataDir,
		SMTP_URL: smtp.url,
		SMS_HTTP_URL: sms.url,
		SMS_HTTP_TOKEN: 'test-token',
		NOTIFY_BUNDLE_MINUTES: '0',
		NOTIFY_POLL_SECONDS: '0.5',
		NOTIFY_SENDING_TIMEOUT_SECONDS: '1'
	});

	beforeAll(async () => {
		if (!pgUrl) throw new Error('TEST_DATABASE_URL is required for these tests in CI');
		await adminQuery(pgUrl, `create database ${name}`);
		const url = new URL(pgUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		smtp = await startSmtpServer();
		sms = await startSmsProvider();
		// The first start migrates and seeds the demo municipality into the empty database.
		server = await startServer({ env: env(), dataDir });
		handle = await connect({ databaseUrl, dataDir, poolSize: 2 });
		db = handle.db;
	});

	afterAll(async () => {
		await server?.stop();
		await handle?.close();
		await smtp?.close();
		await sms?.close();
		if (pgUrl) await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
	});

	const emailNotifications = () =>
		db
			.selectFrom('notifications')
			.selectAll()
			.where('citizen_id', '=', demoIds.citizen('Maja Jensen'))
			.where('channel', '=', 'email')
			.where('event_type', '=', 'meeting_invite')
			.orderBy('created_at')
			.execute();

	it('does not send an e-mail again after the app is killed between sending and recording it', async () => {
		const killed = server!;
		smtp.onMessage = () => {
			// The SMTP server has the message; the app dies before it hears the reply.
			killed.process.kill('SIGKILL');
		};
		await planMeeting(killed.url, 'Mette Larsen', 'maja', 'Møde før nedbruddet');
		await smtp.waitFor(1);
		smtp.onMessage = undefined;
		await killed.stop();
		server = undefined;
		expect((await emailNotifications()).map((n) => n.status)).toEqual(['sending']);

		// Restarted after the sending timeout: the delivery is taken as interrupted, not re-sent.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		server = await startServer({ env: env(), dataDir });
		await expect
			.poll(async () => (await emailNotifications()).map((n) => n.status), { timeout: 20_000 })
			.toEqual(['uncertain']);
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(smtp.received).toHaveLength(1);
	}, 120_000);

	it('sends Maja exactly one e-mail and one SMS for a joint meeting, without personal details', async () => {
		const mailsBefore = smtp.received.length;
		const smsBefore = sms.received.length;
		await planMeeting(server!.url, 'Mette Larsen', 'maja', 'Fællesmøde om job og familie');
		const mails = await smtp.waitFor(mailsBefore + 1);
		await expect.poll(() => sms.received.length, { timeout: 20_000 }).toBe(smsBefore + 1);
		// Nothing more arrives for the same event.
		await new Promise((resolve) => setTimeout(resolve, 3_000));
		expect(smtp.received).toHaveLength(mailsBefore + 1);
		expect(sms.received).toHaveLength(smsBefore + 1);
		const mail = mails.at(-1)!;
		expect(mail.to).toEqual(['maja.jensen@example.com']);
		expect(mail.raw).toContain('Du har en ny besked fra kommunen i Sammen.');
		expect(mail.raw).toContain(server!.url);
		expect(mail.raw).not.toMatch(/Maja|F=C3=A6llesm=C3=B8de|Fællesmøde/);
		const text = sms.received.at(-1)!;
		expect(text.to).toBe('12 34 52 01');
		expect(text.text).toContain('Du har en ny besked fra kommunen i Sammen');
		expect(text.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
		const sent = (await emailNotifications()).filter((n) => n.status === 'sent');
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ provider: 'smtp', attempts: 1 });
	}, 60_000);

	it('sends analog Karl exactly one letter for a joint meeting, a PDF with his name and address', async () => {
		const mailsBefore = smtp.received.length;
		// Karl's letters from before (the demo's): what the meeting adds is every other one. By id,
		// not by time: the server's clock goes on from this process's but starts a moment later, so
		// "now" here may lie a little ahead of the server's.
		const karl = demoIds.citizen('Karl Nielsen');
		const before = (
			await db.selectFrom('letters').select('id').where('citizen_id', '=', karl).execute()
		).map((l) => l.id);
		await planMeeting(server!.url, 'Hanne Vestergaard', 'karl', 'Fællesmøde om hjælp i hjemmet');
		const letters = async () =>
			(await db.selectFrom('letters').selectAll().where('citizen_id', '=', karl).execute()).filter(
				(l) => !before.includes(l.id)
			);
		await expect
			.poll(async () => (await letters()).map((l) => l.status), { timeout: 20_000 })
			.toEqual(['rendered']);
		const [letter] = await letters();
		const text = flatText(readPdf(letter!.pdf!));
		expect(text).toContain('Karl Nielsen');
		expect(text).toContain('Kirkevej 14, 1. tv.');
		expect(text).toContain('Fællesmøde om hjælp i hjemmet');
		// A letter entry on his timeline; no e-mail or SMS for an analog citizen.
		const entry = await db
			.selectFrom('timeline_entries')
			.selectAll()
			.where('letter_id', '=', letter!.id)
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ kind: 'letter', visibility: 'citizen' });
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(await letters()).toHaveLength(1);
		expect(smtp.received).toHaveLength(mailsBefore);
	}, 60_000);

	it('stops gracefully: the worker finishes and the process exits 0', async () => {
		const running = server!;
		server = undefined;
		expect(await running.stop()).toBe(0);
	}, 30_000);
});

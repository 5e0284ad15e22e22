// Letters through SF1601 against the local simulator over real mutual TLS: remote print for analog
// Karl, Digital Post for a digital citizen's decision, one letter for a day's events, copies to a
// representative with full scope, exactly one request however often a job runs or a worker dies,
// retries on 5xx, the dead-letter list and a task on 4xx, and where the address comes from.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { decryptCpr } from '../../src/lib/server/crypto/cpr';
import { citizenContactCard, searchCitizensByName } from '../../src/lib/server/db/citizens';
import { listCitizenDocuments } from '../../src/lib/server/db/documents';
import { listDeadNotifications } from '../../src/lib/server/db/operations';
import { listTimeline } from '../../src/lib/server/db/timeline';
import { appendTimelineEntry } from '../../src/lib/server/db/timeline';
import {
	registerAddressSource,
	storedAddressSource
} from '../../src/lib/server/digital-post/address';
import { validateKombiRequest } from '../../src/lib/server/digital-post/app';
import { parseKombiRequest, validateMemo } from '../../src/lib/server/digital-post/memo';
import {
	postDue,
	resumeStrandedPosts,
	runPostJob,
	sendPosting,
	type PostDeps,
	type PostSender
} from '../../src/lib/server/digital-post/post';
import { digitalPostSettings, letterSendAfter } from '../../src/lib/server/digital-post/settings';
import { sf1601Sender } from '../../src/lib/server/digital-post/sf1601';
import { QUEUES } from '../../src/lib/server/jobs/queue';
import { letterReference } from '../../src/lib/server/letters/pdf';
import { addWorkingDays } from '../../src/lib/server/letters/print-queue';
import { notifyCitizen, type EventType } from '../../src/lib/server/notifications/route';
import { notificationSettings } from '../../src/lib/server/notifications/settings';
import { retryDeadLetter } from '../../src/lib/server/operations/dead-letters';
import { DEMO_CITIZENS } from '../../src/lib/server/seed/demo-data';
import { demoIds } from '../../src/lib/server/seed/demo';
import { copenhagenInstant } from '../../src/lib/server/seed/demo-time';
import { generateTestPki, writePki } from '../../src/lib/server/serviceplatformen/certificates';
import {
	createServiceplatformenClient,
	type ServiceplatformenClient
} from '../../src/lib/server/serviceplatformen/client';
import {
	startServiceplatformenSimulator,
	type Simulator
} from '../../src/lib/server/serviceplatformen/simulator';
import { loadClientTls } from '../../src/lib/server/serviceplatformen/tls';
import { todayInDenmark } from '../../src/lib/format';
import { flatText, readPdf } from '../pdf-reader';
import { demoKeys, openSeeded, testDialects, type TestDatabase } from './helpers';

const karl = demoIds.citizen('Karl Nielsen');
const maja = demoIds.citizen('Maja Jensen');
const sofie = demoIds.citizen('Sofie Hansen');
const henrik = demoIds.citizen('Henrik Hansen');
const karlCpr = DEMO_CITIZENS['Karl Nielsen'].replace('-', '');
const henrikCpr = DEMO_CITIZENS['Henrik Hansen'].replace('-', '');
const majaCpr = DEMO_CITIZENS['Maja Jensen'].replace('-', '');

/** 10:00 Danish time on the next working day after the app's today: a day with a cut-off ahead. */
function nextWorkingMorning(): { morning: Date; day: string } {
	const day = addWorkingDays(todayInDenmark(clock.now()), 1);
	const [year, month, date] = day.split('-').map(Number) as [number, number, number];
	return { morning: copenhagenInstant({ year, month, day: date }, 10, 0), day };
}

const ENV = {
	LETTER_DELIVERY: 'sf1601',
	LETTER_BUNDLE_CUTOFF: '15:00',
	LETTER_URGENT_DAYS: '5',
	DIGITAL_POST_EVENTS: 'decision'
};

describe.each(testDialects())('Digital Post and remote print on %s', (dialect) => {
	let t: TestDatabase;
	let simulator: Simulator;
	let client: ServiceplatformenClient;
	let dir: string;
	let deps: PostDeps;
	const savedEnv = { ...process.env };

	beforeAll(async () => {
		t = await openSeeded(dialect);
		dir = await mkdtemp(join(tmpdir(), 'sammen-dp-'));
		const pki = await generateTestPki();
		const files = await writePki(pki, dir);
		simulator = await startServiceplatformenSimulator({ pki, validateKombi: validateKombiRequest });
		client = createServiceplatformenClient({
			baseUrl: simulator.url,
			stsUrl: simulator.stsUrl,
			cvr: '12345678',
			tls: loadClientTls({
				certPath: files.clientP12,
				password: files.p12Password,
				caPath: files.caCert
			}),
			timeoutMs: 5_000
		});
	});
	afterAll(async () => {
		client?.close();
		await simulator?.close();
		await t?.close();
		if (dir) await rm(dir, { recursive: true, force: true });
	});
	beforeEach(async () => {
		process.env = { ...savedEnv, ...ENV };
		deps = {
			sender: sf1601Sender(client),
			addresses: storedAddressSource(t.db),
			settings: digitalPostSettings(ENV),
			decryptCpr: (stored) => decryptCpr(demoKeys, stored)
		};
		// Each test starts with nothing queued for SF1601 from the one before.
		await t.db
			.updateTable('letters')
			.set({ status: 'failed' })
			.where('status', '=', 'queued')
			.where('delivery', '<>', 'print_queue')
			.execute();
	});
	afterEach(() => {
		process.env = { ...savedEnv };
	});

	let counter = 0;
	async function event(
		citizenId: string,
		type: EventType,
		now: Date,
		options: { subject?: string; meetingStartsAt?: Date; journeyId?: string | null } = {}
	) {
		const id = `dp-test-${++counter}-${randomUUID()}`;
		const subject = options.subject ?? `Brev nummer ${counter}`;
		return t.db.transaction().execute(async (trx) => {
			const entry =
				options.journeyId === undefined
					? null
					: options.journeyId
						? await appendTimelineEntry(trx, {
								journey_id: options.journeyId,
								kind: type === 'decision' ? 'decision' : 'note',
								visibility: 'citizen',
								title: subject,
								body: `Teksten om ${subject}`,
								occurred_at: now,
								created_at: now
							})
						: null;
			return notifyCitizen(
				trx,
				{
					citizenId,
					type,
					sourceId: id,
					journeyId: entry?.journey_id ?? null,
					timelineEntryId: entry?.id ?? null,
					departmentId: demoIds.department('jobcenter'),
					meetingStartsAt: options.meetingStartsAt,
					letter: (language) => ({
						subject,
						body: `${language === 'da' ? 'Kære' : 'Dear'} modtager\n\nTeksten om ${subject}.`
					})
				},
				now
			);
		});
	}

	const lettersOf = (citizenId: string, since: Date) =>
		t.db
			.selectFrom('letters')
			.selectAll()
			.where('citizen_id', '=', citizenId)
			.where('created_at', '>=', since)
			.where('status', '=', 'queued')
			.where('delivery', '<>', 'print_queue')
			.orderBy('created_at')
			.execute();

	const received = () => simulator.received.length;
	const lastRequest = () => {
		const message = simulator.received.at(-1)!;
		const parsed = parseKombiRequest(message.body);
		expect(parsed.errors).toEqual([]);
		return { message, request: parsed.request! };
	};

	async function postJobs(): Promise<number> {
		const { rows } = await sql<{
			n: number;
		}>`select count(*)::int as n from pgboss.job where name = ${QUEUES.post}`.execute(t.db);
		return rows[0]!.n;
	}

	it('sends analog Karl’s letter at the day’s cut-off as one SF1601 remote-print request, once', async () => {
		const { morning, day } = nextWorkingMorning();
		const jobsBefore = await postJobs();
		const routed = await event(karl, 'note', morning, { journeyId: demoIds.journey('karl') });
		expect(routed.letter).not.toBeNull();
		const [letter] = await lettersOf(karl, morning);
		expect(letter).toMatchObject({ delivery: 'remote_print', status: 'queued' });
		const cutoff = letterSendAfter(morning, deps.settings);
		expect(todayInDenmark(cutoff)).toBe(day);
		expect(letter!.send_after).toEqual(cutoff);
		expect(await postJobs()).toBe(jobsBefore + 1);

		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		const before = received();
		// Before the cut-off the job leaves the letter for the day's bundle.
		expect(await postDue(t.db, deps, key, morning)).toBe('nothing-due');
		expect(received()).toBe(before);

		expect(await postDue(t.db, deps, key, cutoff)).toBe('sent');
		// The job runs again (a retry, a second worker): nothing new.
		expect(await postDue(t.db, deps, key, cutoff)).toBe('nothing-due');
		expect(received()).toBe(before + 1);

		const { message, request } = lastRequest();
		expect(request.kode).toBe('Fysisk Post');
		expect(request.recipientCpr).toBe(karlCpr);
		expect(request.hasPrint).toBe(true);
		expect(request.printAddress).toMatchObject({ street: 'Kirkevej 14, 1. tv.' });
		expect(message.clientSubject).toContain('Sammen test system');

		const sent = await t.db
			.selectFrom('letters')
			.innerJoin('postings as p', 'p.id', 'letters.posting_id')
			.select(['letters.status', 'letters.posted_at', 'p.transaction_id', 'p.id as postingId'])
			.where('letters.id', '=', letter!.id)
			.executeTakeFirstOrThrow();
		expect(sent.status).toBe('posted');
		expect(sent.postingId).toBe(request.messageUuid);
		expect(sent.transaction_id).toBe(message.transactionId);
		const notification = await t.db
			.selectFrom('notifications')
			.select(['status', 'provider'])
			.where('letter_id', '=', letter!.id)
			.executeTakeFirstOrThrow();
		expect(notification).toEqual({ status: 'sent', provider: 'sf1601' });

		// The timeline says it went by post, with the date.
		const page = await listTimeline(t.db, demoIds.journey('karl'), { limit: 50 });
		const entry = page.entries.find((e) => e.letter_id === letter!.id)!;
		expect(entry.posted_letter_at).not.toBeNull();
	});

	it('bundles five events for Karl in one day into one letter with five sections', async () => {
		const { morning } = nextWorkingMorning();
		const subjects = ['Bevilling', 'Mødeindkaldelse', 'Ny opgave', 'Status på din sag', 'Notat'];
		for (const [i, subject] of subjects.entries()) {
			await event(karl, 'note', new Date(morning.getTime() + i * 3_600_000), {
				subject,
				journeyId: demoIds.journey('karl')
			});
		}
		const letters = await lettersOf(karl, morning);
		expect(letters).toHaveLength(5);
		const cutoff = letterSendAfter(morning, deps.settings);
		expect(new Set(letters.map((l) => l.send_after?.getTime()))).toEqual(
			new Set([cutoff.getTime()])
		);
		const before = received();
		// Every letter has its job: the first sends them all, the others find nothing.
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		const outcomes = [];
		for (let i = 0; i < 5; i++) outcomes.push(await postDue(t.db, deps, key, cutoff));
		expect(outcomes).toEqual(['sent', 'nothing-due', 'nothing-due', 'nothing-due', 'nothing-due']);
		expect(received()).toBe(before + 1);

		const { request } = lastRequest();
		expect(request.documentCount).toBe(1);
		const posting = await t.db
			.selectFrom('postings')
			.selectAll()
			.where('id', '=', request.messageUuid)
			.executeTakeFirstOrThrow();
		expect(posting).toMatchObject({ letter_count: 5, status: 'sent', kombi: 'Fysisk Post' });
		expect(request.label).toBe('5 breve fra kommunen');
		const text = flatText(readPdf(posting.pdf!));
		expect(text).toContain('Vi har samlet 5 breve til dig');
		for (const [i, subject] of subjects.entries()) {
			expect(text).toContain(`${i + 1}. ${subject}`);
			expect(text).toContain(`Teksten om ${subject}`);
		}
		// Table of contents first, then the sections in order.
		expect(text.indexOf('1. Bevilling')).toBeLessThan(text.indexOf('5. Notat'));
		expect(text.lastIndexOf('1. Bevilling')).toBeGreaterThan(text.indexOf('5. Notat'));
		expect(text).toContain('Kirkevej 14, 1. tv.');
		// It carries its first letter's reference, by which a returned letter is found.
		expect(text).toContain(letterReference(letters[0]!.id));
	});

	it('sends a meeting invitation with short notice at once, taking the day’s other letters along', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Et notat' });
		const soon = new Date(morning.getTime() + 2 * 86_400_000);
		await event(karl, 'meeting_invite', new Date(morning.getTime() + 60_000), {
			subject: 'Invitation til møde',
			meetingStartsAt: soon
		});
		const letters = await lettersOf(karl, morning);
		const invitation = letters.find((l) => l.event_type === 'meeting_invite')!;
		expect(invitation.send_after!.getTime()).toBe(morning.getTime() + 60_000);
		// An invitation weeks ahead waits for the cut-off like any letter.
		await event(karl, 'meeting_invite', new Date(morning.getTime() + 120_000), {
			subject: 'Invitation om en måned',
			meetingStartsAt: new Date(morning.getTime() + 30 * 86_400_000)
		});
		const later = (await lettersOf(karl, morning)).find(
			(l) => l.subject === 'Invitation om en måned'
		)!;
		expect(later.send_after).toEqual(letterSendAfter(morning, deps.settings));

		const before = received();
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		expect(await postDue(t.db, deps, key, new Date(morning.getTime() + 61_000))).toBe('sent');
		expect(received()).toBe(before + 1);
		const posting = await t.db
			.selectFrom('postings')
			.select('letter_count')
			.where('id', '=', lastRequest().request.messageUuid)
			.executeTakeFirstOrThrow();
		expect(posting.letter_count).toBe(3);
	});

	it('sends a digital citizen’s decision to Digital Post once, shown on the timeline and in documents', async () => {
		const now = clock.now();
		const journeyId = demoIds.journey('maja');
		const before = received();
		const routed = await event(maja, 'decision', now, {
			subject: 'Afgørelse om ressourceforløb',
			journeyId
		});
		expect(routed.channels.length).toBeGreaterThan(0);
		// A note is no letter for a digital citizen.
		await event(maja, 'note', now, { subject: 'Bare et notat', journeyId });
		const letters = await lettersOf(maja, now);
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({ delivery: 'digital_post', status: 'queued' });
		const key = { citizenId: maja, recipientCitizenId: null, delivery: 'digital_post' as const };
		const [a, b] = await Promise.all([
			postDue(t.db, deps, key, now),
			postDue(t.db, deps, key, now)
		]);
		expect([a, b].sort()).toEqual(['nothing-due', 'sent']);
		expect(received()).toBe(before + 1);
		const { request } = lastRequest();
		expect(request).toMatchObject({
			kode: 'Digital Post',
			recipientCpr: majaCpr,
			hasPrint: false,
			label: 'Afgørelse om ressourceforløb'
		});

		const page = await listTimeline(t.db, journeyId, { limit: 50 });
		const decision = page.entries.find((e) => e.title === 'Afgørelse om ressourceforløb')!;
		expect(decision.digital_post_at).not.toBeNull();
		const documents = await listCitizenDocuments(t.db, maja);
		const listed = documents.filter(
			(d) =>
				(d.kind === 'decision' && d.title === 'Afgørelse om ressourceforløb') ||
				(d.kind === 'letter' && d.subject === 'Afgørelse om ressourceforløb')
		);
		expect(listed).toHaveLength(1);
		expect(listed[0]).toMatchObject({ kind: 'decision' });
		expect(listed[0]!.kind === 'decision' && listed[0]!.digitalPostAt).toBeTruthy();
	});

	it('uses Automatisk Valg with the address for remote print when configured', async () => {
		const now = clock.now();
		await event(maja, 'decision', now, { subject: 'Afgørelse med automatisk valg' });
		const automatic = {
			...deps,
			settings: digitalPostSettings({ ...ENV, DIGITAL_POST_CHOICE: 'automatic' })
		};
		const key = { citizenId: maja, recipientCitizenId: null, delivery: 'digital_post' as const };
		expect(await postDue(t.db, automatic, key, now)).toBe('sent');
		const { request } = lastRequest();
		expect(request).toMatchObject({
			kode: 'Automatisk Valg',
			recipientCpr: majaCpr,
			hasPrint: true,
			label: 'Afgørelse med automatisk valg'
		});
		expect(request.printAddress).toMatchObject({ street: 'Lærkevej 7, st. th.' });
	});

	it('gives a representative with full scope a copy addressed to them in their Digital Post', async () => {
		const now = clock.now();
		const before = received();
		await event(sofie, 'decision', now, {
			subject: 'Afgørelse om merudgifter',
			journeyId: null
		});
		const copies = await t.db
			.selectFrom('letters')
			.selectAll()
			.where('citizen_id', '=', sofie)
			.where('recipient_citizen_id', '=', henrik)
			.where('created_at', '>=', now)
			.execute();
		expect(copies).toHaveLength(1);
		expect(copies[0]!.subject).toBe('Kopi: Afgørelse om merudgifter');
		expect(copies[0]!.body).toContain('partsrepræsentant for Sofie Hansen');
		const sent = await runPostJob(
			t.db,
			deps,
			{
				citizenId: sofie,
				recipientCitizenId: henrik,
				delivery: copies[0]!.delivery as 'digital_post'
			},
			now
		);
		expect(sent).toBe('sent');
		const { request } = lastRequest();
		expect(request.recipientCpr).toBe(henrikCpr);
		expect(request.label).toBe('Kopi: Afgørelse om merudgifter');
		expect(received()).toBeGreaterThan(before);
		// A read-only representative (Lise for Karl) gets no copy.
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Kun til Karl' });
		const karlCopies = await t.db
			.selectFrom('letters')
			.select('id')
			.where('citizen_id', '=', karl)
			.where('recipient_citizen_id', 'is not', null)
			.execute();
		expect(karlCopies).toEqual([]);
	});

	it('sends the same message again when a worker died between the request and its record, and the service keeps one', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Sendt lige før et nedbrud' });
		const cutoff = letterSendAfter(morning, deps.settings);
		const before = received();
		// The worker sends, then dies before it records anything: its send never returns.
		const dying: PostSender = {
			provider: 'sf1601',
			async send(request) {
				await deps.sender.send(request);
				return new Promise(() => {});
			}
		};
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		void postDue(t.db, { ...deps, sender: dying }, key, cutoff);
		await expect.poll(() => received(), { timeout: 10_000 }).toBe(before + 1);
		const posting = await t.db
			.selectFrom('postings')
			.selectAll()
			.where('id', '=', simulator.received.at(-1)!.messageUuid)
			.executeTakeFirstOrThrow();
		expect(posting.status).toBe('sending');

		// While its claim holds, another job does nothing.
		expect(await sendPosting(t.db, deps, posting.id, cutoff)).toBe('nothing-due');
		// After the sending timeout the sweep gives the posting a job; it sends the same message.
		const later = new Date(
			cutoff.getTime() + (notificationSettings().sendingTimeoutSeconds + 60) * 1000
		);
		expect(await resumeStrandedPosts(t.db, later)).toBeGreaterThanOrEqual(1);
		expect(await sendPosting(t.db, deps, posting.id, later)).toBe('sent');
		expect(received()).toBe(before + 1);
		expect(simulator.requests.kombi).toBeGreaterThanOrEqual(2);
		const done = await t.db
			.selectFrom('postings')
			.select(['status', 'transaction_id'])
			.where('id', '=', posting.id)
			.executeTakeFirstOrThrow();
		expect(done.status).toBe('sent');
		expect(done.transaction_id).toBe(simulator.received.at(-1)!.transactionId);
	});

	it('retries a 5xx on the posting’s own backoff, and sends once when the service is back', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Sendt efter en fejl' });
		const cutoff = letterSendAfter(morning, deps.settings);
		const before = received();
		simulator.failNext(1, 503);
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		expect(await postDue(t.db, deps, key, cutoff)).toBe('retry');
		expect(received()).toBe(before);
		const posting = await t.db
			.selectFrom('postings')
			.selectAll()
			.where('citizen_id', '=', karl)
			.where('status', '=', 'sending')
			.executeTakeFirstOrThrow();
		expect(posting.attempts).toBe(1);
		expect(posting.error).toContain('503');
		expect(posting.next_attempt_at!.getTime()).toBeGreaterThan(cutoff.getTime());
		// Not before its time.
		expect(await sendPosting(t.db, deps, posting.id, cutoff)).toBe('nothing-due');
		expect(await sendPosting(t.db, deps, posting.id, posting.next_attempt_at!)).toBe('sent');
		expect(received()).toBe(before + 1);
	});

	it('puts a refused (4xx) letter on the dead-letter list with its reason and gives the coordinator a task', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, {
			subject: 'Afvist af tjenesten',
			journeyId: demoIds.journey('karl')
		});
		const [letter] = (await lettersOf(karl, morning)).filter(
			(l) => l.subject === 'Afvist af tjenesten'
		);
		const cutoff = letterSendAfter(morning, deps.settings);
		const before = received();
		simulator.failNext(1, 400);
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		expect(await postDue(t.db, deps, key, cutoff)).toBe('failed');
		expect(received()).toBe(before);
		const failed = await t.db
			.selectFrom('letters')
			.select(['status', 'error'])
			.where('id', '=', letter!.id)
			.executeTakeFirstOrThrow();
		expect(failed.status).toBe('failed');
		expect(failed.error).toContain('SF1601 refused the letter');
		expect(failed.error).not.toContain(karlCpr);

		const dead = await listDeadNotifications(t.db, { after: null, limit: 50 });
		const row = dead.rows.find((r) => r.letterId === letter!.id)!;
		expect(row).toMatchObject({ status: 'failed', channel: 'letter' });
		expect(row.error).toContain('SF1601 refused the letter');

		const task = await t.db
			.selectFrom('tasks')
			.select(['title', 'description', 'assigned_staff_id', 'assignee'])
			.where('citizen_id', '=', karl)
			.where('title', '=', 'Brevet kunne ikke sendes — kontakt borgeren')
			.orderBy('created_at', 'desc')
			.executeTakeFirstOrThrow();
		expect(task.assignee).toBe('staff');
		expect(task.assigned_staff_id).not.toBeNull();
		expect(task.description).toContain('Afvist af tjenesten');

		// Sent again from the dead-letter list: a new posting, which the service takes.
		const actor = {
			kind: 'staff' as const,
			staffId: demoIds.staff('Mette Larsen'),
			role: 'admin' as const,
			departmentId: demoIds.department('socialforvaltningen')
		};
		expect(await retryDeadLetter(t.db, actor, row.id, cutoff)).toBe('retried');
		expect(await postDue(t.db, deps, key, cutoff)).toBe('sent');
		expect(received()).toBe(before + 1);
	});

	it('posts to the address as it is when the letter goes, and never shows a protected address', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Efter flytning' });
		const original = await t.db
			.selectFrom('citizens')
			.select(['address_line', 'postal_code', 'city'])
			.where('id', '=', karl)
			.executeTakeFirstOrThrow();
		const cutoff = letterSendAfter(morning, deps.settings);
		const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
		try {
			// Karl moves after the letter was written and before it goes.
			await t.db
				.updateTable('citizens')
				.set({ address_line: 'Nyvej 3', address_updated_at: morning })
				.where('id', '=', karl)
				.execute();
			expect(await postDue(t.db, deps, key, cutoff)).toBe('sent');
			expect(lastRequest().request.printAddress).toMatchObject({ street: 'Nyvej 3' });

			// With name and address protection the address goes to the print provider only.
			await t.db
				.updateTable('citizens')
				.set({ address_protected: true })
				.where('id', '=', karl)
				.execute();
			await event(karl, 'note', morning, { subject: 'Beskyttet adresse' });
			const [stored] = (await lettersOf(karl, morning)).filter(
				(l) => l.subject === 'Beskyttet adresse'
			);
			expect(stored).toMatchObject({ recipient_address: '', address_protected: true });
			expect(await postDue(t.db, deps, key, cutoff)).toBe('sent');
			const { request } = lastRequest();
			expect(request.printAddress).toMatchObject({ street: 'Nyvej 3' });
			const posting = await t.db
				.selectFrom('postings')
				.select('pdf')
				.where('id', '=', request.messageUuid)
				.executeTakeFirstOrThrow();
			const text = flatText(readPdf(posting.pdf!));
			expect(text).toContain('Karl Nielsen');
			expect(text).not.toContain('Nyvej');
			// Nor do the staff pages' citizen card and search results show it.
			const card = await citizenContactCard(t.db, karl);
			expect(card).toMatchObject({ address_protected: true, address_line: null, city: null });
			const [found] = await searchCitizensByName(t.db, 'Karl Nielsen');
			expect(found).toMatchObject({ addressLine: null, postalCode: null, city: null });
		} finally {
			await t.db
				.updateTable('citizens')
				.set({ ...original, address_protected: false, address_updated_at: null })
				.where('id', '=', karl)
				.execute();
		}
	});

	it('takes the address from the CPR register (SF1520) when configured, and keeps it for staff', async () => {
		const { morning } = nextWorkingMorning();
		await event(karl, 'note', morning, { subject: 'Adresse fra CPR' });
		const original = await t.db
			.selectFrom('citizens')
			.select(['address_line', 'postal_code', 'city', 'co_name'])
			.where('id', '=', karl)
			.executeTakeFirstOrThrow();
		const registered = new Date(morning.getTime() - 86_400_000);
		simulator.setPerson(karlCpr, {
			name: 'Karl Nielsen',
			co: null,
			street: 'Registervej 7',
			postcode: '9999',
			city: 'Sammenby',
			addressProtected: false,
			updatedAt: registered
		});
		try {
			const register = {
				...deps,
				addresses: registerAddressSource(t.db, (cpr) => client.lookupPerson(cpr))
			};
			const key = { citizenId: karl, recipientCitizenId: null, delivery: 'remote_print' as const };
			expect(await postDue(t.db, register, key, letterSendAfter(morning, deps.settings))).toBe(
				'sent'
			);
			expect(lastRequest().request.printAddress).toMatchObject({
				street: 'Registervej 7',
				postcode: '9999'
			});
			const stored = await t.db
				.selectFrom('citizens')
				.select(['address_line', 'address_updated_at'])
				.where('id', '=', karl)
				.executeTakeFirstOrThrow();
			expect(stored.address_line).toBe('Registervej 7');
			// Dated by when the register was asked, so staff see how fresh it is.
			expect(stored.address_updated_at).not.toBeNull();
		} finally {
			await t.db
				.updateTable('citizens')
				.set({ ...original, address_updated_at: null })
				.where('id', '=', karl)
				.execute();
		}
	});

	it('sends only MeMo messages that pass the MeMo rules', async () => {
		expect(simulator.received.length).toBeGreaterThan(0);
		for (const message of simulator.received) {
			const parsed = parseKombiRequest(message.body);
			expect(parsed.errors).toEqual([]);
			const memo = /<memo:Message[\s\S]*<\/memo:Message>/.exec(message.body)![0];
			expect(validateMemo(memo)).toEqual([]);
		}
	});
});

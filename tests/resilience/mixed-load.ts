// The mixed load of the resilience scenarios: 200 clients at once, as a municipality's day looks at
// its busiest. Citizens read the overview and their journey, write messages, mark tasks done and
// answer a meeting; caseworkers write timeline entries (to a digital and to an analog citizen) and
// read their caseload; a department system sends cases and entries through the API with
// Idempotency-Keys, one in ten a retry. Some writes are sent twice at once on purpose (a double
// click, a retry racing its original). Afterwards `accountFor` compares the database with what was
// acknowledged: every acknowledged write once, each with its audit row, and every notification
// (e-mail, SMS, or a letter for the analog citizen) with exactly one job; after a crash, a write
// in flight may be stored without its acknowledgement, but whole (docs/SECURITY.md, "Resilience").
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import type { Database } from '../../src/lib/server/db/schema';
import { demoIds } from '../../src/lib/server/seed/demo';
import * as clock from '../../src/lib/server/clock';
import { staffSub } from '../../src/lib/server/demo-idp/instance';
import { withDb, type ServerDatabase } from '../e2e/databases';
import { CookieBrowser, loginThroughApp } from '../e2e/oidc-flow';
import { loginCitizen } from '../e2e/portal';
import { postEntry, putCase } from './load';
import { LONG } from './summary';

export const CONNECTIONS = 200;
/** Open tasks seeded for Maja to mark done: more than the load can get through. */
const TASKS = LONG ? 6_000 : 2_500;
/** What the server runs with: the notifications wait in their bundling window, counted with their jobs. */
export const MIXED_LOAD_ENV = {
	API_RATE_LIMIT_PER_MINUTE: '100000000',
	NOTIFY_BUNDLE_MINUTES: '15'
};

const MAJA = demoIds.citizen('Maja Jensen');
const AHMED = demoIds.citizen('Ahmed Hassan');
const KARL = demoIds.citizen('Karl Nielsen');
const MAJA_JOURNEY = demoIds.journey('maja');
const AHMED_JOURNEY = demoIds.journey('ahmed');
const KARL_JOURNEY = demoIds.journey('karl');
const MAJA_MEETING = demoIds.meeting('maja-next');

type WriteKind =
	| 'api case'
	| 'api entry'
	| 'staff entry (digital)'
	| 'staff entry (analog)'
	| 'citizen message'
	| 'task done'
	| 'meeting answer';

export interface Tally {
	requests: number;
	serverErrors: number;
	connectionErrors: number;
	/** Answers other than 2xx/3xx and 5xx, by status and what was asked. */
	refusals: Record<string, number>;
	acknowledged: Record<WriteKind, Set<string>>;
	replayed: number;
	doubleSubmits: number;
	twinsBothDone: number;
	/** Milliseconds each answer took, by what was asked. */
	latency: Record<string, number[]>;
}

function newTally(): Tally {
	const set = () => new Set<string>();
	return {
		requests: 0,
		serverErrors: 0,
		connectionErrors: 0,
		refusals: {},
		acknowledged: {
			'api case': set(),
			'api entry': set(),
			'staff entry (digital)': set(),
			'staff entry (analog)': set(),
			'citizen message': set(),
			'task done': set(),
			'meeting answer': set()
		},
		replayed: 0,
		doubleSubmits: 0,
		twinsBothDone: 0,
		latency: {}
	};
}

function cookieOf(browser: CookieBrowser, url: string): string {
	return browser
		.cookies(url)
		.map(({ name, value }) => `${name}=${value}`)
		.join('; ');
}

async function loginStaffCookie(url: string, name: Parameters<typeof demoIds.staff>[0]) {
	const browser = new CookieBrowser();
	const outcome = await loginThroughApp(browser, url, { kind: 'staff', account: staffSub(name) });
	expect(outcome.destination).toBe('/staff');
	return cookieOf(browser, url);
}

/** Seeds Maja's open tasks and returns their ids, in the order the load takes them. */
async function seedTasks(db: Kysely<Database>, run: string): Promise<string[]> {
	const now = clock.now();
	const rows = await db
		.insertInto('tasks')
		.values(
			Array.from({ length: TASKS }, (_, i) => ({
				citizen_id: MAJA,
				journey_id: MAJA_JOURNEY,
				case_id: null,
				assignee: 'citizen' as const,
				assigned_staff_id: null,
				title: `Opgave ${run}-${i}`,
				title_en: null,
				description: null,
				due_date: null,
				created_by_staff_id: null,
				created_at: now,
				done_at: null,
				done_comment: null
			}))
		)
		.returning('id')
		.execute();
	return rows.map((r) => r.id);
}

/** Notifications and their jobs per citizen and channel: counted before and after the load. */
async function notificationCounts(db: Kysely<Database>) {
	const notifications = await db
		.selectFrom('notifications')
		.select(['citizen_id', 'channel', sql<number>`count(*)::int`.as('n')])
		.groupBy(['citizen_id', 'channel'])
		.execute();
	// pg-boss moves finished jobs to its archive: a job is counted wherever it is now.
	const jobs = await sql<{ citizen_id: string; channel: string; n: number }>`
		select data->>'citizenId' as citizen_id, data->>'channel' as channel, count(*)::int as n
		from (select data from pgboss.job where name = 'notify-deliver'
		      union all select data from pgboss.archive where name = 'notify-deliver') j
		group by 1, 2`.execute(db);
	const key = (citizen: string, channel: string) => `${citizen} ${channel}`;
	return {
		notifications: new Map(notifications.map((r) => [key(r.citizen_id, r.channel), r.n])),
		jobs: new Map(jobs.rows.map((r) => [key(r.citizen_id, r.channel), r.n]))
	};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
}

/** How many rows each value of `column` has among `rows`. */
function countBy<T>(rows: T[], column: (row: T) => string | null): Map<string, number> {
	const counts = new Map<string, number>();
	for (const row of rows) {
		const value = column(row);
		if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
	}
	return counts;
}

export interface Prepared {
	run: string;
	apiKey: string;
	tasks: string[];
	before: Awaited<ReturnType<typeof notificationCounts>>;
	meetingAuditsBefore: number;
}

/** An API key, Maja's open tasks, and the counts the accounting compares with afterwards. */
export function prepareMixedLoad(database: ServerDatabase): Promise<Prepared> {
	const run = `lw${crypto.randomUUID().slice(0, 8)}`;
	return withDb(database, async (db) => ({
		run,
		apiKey: (
			await createApiKey(db, {
				departmentId: demoIds.department('jobcenter'),
				name: 'Resilience load',
				createdByStaffId: null
			})
		).key,
		tasks: await seedTasks(db, run),
		before: await notificationCounts(db),
		meetingAuditsBefore: await countMeetingAnswerAudits(db)
	}));
}

export interface MixedLoad {
	tally: Tally;
	/** Stops the clients and waits for their last answers; the load's length in ms. */
	stop(): Promise<number>;
}

/** Logs everyone in and starts the 200 clients against the server at `url`. */
export async function startMixedLoad(url: string, prepared: Prepared): Promise<MixedLoad> {
	const { run } = prepared;
	const tally = newTally();
	let stopped = false;

	const [maja, ahmed, eva, mikkel] = await Promise.all(
		[
			'demo-citizen-maja-jensen',
			'demo-citizen-ahmed-hassan',
			'demo-citizen-eva-andersen',
			'demo-citizen-mikkel-thomsen'
		].map(async (account) => cookieOf(await loginCitizen(url, account), url))
	);
	const [lone, hanne, mette] = await Promise.all(
		(['Lone Madsen', 'Hanne Vestergaard', 'Mette Larsen'] as const).map((name) =>
			loginStaffCookie(url, name)
		)
	);

	/** One request; its answer is tallied, and `ok` says whether it was acknowledged. */
	const send = async (
		what: string,
		path: string,
		init: RequestInit & { cookie?: string; form?: Record<string, string> } = {}
	): Promise<Response | null> => {
		const headers = new Headers(init.headers);
		if (init.cookie) headers.set('cookie', init.cookie);
		let body = init.body;
		if (init.form) {
			headers.set('content-type', 'application/x-www-form-urlencoded');
			headers.set('accept', 'text/html');
			headers.set('origin', url);
			body = new URLSearchParams(init.form);
		}
		tally.requests += 1;
		const started = performance.now();
		try {
			const response = await fetch(`${url}${path}`, {
				...init,
				method: init.method ?? (init.form ? 'POST' : 'GET'),
				headers,
				body,
				redirect: 'manual'
			});
			await response.arrayBuffer();
			(tally.latency[what] ??= []).push(performance.now() - started);
			if (response.status >= 500) tally.serverErrors += 1;
			else if (response.status >= 400) {
				const key = `${response.status} ${what}`;
				tally.refusals[key] = (tally.refusals[key] ?? 0) + 1;
			}
			return response;
		} catch {
			tally.connectionErrors += 1;
			return null;
		}
	};
	const acknowledged = (response: Response | null) =>
		response !== null && response.status >= 200 && response.status < 400;
	let counter = 0;
	const next = () => (counter += 1);

	// Each kind of client, as a loop that runs until the load stops.
	const readOverview = (cookie: string, journey: string) => async () => {
		await send('overview', '/', { cookie });
		await send('journey', `/forloeb/${journey}`, { cookie });
	};
	const readCaseload = (cookie: string) => async () => {
		await send('caseload', '/staff', { cookie });
	};
	const writeMessage = (cookie: string, journey: string) => async () => {
		const text = `Besked ${run}-${next()}`;
		const answer = await send('message', `/forloeb/${journey}/beskeder?/skriv`, {
			cookie,
			form: { besked: text }
		});
		if (acknowledged(answer)) tally.acknowledged['citizen message'].add(text);
	};
	let taskIndex = 0;
	const markTaskDone = async () => {
		const index = taskIndex++;
		const task = prepared.tasks[index];
		if (!task) return readOverview(maja!, MAJA_JOURNEY)();
		const post = () =>
			send('task done', `/opgaver/${task}?/gjort`, {
				cookie: maja,
				form: { comment: `Gjort ${run}-${index}` }
			});
		// One in ten twice at once (a double click): one of the two is done, the other told so.
		const twice = index % 10 === 0;
		const answers = await Promise.all(twice ? [post(), post()] : [post()]);
		if (twice) tally.doubleSubmits += 1;
		if (answers.some(acknowledged)) tally.acknowledged['task done'].add(task);
		// Both twins answered "done" would be one task done twice.
		if (twice && answers.filter(acknowledged).length !== 1) tally.twinsBothDone += 1;
	};
	const answerMeeting = async () => {
		const reason = `Svar ${run}-${next()}`;
		const answer = await send('meeting answer', `/moeder/${MAJA_MEETING}?/svar`, {
			cookie: maja,
			form: { response: 'reschedule_requested', reason }
		});
		if (acknowledged(answer)) tally.acknowledged['meeting answer'].add(reason);
	};
	const writeEntry =
		(cookie: string, journey: string, kind: 'staff entry (digital)' | 'staff entry (analog)') =>
		async () => {
			const n = next();
			const token = crypto.randomUUID();
			const post = () =>
				send(kind, `/staff/forloeb/${journey}/ny-post?/gem`, {
					cookie,
					form: {
						token,
						type: 'note',
						synlighed: 'citizen',
						titel: `Notat ${run}-${n}`,
						tekst: 'Vi har talt sammen i dag og aftalt de næste skridt.'
					}
				});
			// One in ten sent twice at once with its form's token: one entry.
			const twice = n % 10 === 0;
			const answers = await Promise.all(twice ? [post(), post()] : [post()]);
			if (twice) tally.doubleSubmits += 1;
			if (answers.some(acknowledged)) tally.acknowledged[kind].add(token);
		};
	/** An API write through `request`: tallied, and acknowledged under `key` when 2xx. */
	const apiWrite = async (
		what: 'api case' | 'api entry',
		key: string,
		request: () => Promise<Response>
	) => {
		tally.requests += 1;
		const started = performance.now();
		try {
			const answer = await request();
			await answer.arrayBuffer();
			(tally.latency[what] ??= []).push(performance.now() - started);
			if (answer.status >= 500) tally.serverErrors += 1;
			else if (answer.ok) {
				tally.acknowledged[what].add(key);
				if (answer.headers.get('idempotent-replayed') === 'true') tally.replayed += 1;
			} else {
				const refusal = `${answer.status} ${what}`;
				tally.refusals[refusal] = (tally.refusals[refusal] ?? 0) + 1;
			}
		} catch {
			tally.connectionErrors += 1;
		}
	};
	// One write in ten repeats an earlier one with its key: answered from the stored answer.
	const numbering = () => {
		let n = 0;
		return () => {
			n += 1;
			return n % 10 === 0 && n > 10 ? n - 5 : n;
		};
	};
	const caseNumber = numbering();
	const apiCase = () => {
		const number = caseNumber();
		return apiWrite('api case', `RES-${run}-${number}`, () =>
			putCase(url, prepared.apiKey, run, number)
		);
	};
	const entryNumber = numbering();
	const apiEntry = () => {
		const number = entryNumber();
		return apiWrite('api entry', `RES-${run}-E${number}`, () =>
			postEntry(url, prepared.apiKey, run, number)
		);
	};

	// 200 clients: who they are, and how many of each.
	const clients: [number, () => Promise<unknown>][] = [
		[20, readOverview(maja!, MAJA_JOURNEY)],
		[15, readOverview(ahmed!, AHMED_JOURNEY)],
		[10, readOverview(eva!, demoIds.journey('eva'))],
		[10, readOverview(mikkel!, demoIds.journey('mikkel'))],
		[10, writeMessage(maja!, MAJA_JOURNEY)],
		[10, writeMessage(ahmed!, AHMED_JOURNEY)],
		[15, markTaskDone],
		[10, answerMeeting],
		[15, writeEntry(lone!, AHMED_JOURNEY, 'staff entry (digital)')],
		[5, writeEntry(hanne!, KARL_JOURNEY, 'staff entry (analog)')],
		[10, readCaseload(lone!)],
		[10, readCaseload(mette!)],
		[30, apiCase],
		[30, apiEntry]
	];
	expect(clients.reduce((sum, [n]) => sum + n, 0)).toBe(CONNECTIONS);
	const begun = performance.now();
	const loops = clients.flatMap(([n, step]) =>
		Array.from({ length: n }, async () => {
			while (!stopped) await step();
		})
	);
	return {
		tally,
		async stop() {
			stopped = true;
			await Promise.all(loops);
			return performance.now() - begun;
		}
	};
}

/**
 * What the database holds against what was acknowledged. After a crash (`crashed`), writes in
 * flight at the kill may be stored without an acknowledgement: they count, and must be whole.
 */
export async function accountFor(
	database: ServerDatabase,
	prepared: Prepared,
	tally: Tally,
	options: { crashed: boolean }
) {
	const { run } = prepared;
	const found = await withDb(database, (db) =>
		inspect(db, run, prepared.tasks, prepared.meetingAuditsBefore)
	);
	const after = await withDb(database, notificationCounts);

	const mismatches: string[] = [];
	let acknowledgedTotal = 0;
	let foundTotal = 0;
	let duplicates = 0;
	let unacknowledged = 0;
	for (const [what, keys] of Object.entries(tally.acknowledged) as [WriteKind, Set<string>][]) {
		const stored = found.writes[what];
		acknowledgedTotal += keys.size;
		for (const key of keys) {
			const n = stored.get(key) ?? 0;
			if (n >= 1) foundTotal += 1;
			if (n === 0) mismatches.push(`${what} ${key}: acknowledged, not stored`);
		}
		for (const [key, n] of stored) {
			if (n > 1) {
				duplicates += 1;
				mismatches.push(`${what} ${key}: stored ${n} times`);
			}
			if (!keys.has(key)) {
				unacknowledged += 1;
				if (!options.crashed) mismatches.push(`${what} ${key}: stored, never acknowledged`);
			}
		}
	}
	mismatches.push(...found.problems);
	// Every notification has its job: per citizen and channel, as many new jobs as new rows.
	let notificationsNew = 0;
	for (const key of new Set([...after.notifications.keys(), ...after.jobs.keys()])) {
		if (key.endsWith(' letter')) continue;
		const rows =
			(after.notifications.get(key) ?? 0) - (prepared.before.notifications.get(key) ?? 0);
		const jobs = (after.jobs.get(key) ?? 0) - (prepared.before.jobs.get(key) ?? 0);
		notificationsNew += rows;
		if (rows !== jobs) mismatches.push(`${key}: ${rows} new notifications, ${jobs} new jobs`);
	}

	return {
		mismatches,
		figures: {
			'writes acknowledged': acknowledgedTotal,
			'writes found': foundTotal,
			duplicates,
			'stored without acknowledgement': unacknowledged,
			'by kind (acknowledged)': Object.entries(tally.acknowledged)
				.map(([what, keys]) => `${what} ${keys.size}`)
				.join(', '),
			'retries replayed / double submits': `${tally.replayed} / ${tally.doubleSubmits}`,
			'audit rows checked': found.auditRows,
			'notifications checked (with their jobs)': notificationsNew + found.letters
		}
	};
}

/** Answers by kind, with their median and 99th percentile. */
export function latencies(tally: Tally): string {
	return Object.entries(tally.latency)
		.map(([what, ms]) => `${what} ${ms.length} ${percentile(ms, 0.5)}/${percentile(ms, 0.99)}`)
		.join(', ');
}

/** The refusals by status and what was asked, or 'none'. */
export function refusals(tally: Tally): string {
	return (
		Object.entries(tally.refusals)
			.map(([k, n]) => `${k} ×${n}`)
			.join(', ') || 'none'
	);
}

/** Refusals the load expects: the twin of a double submit, a retry meeting its original running. */
export const EXPECTED_REFUSALS = ['400 task done', '409 api case', '409 api entry'];

function countMeetingAnswerAudits(db: Kysely<Database>): Promise<number> {
	return db
		.selectFrom('audit_events')
		.select(sql<number>`count(*)::int`.as('n'))
		.where('object_type', '=', 'meeting')
		.where('object_id', '=', MAJA_MEETING)
		.where('action', '=', 'update')
		.where('actor_citizen_id', '=', MAJA)
		.executeTakeFirstOrThrow()
		.then((r) => r.n);
}

/**
 * What the load left, by the key the test knows each write by, and whatever belongs to each write
 * that is missing or doubled (audit rows, notifications, letters, jobs).
 */
async function inspect(
	db: Kysely<Database>,
	run: string,
	tasks: string[],
	meetingAuditsBefore: number
) {
	const problems: string[] = [];
	let auditRows = 0;
	const audits = async (objectType: string, ids: string[], action: 'create' | 'update') => {
		if (ids.length === 0) return new Map<string, number>();
		const rows = await db
			.selectFrom('audit_events')
			.select('object_id')
			.where('object_type', '=', objectType)
			.where('action', '=', action)
			.where('object_id', 'in', ids)
			.execute();
		return countBy(rows, (r) => r.object_id);
	};
	/** Each id has exactly one audit row of `action` on `objectType`. */
	const expectOneAudit = async (
		what: string,
		objectType: string,
		ids: string[],
		action: 'create' | 'update'
	) => {
		const counts = await audits(objectType, ids, action);
		for (const id of ids) {
			const n = counts.get(id) ?? 0;
			auditRows += n;
			if (n !== 1) problems.push(`${what} ${id}: ${n} audit rows (${action} ${objectType})`);
		}
	};

	// API cases, by reference.
	const cases = await db
		.selectFrom('cases')
		.select(['id', 'external_ref'])
		.where('external_ref', 'like', `RES-${run}-%`)
		.execute();
	await expectOneAudit(
		'case',
		'case',
		cases.map((c) => c.id),
		'create'
	);

	// Timeline entries written by the load: API entries by reference, staff entries by form token.
	const entries = await db
		.selectFrom('timeline_entries')
		.select([
			'id',
			'journey_id',
			'external_ref',
			'idempotency_key',
			'title',
			'body',
			'task_id',
			'meeting_id'
		])
		.where((eb) =>
			eb.or([
				eb('external_ref', 'like', `RES-${run}-E%`),
				eb('title', 'like', `Notat ${run}-%`),
				eb('task_id', 'in', tasks),
				eb.and([eb('meeting_id', '=', MAJA_MEETING), eb('body', 'like', `Svar ${run}-%`)])
			])
		)
		.execute();
	const apiEntries = entries.filter((e) => e.external_ref?.startsWith(`RES-${run}-E`));
	const staffEntries = entries.filter((e) => e.title.startsWith(`Notat ${run}-`));
	const digital = staffEntries.filter((e) => e.journey_id === AHMED_JOURNEY);
	const analog = staffEntries.filter((e) => e.journey_id === KARL_JOURNEY);
	const taskEntries = entries.filter((e) => e.task_id !== null);
	const answers = entries.filter((e) => e.meeting_id === MAJA_MEETING);
	if (digital.length + analog.length !== staffEntries.length) {
		problems.push('a staff entry on a journey the load did not write to');
	}
	await expectOneAudit(
		'api entry',
		'timeline_entry',
		apiEntries.map((e) => e.id),
		'create'
	);
	await expectOneAudit(
		'staff entry',
		'timeline_entry',
		staffEntries.map((e) => e.id),
		'create'
	);

	// Notifications: Maja (API entries) and Ahmed (staff entries) by e-mail and SMS, one of each
	// per entry; Karl, analog, one letter per entry with its notification, audit row and job.
	const digitalEntryIds = [...apiEntries, ...digital].map((e) => e.id);
	const notifications = digitalEntryIds.length
		? await db
				.selectFrom('notifications')
				.select(['timeline_entry_id', 'channel', 'citizen_id'])
				.where('timeline_entry_id', 'in', digitalEntryIds)
				.execute()
		: [];
	const perEntry = countBy(notifications, (n) => `${n.timeline_entry_id} ${n.channel}`);
	for (const entry of [...apiEntries, ...digital]) {
		for (const channel of ['email', 'sms']) {
			const n = perEntry.get(`${entry.id} ${channel}`) ?? 0;
			if (n !== 1) problems.push(`entry ${entry.id}: ${n} ${channel} notifications`);
		}
	}
	const citizensNotified = new Set(notifications.map((n) => n.citizen_id));
	for (const citizen of citizensNotified) {
		if (citizen !== MAJA && citizen !== AHMED) problems.push(`a notification to ${citizen}`);
	}
	const analogIds = analog.map((e) => e.id);
	const letters = analogIds.length
		? await db
				.selectFrom('letters')
				.select(['id', 'timeline_entry_id', 'citizen_id'])
				.where('timeline_entry_id', 'in', analogIds)
				.execute()
		: [];
	const lettersPerEntry = countBy(letters, (l) => l.timeline_entry_id);
	for (const id of analogIds) {
		const n = lettersPerEntry.get(id) ?? 0;
		if (n !== 1) problems.push(`analog entry ${id}: ${n} letters`);
	}
	const letterIds = letters.map((l) => l.id);
	if (letters.some((l) => l.citizen_id !== KARL)) problems.push('a letter to someone else');
	await expectOneAudit('letter', 'letter', letterIds, 'create');
	if (letterIds.length > 0) {
		const letterNotifications = await db
			.selectFrom('notifications')
			.select('letter_id')
			.where('letter_id', 'in', letterIds)
			.where('channel', '=', 'letter')
			.execute();
		const perLetter = countBy(letterNotifications, (n) => n.letter_id);
		const jobs = await sql<{ letter_id: string }>`
			select data->>'letterId' as letter_id
			from (select data from pgboss.job where name = 'letter-render'
			      union all select data from pgboss.archive where name = 'letter-render') j
			where data->>'letterId' = any(${letterIds}::text[])`.execute(db);
		const jobsPerLetter = countBy(jobs.rows, (j) => j.letter_id);
		for (const id of letterIds) {
			if ((perLetter.get(id) ?? 0) !== 1) problems.push(`letter ${id}: not one notification`);
			if ((jobsPerLetter.get(id) ?? 0) !== 1) {
				problems.push(`letter ${id}: ${jobsPerLetter.get(id) ?? 0} render jobs`);
			}
		}
	}

	// Citizens' messages, by their text, each with its audit row.
	const messages = await db
		.selectFrom('messages')
		.select(['id', 'body'])
		.where('body', 'like', `Besked ${run}-%`)
		.execute();
	await expectOneAudit(
		'message',
		'message',
		messages.map((m) => m.id),
		'create'
	);

	// Tasks done: exactly the acknowledged ones, each with one timeline entry and one audit row.
	const done = await db
		.selectFrom('tasks')
		.select('id')
		.where('id', 'in', tasks)
		.where('done_at', 'is not', null)
		.execute();
	await expectOneAudit(
		'task',
		'task',
		done.map((t) => t.id),
		'update'
	);
	const taskEntryCounts = countBy(taskEntries, (e) => e.task_id);
	for (const { id } of done) {
		if (taskEntryCounts.get(id) !== 1)
			problems.push(`task ${id}: ${taskEntryCounts.get(id) ?? 0} entries`);
	}
	for (const id of taskEntryCounts.keys()) {
		if (!done.some((t) => t.id === id)) problems.push(`task ${id}: an entry, but not done`);
	}

	// Meeting answers: one entry per answer, and as many new audit rows as answers.
	const meetingAudits = (await countMeetingAnswerAudits(db)) - meetingAuditsBefore;
	auditRows += meetingAudits;
	if (meetingAudits !== answers.length) {
		problems.push(`meeting: ${answers.length} answers, ${meetingAudits} audit rows`);
	}

	return {
		problems,
		auditRows,
		letters: letterIds.length,
		writes: {
			'api case': countBy(cases, (c) => c.external_ref),
			'api entry': countBy(apiEntries, (e) => e.external_ref),
			'staff entry (digital)': countBy(
				digital,
				(e) => e.idempotency_key?.replace('staff-entry:', '') ?? null
			),
			'staff entry (analog)': countBy(
				analog,
				(e) => e.idempotency_key?.replace('staff-entry:', '') ?? null
			),
			'citizen message': countBy(messages, (m) => m.body),
			'task done': countBy(done, (t) => t.id),
			'meeting answer': countBy(answers, (e) => e.body)
		} satisfies Record<WriteKind, Map<string, number>>
	};
}

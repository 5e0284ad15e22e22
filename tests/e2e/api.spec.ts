// The integration API, played by a department system: upsert Maja Jensen's
// case twice with one Idempotency-Key (one change, the second answer replayed), invalid bodies (400
// naming the field, nothing stored), a revoked key (401), another department's case (404, like a
// missing one), 413/415/422/409, browser origins refused, the rate limit (429, on a server of its
// own with a small limit), entries and meetings that reach the citizen like staff's (a letter for
// analog Karl), the OpenAPI document linted by @redocly/cli, and every operation in it exercised.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { createApiKey, revokeApiKey } from '../../src/lib/server/db/api-keys';
import { demoIds, DEMO_CITIZENS, DEMO_STAFF } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { startSeededServer, type SeededServer } from './seeded-server';

const run = promisify(execFile);
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const majaJobCase = demoIds.case('maja-job');
const jobcenter = demoIds.department('jobcenter');
const health = demoIds.department('sundhed-og-omsorg');
const anders = demoIds.staff('Anders Berg');
const MADE_UP = '00000000-0000-4000-8000-000000000000';
/** A fictitious CPR number for a citizen the demo does not have. */
const NEW_CPR = '010203-4321';

/** The calendar the test runs on: today on the pinned clock, in Danish time. */
const days = new DemoClock(clock.now());

let server: SeededServer;
let baseUrl: string;
const keys = { job: '', jobPrefix: '', health: '', healthPrefix: '', revoked: '' };
let jobKeyId = '';
/** The entry for analog Karl, whose letter the last test looks for. */
const lettersFor: { karlEntry: string } = { karlEntry: MADE_UP };

/** Every call that succeeded, as "METHOD /path/{template}", for the coverage test. */
const exercised = new Set<string>();

interface CallOptions {
	key?: string | null;
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	idempotencyKey?: string | null;
	headers?: Record<string, string>;
	base?: string;
}

async function call(
	method: string,
	template: string,
	params: Record<string, string>,
	options: CallOptions = {}
) {
	const url = template.replace(/\{(\w+)\}/g, (_, name: string) =>
		encodeURIComponent(params[name]!)
	);
	const headers: Record<string, string> = { ...options.headers };
	const key = options.key === undefined ? keys.job : options.key;
	if (key !== null) headers.authorization = `Bearer ${key}`;
	if (options.body !== undefined || options.rawBody !== undefined) {
		headers['content-type'] = options.contentType ?? 'application/json';
	}
	if (options.idempotencyKey !== null && method !== 'GET') {
		headers['idempotency-key'] = options.idempotencyKey ?? crypto.randomUUID();
	}
	const response = await fetch(`${options.base ?? baseUrl}/api/v1${url}`, {
		method,
		headers,
		body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
	});
	const text = await response.text();
	// The answers' shapes are what the assertions check, so they are not typed here.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
	const body: any = text ? JSON.parse(text) : null;
	if (response.ok) exercised.add(`${method} ${template}`);
	return { status: response.status, headers: response.headers, body, text };
}

function expectProblem(
	result: Awaited<ReturnType<typeof call>>,
	status: number,
	fields: string[] = []
) {
	expect(result.status, result.text).toBe(status);
	expect(result.headers.get('content-type')).toBe('application/problem+json');
	expect(result.headers.get('cache-control')).toBe('no-store');
	expect(result.body).toMatchObject({
		status,
		type: expect.stringMatching(/^urn:sammen:problem:[a-z-]+$/)
	});
	expect(typeof result.body.title).toBe('string');
	expect(typeof result.body.detail).toBe('string');
	const pointers = ((result.body.errors ?? []) as { pointer: string }[]).map((e) => e.pointer);
	for (const field of fields) expect(pointers).toContain(field);
}

const majaCase = {
	citizenId: maja,
	kleNumber: '15.20.02',
	title: 'Din vej til job',
	titleEn: 'Your path to work',
	status: 'in_progress',
	caseworkerEmail: DEMO_STAFF['Lone Madsen'],
	nextStep: 'Mød op til samtale om praktik',
	nextStepEn: 'Come to a meeting about a work placement',
	nextStepDue: days.dueDate(43),
	waitingOn: 'municipality'
};

beforeAll(async () => {
	server = await startSeededServer(async (db) => {
		const job = await createApiKey(db, {
			departmentId: jobcenter,
			name: 'Jobcentrets fagsystem',
			createdByStaffId: anders
		});
		const healthKey = await createApiKey(db, {
			departmentId: health,
			name: 'Omsorgssystemet',
			createdByStaffId: anders
		});
		const revoked = await createApiKey(db, {
			departmentId: jobcenter,
			name: 'Gammel nøgle',
			createdByStaffId: anders
		});
		await revokeApiKey(db, revoked.id, anders);
		Object.assign(keys, {
			job: job.key,
			jobPrefix: job.prefix,
			health: healthKey.key,
			healthPrefix: healthKey.prefix,
			revoked: revoked.key
		});
		jobKeyId = job.id;
		// A request that is still running (its answer not yet stored).
		await db
			.insertInto('api_idempotency')
			.values({
				api_key_id: job.id,
				idempotency_key: 'still-running',
				method: 'PUT',
				path: '/api/v1/cases/JOB-104417',
				request_hash: 'x',
				created_at: clock.now()
			})
			.execute();
	});
	baseUrl = server.url;
}, 180_000);

afterAll(async () => {
	await server?.stop();
});

describe('the OpenAPI document', () => {
	it('is public, OpenAPI 3.1, and passes redocly lint with the recommended rules', async () => {
		const result = await call('GET', '/openapi.json', {}, { key: null });
		expect(result.status).toBe(200);
		expect(result.headers.get('content-type')).toBe('application/json');
		expect(result.body.openapi).toBe('3.1.0');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-openapi-'));
		const file = path.join(dir, 'openapi.json');
		fs.writeFileSync(file, result.text);
		try {
			const { stdout } = await run(
				path.resolve('node_modules/.bin/redocly'),
				['lint', file, '--config', path.resolve('redocly.yaml'), '--format', 'json'],
				{
					env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }
				}
			);
			const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
			expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);
});

describe('authentication', () => {
	it('refuses a missing, unknown or revoked key with 401 and WWW-Authenticate', async () => {
		for (const key of [null, 'sammen_notarealkey', keys.revoked]) {
			const result = await call(
				'GET',
				'/cases/{externalRef}',
				{ externalRef: 'JOB-104417' },
				{ key }
			);
			expectProblem(result, 401);
			expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
		}
		const write = await call(
			'PUT',
			'/cases/{externalRef}',
			{ externalRef: 'JOB-104417' },
			{ key: keys.revoked, body: majaCase }
		);
		expectProblem(write, 401);
	});
});

describe('a department system', () => {
	let newCitizen = '';

	it('upserts Maja Jensen by CPR in the body and gets her id back', async () => {
		const body = {
			cpr: DEMO_CITIZENS['Maja Jensen'],
			name: 'Maja Jensen',
			addressLine: 'Nørregade 12, 2. th.',
			postalCode: '8000',
			city: 'Aarhus C'
		};
		const first = await call('POST', '/citizens', {}, { body, idempotencyKey: 'citizen-maja' });
		expect(first.status, first.text).toBe(200);
		expect(first.body).toEqual({ citizenId: maja, created: false });
		expect(first.headers.get('cache-control')).toBe('no-store');
		const again = await call('POST', '/citizens', {}, { body, idempotencyKey: 'citizen-maja' });
		expect(again.status).toBe(200);
		expect(again.headers.get('idempotent-replayed')).toBe('true');
		expect(again.body).toEqual(first.body);
	});

	it('creates a citizen the municipality did not know, and reads a citizen only with a case', async () => {
		const created = await call(
			'POST',
			'/citizens',
			{},
			{
				body: { cpr: NEW_CPR, name: 'Ny Borger', preferredLanguage: 'en' }
			}
		);
		expect(created.status, created.text).toBe(201);
		expect(created.body.created).toBe(true);
		newCitizen = created.body.citizenId;
		// No case of the Jobcenter yet: 404, exactly like an unknown id.
		const hidden = await call('GET', '/citizens/{citizenId}', { citizenId: newCitizen });
		const unknown = await call('GET', '/citizens/{citizenId}', { citizenId: MADE_UP });
		expectProblem(hidden, 404);
		expect(hidden.body).toEqual(unknown.body);
		const read = await call('GET', '/citizens/{citizenId}', { citizenId: maja });
		expect(read.status).toBe(200);
		expect(read.body).toMatchObject({ citizenId: maja, name: 'Maja Jensen', analog: false });
		expect(read.body).not.toHaveProperty('cpr');
		expect(read.text).not.toContain(DEMO_CITIZENS['Maja Jensen'].slice(0, 6));
	});

	it("upserts Maja's case twice with the same Idempotency-Key: one change, the answer replayed", async () => {
		const params = { externalRef: 'JOB-104417' };
		const first = await call('PUT', '/cases/{externalRef}', params, {
			body: majaCase,
			idempotencyKey: 'maja-case-1'
		});
		expect(first.status, first.text).toBe(200);
		expect(first.body).toMatchObject({
			caseId: majaJobCase,
			externalRef: 'JOB-104417',
			nextStep: majaCase.nextStep,
			nextStepDue: majaCase.nextStepDue,
			waitingOn: 'municipality',
			caseworkerEmail: DEMO_STAFF['Lone Madsen']
		});
		expect(first.headers.get('idempotent-replayed')).toBeNull();
		const second = await call('PUT', '/cases/{externalRef}', params, {
			body: majaCase,
			idempotencyKey: 'maja-case-1'
		});
		expect(second.status).toBe(200);
		expect(second.headers.get('idempotent-replayed')).toBe('true');
		expect(second.body).toEqual(first.body);
		const read = await call('GET', '/cases/{externalRef}', params);
		expect(read.status).toBe(200);
		expect(read.body).toEqual(first.body);
	});

	it('answers the same key with another body with 422, and a key still running with 409', async () => {
		const other = await call(
			'PUT',
			'/cases/{externalRef}',
			{ externalRef: 'JOB-104417' },
			{
				body: { ...majaCase, title: 'Noget andet' },
				idempotencyKey: 'maja-case-1'
			}
		);
		expectProblem(other, 422);
		const running = await call(
			'PUT',
			'/cases/{externalRef}',
			{ externalRef: 'JOB-104417' },
			{
				body: majaCase,
				idempotencyKey: 'still-running'
			}
		);
		expectProblem(running, 409);
		expect(running.headers.get('retry-after')).toBe('1');
	});

	it('refuses invalid bodies with 400 naming each field, and stores nothing', async () => {
		const params = { externalRef: 'JOB-BAD-1' };
		const invalid = await call('PUT', '/cases/{externalRef}', params, {
			body: { ...majaCase, kleNumber: 'abc', status: 'done', nextStepDue: '2027-02-30', cpr: '1' },
			idempotencyKey: 'bad-case'
		});
		expectProblem(invalid, 400, ['/kleNumber', '/status', '/nextStepDue', '/cpr']);
		const missing = await call('PUT', '/cases/{externalRef}', params, {
			body: { citizenId: maja },
			idempotencyKey: 'bad-case'
		});
		expectProblem(missing, 400, ['/kleNumber', '/title', '/status']);
		const wrongStaff = await call('PUT', '/cases/{externalRef}', params, {
			body: { ...majaCase, caseworkerEmail: DEMO_STAFF['Peter Holm'] },
			idempotencyKey: 'bad-case'
		});
		expectProblem(wrongStaff, 400, ['/caseworkerEmail']);
		const citizen = await call('POST', '/citizens', {}, { body: { cpr: '999999-9999', name: '' } });
		expectProblem(citizen, 400, ['/cpr', '/name']);
		// The key was given back: a corrected request with it succeeds.
		const fixed = await call('PUT', '/cases/{externalRef}', params, {
			body: { ...majaCase, title: 'Rettet sag' },
			idempotencyKey: 'bad-case'
		});
		expect(fixed.status, fixed.text).toBe(201);
		expect(fixed.body.journeyIds).toEqual([]);
	});

	it('refuses references that are not URL-safe or look like a CPR number', async () => {
		for (const externalRef of ['120390-0001', '1203900001', 'a b', '-start', 'x'.repeat(65)]) {
			const result = await call('GET', '/cases/{externalRef}', { externalRef });
			expectProblem(result, 400, ['/path/externalRef']);
		}
		const entry = await call(
			'POST',
			'/cases/{externalRef}/timeline',
			{ externalRef: 'JOB-104417' },
			{
				body: {
					externalRef: 'X-120390-0001',
					kind: 'note',
					visibility: 'staff',
					title: 'T',
					body: 'B'
				}
			}
		);
		expectProblem(entry, 400, ['/externalRef']);
	});

	it('answers malformed JSON 400, another content type 415, a large body 413, no Idempotency-Key 400', async () => {
		const params = { externalRef: 'JOB-104417' };
		expectProblem(
			await call('PUT', '/cases/{externalRef}', params, { rawBody: '{"title": ' }),
			400
		);
		expectProblem(
			await call('PUT', '/cases/{externalRef}', params, {
				rawBody: '<case/>',
				contentType: 'application/xml'
			}),
			415
		);
		// Form content types never reach the API: SvelteKit's CSRF check refuses them first.
		const form = await fetch(`${baseUrl}/api/v1/cases/JOB-104417`, {
			method: 'PUT',
			headers: {
				authorization: `Bearer ${keys.job}`,
				'content-type': 'application/x-www-form-urlencoded',
				'idempotency-key': 'form'
			},
			body: 'title=x'
		});
		expect(form.status).toBe(403);
		expectProblem(
			await call('PUT', '/cases/{externalRef}', params, {
				body: { ...majaCase, title: 'x'.repeat(70_000) }
			}),
			413
		);
		expectProblem(
			await call('PUT', '/cases/{externalRef}', params, { body: majaCase, idempotencyKey: null }),
			400,
			['/headers/Idempotency-Key']
		);
	});

	it("reaches only its own department: another department's case answers like a missing one", async () => {
		const foreign = await call('GET', '/cases/{externalRef}', { externalRef: 'SUO-118203' });
		const missing = await call('GET', '/cases/{externalRef}', { externalRef: 'NO-SUCH-CASE' });
		expectProblem(foreign, 404);
		expect(foreign.body).toEqual(missing.body);
		expectProblem(
			await call('GET', '/cases/{externalRef}/timeline', { externalRef: 'SUO-118203' }),
			404
		);
		expectProblem(
			await call(
				'POST',
				'/cases/{externalRef}/timeline',
				{ externalRef: 'SUO-118203' },
				{
					body: { externalRef: 'E-1', kind: 'note', visibility: 'staff', title: 'T', body: 'B' }
				}
			),
			404
		);
		expectProblem(
			await call(
				'PUT',
				'/cases/{externalRef}/meetings/{meetingRef}',
				{ externalRef: 'SUO-118203', meetingRef: 'M-1' },
				{
					body: {
						title: 'Møde',
						startsAt: days.workdayAt(7, 10).toISOString(),
						endsAt: days.workdayAt(7, 11).toISOString(),
						location: 'Rådhuset'
					}
				}
			),
			404
		);
		expectProblem(await call('GET', '/citizens/{citizenId}', { citizenId: karl }), 404);
		// The same reference in another department is that department's own case.
		const own = await call(
			'GET',
			'/cases/{externalRef}',
			{ externalRef: 'SUO-118203' },
			{ key: keys.health }
		);
		expect(own.status).toBe(200);
		expect(own.body.citizenId).toBe(karl);
	});

	it("appends a citizen-visible entry to Maja's journey, lists it, and keeps entries append-only", async () => {
		const params = { externalRef: 'JOB-104417' };
		const entry = {
			externalRef: 'JOB-104417-N1',
			kind: 'decision',
			visibility: 'citizen',
			title: 'Du får bevilget et kursus',
			titleEn: 'You have been granted a course',
			body: 'Vi har bevilget kurset i regnskab.',
			bodyEn: 'We have granted the accounting course.'
		};
		const created = await call('POST', '/cases/{externalRef}/timeline', params, { body: entry });
		expect(created.status, created.text).toBe(201);
		expect(created.body).toMatchObject({
			externalRef: 'JOB-104417-N1',
			kind: 'decision',
			visibility: 'citizen'
		});
		const again = await call('POST', '/cases/{externalRef}/timeline', params, { body: entry });
		expect(again.status).toBe(200);
		expect(again.body.entryId).toBe(created.body.entryId);
		expectProblem(
			await call('POST', '/cases/{externalRef}/timeline', params, {
				body: { ...entry, body: 'Ændret' }
			}),
			409
		);
		const list = await call('GET', '/cases/{externalRef}/timeline', params);
		expect(list.status).toBe(200);
		expect(list.body.entries.map((e: { entryId: string }) => e.entryId)).toEqual([
			created.body.entryId
		]);
	});

	it('answers 409 for an entry or meeting on a case in no journey', async () => {
		const params = { externalRef: 'JOB-BAD-1' };
		const entry = await call('POST', '/cases/{externalRef}/timeline', params, {
			body: { externalRef: 'E-NOJ', kind: 'note', visibility: 'staff', title: 'T', body: 'B' }
		});
		expectProblem(entry, 409);
		expect(entry.body.type).toMatch(/case-not-in-journey$/);
	});

	it('writes a letter for analog Karl when his department sends a citizen-visible entry', async () => {
		const result = await call(
			'POST',
			'/cases/{externalRef}/timeline',
			{ externalRef: 'SUO-118203' },
			{
				key: keys.health,
				body: {
					externalRef: 'SUO-118203-S1',
					kind: 'status',
					visibility: 'citizen',
					title: 'Din genoptræning er forlænget',
					body: 'Du får fire uger mere.'
				}
			}
		);
		expect(result.status, result.text).toBe(201);
		lettersFor.karlEntry = result.body.entryId;
	});

	it("plans, moves and cancels a meeting on Maja's journey; a cancelled meeting cannot change", async () => {
		const params = { externalRef: 'JOB-104417', meetingRef: 'MTG-1' };
		const start = days.workdayAt(7, 10);
		const end = new Date(start.getTime() + 3_600_000);
		const meeting = {
			title: 'Samtale om praktik',
			startsAt: start.toISOString(),
			endsAt: end.toISOString(),
			location: 'Jobcentret, Vestergade 5',
			agenda: 'Praktik i regnskab'
		};
		const created = await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, {
			body: meeting
		});
		expect(created.status, created.text).toBe(201);
		expect(created.body).toMatchObject({
			externalRef: 'MTG-1',
			cancelled: false,
			citizenResponse: 'pending'
		});
		const same = await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, {
			body: meeting
		});
		expect(same.status).toBe(200);
		const later = new Date(start.getTime() + 86_400_000).toISOString();
		const laterEnd = new Date(end.getTime() + 86_400_000).toISOString();
		const moved = await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, {
			body: { ...meeting, startsAt: later, endsAt: laterEnd }
		});
		expect(moved.status, moved.text).toBe(200);
		expect(moved.body.startsAt).toBe(later);
		const read = await call('GET', '/cases/{externalRef}/meetings/{meetingRef}', params);
		expect(read.body).toEqual(moved.body);
		const invalid = await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, {
			body: { ...meeting, endsAt: meeting.startsAt, location: null }
		});
		expectProblem(invalid, 400, ['/endsAt', '/location']);
		const cancelled = await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, {
			body: { ...meeting, startsAt: later, endsAt: laterEnd, cancelled: true }
		});
		expect(cancelled.body.cancelled).toBe(true);
		expectProblem(
			await call('PUT', '/cases/{externalRef}/meetings/{meetingRef}', params, { body: meeting }),
			409
		);
		expectProblem(
			await call('GET', '/cases/{externalRef}/meetings/{meetingRef}', {
				...params,
				meetingRef: 'MTG-NONE'
			}),
			404
		);
	});

	it("refuses browsers from another or no origin, and lets the app's own origin through", async () => {
		const params = { externalRef: 'JOB-104417' };
		const browsers: Record<string, string>[] = [
			{ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'cors' },
			{ 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' },
			{ origin: 'null' }
		];
		for (const headers of browsers) {
			expectProblem(await call('GET', '/cases/{externalRef}', params, { headers }), 403);
		}
		expectProblem(
			await call('PUT', '/cases/{externalRef}', params, {
				body: majaCase,
				headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
			}),
			403
		);
		const own = await call('GET', '/cases/{externalRef}', params, {
			headers: { origin: baseUrl, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' }
		});
		expect(own.status).toBe(200);
	});

	it('answers unknown API paths with a 404 problem', async () => {
		const response = await fetch(`${baseUrl}/api/v1/nothing/here`);
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toBe('application/problem+json');
	});

	it('has exercised every operation in the OpenAPI document', async () => {
		const document = (await call('GET', '/openapi.json', {}, { key: null })).body as {
			paths: Record<string, Record<string, unknown>>;
		};
		const operations = Object.entries(document.paths).flatMap(([template, item]) =>
			Object.keys(item)
				.filter((m) => ['get', 'put', 'post', 'patch', 'delete'].includes(m))
				.map((m) => `${m.toUpperCase()} ${template}`)
		);
		expect(operations.length).toBeGreaterThanOrEqual(8);
		for (const operation of operations) expect(exercised, operation).toContain(operation);
	});

	it("stored one change for the twice-sent case, audited every change as the key's department, and notified the citizens", async () => {
		const facts = await server.stopAndInspect(async (db) => {
			const caseAudit = await db
				.selectFrom('audit_events')
				.selectAll()
				.where('object_type', '=', 'case')
				.where('object_id', '=', majaJobCase)
				.where('action', '=', 'update')
				.execute();
			const apiAudit = await db
				.selectFrom('audit_events')
				.select(['object_type', 'action', 'actor_type', 'actor_department_id', 'purpose'])
				.where('purpose', 'like', 'api:%')
				.execute();
			const badCases = await db
				.selectFrom('cases')
				.select(['title'])
				.where('external_ref', '=', 'JOB-BAD-1')
				.execute();
			const idempotency = await db
				.selectFrom('api_idempotency')
				.select(['idempotency_key', 'status_code'])
				.where('api_key_id', '=', jobKeyId)
				.execute();
			const majaCaseRow = await db
				.selectFrom('cases')
				.selectAll()
				.where('id', '=', majaJobCase)
				.executeTakeFirstOrThrow();
			const karlLetters = await db
				.selectFrom('letters')
				.select(['id', 'subject'])
				.where('timeline_entry_id', '=', lettersFor.karlEntry)
				.execute();
			const majaNotifications = await db
				.selectFrom('notifications as n')
				.innerJoin('timeline_entries as t', 't.id', 'n.timeline_entry_id')
				.select(['n.event_type', 't.external_ref', 't.meeting_id'])
				.where('n.citizen_id', '=', maja)
				.where('t.department_id', '=', jobcenter)
				.where('t.author_staff_id', 'is', null)
				.execute();
			return {
				caseAudit,
				apiAudit,
				badCases,
				idempotency,
				majaCaseRow,
				karlLetters,
				majaNotifications
			};
		});
		// One change: one audit row for Maja's case, one stored answer under the key.
		expect(facts.caseAudit).toHaveLength(1);
		expect(facts.caseAudit[0]).toMatchObject({
			actor_type: 'system',
			actor_department_id: jobcenter,
			purpose: `api:${keys.jobPrefix}`
		});
		expect(facts.idempotency.filter((r) => r.idempotency_key === 'maja-case-1')).toEqual([
			{ idempotency_key: 'maja-case-1', status_code: 200 }
		]);
		expect(facts.majaCaseRow.next_step).toBe(majaCase.nextStep);
		// The invalid requests stored nothing; only the corrected one made the case.
		expect(facts.badCases).toEqual([{ title: 'Rettet sag' }]);
		for (const row of facts.apiAudit) {
			expect(row.actor_type).toBe('system');
			expect([jobcenter, health]).toContain(row.actor_department_id);
		}
		const types = new Set(facts.apiAudit.map((r) => `${r.action} ${r.object_type}`));
		for (const expected of [
			'update citizen',
			'create citizen',
			'read citizen',
			'update case',
			'create case',
			'read case',
			'create timeline_entry',
			'create meeting',
			'update meeting',
			'read meeting',
			'create letter'
		]) {
			expect(types, expected).toContain(expected);
		}
		// Analog Karl gets a letter; digital Maja notifications for the decision and the meeting.
		expect(facts.karlLetters).toHaveLength(1);
		const events = facts.majaNotifications.map((n) => n.event_type);
		expect(events).toContain('decision');
		expect(events).toContain('meeting_invite');
		expect(events).toContain('meeting_moved');
		expect(events).toContain('meeting_cancelled');
	});
});

describe('the rate limit', () => {
	let limited: SeededServer;
	let key = '';

	beforeAll(async () => {
		// The child server inherits the environment: a small limit for this server only.
		process.env.API_RATE_LIMIT_PER_MINUTE = '3';
		try {
			limited = await startSeededServer(async (db) => {
				key = (
					await createApiKey(db, {
						departmentId: jobcenter,
						name: 'Test',
						createdByStaffId: anders
					})
				).key;
			});
		} finally {
			delete process.env.API_RATE_LIMIT_PER_MINUTE;
		}
	}, 180_000);
	afterAll(async () => {
		await limited?.stop();
	});

	it('answers 429 with Retry-After once a key has used its requests for the minute', async () => {
		const params = { externalRef: 'JOB-104417' };
		for (let i = 0; i < 3; i++) {
			const ok = await call('GET', '/cases/{externalRef}', params, { key, base: limited.url });
			expect(ok.status).toBe(200);
		}
		const refused = await call('GET', '/cases/{externalRef}', params, { key, base: limited.url });
		expectProblem(refused, 429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});

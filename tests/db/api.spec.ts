// The integration API's SQL on both dialects: an Idempotency-Key is claimed by exactly one of
// several concurrent requests, answered from the stored record afterwards, given back after a
// failure and taken over when abandoned; citizens are upserted by their keyed CPR hash; every
// look-up of cases, entries and meetings stays inside the key's department; a case in no journey
// has no journey for entries; and the services write their audit rows as the key's department and
// notify the citizen (a letter for analog Karl) in the same transaction.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putCase, postEntry, putCitizen, type ApiClient } from '../../src/lib/server/api/service';
import { hashCpr } from '../../src/lib/server/crypto/cpr';
import {
	claimIdempotencyKey,
	completeIdempotencyKey,
	departmentHasCitizen,
	findCitizenForDepartment,
	findDepartmentCase,
	findDepartmentMeeting,
	findDepartmentStaffByEmail,
	insertDepartmentCase,
	insertDepartmentEntry,
	listDepartmentEntriesForCase,
	openJourneyOfCase,
	releaseIdempotencyKey,
	upsertCitizen
} from '../../src/lib/server/db/api';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import * as clock from '../../src/lib/server/clock';
import { demoIds, DEMO_CITIZENS, DEMO_STAFF } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { demoKeys, openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const maja = demoIds.citizen('Maja Jensen');
const karl = demoIds.citizen('Karl Nielsen');
const jobcenter = demoIds.department('jobcenter');
const health = demoIds.department('sundhed-og-omsorg');
const majaJobCase = demoIds.case('maja-job');

describe.each(testDialects())('integration API queries on %s', (dialect) => {
	let t: TestDatabase;
	let job: ApiClient;
	let healthClient: ApiClient;

	beforeAll(async () => {
		t = await openSeeded(dialect);
		const a = await createApiKey(t.db, {
			departmentId: jobcenter,
			name: 'A',
			createdByStaffId: null
		});
		const b = await createApiKey(t.db, { departmentId: health, name: 'B', createdByStaffId: null });
		job = { keyId: a.id, departmentId: jobcenter, prefix: a.prefix };
		healthClient = { keyId: b.id, departmentId: health, prefix: b.prefix };
	});
	afterAll(async () => {
		await t?.close();
	});

	const request = (key: string, hash = 'h1') => ({
		apiKeyId: job.keyId,
		key,
		method: 'PUT',
		path: '/api/v1/cases/X',
		requestHash: hash
	});

	it('lets exactly one of several concurrent requests claim an Idempotency-Key', async () => {
		const results = await Promise.all(
			Array.from({ length: 5 }, () => claimIdempotencyKey(t.db, request('race'), new Date(0)))
		);
		expect(results.filter((r) => r.claimed)).toHaveLength(1);
		for (const r of results.filter((r) => !r.claimed)) {
			expect(r).toMatchObject({ existing: { statusCode: null, requestHash: 'h1' } });
		}
	});

	it('answers a completed key from its record, and gives back only an unfinished one', async () => {
		expect(await claimIdempotencyKey(t.db, request('done'), new Date(0))).toEqual({
			claimed: true
		});
		await t.db
			.transaction()
			.execute((trx) =>
				completeIdempotencyKey(trx, job.keyId, 'done', { status: 201, body: { a: [1, 'ø'] } })
			);
		await releaseIdempotencyKey(t.db, job.keyId, 'done');
		const again = await claimIdempotencyKey(t.db, request('done', 'h2'), clock.now());
		expect(again).toEqual({
			claimed: false,
			existing: {
				method: 'PUT',
				path: '/api/v1/cases/X',
				requestHash: 'h1',
				statusCode: 201,
				responseBody: { a: [1, 'ø'] }
			}
		});
		expect(await claimIdempotencyKey(t.db, request('failed'), new Date(0))).toEqual({
			claimed: true
		});
		await releaseIdempotencyKey(t.db, job.keyId, 'failed');
		expect(await claimIdempotencyKey(t.db, request('failed'), new Date(0))).toEqual({
			claimed: true
		});
	});

	it('takes over an abandoned claim only once it is stale', async () => {
		expect(await claimIdempotencyKey(t.db, request('stale'), new Date(0))).toEqual({
			claimed: true
		});
		const fresh = await claimIdempotencyKey(
			t.db,
			request('stale'),
			new Date(clock.now().getTime() - 60_000)
		);
		expect(fresh.claimed).toBe(false);
		const stale = await claimIdempotencyKey(
			t.db,
			request('stale'),
			new Date(clock.now().getTime() + 60_000)
		);
		expect(stale).toEqual({ claimed: true });
	});

	it('upserts a citizen by the keyed CPR hash and never changes the stored CPR', async () => {
		const before = await t.db
			.selectFrom('citizens')
			.select(['cpr_encrypted', 'preferred_language'])
			.where('id', '=', maja)
			.executeTakeFirstOrThrow();
		const cpr = DEMO_CITIZENS['Maja Jensen'];
		const result = await t.db.transaction().execute((trx) =>
			upsertCitizen(trx, {
				cprHash: hashCpr(demoKeys, cpr),
				cprEncrypted: 'v1:ignored',
				name: 'Maja Jensen',
				coName: null,
				addressLine: 'Ny vej 1',
				postalCode: '8000',
				city: 'Aarhus C',
				preferredLanguage: undefined
			})
		);
		expect(result).toEqual({ id: maja, created: false });
		const after = await t.db
			.selectFrom('citizens')
			.select(['cpr_encrypted', 'address_line', 'preferred_language'])
			.where('id', '=', maja)
			.executeTakeFirstOrThrow();
		expect(after).toEqual({ ...before, address_line: 'Ny vej 1' });
		const created = await t.db.transaction().execute((trx) =>
			putCitizen(trx, job, demoKeys, {
				cpr: '0102034321',
				name: 'Ny Borger',
				coName: null,
				addressLine: null,
				postalCode: null,
				city: null,
				preferredLanguage: 'en'
			})
		);
		expect(created).toMatchObject({ status: 201, body: { created: true } });
		// Known to nobody's department yet.
		expect(await departmentHasCitizen(t.db, jobcenter, created.body.citizenId)).toBe(false);
		expect(await findCitizenForDepartment(t.db, jobcenter, created.body.citizenId)).toBeUndefined();
	});

	it("finds citizens, cases, staff and meetings only inside the key's department", async () => {
		expect(await findCitizenForDepartment(t.db, jobcenter, maja)).toMatchObject({
			name: 'Maja Jensen',
			analog: false
		});
		expect(await findCitizenForDepartment(t.db, jobcenter, karl)).toBeUndefined();
		expect(await findCitizenForDepartment(t.db, health, karl)).toMatchObject({ analog: true });
		const own = await findDepartmentCase(t.db, jobcenter, 'JOB-104417');
		expect(own).toMatchObject({ id: majaJobCase, caseworker_email: DEMO_STAFF['Lone Madsen'] });
		expect(own?.journey_ids).toHaveLength(1);
		expect(await findDepartmentCase(t.db, health, 'JOB-104417')).toBeUndefined();
		expect(
			await findDepartmentStaffByEmail(t.db, jobcenter, DEMO_STAFF['Lone Madsen'].toUpperCase())
		).toBeDefined();
		expect(
			await findDepartmentStaffByEmail(t.db, jobcenter, DEMO_STAFF['Peter Holm'])
		).toBeUndefined();
		expect(await findDepartmentMeeting(t.db, health, majaJobCase, 'anything')).toBeUndefined();
	});

	it('makes one case per reference and department, even for two writers', async () => {
		const row = {
			citizen_id: maja,
			department_id: jobcenter,
			external_ref: 'JOB-DB-1',
			kle_number: '15.20.02',
			title: 'Sag',
			opened_at: now,
			updated_at: now
		};
		const first = await t.db.transaction().execute((trx) => insertDepartmentCase(trx, row));
		const second = await t.db.transaction().execute((trx) => insertDepartmentCase(trx, row));
		expect(first).not.toBeNull();
		expect(second).toBeNull();
		// The same reference in another department is another case.
		const other = await t.db
			.transaction()
			.execute((trx) => insertDepartmentCase(trx, { ...row, department_id: health }));
		expect(other).not.toBeNull();
		expect(await openJourneyOfCase(t.db, first!)).toBeNull();
		expect(await openJourneyOfCase(t.db, majaJobCase)).toMatchObject({ citizenId: maja });
	});

	it("updates a case once and audits it as the key's department; the same values again change nothing", async () => {
		// A due date some weeks ahead, on a working day.
		const due = new DemoClock(now).dueDate(43);
		const input = {
			citizenId: maja,
			kleNumber: '15.20.02',
			title: 'Din vej til job',
			titleEn: null,
			status: 'decided' as const,
			caseworkerEmail: DEMO_STAFF['Lone Madsen'],
			nextStep: 'Vent på afgørelsen',
			nextStepEn: null,
			nextStepDue: due,
			waitingOn: null
		};
		const first = await t.db
			.transaction()
			.execute((trx) => putCase(trx, job, 'JOB-104417', input, now));
		expect(first).toMatchObject({
			status: 200,
			body: { status: 'decided', nextStepDue: due }
		});
		await t.db.transaction().execute((trx) => putCase(trx, job, 'JOB-104417', input, now));
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', majaJobCase)
			.where('purpose', '=', `api:${job.prefix}`)
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actor_type: 'system',
			actor_department_id: jobcenter,
			action: 'update',
			object_type: 'case',
			citizen_id: maja
		});
		const row = await t.db
			.selectFrom('cases')
			.select(['decided_at', 'closed_at'])
			.where('id', '=', majaJobCase)
			.executeTakeFirstOrThrow();
		expect(row.decided_at?.toISOString()).toBe(now.toISOString());
		expect(row.closed_at).toBeNull();
	});

	it("appends an entry to Karl's journey with a queued letter, and lists only the department's API entries", async () => {
		const result = await t.db.transaction().execute((trx) =>
			postEntry(
				trx,
				healthClient,
				'SUO-118203',
				{
					externalRef: 'SUO-DB-1',
					kind: 'note',
					visibility: 'citizen',
					title: 'Ny træningstid',
					titleEn: null,
					body: 'Tirsdag kl. 10.',
					bodyEn: null,
					occurredAt: undefined
				},
				now
			)
		);
		expect(result.status).toBe(201);
		const letters = await t.db
			.selectFrom('letters')
			.select(['citizen_id', 'status', 'department_id'])
			.where('timeline_entry_id', '=', result.body.entryId)
			.execute();
		expect(letters).toEqual([{ citizen_id: karl, status: 'queued', department_id: health }]);
		const karlCase = await findDepartmentCase(t.db, health, 'SUO-118203');
		const listed = await listDepartmentEntriesForCase(t.db, health, karlCase!.id);
		expect(listed.map((e) => e.external_ref)).toEqual(['SUO-DB-1']);
		expect(await listDepartmentEntriesForCase(t.db, jobcenter, karlCase!.id)).toEqual([]);
		// The reference is unique per department: a second insert is refused without an error.
		const twice = await t.db.transaction().execute((trx) =>
			insertDepartmentEntry(trx, {
				journey_id: result.body.journeyId,
				kind: 'note',
				visibility: 'staff',
				department_id: health,
				title: 'X',
				external_ref: 'SUO-DB-1',
				occurred_at: now
			})
		);
		expect(twice).toBeNull();
		const audit = await t.db
			.selectFrom('audit_events')
			.select(['object_type'])
			.where('purpose', '=', `api:${healthClient.prefix}`)
			.orderBy(sql`object_type`)
			.execute();
		expect(audit.map((a) => a.object_type)).toEqual(['letter', 'timeline_entry']);
	});
});

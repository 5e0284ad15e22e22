// Consent from the citizen portal: one change is one consent row, one timeline entry per open
// journey the department takes part in, and one audit row; the staff's view of what is consented
// (consentedDepartmentIds) changes on the very next call.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { changeConsent } from '../../src/lib/server/consent/service';
import {
	consentDepartments,
	consentedDepartmentIds,
	findCitizenConsent,
	listConsentHistory
} from '../../src/lib/server/db/consents';
import { citizenScope } from '../../src/lib/server/access/policy';
import type { PortalContext } from '../../src/lib/server/access/portal';
import { DemoClock, demoId } from '../../src/lib/server/seed/demo-time';
import { demoIds } from '../../src/lib/server/seed/demo';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const maja = { id: demoIds.citizen('Maja Jensen'), name: 'Maja Jensen' };
const henrik = { id: demoIds.citizen('Henrik Hansen'), name: 'Henrik Hansen' };
const sofie = { id: demoIds.citizen('Sofie Hansen'), name: 'Sofie Hansen' };
const lise = { id: demoIds.citizen('Lise Mortensen'), name: 'Lise Mortensen' };
const karl = { id: demoIds.citizen('Karl Nielsen'), name: 'Karl Nielsen' };
const jobcenter = {
	id: demoIds.department('jobcenter'),
	name: 'Jobcenter',
	nameEn: 'Job Centre'
};
const social = demoIds.department('socialforvaltningen');
const family = {
	id: demoIds.department('boern-og-familie'),
	name: 'Børn og Familie',
	nameEn: 'Children and Families'
};

describe.each(testDialects())('consent on %s', (dialect) => {
	let t: TestDatabase;

	function own(person: { id: string; name: string }): PortalContext {
		return {
			db: t.db,
			scope: citizenScope({
				loggedInCitizenId: person.id,
				actingForCitizenId: null,
				representation: null
			})!,
			actor: person,
			subject: person
		};
	}

	function actingFor(
		actor: { id: string; name: string },
		subject: { id: string; name: string },
		scope: 'full' | 'read_only'
	): PortalContext {
		return {
			db: t.db,
			scope: citizenScope({
				loggedInCitizenId: actor.id,
				actingForCitizenId: subject.id,
				representation: { scope, departmentIds: null }
			})!,
			actor,
			subject
		};
	}

	const count = async (table: 'consents' | 'timeline_entries' | 'audit_events') =>
		(
			await t.db
				.selectFrom(table)
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow()
		).n;

	const consentEntries = (citizenId: string) =>
		t.db
			.selectFrom('timeline_entries as e')
			.innerJoin('journeys as j', 'j.id', 'e.journey_id')
			.selectAll('e')
			.where('j.citizen_id', '=', citizenId)
			.where('e.kind', '=', 'consent')
			.orderBy('e.created_at', 'desc')
			.execute();

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it('knows what the seed consented to, and where each citizen can decide', async () => {
		expect(new Set(await consentedDepartmentIds(t.db, maja.id))).toEqual(
			new Set([jobcenter.id, social])
		);
		// Mikkel withdrew his consent for the Jobcenter: only Socialforvaltningen remains.
		expect(await consentedDepartmentIds(t.db, demoIds.citizen('Mikkel Thomsen'))).toEqual([social]);
		expect((await consentDepartments(t.db, maja.id)).map((d) => d.name).sort()).toEqual([
			'Børn og Familie',
			'Jobcenter',
			'Socialforvaltningen'
		]);
		expect((await consentDepartments(t.db, sofie.id)).map((d) => d.id)).toEqual([family.id]);
	});

	it('withdraws at once: the department is gone from the staff’s list on the next call', async () => {
		const before = {
			consents: await count('consents'),
			entries: await count('timeline_entries'),
			audit: await count('audit_events')
		};
		const result = await changeConsent(own(maja), jobcenter, 'withdrawn');
		expect(result.changed).toBe(true);
		expect(await consentedDepartmentIds(t.db, maja.id)).toEqual([social]);

		if (!result.changed) return;
		expect(result.consent).toMatchObject({
			citizen_id: maja.id,
			department_id: jobcenter.id,
			action: 'withdrawn',
			channel: 'portal',
			recorded_by_citizen_id: maja.id,
			recorded_by_staff_id: null
		});
		// Maja has one journey, and it includes her Jobcenter case.
		expect(result.journeyIds).toEqual([demoIds.journey('maja')]);
		expect(await count('consents')).toBe(before.consents + 1);
		expect(await count('timeline_entries')).toBe(before.entries + 1);
		expect(await count('audit_events')).toBe(before.audit + 1);

		const [entry] = await consentEntries(maja.id);
		expect(entry).toMatchObject({
			journey_id: demoIds.journey('maja'),
			kind: 'consent',
			visibility: 'citizen',
			department_id: jobcenter.id,
			author_citizen_id: maja.id,
			author_staff_id: null,
			title: 'Maja Jensen trak sit samtykke til Jobcenter tilbage',
			title_en: 'Maja Jensen withdrew their consent to Job Centre'
		});
		expect(entry!.body).toContain('Jobcenter kan fra nu af ikke se');

		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', result.consent.id)
			.execute();
		expect(audit).toEqual([
			expect.objectContaining({
				actor_type: 'citizen',
				actor_citizen_id: maja.id,
				citizen_id: maja.id,
				action: 'create',
				object_type: 'consent'
			})
		]);
	});

	it('writes nothing when the consent is already as asked (no duplicate row)', async () => {
		const before = {
			consents: await count('consents'),
			entries: await count('timeline_entries'),
			audit: await count('audit_events')
		};
		const again = await changeConsent(own(maja), jobcenter, 'withdrawn');
		expect(again.changed).toBe(false);
		expect(again.consent?.action).toBe('withdrawn');
		// Never given at all: withdrawing Børn og Familie changes nothing either.
		expect((await changeConsent(own(maja), family, 'withdrawn')).changed).toBe(false);
		// Already given: Socialforvaltningen.
		const socialDepartment = { id: social, name: 'Socialforvaltningen', nameEn: 'Social Services' };
		expect((await changeConsent(own(maja), socialDepartment, 'granted')).changed).toBe(false);
		expect(await count('consents')).toBe(before.consents);
		expect(await count('timeline_entries')).toBe(before.entries);
		expect(await count('audit_events')).toBe(before.audit);
	});

	it('gives again with one call, and two quick clicks write one row', async () => {
		const before = await count('consents');
		const results = await Promise.all([
			changeConsent(own(maja), jobcenter, 'granted'),
			changeConsent(own(maja), jobcenter, 'granted')
		]);
		expect(results.filter((r) => r.changed)).toHaveLength(1);
		expect(await count('consents')).toBe(before + 1);
		expect(new Set(await consentedDepartmentIds(t.db, maja.id))).toEqual(
			new Set([jobcenter.id, social])
		);
		const [entry] = await consentEntries(maja.id);
		expect(entry?.title).toBe('Maja Jensen gav samtykke til Jobcenter');
		expect(entry?.title_en).toBe('Maja Jensen gave consent to Job Centre');
	});

	it('lists every change newest first, and finds a receipt only for its own citizen', async () => {
		const history = await listConsentHistory(t.db, maja.id);
		expect(history.map((h) => h.action).slice(0, 2)).toEqual(['granted', 'withdrawn']);
		expect(history.at(-1)?.departmentName).toBe('Jobcenter');
		expect(history).toHaveLength(4);
		expect(history[0]).toMatchObject({
			channel: 'portal',
			recordedByCitizenId: maja.id,
			recordedByCitizenName: 'Maja Jensen',
			recordedByStaff: false
		});
		expect(await findCitizenConsent(t.db, history[0]!.id, maja.id)).toMatchObject({
			id: history[0]!.id
		});
		expect(await findCitizenConsent(t.db, history[0]!.id, karl.id)).toBeUndefined();
		expect(
			await findCitizenConsent(t.db, '00000000-0000-4000-8000-000000000000', maja.id)
		).toBeUndefined();

		// Ahmed's consents were recorded by a caseworker at a meeting: shown by department.
		const ahmed = await listConsentHistory(t.db, demoIds.citizen('Ahmed Hassan'));
		expect(ahmed[0]).toMatchObject({
			channel: 'meeting',
			recordedByStaff: true,
			recordedByCitizenId: null,
			recordedByStaffDepartmentName: 'Jobcenter'
		});
	});

	it('writes the entry on every open journey with the department, and only there', async () => {
		// A second open (paused) journey with a Jobcenter case, a closed one with a Jobcenter case,
		// and an open one without the Jobcenter.
		const open2 = demoId('test:maja-open-2');
		const closed = demoId('test:maja-closed');
		const other = demoId('test:maja-family-only');
		const started = new DemoClock(now).past(30, 9);
		await t.db
			.insertInto('journeys')
			.values([
				{ id: open2, citizen_id: maja.id, title: 'Anden', status: 'paused', started_at: started },
				{
					id: closed,
					citizen_id: maja.id,
					title: 'Lukket',
					status: 'closed',
					started_at: started,
					closed_at: now
				},
				{
					id: other,
					citizen_id: maja.id,
					title: 'Kun familie',
					status: 'active',
					started_at: started
				}
			])
			.execute();
		// A case belongs to one journey at most: two more Jobcenter cases and a family case.
		const newCase = (key: string, department: string) => ({
			id: demoId(`test:case:${key}`),
			citizen_id: maja.id,
			department_id: department,
			kle_number: '15.20.02',
			title: key,
			opened_at: started,
			updated_at: started
		});
		await t.db
			.insertInto('cases')
			.values([
				newCase('job-2', jobcenter.id),
				newCase('job-3', jobcenter.id),
				newCase('family-2', family.id)
			])
			.execute();
		await t.db
			.insertInto('journey_cases')
			.values([
				{ journey_id: open2, case_id: demoId('test:case:job-2'), added_at: started },
				{ journey_id: closed, case_id: demoId('test:case:job-3'), added_at: started },
				{ journey_id: other, case_id: demoId('test:case:family-2'), added_at: started }
			])
			.execute();

		const result = await changeConsent(own(maja), jobcenter, 'withdrawn');
		expect(result.changed && [...result.journeyIds].sort()).toEqual(
			[demoIds.journey('maja'), open2].sort()
		);
		const entries = await t.db
			.selectFrom('timeline_entries')
			.select('journey_id')
			.where('kind', '=', 'consent')
			.where('journey_id', 'in', [closed, other])
			.execute();
		expect(entries).toEqual([]);
	});

	it('records a representative as the one who acted, for the citizen', async () => {
		const result = await changeConsent(actingFor(henrik, sofie, 'full'), family, 'granted');
		expect(result.changed).toBe(true);
		if (!result.changed) return;
		expect(result.consent).toMatchObject({
			citizen_id: sofie.id,
			recorded_by_citizen_id: henrik.id
		});
		expect(await consentedDepartmentIds(t.db, sofie.id)).toEqual([family.id]);
		const [entry] = await consentEntries(sofie.id);
		expect(entry).toMatchObject({
			author_citizen_id: henrik.id,
			title: 'Henrik Hansen gav samtykke til Børn og Familie på vegne af Sofie Hansen',
			title_en: 'Henrik Hansen gave consent to Children and Families on behalf of Sofie Hansen'
		});
		const audit = await t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('object_id', '=', result.consent.id)
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			actor_type: 'representative',
			actor_citizen_id: henrik.id,
			citizen_id: sofie.id,
			action: 'create',
			object_type: 'consent'
		});
	});

	it('records consent for a citizen without a journey, with no timeline entry', async () => {
		const jens = { id: demoIds.citizen('Jens Poulsen'), name: 'Jens Poulsen' };
		const [department] = await consentDepartments(t.db, jens.id);
		expect(department).toBeDefined();
		const entries = await count('timeline_entries');
		const result = await changeConsent(own(jens), department!, 'granted');
		expect(result.changed && result.journeyIds).toEqual([]);
		expect(await count('timeline_entries')).toBe(entries);
		expect(await consentedDepartmentIds(t.db, jens.id)).toEqual([department!.id]);
	});

	it('refuses a read-only representative before writing anything', async () => {
		const before = await count('consents');
		await expect(
			changeConsent(actingFor(lise, karl, 'read_only'), jobcenter, 'granted')
		).rejects.toThrow(/read-only/);
		expect(await count('consents')).toBe(before);
	});
});

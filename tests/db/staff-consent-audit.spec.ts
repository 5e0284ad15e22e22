// Staff recording consent on the citizen's behalf, registering and ending representations, and the
// auditor's trail: each change is one transaction with its audit row, on PGlite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsentForCitizen } from '../../src/lib/server/consent/service';
import { decryptCpr, hashCpr } from '../../src/lib/server/crypto/cpr';
import { loadCitizenFacts } from '../../src/lib/server/db/access-facts';
import {
	decodeAuditCursor,
	encodeAuditCursor,
	exportAuditTrail,
	listAuditTrail,
	listAuditTrailCitizens,
	listAuditTrailObjectTypes,
	listAuditTrailStaff,
	AUDIT_STAFF_CHOICES,
	type AuditTrailFilter
} from '../../src/lib/server/db/audit';
import {
	consentedDepartmentIds,
	listConsentHistory,
	listConsentHistoryForStaff
} from '../../src/lib/server/db/consents';
import {
	activeRepresentations,
	listRepresentationsOfCitizen
} from '../../src/lib/server/db/representatives';
import { can, hasConsent, timelineFilter } from '../../src/lib/server/access/policy';
import { demoIds } from '../../src/lib/server/seed/demo';
import { parseConsentForm } from '../../src/lib/server/consent/staff-form';
import {
	endRepresentation,
	parseRepresentationForm,
	registerRepresentation
} from '../../src/lib/server/representation/service';
import {
	criterionText,
	csvField,
	filterCriterion,
	filterQuery,
	parseTrailFilter,
	toCsv
} from '../../src/lib/server/audit/trail';
import type { StaffActor } from '../../src/lib/server/access/staff';
import { todayInDenmark } from '../../src/lib/format';
import * as clock from '../../src/lib/server/clock';
import { demoKeys, openSeeded, testDialects, type TestDatabase } from './helpers';

const maja = { id: demoIds.citizen('Maja Jensen'), name: 'Maja Jensen' };
const karl = demoIds.citizen('Karl Nielsen');
const jobcenter = demoIds.department('jobcenter');
const social = demoIds.department('socialforvaltningen');
const family = {
	id: demoIds.department('boern-og-familie'),
	name: 'Børn og Familie',
	nameEn: 'Children and Families'
};
const mette: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Mette Larsen'),
	role: 'coordinator',
	departmentId: social
};
const peter: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Peter Holm'),
	role: 'caseworker',
	departmentId: family.id
};
const hanne: StaffActor = {
	kind: 'staff',
	staffId: demoIds.staff('Hanne Vestergaard'),
	role: 'caseworker',
	departmentId: demoIds.department('sundhed-og-omsorg')
};

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
	}
	return data;
}

const noFilter: AuditTrailFilter = {
	from: null,
	to: null,
	staffId: null,
	departmentId: null,
	action: null,
	objectType: null,
	citizenId: null
};

describe.each(testDialects())('staff consent, representatives and the trail on %s', (dialect) => {
	let t: TestDatabase;

	const count = async (table: 'consents' | 'timeline_entries' | 'audit_events' | 'citizens') =>
		(
			await t.db
				.selectFrom(table)
				.select(sql<number>`count(*)::int`.as('n'))
				.executeTakeFirstOrThrow()
		).n;

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	describe('consent recorded by staff', () => {
		it('records Maja’s paper consent for Børn og Familie: row, timeline, audit, and Peter sees more', async () => {
			const before = await loadCitizenFacts(t.db, maja.id);
			expect(hasConsent(peter, before!)).toBe(false);
			const journeyFacts = {
				journeyId: demoIds.journey('maja'),
				coordinatorId: mette.staffId,
				openCaseDepartmentIds: before!.openCaseDepartmentIds
			};
			expect(timelineFilter(peter, before!, journeyFacts)?.departmentIds).toEqual([family.id]);
			const counts = {
				consents: await count('consents'),
				entries: await count('timeline_entries'),
				audit: await count('audit_events')
			};

			const result = await recordConsentForCitizen(
				t.db,
				mette,
				maja,
				family,
				{
					action: 'granted',
					channel: 'paper',
					witness: 'Jonas Friis, Socialforvaltningen',
					note: 'Underskrevet blanket'
				},
				'coordination'
			);
			expect(result.changed).toBe(true);
			if (!result.changed) return;
			expect(result.consent).toMatchObject({
				citizen_id: maja.id,
				department_id: family.id,
				action: 'granted',
				channel: 'paper',
				recorded_by_staff_id: mette.staffId,
				recorded_by_citizen_id: null,
				witness: 'Jonas Friis, Socialforvaltningen',
				note: 'Underskrevet blanket'
			});
			expect(result.journeyIds).toEqual([demoIds.journey('maja')]);
			expect(await count('consents')).toBe(counts.consents + 1);
			expect(await count('timeline_entries')).toBe(counts.entries + 1);
			expect(await count('audit_events')).toBe(counts.audit + 1);

			const entry = await t.db
				.selectFrom('timeline_entries')
				.selectAll()
				.where('idempotency_key', '=', `consent:${result.consent.id}:${demoIds.journey('maja')}`)
				.executeTakeFirstOrThrow();
			expect(entry).toMatchObject({
				kind: 'consent',
				visibility: 'citizen',
				author_staff_id: mette.staffId,
				author_citizen_id: null,
				department_id: family.id,
				title: 'Maja Jensen gav samtykke til Børn og Familie'
			});
			const audit = await t.db
				.selectFrom('audit_events')
				.selectAll()
				.where('object_id', '=', result.consent.id)
				.execute();
			expect(audit).toEqual([
				expect.objectContaining({
					actor_type: 'staff',
					actor_staff_id: mette.staffId,
					actor_role: 'coordinator',
					actor_department_id: social,
					action: 'create',
					object_type: 'consent',
					citizen_id: maja.id,
					purpose: 'coordination'
				})
			]);

			// Peter Holm now sees the other departments' entries, from the very next request.
			const after = await loadCitizenFacts(t.db, maja.id);
			expect(await consentedDepartmentIds(t.db, maja.id)).toContain(family.id);
			expect(hasConsent(peter, after!)).toBe(true);
			expect(timelineFilter(peter, after!, journeyFacts)?.departmentIds).toBe('all');
			expect(
				can(peter, 'read', {
					kind: 'timelineEntry',
					citizen: after!,
					journey: journeyFacts,
					departmentId: jobcenter,
					visibility: 'staff'
				})
			).toBe(true);

			// Maja's own history shows it as recorded by a member of staff of Socialforvaltningen.
			const [latest] = await listConsentHistory(t.db, maja.id);
			expect(latest).toMatchObject({
				id: result.consent.id,
				channel: 'paper',
				recordedByStaff: true,
				recordedByStaffDepartmentName: 'Socialforvaltningen',
				departmentName: 'Børn og Familie'
			});
			const [staffView] = await listConsentHistoryForStaff(t.db, maja.id);
			expect(staffView).toMatchObject({
				recordedByStaffName: 'Mette Larsen',
				witness: 'Jonas Friis, Socialforvaltningen'
			});
		});

		it('changes nothing when the consent already is as recorded', async () => {
			const before = await count('audit_events');
			const again = await recordConsentForCitizen(
				t.db,
				mette,
				maja,
				family,
				{ action: 'granted', channel: 'phone', witness: 'x', note: null },
				'coordination'
			);
			expect(again.changed).toBe(false);
			expect(await count('audit_events')).toBe(before);
		});

		it('records a withdrawal by phone: Peter is back to his own department', async () => {
			const result = await recordConsentForCitizen(
				t.db,
				mette,
				maja,
				family,
				{ action: 'withdrawn', channel: 'phone', witness: 'Jonas Friis', note: null },
				'coordination'
			);
			expect(result.changed).toBe(true);
			const facts = await loadCitizenFacts(t.db, maja.id);
			expect(hasConsent(peter, facts!)).toBe(false);
			const entries = await t.db
				.selectFrom('timeline_entries')
				.select('title')
				.where('journey_id', '=', demoIds.journey('maja'))
				.where('kind', '=', 'consent')
				.where('author_staff_id', '=', mette.staffId)
				.execute();
			expect(entries.map((e) => e.title)).toContain(
				'Maja Jensen trak sit samtykke til Børn og Familie tilbage'
			);
		});

		it('validates the form: department, action, channel, a witness for meetings and calls', () => {
			const ids = [family.id, jobcenter];
			expect(parseConsentForm(form({}), ids)).toMatchObject({
				ok: false,
				errors: {
					department: 'saConsentErrorDepartment',
					action: 'saConsentErrorAction',
					channel: 'saConsentErrorChannel'
				}
			});
			const meeting = parseConsentForm(
				form({ department: family.id, action: 'granted', channel: 'meeting', witness: ' ' }),
				ids
			);
			expect(meeting).toMatchObject({ ok: false, errors: { witness: 'saConsentErrorWitness' } });
			const unknown = parseConsentForm(
				form({ department: social, action: 'granted', channel: 'paper' }),
				ids
			);
			expect(unknown).toMatchObject({
				ok: false,
				errors: { department: 'saConsentErrorDepartment' }
			});
			expect(
				parseConsentForm(form({ department: family.id, action: 'granted', channel: 'portal' }), ids)
			).toMatchObject({ ok: false, errors: { channel: 'saConsentErrorChannel' } });
			const long = parseConsentForm(
				form({
					department: family.id,
					action: 'granted',
					channel: 'paper',
					note: 'x'.repeat(1001)
				}),
				ids
			);
			expect(long).toMatchObject({ ok: false, errors: { note: { key: 'fieldTooLong' } } });
			expect(
				parseConsentForm(
					form({ department: family.id, action: 'withdrawn', channel: 'paper' }),
					ids
				)
			).toEqual({
				ok: true,
				departmentId: family.id,
				record: { action: 'withdrawn', channel: 'paper', witness: null, note: null }
			});
		});
	});

	describe('representatives', () => {
		const today = todayInDenmark(clock.now());
		const valid = {
			cpr: '010203-1234',
			name: 'Ny Repræsentant',
			scope: 'full',
			coverage: 'all',
			basis: 'power_of_attorney',
			reference: 'Fuldmagt modtaget 3. marts 2026, j.nr. 27.36.16-G01-1-26',
			validFrom: today,
			validTo: ''
		};
		const departments = [jobcenter, social, family.id];

		it('validates CPR, name, choices, departments and dates, and never echoes the CPR', () => {
			const parsed = parseRepresentationForm(
				form({
					...valid,
					cpr: '3213',
					name: '',
					scope: 'x',
					coverage: 'some',
					basis: '',
					reference: '',
					validFrom: '31.2.2026',
					validTo: 'i morgen'
				}),
				departments
			);
			expect(parsed).toMatchObject({
				ok: false,
				errors: {
					cpr: 'saRepErrorCprFormat',
					name: 'saRepErrorName',
					scope: 'saRepErrorScope',
					coverage: 'saRepErrorDepartmentsNone',
					basis: 'saRepErrorBasis',
					reference: 'saRepErrorReference',
					validFrom: 'saRepErrorValidFrom',
					validTo: 'saRepErrorValidTo'
				}
			});
			if (!parsed.ok) expect(JSON.stringify(parsed.values)).not.toContain('3213');
			expect(
				parseRepresentationForm(
					form({
						...valid,
						coverage: 'some',
						departments: ['00000000-0000-4000-8000-000000000000']
					}),
					departments
				)
			).toMatchObject({ ok: false, errors: { coverage: 'saRepErrorDepartmentsUnknown' } });
			expect(
				parseRepresentationForm(
					form({ ...valid, validFrom: '2026-05-01', validTo: '2026-04-01' }),
					departments
				)
			).toMatchObject({ ok: false, errors: { validTo: 'saRepErrorValidToBefore' } });
			expect(parseRepresentationForm(form({ ...valid, cpr: '' }), departments)).toMatchObject({
				ok: false,
				errors: { cpr: 'saRepErrorCprMissing' }
			});
			const ok = parseRepresentationForm(
				form({
					...valid,
					coverage: 'some',
					departments: [family.id, family.id],
					validFrom: '3.3.2026',
					validTo: ''
				}),
				departments
			);
			expect(ok).toMatchObject({
				ok: true,
				input: {
					cpr: '0102031234',
					departmentIds: [family.id],
					validFrom: '2026-03-03',
					validTo: null
				}
			});
			// The date rules themselves are src/lib/dates.spec.ts's; here only that the form uses them.
			expect(
				parseRepresentationForm(form({ ...valid, validFrom: '29.2.2027' }), departments)
			).toMatchObject({ ok: false, errors: { validFrom: 'saRepErrorValidFrom' } });
			expect(
				parseRepresentationForm(form({ ...valid, validFrom: '29-02-2028' }), departments)
			).toMatchObject({ ok: true, input: { validFrom: '2028-02-29' } });
		});

		it('registers an existing citizen (Henrik) for Karl: he can then act for Karl', async () => {
			const parsed = parseRepresentationForm(
				form({ ...valid, cpr: '220278-0004', name: 'Henrik Hansen', scope: 'read_only' }),
				departments
			);
			expect(parsed.ok).toBe(true);
			if (!parsed.ok) return;
			const citizens = await count('citizens');
			const result = await registerRepresentation(
				t.db,
				demoKeys,
				hanne,
				karl,
				parsed.input,
				'casework'
			);
			expect(result).toMatchObject({
				ok: true,
				representativeId: demoIds.citizen('Henrik Hansen'),
				createdCitizen: false
			});
			expect(await count('citizens')).toBe(citizens);
			const active = await activeRepresentations(t.db, demoIds.citizen('Henrik Hansen'), today);
			expect(active.map((r) => r.citizen_id)).toContain(karl);
			const audit = await t.db
				.selectFrom('audit_events')
				.selectAll()
				.where('object_type', '=', 'representation')
				.where('citizen_id', '=', karl)
				.execute();
			expect(audit).toEqual([
				expect.objectContaining({
					action: 'create',
					actor_staff_id: hanne.staffId,
					purpose: 'casework'
				})
			]);
		});

		it('creates a citizen for a representative not yet in Sammen, CPR encrypted and hashed', async () => {
			const parsed = parseRepresentationForm(form(valid), departments);
			if (!parsed.ok) throw new Error('expected valid');
			const result = await registerRepresentation(
				t.db,
				demoKeys,
				hanne,
				karl,
				parsed.input,
				'casework'
			);
			expect(result).toMatchObject({ ok: true, createdCitizen: true });
			if (!result.ok) return;
			const row = await t.db
				.selectFrom('citizens')
				.selectAll()
				.where('id', '=', result.representativeId)
				.executeTakeFirstOrThrow();
			expect(row.name).toBe('Ny Repræsentant');
			expect(row.cpr_hash).toBe(hashCpr(demoKeys, '0102031234'));
			expect(row.cpr_encrypted).not.toContain('0102031234');
			expect(decryptCpr(demoKeys, row.cpr_encrypted)).toBe('0102031234');
			const created = await t.db
				.selectFrom('audit_events')
				.select(['action', 'object_type'])
				.where('object_id', '=', result.representativeId)
				.execute();
			expect(created).toEqual([{ action: 'create', object_type: 'citizen' }]);
			// No CPR number or hash in any audit row.
			const leaks = await t.db
				.selectFrom('audit_events')
				.select('id')
				.where((eb) =>
					eb.or([
						eb('criterion', 'like', '%0102031234%'),
						eb('criterion', 'like', `%${row.cpr_hash}%`)
					])
				)
				.execute();
			expect(leaks).toEqual([]);
		});

		it('refuses the citizen as their own representative, writing nothing', async () => {
			const parsed = parseRepresentationForm(
				form({ ...valid, cpr: '0304460002', name: 'Karl Nielsen' }),
				departments
			);
			if (!parsed.ok) throw new Error('expected valid');
			const audit = await count('audit_events');
			const result = await registerRepresentation(
				t.db,
				demoKeys,
				hanne,
				karl,
				parsed.input,
				'casework'
			);
			expect(result).toEqual({ ok: false, errors: { cpr: 'saRepErrorSelf' } });
			expect(await count('audit_events')).toBe(audit);
		});

		it('ends a representation: no longer active, valid_to today, audited; others answer missing', async () => {
			const rows = await listRepresentationsOfCitizen(t.db, karl);
			const henrik = rows.find((r) => r.representativeName === 'Henrik Hansen')!;
			expect(henrik.endedAt).toBeNull();
			expect(await endRepresentation(t.db, hanne, karl, henrik.id, 'casework')).toBe('ended');
			expect(await endRepresentation(t.db, hanne, karl, henrik.id, 'casework')).toBe('unchanged');
			const ended = (await listRepresentationsOfCitizen(t.db, karl)).find(
				(r) => r.id === henrik.id
			)!;
			expect(ended).toMatchObject({ validTo: today, endedByName: 'Hanne Vestergaard' });
			expect(ended.endedAt).toBeInstanceOf(Date);
			const active = await activeRepresentations(t.db, demoIds.citizen('Henrik Hansen'), today);
			expect(active.map((r) => r.citizen_id)).not.toContain(karl);
			// Sofie's representation is not Karl's: missing, as is a made-up and a malformed id.
			const sofies = await listRepresentationsOfCitizen(t.db, demoIds.citizen('Sofie Hansen'));
			for (const id of [sofies[0]!.id, '00000000-0000-4000-8000-000000000000', 'nope']) {
				expect(await endRepresentation(t.db, hanne, karl, id, 'casework')).toBe('missing');
			}
			const updates = await t.db
				.selectFrom('audit_events')
				.select('object_id')
				.where('object_type', '=', 'representation')
				.where('action', '=', 'update')
				.execute();
			expect(updates).toEqual([{ object_id: henrik.id }]);
		});
	});

	describe('the audit trail', () => {
		it('filters by citizen, action, object, staff, department and dates, newest first', async () => {
			const all = await listAuditTrail(t.db, noFilter, { limit: 200 });
			const times = all.rows.map((r) => r.occurredAt.getTime());
			expect(times).toEqual([...times].sort((a, b) => b - a));

			const karlRows = await exportAuditTrail(t.db, { ...noFilter, citizenId: karl }, 1000);
			expect(karlRows.length).toBeGreaterThan(0);
			expect(karlRows.every((r) => r.citizenId === karl && r.citizenName === 'Karl Nielsen')).toBe(
				true
			);

			const created = await exportAuditTrail(
				t.db,
				{ ...noFilter, action: 'create', objectType: 'representation' },
				1000
			);
			expect(created).toHaveLength(2);
			expect(created[0]).toMatchObject({
				staffName: 'Hanne Vestergaard',
				actorRole: 'caseworker',
				departmentName: 'Sundhed og Omsorg',
				purpose: 'casework'
			});

			const byMette = await exportAuditTrail(t.db, { ...noFilter, staffId: mette.staffId }, 1000);
			expect(byMette.length).toBeGreaterThan(0);
			expect(byMette.every((r) => r.staffName === 'Mette Larsen')).toBe(true);
			const bySocial = await exportAuditTrail(t.db, { ...noFilter, departmentId: social }, 1000);
			expect(bySocial.every((r) => r.departmentName === 'Socialforvaltningen')).toBe(true);

			const today = todayInDenmark(clock.now());
			const todays = await exportAuditTrail(t.db, { ...noFilter, from: today, to: today }, 10000);
			expect(todays.map((r) => r.objectType)).toContain('representation');
			expect(
				await exportAuditTrail(t.db, { ...noFilter, from: '2000-01-01', to: '2000-01-31' }, 10)
			).toEqual([]);
			// A citizen is chosen by part of the name among those in the trail, or kept once chosen.
			const choose = (name: string, chosenId: string | null = null) =>
				listAuditTrailCitizens(t.db, { name, chosenId }).then((r) => r.map((c) => c.name));
			expect(await choose('KARL')).toEqual(['Karl Nielsen']);
			expect(await choose('n')).toEqual([]);
			expect(await choose('%')).toEqual([]);
			expect(await choose('', karl)).toEqual(['Karl Nielsen']);
			expect(await choose('Maja', karl)).toEqual(['Karl Nielsen', 'Maja Jensen']);
			expect(await choose('Jens Poulsen')).toEqual([]);
			expect(await listAuditTrailObjectTypes(t.db)).toEqual(
				(
					await t.db
						.selectFrom('audit_events')
						.select('object_type')
						.distinct()
						.orderBy('object_type')
						.execute()
				).map((r) => r.object_type)
			);
			const everyone = await t.db.selectFrom('staff_users').select('id').execute();
			expect(
				(await listAuditTrailStaff(t.db, { name: '', chosenId: null })).map((s) => s.id).sort()
			).toEqual(everyone.map((s) => s.id).sort());
			// A member of staff likewise, by part of the name (all when it is empty), or once chosen.
			const staffNamed = (name: string, chosenId: string | null = null) =>
				listAuditTrailStaff(t.db, { name, chosenId }).then((r) => r.map((s) => s.name));
			expect(await staffNamed('LONE')).toEqual(['Lone Madsen']);
			expect(await staffNamed('%')).toEqual([]);
			expect(await staffNamed('Lone', demoIds.staff('Mette Larsen'))).toEqual([
				'Lone Madsen',
				'Mette Larsen'
			]);
			// At most AUDIT_STAFF_CHOICES + 1 (the view says that more match), the chosen one kept.
			const many = Array.from({ length: AUDIT_STAFF_CHOICES + 5 }, (_, i) => ({
				email: `audit-choice-${i}@kommune.example`,
				name: `Aaberg ${String(i).padStart(2, '0')}`,
				department_id: null,
				role: 'auditor' as const,
				oidc_subject: null,
				phone: null,
				created_at: clock.now()
			}));
			await t.db.insertInto('staff_users').values(many).execute();
			try {
				const offered = await staffNamed('', demoIds.staff('Mette Larsen'));
				expect(offered).toHaveLength(AUDIT_STAFF_CHOICES + 1);
				expect(offered).toContain('Mette Larsen');
				expect(await staffNamed('aaberg')).toHaveLength(AUDIT_STAFF_CHOICES + 1);
			} finally {
				await t.db.deleteFrom('staff_users').where('email', 'like', 'audit-choice-%').execute();
			}
		});

		it('pages by keyset without gaps or repeats', async () => {
			const everything = await exportAuditTrail(t.db, noFilter, 100000);
			const seen: string[] = [];
			let after = null;
			for (let i = 0; i < 1000; i++) {
				const page: Awaited<ReturnType<typeof listAuditTrail>> = await listAuditTrail(
					t.db,
					noFilter,
					{
						after,
						limit: 100
					}
				);
				seen.push(...page.rows.map((r) => r.id));
				if (!page.next) break;
				after = decodeAuditCursor(encodeAuditCursor(page.next));
				expect(after).not.toBeNull();
			}
			expect(seen).toEqual(everything.map((r) => r.id));
		});

		it('parses filters, writes criteria without names, shows a CPR search only as such', () => {
			const { filter, errors } = parseTrailFilter(
				new URLSearchParams({ fra: '1.11.2026', til: '2026-11-30', borger: karl, handling: 'read' })
			);
			expect(errors).toEqual({});
			expect(filter).toMatchObject({
				from: '2026-11-01',
				to: '2026-11-30',
				citizenId: karl,
				action: 'read'
			});
			expect(filterCriterion(filter)).toBe(
				`from=2026-11-01 to=2026-11-30 action=read citizen=${karl}`
			);
			expect(filterCriterion(noFilter)).toBe('all');
			expect(filterQuery(filter)).toBe(
				`?fra=2026-11-01&til=2026-11-30&handling=read&borger=${karl}`
			);
			const bad = parseTrailFilter(
				new URLSearchParams({
					fra: 'igår',
					til: '1.1.2020',
					borger: 'x',
					handling: 'hack',
					objekt: 'Robert); drop'
				})
			);
			expect(bad.errors).toEqual({
				'filter-from': 'saTrailErrorFrom',
				'filter-citizen': 'saTrailErrorChoice',
				'filter-action': 'saTrailErrorChoice',
				'filter-object': 'saTrailErrorChoice'
			});
			expect(
				parseTrailFilter(new URLSearchParams({ fra: '2.1.2020', til: '1.1.2020' })).errors
			).toEqual({
				'filter-to': 'saTrailErrorToBefore'
			});
			expect(criterionText('cpr:9f86d081884c7d659a2feaa0c55ad015', 'CPR-nummer (søgning)')).toBe(
				'CPR-nummer (søgning)'
			);
			expect(criterionText('name:Maja', 'x')).toBe('name:Maja');
		});

		it('writes CSV for Danish Excel: BOM, semicolons, quotes, and no formulas', () => {
			expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
			expect(csvField('+1')).toBe(`"'+1"`);
			expect(csvField('-1')).toBe(`"'-1"`);
			expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
			expect(csvField('Børn; og "Familie"')).toBe('"Børn; og ""Familie"""');
			expect(csvField(null)).toBe('""');
			expect(toCsv(['a', 'b'], [['1', '2']])).toBe('\uFEFF"a";"b"\r\n"1";"2"\r\n');
		});
	});
});

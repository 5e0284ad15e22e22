// The citizen's settings: language and contact details on the citizens row, "letters by post" as
// rows of analog_flag_changes; every change audited, nothing written when nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentAnalogFlag, isAnalog } from '../../src/lib/server/db/analog';
import { citizenSettings } from '../../src/lib/server/db/citizen-settings';
import { citizenScope } from '../../src/lib/server/access/policy';
import type { PortalContext } from '../../src/lib/server/access/portal';
import { demoIds } from '../../src/lib/server/seed/demo';
import {
	saveContactSettings,
	saveLanguage,
	setLettersByPost
} from '../../src/lib/server/settings/service';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const maja = { id: demoIds.citizen('Maja Jensen'), name: 'Maja Jensen' };
const karl = { id: demoIds.citizen('Karl Nielsen'), name: 'Karl Nielsen' };
const lise = { id: demoIds.citizen('Lise Mortensen'), name: 'Lise Mortensen' };
const henrik = { id: demoIds.citizen('Henrik Hansen'), name: 'Henrik Hansen' };
const sofie = { id: demoIds.citizen('Sofie Hansen'), name: 'Sofie Hansen' };

describe.each(testDialects())('settings on %s', (dialect) => {
	let t: TestDatabase;

	const own = (person: { id: string; name: string }): PortalContext => ({
		db: t.db,
		scope: citizenScope({
			loggedInCitizenId: person.id,
			actingForCitizenId: null,
			representation: null
		})!,
		actor: person,
		subject: person
	});
	const actingFor = (
		actor: { id: string; name: string },
		subject: { id: string; name: string },
		scope: 'full' | 'read_only'
	): PortalContext => ({
		db: t.db,
		scope: citizenScope({
			loggedInCitizenId: actor.id,
			actingForCitizenId: subject.id,
			representation: { scope, departmentIds: null }
		})!,
		actor,
		subject
	});

	const auditRows = (citizenId: string, objectType: string) =>
		t.db
			.selectFrom('audit_events')
			.selectAll()
			.where('citizen_id', '=', citizenId)
			.where('object_type', '=', objectType)
			.orderBy('occurred_at')
			.orderBy('id')
			.execute();
	const flagRows = (citizenId: string) =>
		t.db
			.selectFrom('analog_flag_changes')
			.selectAll()
			.where('citizen_id', '=', citizenId)
			.execute();

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it('reads the analog flag as its latest change', async () => {
		expect(await currentAnalogFlag(t.db, karl.id)).toMatchObject({
			analog: true,
			reason: 'digital_post_exempt',
			set_by_staff_id: demoIds.staff('Hanne Vestergaard'),
			set_by_citizen_id: null
		});
		// Lise chose paper, then went back to digital.
		expect(await currentAnalogFlag(t.db, lise.id)).toMatchObject({ analog: false });
		expect(await isAnalog(t.db, lise.id)).toBe(false);
		expect(await currentAnalogFlag(t.db, maja.id)).toBeUndefined();
		expect(await isAnalog(t.db, maja.id)).toBe(false);
	});

	it('lets Maja choose letters by post and undo it, each once and audited', async () => {
		const chosen = await setLettersByPost(own(maja), true);
		expect(chosen.changed).toBe(true);
		expect(await currentAnalogFlag(t.db, maja.id)).toMatchObject({
			analog: true,
			reason: 'citizen_choice',
			set_by_citizen_id: maja.id,
			set_by_staff_id: null
		});
		expect(await setLettersByPost(own(maja), true)).toEqual({ changed: false });
		expect(await flagRows(maja.id)).toHaveLength(1);

		const undone = await setLettersByPost(own(maja), false);
		expect(undone.changed).toBe(true);
		expect(await isAnalog(t.db, maja.id)).toBe(false);
		expect(await flagRows(maja.id)).toHaveLength(2);

		const audit = await auditRows(maja.id, 'analog_flag');
		expect(audit).toHaveLength(2);
		expect(audit[0]).toMatchObject({
			actor_type: 'citizen',
			actor_citizen_id: maja.id,
			action: 'update',
			object_id: chosen.changed ? chosen.flag.id : null
		});
	});

	it('does not let Karl lift an exemption the municipality registered', async () => {
		const before = await flagRows(karl.id);
		expect(await setLettersByPost(own(karl), false)).toEqual({ changed: false, locked: true });
		expect(await setLettersByPost(own(karl), true)).toEqual({ changed: false });
		expect(await flagRows(karl.id)).toEqual(before);
		expect(await auditRows(karl.id, 'analog_flag')).toEqual([]);
	});

	it('stores the language, and audits only a real change', async () => {
		expect((await citizenSettings(t.db, maja.id))?.preferredLanguage).toBe('da');
		expect(await saveLanguage(own(maja), 'en')).toEqual({ changed: true });
		expect((await citizenSettings(t.db, maja.id))?.preferredLanguage).toBe('en');
		expect(await saveLanguage(own(maja), 'en')).toEqual({ changed: false });
		const audit = await auditRows(maja.id, 'citizen_settings');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'update', object_id: maja.id });
	});

	it('stores contact details and notification choices', async () => {
		const settings = {
			email: 'maja@example.com',
			phone: '12 34 56 78',
			notifyByEmail: true,
			notifyBySms: false
		};
		expect(await saveContactSettings(own(maja), settings)).toEqual({ changed: true });
		expect(await citizenSettings(t.db, maja.id)).toEqual({
			preferredLanguage: 'en',
			...settings
		});
		expect(await saveContactSettings(own(maja), settings)).toEqual({ changed: false });
		expect(
			await saveContactSettings(own(maja), {
				email: null,
				phone: null,
				notifyByEmail: false,
				notifyBySms: false
			})
		).toEqual({ changed: true });
		expect((await citizenSettings(t.db, maja.id))?.email).toBeNull();
		expect(await auditRows(maja.id, 'citizen_settings')).toHaveLength(3);
	});

	it('records a full representative as the one who acted, and refuses a read-only one', async () => {
		expect(await saveLanguage(actingFor(henrik, sofie, 'full'), 'en')).toEqual({ changed: true });
		const [row] = await auditRows(sofie.id, 'citizen_settings');
		expect(row).toMatchObject({ actor_type: 'representative', actor_citizen_id: henrik.id });

		const flags = await flagRows(sofie.id);
		const result = await setLettersByPost(actingFor(henrik, sofie, 'full'), true);
		expect(result.changed && result.flag.set_by_citizen_id).toBe(henrik.id);
		expect(await flagRows(sofie.id)).toHaveLength(flags.length + 1);

		await expect(saveLanguage(actingFor(lise, karl, 'read_only'), 'en')).rejects.toThrow(
			/read-only/
		);
		await expect(setLettersByPost(actingFor(lise, karl, 'read_only'), false)).rejects.toThrow(
			/read-only/
		);
		expect((await citizenSettings(t.db, karl.id))?.preferredLanguage).toBe('da');
	});
});

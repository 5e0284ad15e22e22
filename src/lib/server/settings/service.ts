// The citizen's settings: language, contact details for notifications, and letters by post. Each
// change and its audit row are written in one transaction; saving what is already there writes
// nothing.
import { recordAuditEvent } from '../db/audit';
import {
	currentAnalogFlag,
	insertAnalogFlagChange,
	lockCitizenForSettings,
	type AnalogFlagChange
} from '../db/analog';
import {
	citizenSettings,
	updateCitizenSettings,
	type CitizenSettings
} from '../db/citizen-settings';
import type { Language } from '../../domain';
import { auditActor, type PortalContext } from '../access/portal';

function assertMayAct(context: PortalContext): void {
	if (!context.scope.mayAct) throw new Error('A read-only representation cannot change settings');
}

async function saveSettings(
	context: PortalContext,
	changes: Partial<CitizenSettings>
): Promise<{ changed: boolean }> {
	assertMayAct(context);
	const citizenId = context.subject.id;
	return context.db.transaction().execute(async (trx) => {
		await lockCitizenForSettings(trx, citizenId);
		const current = await citizenSettings(trx, citizenId);
		if (!current) throw new Error('The citizen does not exist');
		const changed = (Object.keys(changes) as (keyof CitizenSettings)[]).some(
			(key) => changes[key] !== current[key]
		);
		if (!changed) return { changed: false };
		await updateCitizenSettings(trx, citizenId, changes);
		await recordAuditEvent(trx, {
			...auditActor(context),
			action: 'update',
			object_type: 'citizen_settings',
			object_id: citizenId,
			purpose: null
		});
		return { changed: true };
	});
}

/** The language of the citizen's letters (and of Sammen, which the caller sets by cookie). */
export function saveLanguage(context: PortalContext, language: Language) {
	return saveSettings(context, { preferredLanguage: language });
}

export function saveContactSettings(
	context: PortalContext,
	settings: Pick<CitizenSettings, 'email' | 'phone' | 'notifyByEmail' | 'notifyBySms'>
) {
	return saveSettings(context, settings);
}

export type PostChoiceResult =
	| { changed: true; flag: AnalogFlagChange }
	| { changed: false }
	/** The municipality set the flag for another reason: only a caseworker can lift it. */
	| { changed: false; locked: true };

/**
 * "I want letters by post instead" and its undo. The citizen can lift only a flag that was their
 * own choice; an exemption from Digital Post or the like is changed by a caseworker.
 */
export async function setLettersByPost(
	context: PortalContext,
	analog: boolean
): Promise<PostChoiceResult> {
	assertMayAct(context);
	const citizenId = context.subject.id;
	return context.db.transaction().execute(async (trx) => {
		await lockCitizenForSettings(trx, citizenId);
		const current = await currentAnalogFlag(trx, citizenId);
		const isAnalog = current?.analog === true;
		if (analog === isAnalog) return { changed: false };
		if (!analog && current?.reason !== 'citizen_choice') return { changed: false, locked: true };
		const flag = await insertAnalogFlagChange(trx, {
			citizen_id: citizenId,
			analog,
			reason: analog ? 'citizen_choice' : null,
			note: null,
			set_by_staff_id: null,
			// The person who clicked: the representative when someone acts for the citizen.
			set_by_citizen_id: context.actor.id
		});
		await recordAuditEvent(trx, {
			...auditActor(context),
			action: 'update',
			object_type: 'analog_flag',
			object_id: flag.id,
			purpose: null
		});
		return { changed: true, flag };
	});
}

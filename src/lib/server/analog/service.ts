// The analog flag recorded by staff: set with a reason, or cleared, each with a
// note where it needs one. One change is one transaction: the analog_flag_changes row and its audit
// row. While the flag is set, every staff page about the citizen shows it (CitizenBanner) and the
// citizen's /indstillinger explains that the municipality set it.
import type { FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { tooLong } from '../../forms';
import {
	insertAnalogFlagChange,
	lockCitizenForSettings,
	type AnalogFlagChange
} from '../db/analog';
import { ANALOG_REASONS, type AnalogReason } from '../../domain';
import { auditStaff, purposeFor, type StaffCitizenContext } from '../access/staff';

export const ANALOG_NOTE_MAX = 500;

export type AnalogChange =
	| { analog: true; reason: AnalogReason; note: string | null }
	| { analog: false; reason: null; note: string };

export function parseAnalogSet(input: {
	reason: string;
	note: string;
}): { change: AnalogChange } | { errors: FieldErrors<StaffKey> } {
	const errors: FieldErrors<StaffKey> = {};
	const reason = ANALOG_REASONS.find((r) => r === input.reason);
	if (!reason) errors['reason'] = 'caseloadAnalogErrorReason';
	const long = tooLong(input.note, ANALOG_NOTE_MAX);
	if (long) errors['note'] = long;
	else if (reason === 'other' && input.note === '') errors['note'] = 'caseloadAnalogErrorNoteOther';
	if (!reason || Object.keys(errors).length > 0) return { errors };
	return { change: { analog: true, reason, note: input.note || null } };
}

export function parseAnalogClear(input: {
	note: string;
}): { change: AnalogChange } | { errors: FieldErrors<StaffKey> } {
	const long = tooLong(input.note, ANALOG_NOTE_MAX);
	if (long) return { errors: { clearNote: long } };
	if (input.note === '') return { errors: { clearNote: 'caseloadAnalogErrorNoteClear' } };
	return { change: { analog: false, reason: null, note: input.note } };
}

/** Records the change and its audit row in one transaction. */
export async function changeAnalogFlag(
	context: StaffCitizenContext,
	change: AnalogChange
): Promise<AnalogFlagChange> {
	const citizenId = context.citizen.citizenId;
	return context.db.transaction().execute(async (trx) => {
		await lockCitizenForSettings(trx, citizenId);
		const row = await insertAnalogFlagChange(trx, {
			citizen_id: citizenId,
			analog: change.analog,
			reason: change.reason,
			note: change.note,
			set_by_staff_id: context.actor.staffId,
			set_by_citizen_id: null
		});
		await auditStaff(trx, context.actor, {
			action: 'update',
			objectType: 'analog_flag',
			objectId: row.id,
			citizenId,
			purpose: purposeFor(context.actor, context.citizen)
		});
		return row;
	});
}

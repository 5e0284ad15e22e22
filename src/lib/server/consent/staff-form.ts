// Consent recorded by staff on the citizen's behalf: the form's parsing. The change itself is
// written by the consent service the portal uses (consent/service.ts), so the row, the timeline
// entries and the audit row are the same whoever records it.
import { NOTE_MAX, WITNESS_MAX } from '../../components/staff-audit/limits';
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { StaffKey } from '../../i18n/staff';
import { CONSENT_ACTIONS } from '../../domain';
import type { StaffConsentRecord } from './service';

const CHANNELS: readonly StaffConsentRecord['channel'][] = ['paper', 'meeting', 'phone'];

export interface ConsentFormValues {
	department: string;
	action: string;
	channel: string;
	witness: string;
	note: string;
}

export type ParsedConsentForm =
	| { ok: true; departmentId: string; record: StaffConsentRecord }
	| { ok: false; values: ConsentFormValues; errors: FieldErrors<StaffKey> };

/**
 * Reads the form. `departmentIds` are the departments the citizen can decide about; a department
 * outside them is a field error, like no choice at all.
 */
export function parseConsentForm(
	data: FormData,
	departmentIds: readonly string[]
): ParsedConsentForm {
	const values: ConsentFormValues = {
		department: formText(data, 'department'),
		action: formText(data, 'action'),
		channel: formText(data, 'channel'),
		witness: formText(data, 'witness'),
		note: formText(data, 'note')
	};
	const errors: FieldErrors<StaffKey> = {};
	if (!departmentIds.includes(values.department)) errors.department = 'saConsentErrorDepartment';
	const action = CONSENT_ACTIONS.find((a) => a === values.action);
	if (!action) errors.action = 'saConsentErrorAction';
	const channel = CHANNELS.find((c) => c === values.channel);
	if (!channel) errors.channel = 'saConsentErrorChannel';
	const witnessTooLong = tooLong(values.witness, WITNESS_MAX);
	if (witnessTooLong) errors.witness = witnessTooLong;
	else if ((channel === 'meeting' || channel === 'phone') && !values.witness) {
		errors.witness = 'saConsentErrorWitness';
	}
	const noteTooLong = tooLong(values.note, NOTE_MAX);
	if (noteTooLong) errors.note = noteTooLong;
	if (Object.keys(errors).length > 0 || !action || !channel) return { ok: false, values, errors };
	return {
		ok: true,
		departmentId: values.department,
		record: { action, channel, witness: values.witness || null, note: values.note || null }
	};
}

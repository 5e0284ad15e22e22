// Why a citizen gets letters on paper instead of digital post.
import type { MessageKey } from '../i18n/all';

export const ANALOG_REASONS = [
	'digital_post_exempt',
	'citizen_choice',
	'no_digital_access',
	'other'
] as const;
export type AnalogReason = (typeof ANALOG_REASONS)[number];

/** The staff pages' words, and the printable "my data" page's (addressed to the citizen). */
export const ANALOG_REASON_LABELS = {
	staff: {
		digital_post_exempt: 'analogReasonDigitalPostExempt',
		citizen_choice: 'analogReasonCitizenChoice',
		no_digital_access: 'analogReasonNoDigitalAccess',
		other: 'analogReasonOther'
	},
	dataPrint: {
		digital_post_exempt: 'dataPrintReasonExempt',
		citizen_choice: 'dataPrintReasonChoice',
		no_digital_access: 'dataPrintReasonNoAccess',
		other: 'dataPrintReasonOther'
	}
} as const satisfies Record<string, Record<AnalogReason, MessageKey>>;

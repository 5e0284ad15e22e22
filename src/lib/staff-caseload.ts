// Codes shared by the caseload's server code and its pages (client-safe: no server imports).
export const CASELOAD_STATUSES = ['received', 'in_progress', 'decided'] as const;
export const CASELOAD_WAITING = ['citizen', 'municipality', 'other_authority'] as const;
export const ANALOG_REASONS = [
	'digital_post_exempt',
	'citizen_choice',
	'no_digital_access',
	'other'
] as const;

// How the citizen's view of the audit trail ("who has looked at my data") is configured; the
// variable is documented with the others in README.

/**
 * Whether citizens see the names of the staff who looked at their data (AUDIT_SHOW_STAFF_NAMES).
 * Off by default: the department and the purpose are always shown, a name only when the
 * municipality has decided that its staff are named (e.g. after agreeing it with the staff).
 */
export function auditShowsStaffNames(
	env: Record<string, string | undefined> = process.env
): boolean {
	const value = env.AUDIT_SHOW_STAFF_NAMES?.trim().toLowerCase();
	return value === 'true' || value === '1' || value === 'yes';
}

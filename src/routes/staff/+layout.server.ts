import type { LayoutServerLoad } from './$types';

// Navigation only: which links the staff member's role offers. Every page and action under /staff
// calls its own guard (requireStaff, staffCitizen, staffJourney).
export const load: LayoutServerLoad = async ({ locals }) => ({
	staffNav: locals.staff ? { role: locals.staff.role } : null
});

import { loadCitizenView } from '$lib/server/citizens/staff-view';
import { auditStaffRead, staffCitizen } from '$lib/server/access/staff';
import type { PageServerLoad } from './$types';

// The staff view of one citizen: the guard answers 404 unless the policy lets the reader see the
// citizen; cases and journeys are filtered by the same policy; the read is audited.
export const load: PageServerLoad = async (event) => {
	const context = await staffCitizen(event, event.params.citizenId);
	const view = await loadCitizenView(context);
	await auditStaffRead(context, 'citizen', context.citizen.citizenId);
	return { banner: context.banner, ...view };
};

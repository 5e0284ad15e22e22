import { getMunicipality, municipalityContact } from '$lib/server/admin/municipality';
import { getDb } from '$lib/server/db';
import { auditShowsStaffNames } from '$lib/server/audit/settings';
import { recordAuditEvent } from '$lib/server/db/audit';
import { exportCitizenData } from '$lib/server/db/export';
import { auditActor, portal } from '$lib/server/access/portal';
import type { PageServerLoad } from './$types';

// The same content as the JSON download, as a page to read and print. Showing it is an export,
// recorded every time.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	const data = await exportCitizenData(db, scope.citizenId, {
		municipality: municipalityContact(await getMunicipality(getDb())),
		showStaffNames: auditShowsStaffNames()
	});
	await recordAuditEvent(db, {
		...auditActor(context),
		action: 'export',
		object_type: 'citizen_data',
		object_id: null,
		purpose: null
	});
	return { data };
};

import { getMunicipality, municipalityContact } from '$lib/server/admin/municipality';
import { getDb } from '$lib/server/db';
import { auditShowsStaffNames } from '$lib/server/audit/settings';
import { recordAuditEvent } from '$lib/server/db/audit';
import { exportCitizenData } from '$lib/server/db/export';
import { auditActor, portal } from '$lib/server/access/portal';
import { todayInDenmark } from '$lib/format';
import type { RequestHandler } from './$types';
import * as clock from '$lib/server/clock';

// Everything Sammen holds about the citizen as one JSON file (GDPR art. 15 and 20). The shape is
// documented in $lib/server/db/export/. Every download is recorded, by the citizen too.
export const GET: RequestHandler = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	const now = clock.now();
	const data = await exportCitizenData(db, scope.citizenId, {
		municipality: municipalityContact(await getMunicipality(getDb())),
		showStaffNames: auditShowsStaffNames(),
		now
	});
	await recordAuditEvent(db, {
		...auditActor(context),
		action: 'export',
		object_type: 'citizen_data',
		object_id: null,
		purpose: null
	});
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="sammen-mine-data-${todayInDenmark(now)}.json"`,
			'Cache-Control': 'no-store'
		}
	});
};

import { error } from '@sveltejs/kit';
import { todayInDenmark } from '$lib/format';
import { t } from '$lib/i18n/all';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findBatch, listBatchLetterFiles } from '$lib/server/db/print-queue';
import { batchZip } from '$lib/server/letters/print-queue';
import { auditStaff, staffActor } from '$lib/server/access/staff';
import { isUuid } from '$lib/uuid';
import type { RequestHandler } from './$types';

// A batch as a ZIP file for the print provider: one PDF per letter, named by its reference, and
// manifest.csv. The download is an export of citizens' names and addresses, so it is audited.
export const GET: RequestHandler = async (event) => {
	const { staff } = requireStaff(event, ['admin']);
	const id = event.params.batchId;
	if (!isUuid(id)) error(404, 'Not Found');
	const db = getDb();
	const batch = await findBatch(db, id);
	if (!batch) error(404, 'Not Found');
	const files = await listBatchLetterFiles(db, batch.id);
	const zip = batchZip(t(event.locals.locale), files);
	await auditStaff(db, staffActor(staff), {
		action: 'export',
		objectType: 'print_batch',
		objectId: batch.id,
		citizenId: null
	});
	return new Response(zip as Uint8Array<ArrayBuffer>, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="breve-${todayInDenmark(batch.createdAt)}-${batch.id.slice(0, 8)}.zip"`,
			'content-length': String(zip.byteLength),
			'cache-control': 'no-store'
		}
	});
};

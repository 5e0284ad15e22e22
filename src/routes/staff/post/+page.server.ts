import { fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { listRecentBatches, listWaitingLetters } from '$lib/server/db/print-queue';
import { letterReference } from '$lib/server/letters/pdf';
import { exportBatch, splitAddress } from '$lib/server/letters/print-queue';
import { notificationSettings } from '$lib/server/notifications/settings';
import { auditStaff, staffActor } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';
import * as clock from '$lib/server/clock';

// The print queue for administrators: the letters waiting to be printed (name and postcode only,
// never the content: rule 5), the export of every waiting letter as one batch, and recent batches.
// Reading the list is audited, since it shows citizens' names and addresses.
export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event, ['admin']);
	const db = getDb();
	const [waiting, batches] = await Promise.all([listWaitingLetters(db), listRecentBatches(db)]);
	await auditStaff(db, staffActor(staff), {
		action: 'read',
		objectType: 'print_queue',
		citizenId: null
	});
	const alertHours = notificationSettings().letterAlertHours;
	const overdueBefore = clock.now().getTime() - alertHours * 3600_000;
	return {
		alertHours,
		waiting: waiting.map((letter) => {
			const address = splitAddress(letter.recipientAddress);
			return {
				id: letter.id,
				reference: letterReference(letter.id),
				recipientName: letter.recipientName,
				postcode: address.postcode,
				town: address.town,
				departmentName: letter.departmentName,
				departmentNameEn: letter.departmentNameEn,
				createdAt: letter.createdAt,
				pageCount: letter.pageCount,
				overdue: letter.createdAt.getTime() < overdueBefore
			};
		}),
		batches
	};
};

export const actions: Actions = {
	eksport: async (event) => {
		const { staff } = requireStaff(event, ['admin']);
		const batch = await exportBatch(getDb(), staffActor(staff));
		if (!batch) return fail(400, { empty: true });
		redirect(303, `/staff/post/pakker/${batch.batchId}?lavet=${batch.count}`);
	}
};

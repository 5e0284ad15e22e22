import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findBatch, listBatchLetters } from '$lib/server/db/print-queue';
import { letterReference } from '$lib/server/letters/pdf';
import { handOver, splitAddress } from '$lib/server/letters/print-queue';
import { auditStaff, staffActor } from '$lib/server/access/staff';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// One batch of letters: what is in it, the ZIP file for the print provider, and the hand-over to
// the post. A made-up or malformed batch id answers 404, to the page and to the action.
async function guarded(event: RequestEvent<{ batchId: string }>) {
	const { staff } = requireStaff(event, ['admin']);
	const id = event.params.batchId;
	if (!isUuid(id)) error(404, 'Not Found');
	const db = getDb();
	const batch = await findBatch(db, id);
	if (!batch) error(404, 'Not Found');
	return { db, actor: staffActor(staff), batch };
}

export const load: PageServerLoad = async (event) => {
	const { db, actor, batch } = await guarded(event);
	const letters = await listBatchLetters(db, batch.id);
	await auditStaff(db, actor, {
		action: 'read',
		objectType: 'print_batch',
		objectId: batch.id,
		citizenId: null
	});
	const params = event.url.searchParams;
	const made = Number(params.get('lavet'));
	const handedOver = params.get('aflevering');
	return {
		batch,
		made: Number.isInteger(made) && made > 0 ? made : null,
		handedOver: handedOver === 'ok' || handedOver === 'allerede' ? handedOver : null,
		letters: letters.map((letter) => {
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
				status: letter.status
			};
		})
	};
};

export const actions: Actions = {
	aflever: async (event) => {
		const { db, actor, batch } = await guarded(event);
		const done = await handOver(db, actor, batch.id);
		redirect(303, `/staff/post/pakker/${batch.id}?aflevering=${done ? 'ok' : 'allerede'}`);
	}
};

import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formText, type FieldErrors } from '$lib/forms';
import type { StaffKey } from '$lib/i18n/staff';
import { requireStaff } from '$lib/server/auth/guards';
import { getDb } from '$lib/server/db';
import { findLettersByReference, type ReferencedLetter } from '$lib/server/db/print-queue';
import { letterReference } from '$lib/server/letters/pdf';
import { parseReference, returnLetter } from '$lib/server/letters/print-queue';
import { auditStaff, staffActor } from '$lib/server/access/staff';
import type { Actions, PageServerLoad } from './$types';

// A letter the post sent back: the administrator types the reference printed on it, sees which
// letter it is (reference, recipient, when it was posted; never its content) and marks it as
// returned, which gives the coordinator a task to call the citizen.
export const load: PageServerLoad = async (event) => {
	const { staff } = requireStaff(event, ['admin']);
	const done = parseReference(event.url.searchParams.get('returneret') ?? '');
	if (!done) return { done: null };
	const [letter] = await findLettersByReference(getDb(), done);
	if (!letter || letter.status !== 'returned') return { done: null };
	await auditStaff(getDb(), staffActor(staff), {
		action: 'read',
		objectType: 'letter',
		objectId: letter.id,
		citizenId: letter.citizenId
	});
	return {
		done: { reference: letterReference(letter.id), assigneeName: letter.returnAssigneeName }
	};
};

async function guarded(event: RequestEvent) {
	const { staff } = requireStaff(event, ['admin']);
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
	return { db: getDb(), actor: staffActor(staff), data };
}

type Lookup = { letter: ReferencedLetter } | { errors: FieldErrors<StaffKey> };

/** The letter a typed reference points to, if it is one that can be marked as returned. */
async function lookUp(db: ReturnType<typeof getDb>, reference: string): Promise<Lookup> {
	if (reference === '') return { errors: { reference: 'pqErrorReferenceMissing' } };
	const hex = parseReference(reference);
	if (!hex) return { errors: { reference: 'pqErrorReferenceFormat' } };
	const letters = await findLettersByReference(db, hex);
	if (letters.length === 0) return { errors: { reference: 'pqErrorReferenceUnknown' } };
	if (letters.length > 1) return { errors: { reference: 'pqErrorReferenceAmbiguous' } };
	const letter = letters[0]!;
	if (letter.status === 'returned') return { errors: { reference: 'pqErrorAlreadyReturned' } };
	if (letter.status !== 'posted') return { errors: { reference: 'pqErrorNotPosted' } };
	return { letter };
}

export const actions: Actions = {
	find: async (event) => {
		const { db, actor, data } = await guarded(event);
		const values = { reference: formText(data, 'reference') };
		const found = await lookUp(db, values.reference);
		if ('errors' in found) return fail(400, { values, errors: found.errors, found: null });
		await auditStaff(db, actor, {
			action: 'read',
			objectType: 'letter',
			objectId: found.letter.id,
			citizenId: found.letter.citizenId
		});
		return {
			values,
			errors: null,
			found: {
				reference: letterReference(found.letter.id),
				recipientName: found.letter.recipientName,
				postedAt: found.letter.postedAt
			}
		};
	},
	marker: async (event) => {
		const { db, actor, data } = await guarded(event);
		const values = { reference: formText(data, 'reference') };
		const found = await lookUp(db, values.reference);
		if ('errors' in found) return fail(400, { values, errors: found.errors, found: null });
		const result = await returnLetter(db, actor, found.letter);
		// Someone marked it in the meantime: the same answer as for a letter already returned.
		if (!result) {
			return fail(400, {
				values,
				errors: { reference: 'pqErrorAlreadyReturned' } as FieldErrors<StaffKey>,
				found: null
			});
		}
		redirect(303, `/staff/post/retur?returneret=${letterReference(found.letter.id)}`);
	}
};

import { error } from '@sveltejs/kit';
import { getMunicipality } from '$lib/server/admin/municipality';
import { getDb } from '$lib/server/db';
import { findCitizenLetter } from '$lib/server/db/documents';
import { letterPdf, pdfResponse } from '$lib/server/documents';
import { auditPortal, portal } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { RequestHandler } from './$types';

// A letter as PDF: the stored file when the letter was rendered for print, otherwise made now.
// `?vis=1` shows it in the browser instead of saving it.
export const GET: RequestHandler = async (event) => {
	const context = await portal(event, 'everything');
	// Someone else's letter, a made-up and a malformed id all answer the same 404.
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const letter = await findCitizenLetter(context.db, id, context.scope.citizenId);
	if (!letter) error(404, 'Not Found');
	const file = await letterPdf(letter, await getMunicipality(getDb()));
	// A download is audited as a read: recorded when a representative fetches the letter, not when
	// citizens fetch their own (that would fill "who has looked at my data" with themselves).
	await auditPortal(context.db, context, 'read', { type: 'letter', id });
	return pdfResponse(file, event.url.searchParams.has('vis') ? 'inline' : 'attachment');
};

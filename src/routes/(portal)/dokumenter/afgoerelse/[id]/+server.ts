import { error } from '@sveltejs/kit';
import { getMunicipality } from '$lib/server/admin/municipality';
import { getDb } from '$lib/server/db';
import { findCitizenDecision } from '$lib/server/db/documents';
import { decisionPdf, pdfResponse } from '$lib/server/documents';
import { auditPortal, portal } from '$lib/server/access/portal';
import { isUuid } from '$lib/uuid';
import type { RequestHandler } from './$types';

// A decision from the citizen's timeline as PDF, in English when the reader uses English and the
// decision has an English text. `?vis=1` shows it in the browser instead of saving it.
export const GET: RequestHandler = async (event) => {
	const context = await portal(event, 'everything');
	// Someone else's decision, a staff-only entry, an entry that is not a decision, a made-up and
	// a malformed id all answer the same 404.
	const id = event.params.id;
	if (!isUuid(id)) error(404, 'Not Found');
	const decision = await findCitizenDecision(context.db, id, context.scope.citizenId);
	if (!decision) error(404, 'Not Found');
	const file = await decisionPdf(decision, event.locals.locale, await getMunicipality(getDb()));
	// Audited as a read (see the letter route): recorded for representatives only.
	await auditPortal(context.db, context, 'read', { type: 'decision', id });
	return pdfResponse(file, event.url.searchParams.has('vis') ? 'inline' : 'attachment');
};

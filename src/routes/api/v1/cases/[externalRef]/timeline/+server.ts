import { apiRead, apiWrite, methodNotAllowed } from '$lib/server/api/handler';
import { CaseParams, EntryInput } from '$lib/server/api/schemas';
import { listEntries, postEntry } from '$lib/server/api/service';

export const GET = apiRead(CaseParams, (db, client, params) =>
	listEntries(db, client, params.externalRef)
);

export const POST = apiWrite(
	{ params: CaseParams, body: EntryInput },
	(trx, client, params, body) => postEntry(trx, client, params.externalRef, body)
);

// Any other method: 405 as problem details, with Allow.
export const fallback = methodNotAllowed(['GET', 'POST']);

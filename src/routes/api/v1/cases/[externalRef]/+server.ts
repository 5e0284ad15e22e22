import { apiRead, apiWrite, methodNotAllowed } from '$lib/server/api/handler';
import { CaseInput, CaseParams } from '$lib/server/api/schemas';
import { getCase, putCase } from '$lib/server/api/service';

export const GET = apiRead(CaseParams, (db, client, params) =>
	getCase(db, client, params.externalRef)
);

export const PUT = apiWrite({ params: CaseParams, body: CaseInput }, (trx, client, params, body) =>
	putCase(trx, client, params.externalRef, body)
);

// Any other method: 405 as problem details, with Allow.
export const fallback = methodNotAllowed(['GET', 'PUT']);

import { apiWrite, methodNotAllowed } from '$lib/server/api/handler';
import { CitizenInput } from '$lib/server/api/schemas';
import { putCitizen } from '$lib/server/api/service';
import { getCprKeys } from '$lib/server/db';

export const POST = apiWrite({ body: CitizenInput }, (trx, client, _params, body) =>
	putCitizen(trx, client, getCprKeys(), body)
);

// Any other method: 405 as problem details, with Allow.
export const fallback = methodNotAllowed(['POST']);

import { apiRead, methodNotAllowed } from '$lib/server/api/handler';
import { CitizenParams } from '$lib/server/api/schemas';
import { getCitizen } from '$lib/server/api/service';

export const GET = apiRead(CitizenParams, (db, client, params) =>
	getCitizen(db, client, params.citizenId)
);

// Any other method: 405 as problem details, with Allow.
export const fallback = methodNotAllowed(['GET']);

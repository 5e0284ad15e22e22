import { apiRead } from '$lib/server/api/handler';
import { CitizenParams } from '$lib/server/api/schemas';
import { getCitizen } from '$lib/server/api/service';

export const GET = apiRead(CitizenParams, (db, client, params) =>
	getCitizen(db, client, params.citizenId)
);

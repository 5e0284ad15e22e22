import { apiWrite } from '$lib/server/api/handler';
import { CitizenInput } from '$lib/server/api/schemas';
import { putCitizen } from '$lib/server/api/service';
import { getCprKeys } from '$lib/server/db';

export const POST = apiWrite({ body: CitizenInput }, (trx, client, _params, body) =>
	putCitizen(trx, client, getCprKeys(), body)
);

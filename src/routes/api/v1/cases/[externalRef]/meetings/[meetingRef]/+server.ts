import { apiRead, apiWrite, methodNotAllowed } from '$lib/server/api/handler';
import { MeetingInput, MeetingParams } from '$lib/server/api/schemas';
import { getMeeting, putMeeting } from '$lib/server/api/service';

export const GET = apiRead(MeetingParams, (db, client, params) =>
	getMeeting(db, client, params.externalRef, params.meetingRef)
);

export const PUT = apiWrite(
	{ params: MeetingParams, body: MeetingInput },
	(trx, client, params, body) =>
		putMeeting(trx, client, params.externalRef, params.meetingRef, body)
);

// Any other method: 405 as problem details, with Allow.
export const fallback = methodNotAllowed(['GET', 'PUT']);

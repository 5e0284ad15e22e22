// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate the
// requests (schemas.ts). Served at /api/v1/openapi.json and written to a file by
// scripts/openapi.ts for the linter (redocly.yaml).
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
	Case,
	CaseInput,
	CaseParams,
	Citizen,
	CitizenInput,
	CitizenParams,
	CitizenRef,
	Entry,
	EntryInput,
	EntryList,
	Meeting,
	MeetingInput,
	MeetingParams,
	Problem
} from './schemas';
import { BODY_LIMIT_BYTES } from './problem';

type Registry = OpenAPIRegistry;

const problem = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: Problem } }
});

const IdempotencyHeaders = z.object({
	'Idempotency-Key': z.string().min(1).max(255).meta({
		description:
			'A new random value (e.g. a UUID) for every change. A retry with the same key and body is answered with the stored answer and changes nothing.',
		example: '6c1f0f0e-2b7a-4b7e-9d55-0d1f3c9e8a21'
	})
});

const commonErrors = {
	401: problem('Missing, unknown or revoked API key.'),
	403: problem('A browser request from another origin.'),
	405: problem('A method this path does not take; Allow names those it does.'),
	429: problem('Too many requests for this key; see Retry-After.'),
	503: problem('The database cannot be reached; nothing was changed. Try again after Retry-After.')
};

const writeErrors = {
	...commonErrors,
	400: problem('Invalid body, parameter or Idempotency-Key; `errors` names each field.'),
	409: problem(
		'The Idempotency-Key is in use by a request still running, or a conflict described in `detail`.'
	),
	413: problem(`Body larger than ${BODY_LIMIT_BYTES} bytes.`),
	415: problem('Body not sent as application/json.'),
	422: problem('The Idempotency-Key was used for a different request.')
};

const readErrors = {
	...commonErrors,
	400: problem('A malformed path parameter.')
};

const json = <T extends z.ZodType>(schema: T, description: string) => ({
	description,
	content: { 'application/json': { schema } }
});

/** What every operation says about itself. */
interface Operation {
	operationId: string;
	summary: string;
	description?: string;
	tags: string[];
	path: string;
}

type Response = ReturnType<typeof json>;

/** A GET of one object by the path's parameters. */
function readPath(
	registry: Registry,
	op: Operation & { params: z.ZodObject; ok: Response; notFound: string }
): void {
	const { params, ok, notFound, ...operation } = op;
	registry.registerPath({
		...operation,
		method: 'get',
		request: { params },
		responses: { 200: ok, 404: problem(notFound), ...readErrors }
	});
}

/** A change with an Idempotency-Key and a JSON body: 200 when it existed, 201 when it is new. */
function writePath(
	registry: Registry,
	op: Operation & {
		method: 'post' | 'put';
		params?: z.ZodObject;
		body: z.ZodType;
		existed: Response;
		created: Response;
		notFound?: string;
	}
): void {
	const { method, params, body, existed, created, notFound, ...operation } = op;
	registry.registerPath({
		...operation,
		method,
		request: {
			...(params ? { params } : {}),
			headers: IdempotencyHeaders,
			body: { required: true, content: { 'application/json': { schema: body } } }
		},
		responses: {
			200: existed,
			201: created,
			...(notFound ? { 404: problem(notFound) } : {}),
			...writeErrors
		}
	});
}

const NO_CASE = 'No case of your department has this reference.';

function register(registry: Registry): void {
	registry.registerComponent('securitySchemes', 'apiKey', {
		type: 'http',
		scheme: 'bearer',
		description: 'A department API key, made by an administrator and shown once.'
	});

	writePath(registry, {
		operationId: 'upsertCitizen',
		summary: 'Create or update a citizen by CPR number',
		description:
			"The CPR number is sent only in the body and is stored encrypted. The answer is the citizen's id, used in all other calls.",
		tags: ['Citizens'],
		method: 'post',
		path: '/citizens',
		body: CitizenInput,
		existed: json(CitizenRef, 'The citizen existed and was updated.'),
		created: json(CitizenRef, 'The citizen was created.')
	});
	readPath(registry, {
		operationId: 'getCitizen',
		summary: "Read a citizen of one of your department's cases",
		tags: ['Citizens'],
		path: '/citizens/{citizenId}',
		params: CitizenParams,
		ok: json(Citizen, 'The citizen, without the CPR number.'),
		notFound: 'Unknown, or your department has no case for the citizen.'
	});
	writePath(registry, {
		operationId: 'upsertCase',
		summary: 'Create or update a case by your reference',
		tags: ['Cases'],
		method: 'put',
		path: '/cases/{externalRef}',
		params: CaseParams,
		body: CaseInput,
		existed: json(Case, 'The case was updated (or already as sent).'),
		created: json(Case, 'The case was created.')
	});
	readPath(registry, {
		operationId: 'getCase',
		summary: 'Read a case by your reference',
		tags: ['Cases'],
		path: '/cases/{externalRef}',
		params: CaseParams,
		ok: json(Case, 'The case.'),
		notFound: NO_CASE
	});
	writePath(registry, {
		operationId: 'appendTimelineEntry',
		summary: 'Append an entry to the timeline of the journey that holds the case',
		description:
			'A citizen-visible entry notifies the citizen (a letter when they are analog). Entries cannot be changed; the same entry sent again is answered with 200. 409 when the case is in no open journey.',
		tags: ['Timeline'],
		method: 'post',
		path: '/cases/{externalRef}/timeline',
		params: CaseParams,
		body: EntryInput,
		existed: json(Entry, 'The same entry had been sent before.'),
		created: json(Entry, 'The entry was added.'),
		notFound: NO_CASE
	});
	readPath(registry, {
		operationId: 'listTimelineEntries',
		summary: 'The timeline entries your department sent for the case',
		tags: ['Timeline'],
		path: '/cases/{externalRef}/timeline',
		params: CaseParams,
		ok: json(EntryList, 'The entries, oldest first.'),
		notFound: NO_CASE
	});
	writePath(registry, {
		operationId: 'upsertMeeting',
		summary: 'Plan, change or cancel a meeting on the journey that holds the case',
		description:
			'The citizen is invited, told of a new time or place, or of a cancellation, like an invitation from staff. 409 when the case is in no open journey or the meeting has started or is cancelled.',
		tags: ['Meetings'],
		method: 'put',
		path: '/cases/{externalRef}/meetings/{meetingRef}',
		params: MeetingParams,
		body: MeetingInput,
		existed: json(Meeting, 'The meeting was changed (or already as sent).'),
		created: json(Meeting, 'The meeting was planned.'),
		notFound: NO_CASE
	});
	readPath(registry, {
		operationId: 'getMeeting',
		summary: 'Read a meeting by your reference',
		tags: ['Meetings'],
		path: '/cases/{externalRef}/meetings/{meetingRef}',
		params: MeetingParams,
		ok: json(Meeting, "The meeting, with the citizen's answer."),
		notFound: 'No such case or meeting of your department.'
	});
}

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

/** The document; `serverUrl` is where /api/v1 lives (relative by default). */
export function openApiDocument() {
	if (cached) return cached;
	const registry = new OpenAPIRegistry();
	register(registry);
	cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
		openapi: '3.1.0',
		info: {
			title: 'Sammen integration API',
			version: '1.0.0',
			description:
				"For department systems (fagsystemer): citizens, cases, timeline entries and meetings. Every request needs a department API key; a key reaches only its department's data. Errors are RFC 9457 problem details.",
			license: { name: 'MPL-2.0', identifier: 'MPL-2.0' }
		},
		servers: [{ url: '/api/v1' }],
		security: [{ apiKey: [] }],
		tags: [
			{ name: 'Citizens', description: 'Citizens by CPR number, answered by id.' },
			{ name: 'Cases', description: "Your department's cases, by your reference." },
			{ name: 'Timeline', description: 'Entries on the shared timeline of the journey.' },
			{ name: 'Meetings', description: 'Meetings on the journey, by your reference.' }
		]
	});
	return cached;
}

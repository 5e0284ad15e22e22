// Errors as RFC 9457 problem details. Every answer of the API that is not a success goes through
// here, so clients can rely on one shape: type, title, status, detail and, for invalid input,
// `errors` with a JSON pointer to each field.
import type { z } from 'zod';

/** What a 503 asks the client to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 30;

/** The largest request body the API reads. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Problem types are URNs (RFC 9457 allows any URI): a deployment has its own host name, and a URL
 * on a domain the project does not own would promise documentation nobody serves. The titles and
 * the OpenAPI document describe each type.
 */
export const PROBLEM_BASE = 'urn:sammen:problem:';

export interface FieldProblem {
	pointer: string;
	detail: string;
}

export interface ProblemBody {
	type: string;
	title: string;
	status: number;
	detail: string;
	errors?: FieldProblem[];
}

/** A problem thrown anywhere in a handler; handler.ts turns it into the response. */
export class ApiProblem extends Error {
	constructor(
		readonly status: number,
		readonly slug: string,
		readonly title: string,
		readonly detail: string,
		readonly extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {}
	) {
		super(detail);
	}

	get body(): ProblemBody {
		return {
			type: PROBLEM_BASE + this.slug,
			title: this.title,
			status: this.status,
			detail: this.detail,
			...(this.extra.errors ? { errors: this.extra.errors } : {})
		};
	}
}

export const API_HEADERS = {
	'Cache-Control': 'no-store'
} as const;

export function problemResponse(problem: ApiProblem): Response {
	return new Response(JSON.stringify(problem.body), {
		status: problem.status,
		headers: {
			...API_HEADERS,
			'Content-Type': 'application/problem+json',
			...problem.extra.headers
		}
	});
}

/** RFC 6901: "~" and "/" are escaped inside a token. */
export function jsonPointer(path: readonly PropertyKey[]): string {
	return path
		.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1'))
		.join('');
}

/** A zod error as field problems; `prefix` says where the checked value sits (e.g. a path parameter). */
export function fieldProblems(
	error: z.ZodError,
	prefix: readonly PropertyKey[] = []
): FieldProblem[] {
	return error.issues
		.map((issue) => {
			// An unknown key is reported on the object; point at the key itself.
			const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null];
			return keys.map((key) => ({
				pointer: jsonPointer([...prefix, ...issue.path, ...(key === null ? [] : [key])]),
				detail: issue.code === 'unrecognized_keys' ? 'Unknown field' : issue.message
			}));
		})
		.flat();
}

export const problems = {
	validation: (errors: FieldProblem[]) =>
		new ApiProblem(400, 'validation', 'Invalid request', 'One or more fields are invalid.', {
			errors
		}),
	malformedJson: () =>
		new ApiProblem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.'),
	unauthorized: () =>
		new ApiProblem(
			401,
			'unauthorized',
			'Unauthorized',
			'Send a valid, unrevoked API key as "Authorization: Bearer <key>".',
			{ headers: { 'WWW-Authenticate': 'Bearer realm="sammen-api"' } }
		),
	forbiddenOrigin: () =>
		new ApiProblem(
			403,
			'forbidden-origin',
			'Browser requests are not allowed',
			'The integration API is for department systems; requests from web pages are refused.'
		),
	notFound: (what = 'resource') =>
		new ApiProblem(404, 'not-found', 'Not found', `No such ${what}.`),
	conflict: (slug: string, title: string, detail: string) =>
		new ApiProblem(409, slug, title, detail),
	payloadTooLarge: (limit: number) =>
		new ApiProblem(
			413,
			'payload-too-large',
			'Request body too large',
			`The request body may be at most ${limit} bytes.`
		),
	unsupportedMediaType: () =>
		new ApiProblem(
			415,
			'unsupported-media-type',
			'Unsupported media type',
			'Send the body as application/json.',
			{ headers: { 'Accept-Post': 'application/json' } }
		),
	idempotencyMismatch: () =>
		new ApiProblem(
			422,
			'idempotency-key-reused',
			'Idempotency-Key reused',
			'This Idempotency-Key was used for a different request. Use a new key for a new request.'
		),
	idempotencyInProgress: () =>
		new ApiProblem(
			409,
			'idempotency-key-in-use',
			'Request in progress',
			'A request with this Idempotency-Key is still being processed. Try again shortly.',
			{ headers: { 'Retry-After': '1' } }
		),
	rateLimited: (seconds: number) =>
		new ApiProblem(
			429,
			'rate-limited',
			'Too many requests',
			`This API key has made too many requests. Try again in ${seconds} seconds.`,
			{ headers: { 'Retry-After': String(seconds) } }
		),
	internal: () =>
		new ApiProblem(500, 'internal', 'Internal error', 'The request could not be completed.'),
	/** The database cannot be reached: nothing was changed, and the same request may be sent again. */
	unavailable: () =>
		new ApiProblem(
			503,
			'unavailable',
			'Service unavailable',
			'The database cannot be reached. Nothing was changed; send the request again later.',
			{ headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } }
		)
};

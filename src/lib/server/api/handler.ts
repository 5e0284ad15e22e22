// The one way a request reaches the integration API: refuse browsers from other origins, check
// the key, count it against the key's rate limit, read and validate the JSON body and parameters
// with the zod schemas, make POST/PUT idempotent with the Idempotency-Key header, and answer
// every failure as an RFC 9457 problem. Routes only name their schemas and call service.ts.
import { createHash } from 'node:crypto';
import type { RequestEvent, RequestHandler } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { findActiveApiKey, touchApiKey } from '../db/api-keys';
import { isDatabaseUnavailable } from '../db/unavailable';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../db/api';
import { getDb } from '../db';
import { errorFields, log } from '../log';
import type { Database } from '../db/schema';
import { consumeApiRequest } from './rate-limit';
import {
	API_HEADERS,
	ApiProblem,
	BODY_LIMIT_BYTES,
	fieldProblems,
	problemResponse,
	problems
} from './problem';
import type { ApiAnswer, ApiClient } from './service';
import * as clock from '../clock';

/** A claimed Idempotency-Key whose request never finished is free again after this long. */
const STALE_CLAIM_MS = 5 * 60_000;
/** Printable ASCII, as the IETF draft on the Idempotency-Key header recommends for keys. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function json(
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { ...API_HEADERS, 'Content-Type': 'application/json', ...headers }
	});
}

/**
 * Browsers send Sec-Fetch-Site (to secure and local origins) and Origin (on cross-origin and
 * non-GET requests); servers and command-line clients send neither. Sec-Fetch-Mode alone proves
 * nothing: Node's fetch (undici) sends "cors" on every request. A browser request is allowed only
 * with the app's own Origin, so a web page elsewhere cannot drive the API with a key it got hold of.
 */
export function isRefusedBrowserRequest(request: Request, ownOrigin: string): boolean {
	const site = request.headers.get('sec-fetch-site');
	const origin = request.headers.get('origin');
	if (site === null && origin === null) return false;
	if (site !== null && site !== 'same-origin') return true;
	return origin !== ownOrigin;
}

async function authenticate(db: Kysely<Database>, request: Request): Promise<ApiClient> {
	const header = request.headers.get('authorization') ?? '';
	const match = /^Bearer ([\x21-\x7e]{1,200})$/i.exec(header.trim());
	const key = match?.[1] ? await findActiveApiKey(db, match[1]) : null;
	if (!key) throw problems.unauthorized();
	await touchApiKey(db, key.id);
	return { keyId: key.id, departmentId: key.departmentId, prefix: key.prefix };
}

/** Reads at most BODY_LIMIT_BYTES, whatever Content-Length claims. */
async function readBody(request: Request): Promise<string> {
	const declared = Number(request.headers.get('content-length'));
	if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) {
		throw problems.payloadTooLarge(BODY_LIMIT_BYTES);
	}
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > BODY_LIMIT_BYTES) {
			await reader.cancel().catch(() => {});
			throw problems.payloadTooLarge(BODY_LIMIT_BYTES);
		}
		chunks.push(value);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		throw problems.malformedJson();
	}
}

function isJsonContentType(value: string | null): boolean {
	if (!value) return false;
	const type = (value.split(';')[0] ?? '').trim().toLowerCase();
	return type === 'application/json';
}

async function readJson(request: Request): Promise<unknown> {
	if (!isJsonContentType(request.headers.get('content-type'))) {
		throw problems.unsupportedMediaType();
	}
	const text = await readBody(request);
	try {
		return JSON.parse(text);
	} catch {
		throw problems.malformedJson();
	}
}

function parse<T>(schema: z.ZodType<T>, value: unknown, prefix: readonly PropertyKey[]): T {
	const result = schema.safeParse(value);
	if (!result.success) throw problems.validation(fieldProblems(result.error, prefix));
	return result.data;
}

function toResponse(error: unknown): Response {
	if (error instanceof ApiProblem) return problemResponse(error);
	if (isDatabaseUnavailable(error)) {
		log.warn(errorFields(error), 'api: the database cannot be reached');
		return problemResponse(problems.unavailable());
	}
	// Type, message and stack only (errorFields): a database error's detail, which can quote the
	// request's values, stays out of the log.
	log.error(errorFields(error), 'api: unexpected error');
	return problemResponse(problems.internal());
}

interface Prepared<P> {
	db: Kysely<Database>;
	client: ApiClient;
	params: P;
}

async function prepare<P>(
	event: RequestEvent,
	paramsSchema: z.ZodType<P> | undefined
): Promise<Prepared<P>> {
	if (isRefusedBrowserRequest(event.request, event.url.origin)) throw problems.forbiddenOrigin();
	const db = getDb();
	const client = await authenticate(db, event.request);
	const wait = await consumeApiRequest(client.keyId);
	if (wait !== null) throw problems.rateLimited(wait);
	// Path parameters are reported with pointers into the path ("/path/externalRef").
	const params = paramsSchema ? parse(paramsSchema, event.params, ['path']) : (undefined as P);
	return { db, client, params };
}

/** A read: GET with validated path parameters. */
export function apiRead<P>(
	paramsSchema: z.ZodType<P> | undefined,
	run: (db: Kysely<Database>, client: ApiClient, params: P) => Promise<unknown>
): RequestHandler {
	return async (event) => {
		try {
			const { db, client, params } = await prepare(event, paramsSchema);
			return json(200, await run(db, client, params));
		} catch (error) {
			return toResponse(error);
		}
	};
}

/**
 * A change: POST or PUT with a JSON body and an Idempotency-Key. The key is claimed first (its
 * own row, unique per API key); the change, its audit rows and the stored answer then commit in
 * one transaction. A failed request gives the key back, so the client can fix and retry it.
 */
export function apiWrite<P, B>(
	schemas: { params?: z.ZodType<P>; body: z.ZodType<B> },
	run: (
		trx: Transaction<Database>,
		client: ApiClient,
		params: P,
		body: B
	) => Promise<ApiAnswer<unknown>>
): RequestHandler {
	return async (event) => {
		let claimed: { db: Kysely<Database>; keyId: string; key: string } | null = null;
		try {
			const { db, client, params } = await prepare(event, schemas.params);
			const raw = await readJson(event.request);
			const body = parse(schemas.body, raw, []);
			const key = event.request.headers.get('idempotency-key');
			if (key === null || !IDEMPOTENCY_KEY.test(key)) {
				throw problems.validation([
					{
						pointer: '/headers/Idempotency-Key',
						detail:
							'Send an Idempotency-Key header: 1-255 printable ASCII characters, new for every change'
					}
				]);
			}
			const requestHash = createHash('sha256')
				.update(`${event.request.method} ${event.url.pathname}\n${JSON.stringify(raw)}`)
				.digest('hex');
			const claim = await claimIdempotencyKey(
				db,
				{
					apiKeyId: client.keyId,
					key,
					method: event.request.method,
					path: event.url.pathname,
					requestHash
				},
				new Date(clock.now().getTime() - STALE_CLAIM_MS)
			);
			if (!claim.claimed) {
				const stored = claim.existing;
				if (stored.statusCode === null) throw problems.idempotencyInProgress();
				if (stored.requestHash !== requestHash) throw problems.idempotencyMismatch();
				return json(stored.statusCode, stored.responseBody, { 'Idempotent-Replayed': 'true' });
			}
			claimed = { db, keyId: client.keyId, key };
			const answer = await db.transaction().execute(async (trx) => {
				const result = await run(trx, client, params, body);
				await completeIdempotencyKey(trx, client.keyId, key, result);
				return result;
			});
			claimed = null;
			return json(answer.status, answer.body);
		} catch (error) {
			if (claimed) {
				await releaseIdempotencyKey(claimed.db, claimed.keyId, claimed.key).catch(() => {});
			}
			return toResponse(error);
		}
	};
}

/** Any other method on an API path. */
export function methodNotAllowed(allowed: string[]): RequestHandler {
	return async () =>
		problemResponse(
			new ApiProblem(
				405,
				'method-not-allowed',
				'Method not allowed',
				`Use ${allowed.join(' or ')}.`,
				{
					headers: { Allow: allowed.join(', ') }
				}
			)
		);
}

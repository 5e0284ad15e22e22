// The Serviceplatformen client: Digital Post (SF1601, KombiPostAfsend) and the CPR register's
// person lookup (SF1520, PersonBaseDataExtended). Every call goes over mutual TLS with the
// municipality's system certificate and carries an access token:
//
//   1. the STS issues a SAML token for the municipality (CVR), bound to the certificate (UseKey),
//      for one service (its entity id);
//   2. the AccessTokenService exchanges it for an access token;
//   3. the service call sends it as `Authorization: <token_type> <access_token>`, with a
//      transaction id (a UUID) and time.
//
// Both tokens are cached per entity id until shortly before they expire; a 401 from a service
// drops the cached access token and tries once more with a fresh one.
//
// Failures come as two classes: TemporaryServiceError (5xx, 429, timeouts, network and TLS
// failures: try again later) and PermanentServiceError (another 4xx, or an answer the service
// gives for this request every time: do not retry). Neither ever carries a CPR number.
//
// Token lifetimes are the services' (their clocks are the system's), so the default clock is the
// system clock, not the application's pinned one (docs/TIME.md).
import { randomUUID } from 'node:crypto';
import type https from 'node:https';
import { XMLParser } from 'fast-xml-parser';
import {
	createAgent,
	httpsRequest,
	RequestTimeoutError,
	type ClientTls,
	type HttpsResponse
} from './tls';

/** The entity ids the STS issues tokens for. */
export const ENTITY_IDS = {
	kombiPostAfsend: 'http://entityid.kombit.dk/service/kombipostafsend/1',
	personBaseDataExtended: 'http://entityid.kombit.dk/service/sf1520/5'
} as const;

/** The paths under the base URL. */
export const SERVICE_PATHS = {
	accessToken: '/service/AccessTokenService_1/token',
	kombiPostAfsend: '/service/KombiPostAfsend_1/kombi',
	personBaseDataExtended: '/service/CPR/PersonBaseDataExtended/5'
} as const;

export const SF1520_NAMESPACE =
	'http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/';

/** What the CPR register says about a person, as Sammen uses it. */
export interface PersonRecord {
	name: string;
	co: string | null;
	street: string;
	postcode: string;
	city: string;
	/** Navne- og adressebeskyttelse: the address must not be shown or printed where others see it. */
	addressProtected: boolean;
	/** When the register was read. */
	updatedAt: Date;
}

export type ServiceErrorCode =
	| 'http'
	| 'timeout'
	| 'network'
	| 'tls-untrusted-server'
	| 'tls-refused'
	| 'bad-answer'
	| 'bad-request';

export class ServiceError extends Error {
	readonly status?: number;
	readonly code: ServiceErrorCode;
	/** The service's own short reason, when it gave one (CPR numbers removed). */
	readonly reason?: string;
	constructor(
		message: string,
		options: { status?: number; code: ServiceErrorCode; reason?: string; cause?: unknown }
	) {
		super(message, options.cause === undefined ? undefined : { cause: options.cause });
		this.status = options.status;
		this.code = options.code;
		this.reason = options.reason;
	}
}

/** The call may succeed later: 5xx, 429, a timeout, a network or TLS failure. */
export class TemporaryServiceError extends ServiceError {
	override name = 'TemporaryServiceError';
}

/** The service refused this request and will again: do not retry it unchanged. */
export class PermanentServiceError extends ServiceError {
	override name = 'PermanentServiceError';
}

export interface ServiceplatformenClientOptions {
	/** The services' base URL, e.g. https://prod.serviceplatformen.dk */
	baseUrl: string;
	/** The STS issue endpoint, e.g. https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue */
	stsUrl: string;
	/** The municipality's CVR number (AnvenderKontekst). */
	cvr: string;
	tls: ClientTls;
	/** The bound for each HTTPS exchange. */
	timeoutMs?: number;
	/** The clock token lifetimes are checked against; the system clock by default. */
	clock?: () => Date;
}

export interface ServiceplatformenClient {
	/** Sends a kombi_request (SF1601). Resolves with the transaction id the service recorded. */
	kombiPostAfsend(input: {
		body: string;
		transactionId: string;
	}): Promise<{ transactionId: string }>;
	/** Looks a person up in the CPR register (SF1520). */
	lookupPerson(cpr: string): Promise<PersonRecord>;
	/** Closes the kept-alive connections. */
	close(): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CPR_LIKE = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;

/** The SAML token is renewed this long before it expires. */
const SAML_MARGIN_MS = 5 * 60_000;
/** The access token is renewed this long before it expires. */
const ACCESS_MARGIN_MS = 60_000;

/** Removes anything that looks like a CPR number and bounds the length. */
export function scrubReason(text: string, maxLength = 200): string {
	const clean = text.replace(CPR_LIKE, '[CPR]').replace(/\s+/g, ' ').trim();
	return clean.length > maxLength ? clean.slice(0, maxLength - 1) + '…' : clean;
}

const xmlParser = new XMLParser({
	removeNSPrefix: true,
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: true
});

type Tree = Record<string, unknown>;

/** The first value under `key` anywhere in the tree, depth first. */
function findKey(tree: unknown, key: string): unknown {
	if (tree === null || typeof tree !== 'object') return undefined;
	if (Array.isArray(tree)) {
		for (const item of tree) {
			const found = findKey(item, key);
			if (found !== undefined) return found;
		}
		return undefined;
	}
	const record = tree as Tree;
	if (key in record) return record[key];
	for (const value of Object.values(record)) {
		const found = findKey(value, key);
		if (found !== undefined) return found;
	}
	return undefined;
}

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value && typeof value === 'object' && '#text' in value) return text((value as Tree)['#text']);
	return null;
}

const REASON_KEYS = [
	'faultstring',
	'Reason',
	'detail',
	'message',
	'errorMessage',
	'error_description',
	'fejlbesked',
	'Fejlbesked',
	'fejltekst',
	'title',
	'error'
];

/** A short reason from an error answer: JSON, XML (a SOAP fault too) or text. */
export function reasonFromBody(body: string): string | undefined {
	const trimmed = body.trim();
	if (trimmed === '') return undefined;
	let tree: unknown;
	if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
		try {
			tree = JSON.parse(trimmed);
		} catch {
			tree = undefined;
		}
	} else if (trimmed.startsWith('<')) {
		try {
			tree = xmlParser.parse(trimmed);
		} catch {
			tree = undefined;
		}
	}
	if (tree !== undefined) {
		for (const key of REASON_KEYS) {
			const value = findKey(tree, key);
			const found = text(value) ?? text(findKey(value, 'Text'));
			if (found) return scrubReason(found);
		}
		return undefined;
	}
	return scrubReason(trimmed.split('\n')[0] ?? '');
}

const UNTRUSTED_SERVER_CODES = new Set([
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_SIGNATURE_FAILURE',
	'ERR_TLS_CERT_ALTNAME_INVALID'
]);

/**
 * A failure below HTTP as a TemporaryServiceError. TLS failures are temporary too: they come from
 * configuration (a certificate or CA bundle to renew) that an operator fixes, after which the
 * waiting letters go out, rather than every letter failing for good meanwhile.
 */
function transportError(what: string, error: unknown): TemporaryServiceError {
	if (error instanceof RequestTimeoutError) {
		return new TemporaryServiceError(`${what}: ${error.message}`, {
			code: 'timeout',
			cause: error
		});
	}
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
	if (UNTRUSTED_SERVER_CODES.has(code)) {
		return new TemporaryServiceError(
			`${what}: the server's certificate is not trusted (${code}; see SERVICEPLATFORMEN_CA).`,
			{ code: 'tls-untrusted-server', cause: error }
		);
	}
	if (code.startsWith('ERR_SSL_')) {
		return new TemporaryServiceError(
			`${what}: the TLS handshake failed (${code}); the service may have refused the system certificate.`,
			{ code: 'tls-refused', cause: error }
		);
	}
	return new TemporaryServiceError(`${what}: ${code || 'the connection failed'}.`, {
		code: 'network',
		cause: error
	});
}

/** An HTTP error answer as a service error: 5xx and 429 temporary, any other 4xx permanent. */
function statusError(what: string, response: HttpsResponse): ServiceError {
	const reason = reasonFromBody(response.body);
	const message = `${what}: HTTP ${response.status}${reason ? `: ${reason}` : ''}`;
	const options = { status: response.status, code: 'http' as const, reason };
	return response.status >= 500 || response.status === 429
		? new TemporaryServiceError(message, options)
		: new PermanentServiceError(message, options);
}

/** The STS's Lifetime: an ISO instant, or MM/DD/YYYY HH:MM:SS (read as UTC). */
export function parseLifetime(value: unknown): Date | null {
	if (typeof value !== 'string') return null;
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(value.trim());
	if (us) {
		const [, month, day, year, hour, minute, second] = us.map(Number) as number[];
		return new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
	}
	const parsed = new Date(value);
	return Number.isNaN(parsed.getTime()) ? null : parsed;
}

interface CachedToken {
	value: string;
	expiresAt: number;
}

function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** The SOAP request for SF1520's PersonLookup. */
export function personLookupEnvelope(cpr: string, cvr: string): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
		'<soap:Body>' +
		`<ns:PersonLookupRequest xmlns:ns="${SF1520_NAMESPACE}">` +
		`<ns:AuthorityContext><ns:MunicipalityCVR>${escapeXml(cvr)}</ns:MunicipalityCVR></ns:AuthorityContext>` +
		`<ns:PNR>${escapeXml(cpr)}</ns:PNR>` +
		'</ns:PersonLookupRequest>' +
		'</soap:Body>' +
		'</soap:Envelope>'
	);
}

/**
 * Reads a PersonLookupResponse into a PersonRecord (without updatedAt): null when the answer is
 * not one, 'no-address' when the person has no name or address to write to.
 */
export function parsePersonLookupResponse(
	xml: string
): Omit<PersonRecord, 'updatedAt'> | 'no-address' | null {
	let tree: unknown;
	try {
		tree = xmlParser.parse(xml);
	} catch {
		return null;
	}
	const response = findKey(tree, 'PersonLookupResponse');
	if (!response || typeof response !== 'object') return null;
	const person = findKey(response, 'persondata') ?? response;
	const address = findKey(response, 'aktuelAdresse') ?? findKey(response, 'adresse') ?? response;

	const name =
		text(findKey(person, 'personadresseringsnavn')) ??
		[text(findKey(person, 'fornavn')), text(findKey(person, 'efternavn'))]
			.filter(Boolean)
			.join(' ');
	const street =
		text(findKey(address, 'standardadresse')) ??
		[
			text(findKey(address, 'vejadresseringsnavn')),
			text(findKey(address, 'husnummer'))?.replace(/^0+/, ''),
			[text(findKey(address, 'etage')), text(findKey(address, 'sidedoer'))]
				.filter(Boolean)
				.join(' ')
		]
			.filter(Boolean)
			.join(' ');
	const postcode = text(findKey(address, 'postnummer'));
	const city = text(findKey(address, 'postdistrikt'));
	if (!name || !street || !postcode || !city) return 'no-address';
	return {
		name,
		co: text(findKey(address, 'conavn')),
		street,
		postcode,
		city,
		addressProtected: text(findKey(response, 'navneOgAdressebeskyttelse')) === 'true'
	};
}

export function createServiceplatformenClient(
	options: ServiceplatformenClientOptions
): ServiceplatformenClient {
	const baseUrl = options.baseUrl.replace(/\/+$/, '');
	const timeoutMs = options.timeoutMs ?? 30_000;
	// eslint-disable-next-line no-restricted-syntax -- token lifetimes run on the system clock
	const clock = options.clock ?? (() => new Date());
	const agent: https.Agent = createAgent(options.tls);
	const useKey = options.tls.certificatePem
		.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')
		.replace(/\s+/g, '');

	const samlTokens = new Map<string, CachedToken>();
	const accessTokens = new Map<string, CachedToken>();
	const pending = new Map<string, Promise<string>>();

	async function send(what: string, request: Parameters<typeof httpsRequest>[1]) {
		try {
			return await httpsRequest(agent, request);
		} catch (error) {
			throw transportError(what, error);
		}
	}

	function fresh(cache: Map<string, CachedToken>, entityId: string): string | null {
		const token = cache.get(entityId);
		if (token && token.expiresAt > clock().getTime()) return token.value;
		cache.delete(entityId);
		return null;
	}

	async function samlToken(entityId: string): Promise<string> {
		const cached = fresh(samlTokens, entityId);
		if (cached) return cached;
		const response = await send('The STS', {
			method: 'POST',
			url: options.stsUrl,
			timeoutMs,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
			body: JSON.stringify({
				TokenType: 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0',
				RequestType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue',
				KeyType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey',
				AnvenderKontekst: { Cvr: options.cvr },
				UseKey: useKey,
				AppliesTo: { EndpointReference: { Address: entityId } },
				OnBehalfOf: null
			})
		});
		if (response.status < 200 || response.status > 299) throw statusError('The STS', response);
		let answer: { RequestedSecurityToken?: { Assertion?: unknown }; Lifetime?: unknown };
		try {
			answer = JSON.parse(response.body);
		} catch {
			throw new TemporaryServiceError('The STS answered with something other than JSON.', {
				code: 'bad-answer',
				status: response.status
			});
		}
		const assertion = answer.RequestedSecurityToken?.Assertion;
		if (typeof assertion !== 'string' || assertion === '') {
			throw new TemporaryServiceError('The STS answered without a token.', {
				code: 'bad-answer',
				status: response.status
			});
		}
		const now = clock().getTime();
		const lifetime = parseLifetime(answer.Lifetime)?.getTime() ?? now + 10 * 60_000;
		// A short lifetime keeps at least half of itself, so a token is never used just as it ends.
		const margin = Math.min(SAML_MARGIN_MS, Math.max(0, (lifetime - now) / 2));
		samlTokens.set(entityId, { value: assertion, expiresAt: lifetime - margin });
		return assertion;
	}

	async function fetchAccessToken(entityId: string): Promise<string> {
		const saml = await samlToken(entityId);
		const what = 'The AccessTokenService';
		const response = await send(what, {
			method: 'POST',
			url: baseUrl + SERVICE_PATHS.accessToken,
			timeoutMs,
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json'
			},
			body: new URLSearchParams({ 'saml-token': saml }).toString()
		});
		if (response.status < 200 || response.status > 299) {
			// A SAML token the service no longer accepts is fetched anew next time.
			if (response.status === 401 || response.status === 403) samlTokens.delete(entityId);
			throw statusError(what, response);
		}
		let answer: { token_type?: unknown; access_token?: unknown; expires_in?: unknown };
		try {
			answer = JSON.parse(response.body);
		} catch {
			throw new TemporaryServiceError(`${what} answered with something other than JSON.`, {
				code: 'bad-answer',
				status: response.status
			});
		}
		if (typeof answer.access_token !== 'string' || typeof answer.token_type !== 'string') {
			throw new TemporaryServiceError(`${what} answered without a token.`, {
				code: 'bad-answer',
				status: response.status
			});
		}
		const expiresInMs = Math.max(0, Number(answer.expires_in) || 0) * 1000;
		const margin = Math.min(ACCESS_MARGIN_MS, expiresInMs / 2);
		const value = `${answer.token_type} ${answer.access_token}`;
		accessTokens.set(entityId, { value, expiresAt: clock().getTime() + expiresInMs - margin });
		return value;
	}

	/** The access token for the entity id: cached, or fetched once for all callers waiting. */
	function accessToken(entityId: string): Promise<string> {
		const cached = fresh(accessTokens, entityId);
		if (cached) return Promise.resolve(cached);
		let promise = pending.get(entityId);
		if (!promise) {
			promise = fetchAccessToken(entityId).finally(() => pending.delete(entityId));
			pending.set(entityId, promise);
		}
		return promise;
	}

	/** A service call with the token and transaction headers; a 401 retries once with a new token. */
	async function callService(
		what: string,
		entityId: string,
		request: { path: string; body: string; transactionId: string; headers: Record<string, string> }
	): Promise<HttpsResponse> {
		for (let attempt = 1; ; attempt++) {
			const authorization = await accessToken(entityId);
			const response = await send(what, {
				method: 'POST',
				url: baseUrl + request.path,
				timeoutMs,
				headers: {
					...request.headers,
					Authorization: authorization,
					'X-TransaktionsId': request.transactionId,
					'X-TransaktionsTid': clock().toISOString()
				},
				body: request.body
			});
			if (response.status === 401 && attempt === 1) {
				accessTokens.delete(entityId);
				continue;
			}
			return response;
		}
	}

	return {
		async kombiPostAfsend({ body, transactionId }) {
			if (!UUID.test(transactionId)) {
				throw new PermanentServiceError('SF1601: the transaction id must be a UUID.', {
					code: 'bad-request'
				});
			}
			const what = 'SF1601 KombiPostAfsend';
			const response = await callService(what, ENTITY_IDS.kombiPostAfsend, {
				path: SERVICE_PATHS.kombiPostAfsend,
				body,
				transactionId,
				headers: { 'Content-Type': 'application/xml', Accept: 'application/xml' }
			});
			if (response.status < 200 || response.status > 299) throw statusError(what, response);
			const echoed = response.headers['x-transaktionsid'];
			const recorded = typeof echoed === 'string' && UUID.test(echoed) ? echoed : transactionId;
			return { transactionId: recorded };
		},

		async lookupPerson(cpr) {
			const what = 'SF1520 PersonLookup';
			const pnr = cpr.replace(/-/g, '');
			if (!/^\d{10}$/.test(pnr)) {
				throw new PermanentServiceError(`${what}: not a CPR number (10 digits).`, {
					code: 'bad-request'
				});
			}
			const response = await callService(what, ENTITY_IDS.personBaseDataExtended, {
				path: SERVICE_PATHS.personBaseDataExtended,
				body: personLookupEnvelope(pnr, options.cvr),
				transactionId: randomUUID(),
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					Accept: 'text/xml',
					SOAPAction: `"${SF1520_NAMESPACE}PersonLookup"`
				}
			});
			if (response.status < 200 || response.status > 299) {
				const error = statusError(what, response);
				// A SOAP fault comes as 500; "not found" is still an answer about this person.
				if (
					error instanceof TemporaryServiceError &&
					/not found|ikke fundet/i.test(error.reason ?? '')
				) {
					throw new PermanentServiceError(error.message, {
						status: response.status,
						code: 'http',
						reason: error.reason
					});
				}
				throw error;
			}
			const record = parsePersonLookupResponse(response.body);
			if (record === 'no-address') {
				throw new PermanentServiceError(`${what}: the register has no address for the person.`, {
					code: 'bad-answer',
					status: response.status,
					reason: 'no address'
				});
			}
			if (!record) {
				throw new TemporaryServiceError(`${what}: the answer has no person with an address.`, {
					code: 'bad-answer',
					status: response.status
				});
			}
			return { ...record, updatedAt: clock() };
		},

		close() {
			agent.destroy();
		}
	};
}

// A Serviceplatformen simulator for tests and the demo: the STS, the AccessTokenService, SF1601
// KombiPostAfsend and SF1520 PersonLookup, over HTTPS on 127.0.0.1 with mutual TLS. It trusts
// only the test CA for clients, so a client without a certificate, or with one from another CA,
// is refused during the TLS handshake, as production refuses one without a valid OCES3
// certificate.
//
// Tokens are bound as production binds them: the SAML token to the certificate the STS call came
// with (UseKey must be that certificate), the access token to the same certificate and to the
// service the SAML token was issued for. A missing, unknown or expired token answers 401.
//
// Letters are idempotent by messageUUID: the same messageUUID with the same body answers as the
// first time (the first call's transaction id) and stores nothing new; with another body, 400.
//
// Token lifetimes run on the system clock by default (docs/TIME.md); tests can pass their own.
/* eslint-disable no-restricted-syntax */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TestPki } from './certificates';
import { ENTITY_IDS, SERVICE_PATHS, SF1520_NAMESPACE, type PersonRecord } from './client';

export const STS_PATH = '/runtime/api/rest/wstrust/v1/issue';

export interface KombiValidation {
	messageUuid: string | null;
	recipientCpr: string | null;
	errors: string[];
}

export interface ReceivedMessage {
	messageUuid: string;
	transactionId: string;
	body: string;
	receivedAt: Date;
	/** The TLS client certificate's subject, e.g. "CN=Sammen test system, O=Test kommune, …". */
	clientSubject: string;
	recipientCpr: string | null;
}

/** Requests per endpoint; `refused` counts TLS handshakes refused, `unauthorized` 401 answers. */
export interface SimulatorRequestCounts {
	sts: number;
	token: number;
	kombi: number;
	person: number;
	other: number;
	refused: number;
	unauthorized: number;
}

export interface SimulatorOptions {
	pki: TestPki;
	/** 0 (the default) picks a free port. */
	port?: number;
	/** Checks a kombi_request; the default wants well-formed XML, a kombi_request root and a messageUUID. */
	validateKombi?: (xml: string) => KombiValidation;
	/** The people the CPR register knows, by CPR number. */
	people?: Map<string, PersonRecord>;
	clock?: () => Date;
	/** How long an access token lives (the AccessTokenService's expires_in). */
	accessTokenSeconds?: number;
	/** How long a SAML token lives. */
	samlTokenSeconds?: number;
}

export interface Simulator {
	/** The base URL, e.g. https://127.0.0.1:41234 */
	readonly url: string;
	readonly stsUrl: string;
	/** One entry per stored letter. */
	readonly received: ReadonlyArray<ReceivedMessage>;
	readonly requests: Readonly<SimulatorRequestCounts>;
	/** The next `count` service calls (SF1601, SF1520) answer `status` instead. */
	failNext(count: number, status: number): void;
	/** The next service call's answer waits `ms` (the letter is stored before the wait). */
	delayNext(ms: number): void;
	setPerson(cpr: string, record: PersonRecord): void;
	close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

const STS_EXPECTED = {
	TokenType: 'http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLV2.0',
	RequestType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/Issue',
	KeyType: 'http://docs.oasis-open.org/ws-sx/ws-trust/200512/PublicKey'
} as const;

const xmlParser = new XMLParser({
	removeNSPrefix: true,
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: true
});

function findKey(tree: unknown, key: string): unknown {
	if (tree === null || typeof tree !== 'object') return undefined;
	if (Array.isArray(tree)) {
		for (const item of tree) {
			const found = findKey(item, key);
			if (found !== undefined) return found;
		}
		return undefined;
	}
	const record = tree as Record<string, unknown>;
	if (key in record) return record[key];
	for (const value of Object.values(record)) {
		const found = findKey(value, key);
		if (found !== undefined) return found;
	}
	return undefined;
}

function textOf(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The default check: well-formed XML, a kombi_request root, a messageUUID; the recipient's CPR. */
export function defaultValidateKombi(xml: string): KombiValidation {
	const valid = XMLValidator.validate(xml);
	if (valid !== true) {
		return {
			messageUuid: null,
			recipientCpr: null,
			errors: [`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`]
		};
	}
	const tree = xmlParser.parse(xml) as Record<string, unknown>;
	const roots = Object.keys(tree).filter((key) => key !== '?xml');
	if (roots.length !== 1 || roots[0] !== 'kombi_request') {
		return { messageUuid: null, recipientCpr: null, errors: ['The root must be kombi_request.'] };
	}
	const messageUuid = textOf(findKey(tree, 'messageUUID'));
	const recipient = findKey(tree, 'Recipient');
	const recipientCpr =
		textOf(findKey(recipient, 'idType')) === 'CPR'
			? textOf(findKey(recipient, 'recipientID'))
			: null;
	const errors: string[] = [];
	if (!messageUuid) errors.push('messageUUID is missing.');
	else if (!UUID.test(messageUuid)) errors.push('messageUUID is not a UUID.');
	return { messageUuid, recipientCpr, errors };
}

function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function soapFault(code: string, reason: string): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(reason)}</faultstring></soap:Fault>` +
		'</soap:Body></soap:Envelope>'
	);
}

function personLookupResponse(record: PersonRecord, cpr: string): string {
	const optional = (tag: string, value: string | null) =>
		value ? `<${tag}>${escapeXml(value)}</${tag}>` : '';
	return (
		'<?xml version="1.0" encoding="UTF-8"?>' +
		'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
		`<ns:PersonLookupResponse xmlns:ns="${SF1520_NAMESPACE}">` +
		`<ns:persondata><ns:PNR>${escapeXml(cpr)}</ns:PNR>` +
		`<ns:navn><ns:personadresseringsnavn>${escapeXml(record.name)}</ns:personadresseringsnavn></ns:navn>` +
		`<ns:beskyttelse><ns:navneOgAdressebeskyttelse>${record.addressProtected}</ns:navneOgAdressebeskyttelse></ns:beskyttelse>` +
		'</ns:persondata>' +
		'<ns:adresse><ns:aktuelAdresse>' +
		optional('ns:conavn', record.co) +
		`<ns:standardadresse>${escapeXml(record.street)}</ns:standardadresse>` +
		`<ns:postnummer>${escapeXml(record.postcode)}</ns:postnummer>` +
		`<ns:postdistrikt>${escapeXml(record.city)}</ns:postdistrikt>` +
		'</ns:aktuelAdresse></ns:adresse>' +
		'</ns:PersonLookupResponse>' +
		'</soap:Body></soap:Envelope>'
	);
}

/** MM/DD/YYYY HH:MM:SS in UTC, the STS's Lifetime format. */
function stsLifetime(date: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return (
		`${two(date.getUTCMonth() + 1)}/${two(date.getUTCDate())}/${date.getUTCFullYear()} ` +
		`${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`
	);
}

function subjectString(subject: Record<string, string | string[]> | undefined): string {
	if (!subject) return '';
	return Object.entries(subject)
		.map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : value}`)
		.join(', ');
}

interface Session {
	entityId: string;
	certificate: string;
	expiresAt: number;
}

class HttpError extends Error {
	constructor(
		readonly status: number,
		readonly body: string,
		readonly contentType = 'application/problem+json'
	) {
		super(body);
	}
}

function problem(status: number, detail: string): HttpError {
	const titles: Record<number, string> = {
		400: 'Bad Request',
		401: 'Unauthorized',
		404: 'Not Found',
		413: 'Payload Too Large',
		429: 'Too Many Requests',
		500: 'Internal Server Error',
		503: 'Service Unavailable'
	};
	return new HttpError(
		status,
		JSON.stringify({ title: titles[status] ?? 'Error', status, detail }),
		'application/problem+json'
	);
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(problem(413, 'The body is too large.'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

export async function startServiceplatformenSimulator(
	options: SimulatorOptions
): Promise<Simulator> {
	const clock = options.clock ?? (() => new Date());
	const validateKombi = options.validateKombi ?? defaultValidateKombi;
	const people = new Map(options.people ?? []);
	const accessSeconds = options.accessTokenSeconds ?? 3600;
	const samlSeconds = options.samlTokenSeconds ?? 8 * 3600;

	const counts: SimulatorRequestCounts = {
		sts: 0,
		token: 0,
		kombi: 0,
		person: 0,
		other: 0,
		refused: 0,
		unauthorized: 0
	};
	const received: ReceivedMessage[] = [];
	const byMessageUuid = new Map<string, { bodyHash: string; transactionId: string }>();
	const samlTokens = new Map<string, Session>();
	const accessTokens = new Map<string, Session>();
	const timers = new Set<NodeJS.Timeout>();
	let failures: { count: number; status: number } = { count: 0, status: 503 };
	let delayMs = 0;

	function peer(req: IncomingMessage): { certificate: string; subject: string } {
		const certificate = (req.socket as TLSSocket).getPeerCertificate();
		return {
			certificate: certificate.raw?.toString('base64') ?? '',
			subject: subjectString(certificate.subject as unknown as Record<string, string>)
		};
	}

	function issueSts(req: IncomingMessage, body: string): { status: number; body: string } {
		let request: Record<string, unknown>;
		try {
			request = JSON.parse(body) as Record<string, unknown>;
		} catch {
			throw problem(400, 'The body must be JSON.');
		}
		for (const [key, value] of Object.entries(STS_EXPECTED)) {
			if (request[key] !== value) throw problem(400, `${key} must be ${value}.`);
		}
		const cvr = (request.AnvenderKontekst as { Cvr?: unknown } | undefined)?.Cvr;
		if (typeof cvr !== 'string' || !/^\d{8}$/.test(cvr)) {
			throw problem(400, 'AnvenderKontekst.Cvr must be a CVR number.');
		}
		const entityId = (
			request.AppliesTo as { EndpointReference?: { Address?: unknown } } | undefined
		)?.EndpointReference?.Address;
		if (typeof entityId !== 'string' || !Object.values(ENTITY_IDS).includes(entityId as never)) {
			throw problem(400, 'AppliesTo.EndpointReference.Address is not a known service.');
		}
		const { certificate } = peer(req);
		if (request.UseKey !== certificate) {
			throw problem(400, 'UseKey is not the TLS client certificate.');
		}
		const expiresAt = new Date(clock().getTime() + samlSeconds * 1000);
		const id = '_' + randomBytes(16).toString('hex');
		const assertion = Buffer.from(
			`<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}">` +
				`<saml:Conditions NotOnOrAfter="${expiresAt.toISOString()}"/>` +
				`<saml:AttributeStatement><saml:Attribute Name="dk:gov:saml:attribute:CvrNumberIdentifier"><saml:AttributeValue>${cvr}</saml:AttributeValue></saml:Attribute></saml:AttributeStatement>` +
				'</saml:Assertion>'
		).toString('base64');
		samlTokens.set(assertion, { entityId, certificate, expiresAt: expiresAt.getTime() });
		return {
			status: 200,
			body: JSON.stringify({
				RequestedSecurityToken: { Assertion: assertion },
				Lifetime: stsLifetime(expiresAt)
			})
		};
	}

	function issueAccessToken(req: IncomingMessage, body: string): { status: number; body: string } {
		const saml = new URLSearchParams(body).get('saml-token');
		const session = saml ? samlTokens.get(saml) : undefined;
		if (!session || session.expiresAt <= clock().getTime()) {
			counts.unauthorized++;
			throw problem(401, 'The SAML token is missing, unknown or expired.');
		}
		if (session.certificate !== peer(req).certificate) {
			counts.unauthorized++;
			throw problem(401, 'The SAML token was issued to another certificate.');
		}
		const accessToken = randomBytes(32).toString('base64url');
		accessTokens.set(accessToken, {
			entityId: session.entityId,
			certificate: session.certificate,
			expiresAt: clock().getTime() + accessSeconds * 1000
		});
		return {
			status: 200,
			body: JSON.stringify({
				token_type: 'Holder-of-key',
				access_token: accessToken,
				expires_in: accessSeconds
			})
		};
	}

	/** The checks every service call passes: token, transaction headers, injected failures. */
	function checkServiceCall(req: IncomingMessage, entityId: string): string {
		const authorization = req.headers.authorization ?? '';
		const token = /^\S+ (\S+)$/.exec(authorization)?.[1];
		const session = token ? accessTokens.get(token) : undefined;
		const { certificate } = peer(req);
		if (
			!session ||
			session.expiresAt <= clock().getTime() ||
			session.entityId !== entityId ||
			session.certificate !== certificate
		) {
			counts.unauthorized++;
			throw problem(401, 'The access token is missing, unknown, expired or not for this service.');
		}
		const transactionId = req.headers['x-transaktionsid'];
		if (typeof transactionId !== 'string' || !UUID.test(transactionId)) {
			throw problem(400, 'X-TransaktionsId must be a UUID.');
		}
		const transactionTime = req.headers['x-transaktionstid'];
		if (typeof transactionTime !== 'string' || Number.isNaN(Date.parse(transactionTime))) {
			throw problem(400, 'X-TransaktionsTid must be a time.');
		}
		if (failures.count > 0) {
			failures.count--;
			throw problem(failures.status, `Simulated failure (${failures.status}).`);
		}
		return transactionId;
	}

	function kombi(req: IncomingMessage, body: string, transactionId: string) {
		const validation = validateKombi(body);
		if (validation.errors.length > 0) throw problem(400, validation.errors.join(' '));
		if (!validation.messageUuid) throw problem(400, 'messageUUID is missing.');
		const bodyHash = createHash('sha256').update(body).digest('hex');
		const earlier = byMessageUuid.get(validation.messageUuid);
		if (earlier) {
			if (earlier.bodyHash !== bodyHash) throw problem(400, 'messageUUID already used.');
			return { status: 200, body: '', headers: { 'X-TransaktionsId': earlier.transactionId } };
		}
		byMessageUuid.set(validation.messageUuid, { bodyHash, transactionId });
		received.push({
			messageUuid: validation.messageUuid,
			transactionId,
			body,
			receivedAt: clock(),
			clientSubject: peer(req).subject,
			recipientCpr: validation.recipientCpr
		});
		return { status: 200, body: '', headers: { 'X-TransaktionsId': transactionId } };
	}

	function personLookup(body: string) {
		const fault = (status: number, code: string, reason: string) =>
			new HttpError(status, soapFault(code, reason), 'text/xml; charset=utf-8');
		if (XMLValidator.validate(body) !== true)
			throw fault(400, 'soap:Client', 'Not well-formed XML.');
		const tree = xmlParser.parse(body);
		const request = findKey(tree, 'PersonLookupRequest');
		const cpr = textOf(findKey(request, 'PNR'));
		if (!cpr || !/^\d{10}$/.test(cpr))
			throw fault(400, 'soap:Client', 'PNR is missing or invalid.');
		const record = people.get(cpr);
		if (!record) throw fault(404, 'soap:Client', 'PNR not found.');
		return {
			status: 200,
			body: personLookupResponse(record, cpr),
			headers: { 'Content-Type': 'text/xml; charset=utf-8' }
		};
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const path = new URL(req.url ?? '/', 'https://localhost').pathname;
		let answer: { status: number; body: string; headers?: Record<string, string> };
		let delay = 0;
		try {
			if (req.method !== 'POST') {
				counts.other++;
				throw problem(404, 'Not found.');
			}
			if (path === STS_PATH) {
				counts.sts++;
				answer = issueSts(req, await readBody(req));
			} else if (path === SERVICE_PATHS.accessToken) {
				counts.token++;
				answer = issueAccessToken(req, await readBody(req));
			} else if (path === SERVICE_PATHS.kombiPostAfsend) {
				counts.kombi++;
				const body = await readBody(req);
				delay = takeDelay();
				answer = kombi(req, body, checkServiceCall(req, ENTITY_IDS.kombiPostAfsend));
			} else if (path === SERVICE_PATHS.personBaseDataExtended) {
				counts.person++;
				const body = await readBody(req);
				delay = takeDelay();
				checkServiceCall(req, ENTITY_IDS.personBaseDataExtended);
				answer = personLookup(body);
			} else {
				counts.other++;
				throw problem(404, 'Not found.');
			}
		} catch (error) {
			const httpError = error instanceof HttpError ? error : problem(500, 'Simulator error.');
			answer = {
				status: httpError.status,
				body: httpError.body,
				headers: { 'Content-Type': httpError.contentType }
			};
		}
		const send = () => {
			if (res.destroyed) return;
			res.writeHead(answer.status, {
				'Content-Type': 'application/json',
				...answer.headers,
				'Content-Length': String(Buffer.byteLength(answer.body))
			});
			res.end(answer.body);
		};
		if (delay > 0) {
			const timer = setTimeout(() => {
				timers.delete(timer);
				send();
			}, delay);
			timers.add(timer);
		} else {
			send();
		}
	}

	function takeDelay(): number {
		const ms = delayMs;
		delayMs = 0;
		return ms;
	}

	const server = https.createServer(
		{
			key: options.pki.server.key,
			cert: options.pki.server.cert,
			ca: [options.pki.ca.cert],
			requestCert: true,
			rejectUnauthorized: true,
			minVersion: 'TLSv1.2'
		},
		(req, res) => {
			void handle(req, res);
		}
	);
	server.on('tlsClientError', () => {
		counts.refused++;
	});
	// Bounded: a test never hangs on a connection left open.
	server.requestTimeout = 30_000;
	server.headersTimeout = 10_000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const url = `https://127.0.0.1:${port}`;

	return {
		url,
		stsUrl: url + STS_PATH,
		get received() {
			return received;
		},
		requests: counts,
		failNext(count, status) {
			failures = { count, status };
		},
		delayNext(ms) {
			delayMs = ms;
		},
		setPerson(cpr, record) {
			people.set(cpr, record);
		},
		close() {
			for (const timer of timers) clearTimeout(timer);
			timers.clear();
			return new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		}
	};
}

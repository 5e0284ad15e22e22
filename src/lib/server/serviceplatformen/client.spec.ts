// The whole chain over real mutual TLS: a test PKI written to files, the simulator, and the client
// configured from those files as production is (PEM and PKCS#12).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateTestPki, writePki, type PkiFiles, type TestPki } from './certificates';
import {
	createServiceplatformenClient,
	parseLifetime,
	PermanentServiceError,
	reasonFromBody,
	TemporaryServiceError,
	type PersonRecord,
	type ServiceplatformenClient
} from './client';
import { startServiceplatformenSimulator, type Simulator } from './simulator';
import { clientTlsFromEnvironment, loadClientTls, type ClientTls } from './tls';

const CVR = '12345678';
// Fictitious CPR numbers (the test series).
const CPR = '0101709995';
const PROTECTED_CPR = '0202709996';
const UNKNOWN_CPR = '0303709997';

const HANNE: PersonRecord = {
	name: 'Hanne Test Jensen',
	co: null,
	street: 'Testvej 12, 2. th',
	postcode: '8000',
	city: 'Aarhus C',
	addressProtected: false,
	updatedAt: new Date('2026-01-01T00:00:00Z')
};
const ANNA: PersonRecord = {
	name: 'Anna Beskyttet',
	co: 'c/o Lise Hansen',
	street: 'Skjultvej 1',
	postcode: '9000',
	city: 'Aalborg',
	addressProtected: true,
	updatedAt: new Date('2026-01-01T00:00:00Z')
};

function letter(messageUuid: string, text = 'Hej'): string {
	return (
		'<kombi_request><KombiValgKode>Digital Post</KombiValgKode>' +
		'<memo:Message xmlns:memo="https://DigitalPost.dk/MeMo-1" memoVersion="1.1" memoSchVersion="1.1.0">' +
		'<memo:MessageHeader><memo:messageType>DIGITALPOST</memo:messageType>' +
		`<memo:messageUUID>${messageUuid}</memo:messageUUID><memo:label>Test</memo:label>` +
		`<memo:Recipient><memo:recipientID>${CPR}</memo:recipientID><memo:idType>CPR</memo:idType></memo:Recipient>` +
		'</memo:MessageHeader><memo:MessageBody><memo:MainDocument><memo:File>' +
		'<memo:encodingFormat>text/plain</memo:encodingFormat><memo:filename>brev.txt</memo:filename>' +
		`<memo:language>da</memo:language><memo:content>${Buffer.from(text).toString('base64')}</memo:content>` +
		'</memo:File></memo:MainDocument></memo:MessageBody></memo:Message></kombi_request>'
	);
}

// One clock for the simulator and the clients, which tests move forward.
let offsetMs = 0;
const clock = () => new Date(performance.timeOrigin + performance.now() + offsetMs);

let dir: string;
let pki: TestPki;
let files: PkiFiles;
let simulator: Simulator;
const clients: ServiceplatformenClient[] = [];

function client(tls: ClientTls, timeoutMs = 5_000): ServiceplatformenClient {
	const created = createServiceplatformenClient({
		baseUrl: simulator.url,
		stsUrl: simulator.stsUrl,
		cvr: CVR,
		tls,
		timeoutMs,
		clock
	});
	clients.push(created);
	return created;
}

function pemTls(): ClientTls {
	return loadClientTls({ certPath: files.clientPem, caPath: files.caCert });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('Expected a rejection');
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sammen-sp-'));
	pki = await generateTestPki();
	files = await writePki(pki, dir);
	simulator = await startServiceplatformenSimulator({
		pki,
		people: new Map([[CPR, HANNE]]),
		clock
	});
});

afterAll(async () => {
	for (const each of clients) each.close();
	await simulator?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SF1601 KombiPostAfsend over mutual TLS', () => {
	it('fetches the tokens once, reuses them, and stores each letter once', async () => {
		const sp = client(pemTls());
		const before = { ...simulator.requests };
		const stored = simulator.received.length;

		const first = randomUUID();
		const second = randomUUID();
		const transactionId = randomUUID();
		expect(await sp.kombiPostAfsend({ body: letter(first), transactionId })).toEqual({
			transactionId
		});
		await sp.kombiPostAfsend({ body: letter(second), transactionId: randomUUID() });

		expect(simulator.requests.sts - before.sts).toBe(1);
		expect(simulator.requests.token - before.token).toBe(1);
		expect(simulator.requests.kombi - before.kombi).toBe(2);
		expect(simulator.received.length - stored).toBe(2);
		const message = simulator.received.find((each) => each.messageUuid === first)!;
		expect(message.transactionId).toBe(transactionId);
		expect(message.body).toBe(letter(first));
		expect(message.clientSubject).toContain('CN=Sammen test system');
		expect(message.clientSubject).toContain('O=Test kommune');
		expect(message.recipientCpr).toBe(CPR);
	});

	it('renews the access token when it expires, and the SAML token when that does', async () => {
		const sp = client(pemTls());
		await sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() });
		const before = { ...simulator.requests };
		try {
			offsetMs += 2 * 60 * 60_000; // past the access token's hour, within the SAML token's 8
			await sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() });
			expect(simulator.requests.sts - before.sts).toBe(0);
			expect(simulator.requests.token - before.token).toBe(1);

			offsetMs += 8 * 60 * 60_000;
			await sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() });
			expect(simulator.requests.sts - before.sts).toBe(1);
			expect(simulator.requests.token - before.token).toBe(2);
		} finally {
			offsetMs = 0;
		}
	});

	it('answers a repeat of a messageUUID with the first transaction id and stores nothing new', async () => {
		const sp = client(pemTls());
		const messageUuid = randomUUID();
		const firstTransaction = randomUUID();
		await sp.kombiPostAfsend({ body: letter(messageUuid), transactionId: firstTransaction });
		const stored = simulator.received.length;

		const repeat = await sp.kombiPostAfsend({
			body: letter(messageUuid),
			transactionId: randomUUID()
		});
		expect(repeat.transactionId).toBe(firstTransaction);
		expect(simulator.received.length).toBe(stored);

		const error = await rejection(
			sp.kombiPostAfsend({ body: letter(messageUuid, 'Andet'), transactionId: randomUUID() })
		);
		expect(error).toBeInstanceOf(PermanentServiceError);
		expect((error as PermanentServiceError).reason).toBe('messageUUID already used.');
		expect(simulator.received.length).toBe(stored);
	});

	it.each([503, 500, 429])('makes %i a TemporaryServiceError and then succeeds', async (status) => {
		const sp = client(pemTls());
		simulator.failNext(1, status);
		const error = await rejection(
			sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() })
		);
		expect(error).toBeInstanceOf(TemporaryServiceError);
		expect((error as TemporaryServiceError).status).toBe(status);
		await expect(
			sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() })
		).resolves.toBeDefined();
	});

	it('makes a 400 a PermanentServiceError with the service reason', async () => {
		const sp = client(pemTls());
		const stored = simulator.received.length;

		const malformed = await rejection(
			sp.kombiPostAfsend({
				body: '<kombi_request><oops></kombi_request>',
				transactionId: randomUUID()
			})
		);
		expect(malformed).toBeInstanceOf(PermanentServiceError);
		expect((malformed as PermanentServiceError).status).toBe(400);
		expect((malformed as PermanentServiceError).reason).toMatch(/^Not well-formed XML/);

		const noUuid = await rejection(
			sp.kombiPostAfsend({
				body: '<kombi_request><KombiValgKode>Digital Post</KombiValgKode></kombi_request>',
				transactionId: randomUUID()
			})
		);
		expect((noUuid as PermanentServiceError).reason).toBe('messageUUID is missing.');

		simulator.failNext(1, 400);
		const injected = await rejection(
			sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() })
		);
		expect(injected).toBeInstanceOf(PermanentServiceError);
		expect(injected.message).toContain('Simulated failure (400)');
		expect(simulator.received.length).toBe(stored);
	});

	it('gives up after its timeout with a TemporaryServiceError; the retry finds the letter stored', async () => {
		const sp = client(pemTls(), 300);
		await sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() });
		const messageUuid = randomUUID();
		const transactionId = randomUUID();

		simulator.delayNext(5_000);
		const started = performance.now();
		const error = await rejection(sp.kombiPostAfsend({ body: letter(messageUuid), transactionId }));
		const elapsed = performance.now() - started;
		expect(error).toBeInstanceOf(TemporaryServiceError);
		expect((error as TemporaryServiceError).code).toBe('timeout');
		expect(elapsed).toBeLessThan(1_500);

		// The service stored it before its answer was lost: the retry stores nothing new.
		const stored = simulator.received.length;
		const retry = await sp.kombiPostAfsend({
			body: letter(messageUuid),
			transactionId: randomUUID()
		});
		expect(retry.transactionId).toBe(transactionId);
		expect(simulator.received.length).toBe(stored);
	});

	it('works with the certificate from a PKCS#12 file named by the environment', async () => {
		const sp = client(
			clientTlsFromEnvironment({
				SERVICEPLATFORMEN_CERT: files.clientP12,
				SERVICEPLATFORMEN_CERT_PASSWORD: files.p12Password,
				SERVICEPLATFORMEN_CA: files.caCert
			})
		);
		const messageUuid = randomUUID();
		await sp.kombiPostAfsend({ body: letter(messageUuid), transactionId: randomUUID() });
		expect(simulator.received.some((each) => each.messageUuid === messageUuid)).toBe(true);
	});

	it('is refused at the TLS layer without a certificate or with an untrusted one', async () => {
		const noCertificate = client({
			agentOptions: { ca: [pki.ca.cert] },
			certificatePem: pki.client.cert,
			subject: ''
		});
		const untrusted = client(
			loadClientTls({ certPath: files.untrustedClientPem, caPath: files.caCert })
		);
		for (const sp of [noCertificate, untrusted]) {
			const refused = simulator.requests.refused;
			const stsCalls = simulator.requests.sts;
			const error = await rejection(
				sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() })
			);
			expect(error).toBeInstanceOf(TemporaryServiceError);
			expect(['tls-refused', 'network']).toContain((error as TemporaryServiceError).code);
			await vi.waitFor(() => expect(simulator.requests.refused).toBe(refused + 1));
			expect(simulator.requests.sts).toBe(stsCalls);
		}
	});

	it('refuses a server whose certificate is not signed by SERVICEPLATFORMEN_CA', async () => {
		const stsCalls = simulator.requests.sts;
		for (const caPath of [files.untrustedCaCert, undefined]) {
			const sp = client(loadClientTls({ certPath: files.clientPem, caPath }));
			const error = await rejection(
				sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() })
			);
			expect(error).toBeInstanceOf(TemporaryServiceError);
			expect((error as TemporaryServiceError).code).toBe('tls-untrusted-server');
			expect(error.message).toContain('SERVICEPLATFORMEN_CA');
		}
		expect(simulator.requests.sts).toBe(stsCalls);
	});

	it('refuses a transaction id that is not a UUID before calling', async () => {
		const sp = client(pemTls());
		const error = await rejection(
			sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: 'nope' })
		);
		expect(error).toBeInstanceOf(PermanentServiceError);
	});
});

describe('SF1520 PersonLookup over mutual TLS', () => {
	it('returns the register record', async () => {
		const sp = client(pemTls());
		simulator.setPerson(PROTECTED_CPR, ANNA);
		const before = clock().getTime();

		const hanne = await sp.lookupPerson(CPR);
		expect({ ...hanne, updatedAt: undefined }).toEqual({ ...HANNE, updatedAt: undefined });
		expect(hanne.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1);

		const anna = await sp.lookupPerson(PROTECTED_CPR.slice(0, 6) + '-' + PROTECTED_CPR.slice(6));
		expect(anna).toMatchObject({ co: 'c/o Lise Hansen', addressProtected: true, city: 'Aalborg' });
	});

	it('makes an unknown CPR a PermanentServiceError that does not name it', async () => {
		const sp = client(pemTls());
		const error = await rejection(sp.lookupPerson(UNKNOWN_CPR));
		expect(error).toBeInstanceOf(PermanentServiceError);
		expect((error as PermanentServiceError).status).toBe(404);
		expect((error as PermanentServiceError).reason).toBe('PNR not found.');
		expect(error.message).not.toContain(UNKNOWN_CPR);
		expect(error.message).not.toContain(UNKNOWN_CPR.slice(0, 6));

		const invalid = await rejection(sp.lookupPerson('12345'));
		expect(invalid).toBeInstanceOf(PermanentServiceError);
		expect(invalid.message).not.toContain('12345');
	});

	it('makes a 503 a TemporaryServiceError', async () => {
		const sp = client(pemTls());
		simulator.failNext(1, 503);
		expect(await rejection(sp.lookupPerson(CPR))).toBeInstanceOf(TemporaryServiceError);
	});

	it('uses a token for SF1520 of its own, not the one for SF1601', async () => {
		const sp = client(pemTls());
		const before = { ...simulator.requests };
		await sp.kombiPostAfsend({ body: letter(randomUUID()), transactionId: randomUUID() });
		await sp.lookupPerson(CPR);
		await sp.lookupPerson(CPR);
		expect(simulator.requests.sts - before.sts).toBe(2);
		expect(simulator.requests.token - before.token).toBe(2);
		expect(simulator.requests.unauthorized - before.unauthorized).toBe(0);
	});
});

describe('answers read by the client', () => {
	it('takes a short reason from JSON, XML and text, without CPR numbers', () => {
		expect(reasonFromBody('{"title":"Bad Request","detail":"Modtager 010170-9995 ukendt"}')).toBe(
			'Modtager [CPR] ukendt'
		);
		expect(
			reasonFromBody(
				'<Envelope><Body><Fault><faultstring>PNR 0101709995 not found</faultstring></Fault></Body></Envelope>'
			)
		).toBe('PNR [CPR] not found');
		expect(reasonFromBody('Service down\nstack…')).toBe('Service down');
		expect(reasonFromBody('')).toBeUndefined();
	});

	it('reads the STS lifetime as ISO or MM/DD/YYYY HH:MM:SS (UTC)', () => {
		expect(parseLifetime('03/05/2026 14:23:11')?.toISOString()).toBe('2026-03-05T14:23:11.000Z');
		expect(parseLifetime('2026-03-05T14:23:11Z')?.toISOString()).toBe('2026-03-05T14:23:11.000Z');
		expect(parseLifetime('soon')).toBeNull();
	});
});

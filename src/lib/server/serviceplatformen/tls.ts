// Mutual TLS towards Serviceplatformen: the municipality's system certificate (OCES3), read from a
// PKCS#12 file (.p12/.pfx, as municipalities usually receive it) or a PEM holding the certificate
// and its key, and the CA bundle trusted for the servers. Node's https module does the TLS, so no
// HTTP library is needed; httpsRequest below is the one function that sends a request.
//
// Error messages name the file and what is wrong with it, never a password or key material.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import forge from 'node-forge';

export class TlsConfigError extends Error {
	override name = 'TlsConfigError';
}

/** The client side of mutual TLS: what the https.Agent needs, and the certificate for the STS. */
export interface ClientTls {
	/** Options for an https.Agent: the client certificate and key, and the CA to trust if given. */
	agentOptions: https.AgentOptions;
	/** The client certificate (the first, the leaf), PEM: the STS binds the token to it (UseKey). */
	certificatePem: string;
	/** The certificate's subject, for logs and errors (no secrets). */
	subject: string;
}

export interface ClientTlsFiles {
	/** A .p12/.pfx file, or a PEM file with the certificate (and chain) and the private key. */
	certPath: string;
	/** The PKCS#12 password, or the PEM key's passphrase when it is encrypted. */
	password?: string;
	/** A PEM CA bundle to trust for the servers; Node's trusted roots when absent. */
	caPath?: string;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const PEM_PRIVATE_KEY =
	/-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function readFile(path: string, what: string): Buffer {
	try {
		return readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'the file does not exist'
				: code === 'EACCES'
					? 'this process may not read it'
					: code === 'EISDIR'
						? 'it is a directory'
						: `it cannot be read (${code ?? 'unknown error'})`;
		throw new TlsConfigError(`${what} ${path}: ${reason}.`);
	}
}

function subjectOf(certificatePem: string, path: string): string {
	try {
		return new X509Certificate(certificatePem).subject.replace(/\n/g, ', ');
	} catch {
		throw new TlsConfigError(`SERVICEPLATFORMEN_CERT ${path}: the certificate cannot be read.`);
	}
}

function fromPkcs12(data: Buffer, path: string, password: string): ClientTls {
	let p12: forge.pkcs12.Pkcs12Pfx;
	try {
		p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(data.toString('binary')), password);
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		throw new TlsConfigError(
			/MAC could not be verified|Invalid password/i.test(message)
				? `SERVICEPLATFORMEN_CERT ${path}: the PKCS#12 file cannot be opened with the password in SERVICEPLATFORMEN_CERT_PASSWORD (wrong or missing password).`
				: `SERVICEPLATFORMEN_CERT ${path}: not a PKCS#12 file this server can read.`
		);
	}
	const keyBags = [
		...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
			forge.pki.oids.pkcs8ShroudedKeyBag!
		] ?? []),
		...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? [])
	];
	const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
	const key = keyBags.find((bag) => bag.key)?.key;
	const certificates = certBags.flatMap((bag) => (bag.cert ? [bag.cert] : []));
	if (!key) throw new TlsConfigError(`SERVICEPLATFORMEN_CERT ${path}: holds no private key.`);
	if (certificates.length === 0) {
		throw new TlsConfigError(`SERVICEPLATFORMEN_CERT ${path}: holds no certificate.`);
	}
	// The leaf is the certificate whose public key matches the private key; the rest is the chain.
	const rsaKey = key as forge.pki.rsa.PrivateKey;
	const leafIndex = Math.max(
		0,
		certificates.findIndex((cert) => {
			const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
			return publicKey.n?.equals?.(rsaKey.n) ?? false;
		})
	);
	const ordered = [certificates[leafIndex]!, ...certificates.filter((_, i) => i !== leafIndex)];
	const certificatePem = forge.pki.certificateToPem(ordered[0]!);
	return {
		agentOptions: {
			cert: ordered.map((cert) => forge.pki.certificateToPem(cert)).join(''),
			key: forge.pki.privateKeyToPem(rsaKey)
		},
		certificatePem,
		subject: subjectOf(certificatePem, path)
	};
}

function fromPem(text: string, path: string, password: string | undefined): ClientTls {
	const certificates = text.match(PEM_CERTIFICATE) ?? [];
	const keyPem = PEM_PRIVATE_KEY.exec(text)?.[0];
	if (certificates.length === 0) {
		throw new TlsConfigError(`SERVICEPLATFORMEN_CERT ${path}: holds no PEM certificate.`);
	}
	if (!keyPem) {
		throw new TlsConfigError(
			`SERVICEPLATFORMEN_CERT ${path}: holds no private key (the PEM must hold the certificate and its key).`
		);
	}
	try {
		createPrivateKey({ key: keyPem, format: 'pem', passphrase: password });
	} catch {
		throw new TlsConfigError(
			`SERVICEPLATFORMEN_CERT ${path}: the private key cannot be read (encrypted without the right SERVICEPLATFORMEN_CERT_PASSWORD, or damaged).`
		);
	}
	const certificatePem = certificates[0]! + '\n';
	return {
		agentOptions: {
			cert: certificates.join('\n') + '\n',
			key: keyPem,
			...(password ? { passphrase: password } : {})
		},
		certificatePem,
		subject: subjectOf(certificatePem, path)
	};
}

/** Reads the client certificate and the CA bundle from files. */
export function loadClientTls(files: ClientTlsFiles): ClientTls {
	const data = readFile(files.certPath, 'SERVICEPLATFORMEN_CERT');
	const text = data.toString('latin1');
	const tls = text.includes('-----BEGIN ')
		? fromPem(text, files.certPath, files.password)
		: fromPkcs12(data, files.certPath, files.password ?? '');

	if (files.caPath) {
		const bundle = readFile(files.caPath, 'SERVICEPLATFORMEN_CA').toString('utf8');
		const cas = bundle.match(PEM_CERTIFICATE) ?? [];
		if (cas.length === 0) {
			throw new TlsConfigError(`SERVICEPLATFORMEN_CA ${files.caPath}: holds no PEM certificate.`);
		}
		tls.agentOptions.ca = cas.map((cert) => cert + '\n');
	}
	return tls;
}

/**
 * The client TLS from the environment: SERVICEPLATFORMEN_CERT (path to a .p12/.pfx, or a PEM with
 * the certificate and key), SERVICEPLATFORMEN_CERT_PASSWORD and SERVICEPLATFORMEN_CA (optional
 * path to the CA bundle to trust for the servers; Node's trusted roots when unset).
 */
export function clientTlsFromEnvironment(env: NodeJS.ProcessEnv = process.env): ClientTls {
	const certPath = env.SERVICEPLATFORMEN_CERT?.trim();
	if (!certPath) {
		throw new TlsConfigError(
			'SERVICEPLATFORMEN_CERT is not set: it must name the system certificate file (.p12/.pfx, or a PEM with the certificate and key).'
		);
	}
	const caPath = env.SERVICEPLATFORMEN_CA?.trim();
	return loadClientTls({
		certPath,
		password: env.SERVICEPLATFORMEN_CERT_PASSWORD,
		caPath: caPath || undefined
	});
}

/** An https.Agent for the client TLS, keeping connections alive between calls. */
export function createAgent(tls: ClientTls): https.Agent {
	return new https.Agent({
		...tls.agentOptions,
		minVersion: 'TLSv1.2',
		keepAlive: true,
		maxSockets: 16
	});
}

export interface HttpsResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface HttpsRequest {
	method: 'GET' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: string;
	/** The whole exchange, from connecting to the last byte of the answer. */
	timeoutMs: number;
	/** The largest answer accepted, in bytes. */
	maxResponseBytes?: number;
}

/** Raised when the exchange took longer than its timeout. */
export class RequestTimeoutError extends Error {
	override name = 'RequestTimeoutError';
}

/** One HTTPS request over the agent; the answer's body as text. Rejects with the socket's error. */
export function httpsRequest(agent: https.Agent, request: HttpsRequest): Promise<HttpsResponse> {
	const maxBytes = request.maxResponseBytes ?? 10 * 1024 * 1024;
	return new Promise((resolve, reject) => {
		const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
		const req = https.request(request.url, {
			method: request.method,
			agent,
			headers: {
				...request.headers,
				...(body ? { 'Content-Length': String(body.length) } : {})
			}
		});
		let settled = false;
		const finish = (error: Error | null, response?: HttpsResponse) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			if (error) reject(error);
			else resolve(response!);
		};
		const timer = setTimeout(() => {
			const error = new RequestTimeoutError(`No answer within ${request.timeoutMs} ms.`);
			req.destroy(error);
			finish(error);
		}, request.timeoutMs);
		req.on('error', (error) => finish(error));
		req.on('response', (res) => {
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size > maxBytes) {
					req.destroy(new Error(`The answer is larger than ${maxBytes} bytes.`));
					return;
				}
				chunks.push(chunk);
			});
			res.on('error', (error) => finish(error));
			res.on('end', () =>
				finish(null, {
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks).toString('utf8')
				})
			);
		});
		req.end(body);
	});
}

// Test certificates for Serviceplatformen: a certificate authority, a server certificate for this
// machine and the municipality's system certificate (OCES3 in production), so that the client and
// the simulator talk mutual TLS exactly as production does. Keys come from Node's crypto (fast,
// native); node-forge builds and signs the X.509 certificates and the PKCS#12 file.
//
// Certificates are checked by OpenSSL against the system clock, not the application's (which tests
// pin): their validity is about this machine (docs/TIME.md).
/* eslint-disable no-restricted-syntax */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import forge from 'node-forge';

/** A certificate and its private key, both PEM. */
export interface PemPair {
	cert: string;
	key: string;
}

export interface TestPki {
	/** The test CA the simulator trusts for clients and the client trusts for the server. */
	ca: PemPair;
	/** The simulator's certificate for 127.0.0.1 and localhost, signed by `ca`. */
	server: PemPair;
	/** The municipality's system certificate, signed by `ca`. */
	client: PemPair;
	/** Another CA, which nothing trusts. */
	untrustedCa: PemPair;
	/** A system certificate signed by `untrustedCa`: the simulator refuses it. */
	untrustedClient: PemPair;
}

/** The files writePki writes (all 0600). */
export interface PkiFiles {
	dir: string;
	/** The test CA's certificate: the CA bundle to trust for the servers. */
	caCert: string;
	/** The other CA's certificate: trusting it instead makes the client refuse the simulator. */
	untrustedCaCert: string;
	/** The client's certificate and key in one PEM, as SERVICEPLATFORMEN_CERT accepts. */
	clientPem: string;
	/** The client's certificate and key as PKCS#12, protected by `p12Password`. */
	clientP12: string;
	p12Password: string;
	/** The untrusted client's certificate and key in one PEM. */
	untrustedClientPem: string;
	serverCert: string;
	serverKey: string;
}

type Subject = forge.pki.CertificateField[];

interface KeyPair {
	privateKeyPem: string;
	forgePrivate: forge.pki.rsa.PrivateKey;
	forgePublic: forge.pki.rsa.PublicKey;
}

function newKeyPair(): KeyPair {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', {
		modulusLength: 2048,
		publicKeyEncoding: { type: 'spki', format: 'pem' },
		privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
	});
	return {
		privateKeyPem: privateKey,
		forgePrivate: forge.pki.privateKeyFromPem(privateKey),
		forgePublic: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey
	};
}

/** A positive serial number of 16 random bytes, hex. */
function serialNumber(): string {
	return '01' + randomBytes(15).toString('hex');
}

/** The SHA-1 of the public key, as subjectKeyIdentifier computes it (RFC 5280, 4.2.1.2 (1)). */
function keyIdentifier(keys: KeyPair): string {
	return forge.pki.getPublicKeyFingerprint(keys.forgePublic, { type: 'RSAPublicKey' }).getBytes();
}

interface CertificateSpec {
	subject: Subject;
	keys: KeyPair;
	issuer: { subject: Subject; keys: KeyPair } | 'self';
	extensions: object[];
}

function buildCertificate(spec: CertificateSpec): string {
	const cert = forge.pki.createCertificate();
	cert.publicKey = spec.keys.forgePublic;
	cert.serialNumber = serialNumber();
	const now = Date.now();
	cert.validity.notBefore = new Date(now - 24 * 60 * 60 * 1000);
	cert.validity.notAfter = new Date(now + 365 * 24 * 60 * 60 * 1000);
	cert.setSubject(spec.subject);
	cert.setIssuer(spec.issuer === 'self' ? spec.subject : spec.issuer.subject);
	cert.setExtensions([
		...spec.extensions,
		{ name: 'subjectKeyIdentifier' },
		// node-forge's `keyIdentifier: true` would take the subject's key: name the issuer's.
		...(spec.issuer === 'self'
			? []
			: [{ name: 'authorityKeyIdentifier', keyIdentifier: keyIdentifier(spec.issuer.keys) }])
	]);
	const signer = spec.issuer === 'self' ? spec.keys : spec.issuer.keys;
	cert.sign(signer.forgePrivate, forge.md.sha256.create());
	return forge.pki.certificateToPem(cert);
}

function caCertificate(commonName: string): { pair: PemPair; subject: Subject; keys: KeyPair } {
	const keys = newKeyPair();
	const subject: Subject = [
		{ name: 'commonName', value: commonName },
		{ name: 'organizationName', value: 'Sammen test' },
		{ name: 'countryName', value: 'DK' }
	];
	const cert = buildCertificate({
		subject,
		keys,
		issuer: 'self',
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
		]
	});
	return { pair: { cert, key: keys.privateKeyPem }, subject, keys };
}

function systemCertificate(
	issuer: { subject: Subject; keys: KeyPair },
	organization: string
): PemPair {
	const keys = newKeyPair();
	const cert = buildCertificate({
		subject: [
			{ name: 'commonName', value: 'Sammen test system' },
			{ name: 'organizationName', value: organization },
			{ name: 'serialNumber', value: `CVR:12345678-UID:${randomUUID()}` },
			{ name: 'countryName', value: 'DK' }
		],
		keys,
		issuer,
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
			{ name: 'extKeyUsage', clientAuth: true }
		]
	});
	return { cert, key: keys.privateKeyPem };
}

/**
 * A fresh test PKI: a CA, a server certificate for 127.0.0.1 and localhost and a client (system)
 * certificate signed by it, and a client certificate signed by a second CA that nothing trusts.
 */
export async function generateTestPki(): Promise<TestPki> {
	const ca = caCertificate('Sammen test CA');
	const otherCa = caCertificate('Sammen untrusted test CA');

	const serverKeys = newKeyPair();
	const server: PemPair = {
		cert: buildCertificate({
			subject: [
				{ name: 'commonName', value: 'localhost' },
				{ name: 'organizationName', value: 'Serviceplatformen simulator' }
			],
			keys: serverKeys,
			issuer: ca,
			extensions: [
				{ name: 'basicConstraints', cA: false },
				{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
				{ name: 'extKeyUsage', serverAuth: true },
				{
					name: 'subjectAltName',
					altNames: [
						{ type: 7, ip: '127.0.0.1' },
						{ type: 2, value: 'localhost' }
					]
				}
			]
		}),
		key: serverKeys.privateKeyPem
	};

	return {
		ca: ca.pair,
		server,
		client: systemCertificate(ca, 'Test kommune'),
		untrustedCa: otherCa.pair,
		untrustedClient: systemCertificate(otherCa, 'Untrusted kommune')
	};
}

/** A PKCS#12 (.p12) file holding the certificate and its key, protected by the password. */
export function toPkcs12(certPem: string, keyPem: string, password: string): Buffer {
	const p12 = forge.pkcs12.toPkcs12Asn1(
		forge.pki.privateKeyFromPem(keyPem),
		[forge.pki.certificateFromPem(certPem)],
		password,
		{ algorithm: '3des', friendlyName: 'Sammen test system' }
	);
	return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

async function writeSecret(path: string, content: string | Buffer): Promise<string> {
	await writeFile(path, content, { mode: 0o600 });
	// writeFile's mode applies to new files only.
	await chmod(path, 0o600);
	return path;
}

/** Writes the PKI as files (0600) in `dir`, to be passed by path as production certificates are. */
export async function writePki(
	pki: TestPki,
	dir: string,
	p12Password = 'test-password'
): Promise<PkiFiles> {
	await mkdir(dir, { recursive: true, mode: 0o700 });
	return {
		dir,
		caCert: await writeSecret(join(dir, 'ca.pem'), pki.ca.cert),
		untrustedCaCert: await writeSecret(join(dir, 'untrusted-ca.pem'), pki.untrustedCa.cert),
		clientPem: await writeSecret(join(dir, 'client.pem'), pki.client.cert + pki.client.key),
		clientP12: await writeSecret(
			join(dir, 'client.p12'),
			toPkcs12(pki.client.cert, pki.client.key, p12Password)
		),
		p12Password,
		untrustedClientPem: await writeSecret(
			join(dir, 'untrusted-client.pem'),
			pki.untrustedClient.cert + pki.untrustedClient.key
		),
		serverCert: await writeSecret(join(dir, 'server.pem'), pki.server.cert),
		serverKey: await writeSecret(join(dir, 'server-key.pem'), pki.server.key)
	};
}

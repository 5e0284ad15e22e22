import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTestPki, writePki, type PkiFiles, type TestPki } from './certificates';
import { clientTlsFromEnvironment, TlsConfigError } from './tls';

let dir: string;
let pki: TestPki;
let files: PkiFiles;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'sammen-sp-tls-'));
	pki = await generateTestPki();
	files = await writePki(pki, dir, 'rigtigt-kodeord');
});

afterAll(async () => {
	if (dir) await rm(dir, { recursive: true, force: true });
});

function thrown(run: () => unknown): Error {
	try {
		run();
	} catch (error) {
		return error as Error;
	}
	throw new Error('Expected an error');
}

describe('the test PKI', () => {
	it('signs the server and client certificates with the CA, the untrusted one with another', () => {
		const ca = new X509Certificate(pki.ca.cert);
		const other = new X509Certificate(pki.untrustedCa.cert);
		const server = new X509Certificate(pki.server.cert);
		const clientCert = new X509Certificate(pki.client.cert);
		const untrusted = new X509Certificate(pki.untrustedClient.cert);
		expect(ca.ca).toBe(true);
		expect(server.verify(ca.publicKey)).toBe(true);
		expect(clientCert.verify(ca.publicKey)).toBe(true);
		expect(untrusted.verify(ca.publicKey)).toBe(false);
		expect(untrusted.verify(other.publicKey)).toBe(true);
		expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
		expect(server.checkHost('localhost')).toBe('localhost');
		expect(clientCert.subject).toMatch(/serialNumber=CVR:12345678-UID:/);
		expect(clientCert.checkPrivateKey(createPrivateKey(pki.client.key))).toBe(true);
	});
});

describe('clientTlsFromEnvironment', () => {
	it('reads a PKCS#12 file with its password and the CA bundle', () => {
		const tls = clientTlsFromEnvironment({
			SERVICEPLATFORMEN_CERT: files.clientP12,
			SERVICEPLATFORMEN_CERT_PASSWORD: 'rigtigt-kodeord',
			SERVICEPLATFORMEN_CA: files.caCert
		});
		expect(new X509Certificate(tls.certificatePem).fingerprint256).toBe(
			new X509Certificate(pki.client.cert).fingerprint256
		);
		expect(tls.subject).toContain('CN=Sammen test system');
		expect(tls.agentOptions.ca).toHaveLength(1);
	});

	it('reads a PEM with the certificate and key, and trusts the system roots without a CA', () => {
		const tls = clientTlsFromEnvironment({ SERVICEPLATFORMEN_CERT: files.clientPem });
		expect(tls.agentOptions.key).toContain('PRIVATE KEY');
		expect(tls.agentOptions.ca).toBeUndefined();
	});

	it('says clearly what is wrong, without the password', () => {
		expect(thrown(() => clientTlsFromEnvironment({})).message).toMatch(
			/SERVICEPLATFORMEN_CERT is not set/
		);

		const missing = join(dir, 'missing.p12');
		const missingError = thrown(() =>
			clientTlsFromEnvironment({ SERVICEPLATFORMEN_CERT: missing })
		);
		expect(missingError).toBeInstanceOf(TlsConfigError);
		expect(missingError.message).toBe(
			`SERVICEPLATFORMEN_CERT ${missing}: the file does not exist.`
		);

		const wrongPassword = thrown(() =>
			clientTlsFromEnvironment({
				SERVICEPLATFORMEN_CERT: files.clientP12,
				SERVICEPLATFORMEN_CERT_PASSWORD: 'forkert-kodeord'
			})
		);
		expect(wrongPassword).toBeInstanceOf(TlsConfigError);
		expect(wrongPassword.message).toMatch(/wrong or missing password/);
		expect(wrongPassword.message).not.toContain('forkert-kodeord');

		const noPassword = thrown(() =>
			clientTlsFromEnvironment({ SERVICEPLATFORMEN_CERT: files.clientP12 })
		);
		expect(noPassword.message).toMatch(/wrong or missing password/);

		const missingCa = thrown(() =>
			clientTlsFromEnvironment({
				SERVICEPLATFORMEN_CERT: files.clientPem,
				SERVICEPLATFORMEN_CA: join(dir, 'nope.pem')
			})
		);
		expect(missingCa.message).toMatch(/^SERVICEPLATFORMEN_CA .*the file does not exist/);
	});

	it('refuses a PEM without a key, and a file that is neither PEM nor PKCS#12', async () => {
		const certOnly = join(dir, 'cert-only.pem');
		await writeFile(certOnly, pki.client.cert);
		expect(
			thrown(() => clientTlsFromEnvironment({ SERVICEPLATFORMEN_CERT: certOnly })).message
		).toMatch(/holds no private key/);

		const garbage = join(dir, 'garbage.p12');
		await writeFile(garbage, Buffer.from([1, 2, 3, 4, 5]));
		expect(
			thrown(() => clientTlsFromEnvironment({ SERVICEPLATFORMEN_CERT: garbage })).message
		).toMatch(/not a PKCS#12 file/);
	});
});

// The server as an operator runs it: health, headers, shutdown, configuration errors, PostgreSQL.
import http from 'node:http';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminQuery } from '../templates';
import { startServer, type RunningServer } from './server';

const baseUrl = inject('baseUrl');

describe('the demo server', () => {
	it('answers /healthz with the database status and no caching', async () => {
		const response = await fetch(`${baseUrl}/healthz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('answers /readyz: ready with the database up and the job worker running', async () => {
		const response = await fetch(`${baseUrl}/readyz`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ready', db: 'ok', jobs: 'running' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('sends the security headers and a nonce-based CSP without unsafe-inline', async () => {
		// A page with SvelteKit's client code gets a nonce for its inline start script; the front
		// page has none (csr = false), so its scripts come from 'self' only.
		const withClient = await fetch(`${baseUrl}/login/afvist?grund=expired&for=citizen`);
		expect(withClient.status).toBe(200);
		const clientCsp = withClient.headers.get('content-security-policy') ?? '';
		expect(clientCsp).toMatch(/script-src 'self' 'nonce-[^']+'/);
		expect(clientCsp).not.toContain('unsafe-inline');

		const response = await fetch(`${baseUrl}/`);
		expect(response.status).toBe(200);
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'(;|$)/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).not.toContain('unsafe-inline');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('strict-transport-security')).toContain('max-age=');
		const html = await response.text();
		expect(html).toMatch(/<html lang="da"/);
	});

	it('answers an unknown page with 404', async () => {
		const response = await fetch(`${baseUrl}/findes-ikke`);
		expect(response.status).toBe(404);
	});
});

describe('operating the server', () => {
	const started: RunningServer[] = [];
	afterAll(async () => {
		await Promise.all(started.map((s) => s.stop()));
	});

	it('exits promptly on SIGTERM, closing the embedded database', async () => {
		const server = await startServer({ embedded: true });
		started.push(server);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		const begun = performance.now();
		const code = await server.stop();
		expect(code).toBe(0);
		// stop() would SIGKILL after 15 s; a clean exit is far quicker.
		expect(performance.now() - begun).toBeLessThan(10_000);
	});

	it('lets a request in flight finish on SIGTERM, then exits within bounded time', async () => {
		const server = await startServer();
		started.push(server);
		const url = new URL('/sprog', server.url);
		// A form post whose body arrives slowly: the handler waits for it while the signal comes.
		let sendRest = () => {};
		const answered = new Promise<{ status: number; location?: string; cookie: string[] }>(
			(resolve, reject) => {
				const request = http.request(
					url,
					{
						method: 'POST',
						headers: {
							'content-type': 'application/x-www-form-urlencoded',
							origin: server.url
						}
					},
					(response) => {
						response.resume();
						response.on('end', () =>
							resolve({
								status: response.statusCode ?? 0,
								location: response.headers.location,
								cookie: response.headers['set-cookie'] ?? []
							})
						);
					}
				);
				request.on('error', reject);
				request.write('lang=en&');
				sendRest = () => request.end('redirectTo=%2Fmoeder');
			}
		);
		await new Promise((resolve) => setTimeout(resolve, 300));
		const begun = performance.now();
		server.process.kill('SIGTERM');
		await new Promise((resolve) => setTimeout(resolve, 700));
		expect(server.process.exitCode, 'still running while a request is in flight').toBeNull();
		// New connections are refused while the old one drains.
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
		sendRest();
		const response = await answered;
		expect(response.status).toBe(303);
		expect(response.location).toBe('/moeder');
		expect(response.cookie.join(';')).toContain('=en');
		const code = await server.stop();
		expect(code).toBe(0);
		expect(performance.now() - begun).toBeLessThan(10_000);
		expect(server.output()).toContain('"msg":"Stopped"');
	});

	it('keeps a second process out of an embedded database that is in use', async () => {
		const first = await startServer({ embedded: true });
		started.push(first);
		const second = await startServer({ dataDir: first.dataDir, waitForHealthy: false });
		started.push(second);
		const code = await new Promise((resolve) => second.process.once('exit', resolve));
		expect(code).not.toBe(0);
		expect(second.output()).toContain('is in use by process');
		expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
	});

	it('refuses to start in production without CPR_KEY, without showing secrets', async () => {
		const server = await startServer({
			env: { NODE_ENV: 'production', CPR_KEY: '' },
			waitForHealthy: false
		});
		started.push(server);
		const code = await new Promise((resolve) => server.process.once('exit', resolve));
		expect(code).not.toBe(0);
		expect(server.output()).toContain('CPR_KEY is not set');
	});

	const postgres = process.env.TEST_DATABASE_URL;
	it.skipIf(!postgres)(
		'runs the same build on PostgreSQL, and reports 503 when the database is gone',
		async () => {
			const name = `sammen_e2e_${process.pid}`;
			await adminQuery(postgres!, `drop database if exists ${name} with (force)`);
			await adminQuery(postgres!, `create database ${name}`);
			const url = new URL(postgres!);
			url.pathname = `/${name}`;
			const server = await startServer({ env: { DATABASE_URL: url.toString() } });
			started.push(server);
			const ok = await fetch(`${server.url}/healthz`);
			expect(await ok.json()).toEqual({ status: 'ok', db: 'ok' });
			const page = await fetch(`${server.url}/`);
			expect(page.status).toBe(200);
			expect(server.output()).toContain('Database migrated: Up 20261128T1400_schema_v1');
			expect(server.output()).toContain('Demo municipality seeded');

			await adminQuery(postgres!, `drop database ${name} with (force)`);
			const down = await fetch(`${server.url}/healthz`);
			expect(down.status).toBe(503);
			expect(await down.json()).toEqual({ status: 'error', db: 'down' });
			const notReady = await fetch(`${server.url}/readyz`);
			expect(notReady.status).toBe(503);
			expect(await notReady.json()).toMatchObject({ status: 'not-ready', db: 'down' });
		}
	);
});

// Structured logs: every line the server writes is one JSON object; each request is one line
// with its method, route id, status, duration and request id (echoed in X-Request-Id), and no
// personal data reaches the log even when people log in and staff search by name and CPR number.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_ROWS, DEMO_CITIZENS } from '../../src/lib/server/seed/demo-data';
import { demoIds } from '../../src/lib/server/seed/demo';
import { loginCitizen, postForm } from './portal';
import { loginStaff } from './staff';
import { startServer, type RunningServer } from './server';

// Lines from libraries outside the app's reach: adapter-node announces its address with
// console.log, and the demo's identity provider (oidc-provider) warns on stderr under Node 20.
const NOT_OURS = [/^Listening on /, /^oidc-provider WARNING: Unsupported runtime/];

interface Line {
	level: string;
	time: string;
	msg: string;
	[key: string]: unknown;
}

describe('the request log', () => {
	let server: RunningServer;

	beforeAll(async () => {
		// The job worker runs too, so its lines are checked as well; LOG_LEVEL=debug shows that
		// probes log at debug, not info.
		server = await startServer({ env: { LOG_LEVEL: 'debug' } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	const lines = (): Line[] =>
		server
			.output()
			.split('\n')
			.filter((line) => line.trim() !== '' && !NOT_OURS.some((pattern) => pattern.test(line)))
			.map((line) => {
				let parsed: unknown;
				expect(() => (parsed = JSON.parse(line)), `not JSON: ${line}`).not.toThrow();
				return parsed as Line;
			});
	const requestLine = (requestId: string) =>
		lines().find((line) => line.msg === 'request' && line.requestId === requestId);
	// pino writes asynchronously; a line may land just after the response.
	const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

	it('logs each request once with method, route id, status, duration and the echoed request id', async () => {
		const response = await fetch(`${server.url}/login/afvist?grund=expired&for=citizen`);
		expect(response.status).toBe(200);
		const requestId = response.headers.get('x-request-id') ?? '';
		expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
		await settle();
		const line = requestLine(requestId);
		expect(line).toMatchObject({
			level: 'info',
			method: 'GET',
			route: '/login/afvist',
			status: 200,
			service: 'sammen'
		});
		expect(typeof line?.durationMs).toBe('number');
		expect(new Date(line!.time).toISOString()).toBe(line!.time);
		// The route id, never the URL with its query string.
		expect(JSON.stringify(lines())).not.toContain('grund=');
		expect(lines().filter((l) => l.requestId === requestId && l.msg === 'request')).toHaveLength(1);
	});

	it('keeps a well-formed incoming X-Request-Id and replaces anything else', async () => {
		const mine = randomUUID();
		const kept = await fetch(`${server.url}/`, { headers: { 'x-request-id': mine } });
		expect(kept.headers.get('x-request-id')).toBe(mine);
		for (const bad of ['short', 'x'.repeat(200), 'has spaces in it', 'evil"},{"level":"fatal']) {
			const replaced = await fetch(`${server.url}/`, { headers: { 'x-request-id': bad } });
			const id = replaced.headers.get('x-request-id');
			expect(id).not.toBe(bad);
			expect(id).toMatch(/^[0-9a-f-]{36}$/);
		}
		await settle();
		expect(requestLine(mine)).toMatchObject({ route: '/', status: 200 });
		expect(server.output()).not.toContain('evil');
	});

	it('logs probes at debug, and an unknown path without its URL', async () => {
		const health = await fetch(`${server.url}/healthz`);
		const unknown = await fetch(`${server.url}/findes-ikke/${demoIds.citizen('Maja Jensen')}`);
		expect(unknown.status).toBe(404);
		await settle();
		expect(requestLine(health.headers.get('x-request-id')!)).toMatchObject({
			level: 'debug',
			route: '/healthz'
		});
		expect(requestLine(unknown.headers.get('x-request-id')!)).toMatchObject({
			level: 'info',
			route: null,
			status: 404
		});
	});

	it('writes no name, CPR number or e-mail address when citizens log in and staff search', async () => {
		const maja = await loginCitizen(server.url, 'demo-citizen-maja-jensen');
		expect((await maja.go(`${server.url}/`)).status).toBe(200);
		const lone = await loginStaff(server.url, 'Lone Madsen');
		for (const query of ['Maja Jensen', DEMO_CITIZENS['Maja Jensen']]) {
			const search = await postForm(lone, `${server.url}/staff/soeg?/soeg`, {
				query,
				purpose: 'Opfølgning på sag'
			});
			expect(search.status).toBe(200);
			expect(await search.text()).toContain('Maja Jensen');
		}
		await settle();
		expect(lines().some((l) => l.route === '/staff/soeg' && l.method === 'POST')).toBe(true);
		expect(lines().some((l) => l.route === '/auth/citizen/callback')).toBe(true);

		const output = server.output();
		for (const row of DEMO_CITIZEN_ROWS) {
			expect(output).not.toContain(row.name);
			expect(output).not.toContain(DEMO_CITIZENS[row.name]);
			expect(output).not.toContain(DEMO_CITIZENS[row.name].replace('-', ''));
			if (row.email) expect(output).not.toContain(row.email);
			if (row.phone) expect(output).not.toContain(row.phone);
		}
		expect(output).not.toContain('Lone Madsen');
		expect(output).not.toContain(demoIds.citizen('Maja Jensen'));
		expect(output.toLowerCase()).not.toContain('sammen_session');
	});
});

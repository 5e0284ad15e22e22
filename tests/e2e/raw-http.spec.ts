// Malformed HTTP/1.1 on a raw socket (node:net), which fetch refuses to send and the fuzzer
// (tests/resilience/fuzz.spec.ts) therefore cannot: header values with a bare CR, a bare LF, CRLF
// and an injected header, NUL; obs-fold; invalid header names; a duplicated Host, duplicated and
// conflicting Content-Length, Content-Length with Transfer-Encoding (request smuggling); oversized
// headers; a huge Content-Length with a short body; invalid chunk sizes; a request line with CRLF in
// the path and non-ASCII bytes in the path; on a page, a form action with a session and the API with
// a key. Every answer is a 4xx or the connection closes: never a 5xx, never a header of the request
// echoed into the response, never a smuggled second request served; the server serves on, and
// nothing is written to the database. The app's own redirects (the login's return, the language
// switch) never leave the site nor carry request bytes into a header (src/lib/safe-path.ts).
import net from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseInput } from '../../src/lib/server/api/schemas';
import { INSECURE_COOKIE_NAME } from '../../src/lib/server/auth/session';
import { createApiKey } from '../../src/lib/server/db/api-keys';
import type { Database } from '../../src/lib/server/db/schema';
import { citizenSub, staffSub } from '../../src/lib/server/demo-idp/instance';
import { demoIds } from '../../src/lib/server/seed/demo';
import { CookieBrowser, loginThroughApp } from './oidc-flow';
import { startSeededServer, type SeededServer } from './seeded-server';
import { tableSnapshot } from '../table-snapshot';

const maja = demoIds.citizen('Maja Jensen');
const jens = demoIds.citizen('Jens Poulsen');

const snapshot = (db: Kysely<Database>) => tableSnapshot(db, ['read', 'search', 'login', 'logout']);

interface RawResponse {
	status: number;
	/** Header lines as sent, lower-cased names. */
	headers: [string, string][];
	body: string;
}

interface RawAnswer {
	responses: RawResponse[];
	/** The server closed the connection (else the test's wait ended first). */
	closed: boolean;
	/** Everything the server sent, as latin1. */
	raw: string;
}

/** The complete responses in `raw`, in order (Content-Length and chunked bodies). */
function parseResponses(raw: string): RawResponse[] {
	const responses: RawResponse[] = [];
	let rest = raw;
	while (rest.length > 0) {
		const end = rest.indexOf('\r\n\r\n');
		if (end < 0) break;
		const [statusLine = '', ...lines] = rest.slice(0, end).split('\r\n');
		const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
		if (!match) throw new Error(`Not an HTTP response: ${JSON.stringify(statusLine)}`);
		const headers = lines.map((line): [string, string] => {
			const colon = line.indexOf(':');
			return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
		});
		const header = (name: string) => headers.find(([n]) => n === name)?.[1];
		let body = '';
		rest = rest.slice(end + 4);
		if (header('transfer-encoding') === 'chunked') {
			for (;;) {
				const lineEnd = rest.indexOf('\r\n');
				if (lineEnd < 0) return responses;
				const size = parseInt(rest.slice(0, lineEnd), 16);
				rest = rest.slice(lineEnd + 2);
				if (size === 0) {
					rest = rest.slice(rest.indexOf('\r\n') + 2);
					break;
				}
				body += rest.slice(0, size);
				rest = rest.slice(size + 2);
			}
		} else {
			const length = Number(header('content-length') ?? 0);
			if (rest.length < length) return responses;
			body = rest.slice(0, length);
			rest = rest.slice(length);
		}
		responses.push({ status: Number(match[1]), headers, body });
	}
	return responses;
}

/**
 * Sends `bytes` on a fresh connection and collects what comes back until the server closes it or
 * `waitMs` has passed. `end` half-closes the connection after sending (the client has no more).
 */
function rawRequest(
	port: number,
	bytes: string | Buffer,
	options: { waitMs?: number; end?: boolean } = {}
): Promise<RawAnswer> {
	return new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		let settled = false;
		const finish = (closed: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			const raw = Buffer.concat(chunks).toString('latin1');
			resolve({ responses: parseResponses(raw), closed, raw });
		};
		const timer = setTimeout(() => finish(false), options.waitMs ?? 3_000);
		socket.on('data', (chunk) => chunks.push(chunk));
		// A reset is the server closing too.
		socket.on('error', () => finish(true));
		socket.on('close', () => finish(true));
		socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
		if (options.end) socket.end();
	});
}

let server: SeededServer;
let port: number;
let host: string;
let apiKey = '';
let staffCookie = '';
let before: Record<string, string>;

beforeAll(async () => {
	server = await startSeededServer(
		async (db) => {
			const created = await createApiKey(db, {
				departmentId: demoIds.department('jobcenter'),
				name: 'Raw HTTP',
				createdByStaffId: null
			});
			apiKey = created.key;
			before = await snapshot(db);
		},
		// No jobs: the database changes only through the requests. The redirect tests log in
		// 40 times from one address.
		{ env: { JOBS: 'off', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } }
	);
	port = Number(new URL(server.url).port);
	host = `127.0.0.1:${port}`;
	const lone = new CookieBrowser();
	await loginThroughApp(lone, server.url, { kind: 'staff', account: staffSub('Lone Madsen') });
	staffCookie = `${INSECURE_COOKIE_NAME}=${lone.cookie(server.url, INSECURE_COOKIE_NAME)}`;
}, 180_000);

afterAll(async () => {
	await server?.stop();
});

/** The three kinds of target, each as a request that is well formed but for `mangle`. */
type Target = 'page' | 'action' | 'api';

/** A form that would set Jens's analog flag: a write, if it were ever served. */
const ACTION_BODY = 'reason=other&note=raw-http';
/** A case the API would create: a write, if it were ever served. */
const apiBody = (ref: string) =>
	JSON.stringify({
		citizenId: maja,
		kleNumber: '15.20.02',
		title: `Rå ${ref}`,
		status: 'in_progress',
		waitingOn: 'municipality'
	});

function requestHead(target: Target, ref: string): { line: string; headers: string[] } {
	switch (target) {
		case 'page':
			return {
				line: 'GET /staff HTTP/1.1',
				headers: [`Host: ${host}`, `Cookie: ${staffCookie}`]
			};
		case 'action':
			return {
				line: `POST /staff/borger/${jens}/analog?/saet HTTP/1.1`,
				headers: [
					`Host: ${host}`,
					`Origin: http://${host}`,
					`Cookie: ${staffCookie}`,
					'Content-Type: application/x-www-form-urlencoded'
				]
			};
		case 'api':
			return {
				line: `PUT /api/v1/cases/${ref} HTTP/1.1`,
				headers: [
					`Host: ${host}`,
					`Authorization: Bearer ${apiKey}`,
					'Content-Type: application/json',
					`Idempotency-Key: ${ref}`
				]
			};
	}
}

function bodyFor(target: Target, ref: string): string {
	return target === 'page' ? '' : target === 'action' ? ACTION_BODY : apiBody(ref);
}

/** A well-formed request of the kind, with Content-Length: the smuggled one. */
function wellFormed(target: Target, ref: string): string {
	const { line, headers } = requestHead(target, ref);
	const body = bodyFor(target, ref);
	const length = target === 'page' ? [] : [`Content-Length: ${Buffer.byteLength(body)}`];
	return [line, ...headers, ...length, '', body].join('\r\n');
}

interface Mangle {
	name: string;
	/** The request: its request line, headers and body as the case changes them. */
	build(target: Target, ref: string): string | Buffer;
	end?: boolean;
	/** About the body: not sent to the page, whose GET is answered without reading one. */
	body?: true;
	/** Carries a second request: never more than one answer. */
	smuggles?: true;
	/**
	 * Node's parser reads a request line without a version as HTTP/0.9 and closes the connection
	 * after its answer: what follows the CRLF is only ever read as header lines of that request,
	 * which the client could have sent as such. At most one answer, never a 5xx, then closed.
	 */
	truncatesRequestLine?: true;
}

const withHeader = (extra: string) => (target: Target, ref: string) => {
	const { line, headers } = requestHead(target, ref);
	const body = bodyFor(target, ref);
	return [
		line,
		...headers,
		extra,
		`Content-Length: ${Buffer.byteLength(body)}`,
		'Connection: close',
		'',
		body
	].join('\r\n');
};

const withFraming = (framing: string[], body: (b: string) => string) => (t: Target, r: string) => {
	const { line, headers } = requestHead(t, r);
	return [line, ...headers, ...framing, '', body(bodyFor(t, r))].join('\r\n');
};

const chunked = (size: string) => (b: string) => `${size}\r\n${b}\r\n0\r\n\r\n`;

const MANGLES: Mangle[] = [
	{ name: 'a bare CR in a header value', build: withHeader('X-Note: a\rX-Injected: 1') },
	{ name: 'a bare LF in a header value', build: withHeader('X-Note: a\nX-Injected: 1') },
	{
		name: 'a bare LF before an injected Set-Cookie',
		build: withHeader('X-Note: a\nSet-Cookie: injected=1')
	},
	{ name: 'NUL in a header value', build: withHeader('X-Note: a\0b') },
	{ name: 'an obs-fold continuation line', build: withHeader('X-Note: a\r\n X-Injected: 1') },
	{ name: 'a space in a header name', build: withHeader('X Injected: 1') },
	{ name: 'a separator in a header name', build: withHeader('X-(Injected): 1') },
	{ name: 'a space before the colon', build: withHeader('X-Injected : 1') },
	{ name: 'a header line without a colon', build: withHeader('X-Injected') },
	{ name: 'a 64 KB header', build: withHeader(`X-Big: ${'a'.repeat(64 * 1024)}`) },
	{
		name: '3,000 headers',
		build: withHeader(Array.from({ length: 3000 }, (_, i) => `X-H${i}: ${i}`).join('\r\n'))
	},
	{
		name: 'Content-Length twice, different',
		build: withFraming(['Content-Length: 3', 'Content-Length: 400'], (b) => b)
	},
	{
		name: 'Content-Length as a list',
		build: (t, r) =>
			withFraming([`Content-Length: ${Buffer.byteLength(bodyFor(t, r))}, 3`], (b) => b)(t, r)
	},
	{ name: 'a negative Content-Length', build: withFraming(['Content-Length: -1'], (b) => b) },
	{
		name: 'Content-Length and Transfer-Encoding (CL.TE), a second request smuggled',
		smuggles: true,
		build: (t, r) =>
			withFraming(['Content-Length: 5', 'Transfer-Encoding: chunked'], () =>
				['0', '', wellFormed(t, `${r}-SMUGGLED`)].join('\r\n')
			)(t, r)
	},
	{
		name: 'Transfer-Encoding and Content-Length (TE.CL), a second request smuggled',
		smuggles: true,
		build: (t, r) => {
			const smuggled = wellFormed(t, `${r}-SMUGGLED`);
			return withFraming(['Transfer-Encoding: chunked', 'Content-Length: 4'], () =>
				[Buffer.byteLength(smuggled).toString(16), smuggled, '0', '', ''].join('\r\n')
			)(t, r);
		}
	},
	{
		name: 'Transfer-Encoding twice (chunked, identity)',
		build: withFraming(['Transfer-Encoding: chunked', 'Transfer-Encoding: identity'], chunked('7'))
	},
	{
		name: 'Transfer-Encoding with a space before the colon',
		build: withFraming(['Transfer-Encoding : chunked'], chunked('7'))
	},
	{
		name: 'Transfer-Encoding gzip, not chunked last',
		build: withFraming(['Transfer-Encoding: gzip'], (b) => b)
	},
	{
		name: 'a chunk size that is not hexadecimal',
		build: withFraming(['Transfer-Encoding: chunked', 'Connection: close'], chunked('zz'))
	},
	{
		name: 'a negative chunk size',
		build: withFraming(['Transfer-Encoding: chunked', 'Connection: close'], chunked('-7'))
	},
	{
		name: 'a chunk size beyond 64 bits',
		build: withFraming(['Transfer-Encoding: chunked', 'Connection: close'], chunked('f'.repeat(20)))
	},
	{
		name: 'a huge Content-Length with a short body, then the end of the stream',
		build: withFraming(['Content-Length: 99999999999'], (b) => b),
		body: true,
		end: true
	},
	{
		name: 'a Content-Length longer than the body, then the end of the stream',
		build: withFraming(['Content-Length: 4000'], (b) => b),
		body: true,
		end: true
	},
	{
		name: 'CRLF in the path, with an injected header',
		truncatesRequestLine: true,
		build: (t, r) => {
			const { line, headers } = requestHead(t, r);
			const [method, path] = line.split(' ');
			return [
				`${method} ${path}\r\nX-Injected: 1 HTTP/1.1`,
				...headers,
				'Connection: close',
				'',
				''
			].join('\r\n');
		}
	},
	{
		name: 'non-ASCII bytes in the path',
		build: (t, r) => {
			const { line, headers } = requestHead(t, r);
			const [method, path, version] = line.split(' ');
			return Buffer.concat([
				Buffer.from(`${method} ${path}`, 'latin1'),
				Buffer.from([0xe6, 0xf8, 0xe5, 0xff, 0x80]),
				Buffer.from(` ${version}\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`)
			]);
		}
	},
	{
		name: 'UTF-8 in the path',
		build: (t, r) => {
			const { line, headers } = requestHead(t, r);
			const [method, path, version] = line.split(' ');
			return Buffer.concat([
				Buffer.from(`${method} ${path}`, 'latin1'),
				Buffer.from('/æøå', 'utf8'),
				Buffer.from(` ${version}\r\n${[...headers, 'Connection: close'].join('\r\n')}\r\n\r\n`)
			]);
		}
	}
];

/** No header line of any answer is one the request tried to inject. */
function expectNothingInjected(answer: RawAnswer): void {
	for (const response of answer.responses) {
		for (const [name, value] of response.headers) {
			expect(name).not.toMatch(/injected/i);
			if (name === 'set-cookie') expect(value).not.toMatch(/^injected=/);
		}
	}
}

async function expectServing(): Promise<void> {
	const health = await rawRequest(
		port,
		`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`
	);
	expect(health.responses.map((r) => r.status)).toEqual([200]);
	const page = await rawRequest(
		port,
		`GET /staff HTTP/1.1\r\nHost: ${host}\r\nCookie: ${staffCookie}\r\nConnection: close\r\n\r\n`
	);
	expect(page.responses.map((r) => r.status)).toEqual([200]);
}

describe('raw HTTP', () => {
	it('serves the well-formed reads with the session and the key (the controls)', async () => {
		await expectServing();
		const api = await rawRequest(
			port,
			`GET /api/v1/citizens/${maja} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${apiKey}\r\nConnection: close\r\n\r\n`
		);
		expect(api.responses.map((r) => r.status)).toEqual([200]);
		// The writes the malformed requests carry would be accepted, were they ever served.
		expect(CaseInput.safeParse(JSON.parse(apiBody('RAW-CONTROL'))).success).toBe(true);
	});

	describe.each(['page', 'action', 'api'] as const)('to the %s', (target) => {
		const mangles = MANGLES.map((mangle, index) => ({ ...mangle, index })).filter(
			(mangle) => !(target === 'page' && mangle.body)
		);
		it.each(mangles)('refuses $name', async (mangle) => {
			const ref = `RAW-${target.toUpperCase()}-${mangle.index}`;
			const answer = await rawRequest(port, mangle.build(target, ref), { end: mangle.end });
			const statuses = answer.responses.map((r) => r.status);
			const shown = `${statuses.join(', ')}: ${answer.raw.slice(0, 200)}`;
			if (mangle.truncatesRequestLine) {
				expect(statuses.length, shown).toBeLessThanOrEqual(1);
				expect(
					statuses.every((s) => s < 500),
					shown
				).toBe(true);
				expect(answer.closed).toBe(true);
			} else {
				// A 4xx, or the connection closed without an answer.
				expect(
					statuses.every((s) => s >= 400 && s < 500),
					shown
				).toBe(true);
				if (statuses.length === 0) expect(answer.closed).toBe(true);
			}
			// A smuggled request is never served: one answer at most, and no write (see below).
			if (mangle.smuggles) expect(statuses.length, shown).toBeLessThanOrEqual(1);
			// Nothing the request tried to inject is a header of the answer.
			expectNothingInjected(answer);
			await expectServing();
		});
	});

	it('echoes an X-Request-Id only when it is a plain id, else answers with its own', async () => {
		const sent = async (value: Buffer) => {
			const answer = await rawRequest(
				port,
				Buffer.concat([
					Buffer.from(`GET /healthz HTTP/1.1\r\nHost: ${host}\r\nX-Request-Id: `),
					value,
					Buffer.from('\r\nConnection: close\r\n\r\n')
				])
			);
			expect(answer.responses.map((r) => r.status)).toEqual([200]);
			return answer.responses[0]!.headers.find(([name]) => name === 'x-request-id')?.[1];
		};
		expect(await sent(Buffer.from('trace-0123456789'))).toBe('trace-0123456789');
		const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
		for (const value of [
			Buffer.from('trace-0123<script>'),
			Buffer.from('trace-0123, injected=1'),
			Buffer.concat([Buffer.from('trace-0123'), Buffer.from([0x80, 0xe6, 0xff])])
		]) {
			expect(await sent(value)).toMatch(uuid);
		}
	});

	it('never lets a second Host header reach the answer (Node keeps the first)', async () => {
		const answer = await rawRequest(
			port,
			`GET /staff/login HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`
		);
		expect(answer.raw).not.toContain('evil.example');
		for (const response of answer.responses) expect(response.status).toBeLessThan(500);
	});

	it('answers a request line cut by a CRLF once, as HTTP/0.9, and then closes', async () => {
		// Node's parser reads "GET /staff" without a version as HTTP/0.9: the lines after it are
		// that request's own header lines (which the client could have sent as such), and the
		// connection closes after the one answer, so what follows is never served.
		const answer = await rawRequest(
			port,
			`GET /staff\r\nCookie: ${staffCookie}\r\nX-Injected: 1 HTTP/1.1\r\nHost: ${host}\r\n\r\n` +
				`GET /healthz HTTP/1.1\r\nHost: ${host}\r\n\r\n`
		);
		// 200 for /staff, or 400 when the parser meets the next request in the same read.
		const statuses = answer.responses.map((r) => r.status);
		expect(statuses).toHaveLength(1);
		expect([200, 400]).toContain(statuses[0]);
		expectNothingInjected(answer);
		expect(answer.closed).toBe(true);
		await expectServing();
	});
});

describe('the app’s own redirects', () => {
	const OFF_SITE = [
		'//evil.example/',
		'/\\evil.example',
		'https://evil.example/',
		'/.//evil.example',
		'/..//evil.example',
		'/sager/..//evil.example',
		'/%2e%2e//evil.example',
		'/%0d%0aSet-Cookie:%20injected=1',
		'/a\r\nSet-Cookie: injected=1',
		'/a\nX-Injected: 1'
	];

	/** A Location the app sent is a path on this site: no other host, no control character. */
	function expectOnSite(location: string | null | undefined) {
		expect(location).toBeTruthy();
		expect(location).toMatch(/^\/(?![/\\])/);
		// eslint-disable-next-line no-control-regex
		expect(location).not.toMatch(/[\u0000-\u001f\u007f]/);
		expect(new URL(location!, 'http://sammen.invalid').origin).toBe('http://sammen.invalid');
	}

	it.each(OFF_SITE)('the language switch sends %j back on this site', async (redirectTo) => {
		const body = new URLSearchParams({ lang: 'en', redirectTo }).toString();
		const answer = await rawRequest(
			port,
			[
				'POST /sprog HTTP/1.1',
				`Host: ${host}`,
				`Origin: http://${host}`,
				'Content-Type: application/x-www-form-urlencoded',
				`Content-Length: ${Buffer.byteLength(body)}`,
				'Connection: close',
				'',
				body
			].join('\r\n')
		);
		expect(answer.responses.map((r) => r.status)).toEqual([303]);
		const headers = answer.responses[0]!.headers;
		expectOnSite(headers.find(([name]) => name === 'location')?.[1]);
		expect(headers.filter(([name]) => name === 'set-cookie').map(([, v]) => v)).toEqual([
			expect.stringMatching(/^lang=en;/)
		]);
		expectNothingInjected(answer);
	});

	it.each(OFF_SITE)('the citizen login returns %j on this site', async (returnTo) => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, server.url, {
			kind: 'citizen',
			account: citizenSub('Maja Jensen'),
			returnTo
		});
		expect(outcome.response.status).toBe(303);
		expectOnSite(outcome.destination);
		expect(outcome.destination).not.toContain('evil.example');
		expect(outcome.setCookies.filter((c) => /^injected=/.test(c))).toEqual([]);
	});

	it.each(OFF_SITE)('the staff login returns %j on this site', async (returnTo) => {
		const browser = new CookieBrowser();
		const outcome = await loginThroughApp(browser, server.url, {
			kind: 'staff',
			account: staffSub('Lone Madsen'),
			returnTo
		});
		expect(outcome.response.status).toBe(303);
		expect(outcome.destination).toBe('/staff');
		expect(outcome.setCookies.filter((c) => /^injected=/.test(c))).toEqual([]);
	});
});

describe('afterwards', () => {
	it('has written nothing to the database', async () => {
		const after = await server.stopAndInspect(snapshot);
		for (const table of Object.keys(before)) {
			expect(after[table], table).toBe(before[table]);
		}
		expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
	});
});

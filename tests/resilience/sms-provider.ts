// A test SMS provider over HTTP, the kind Sammen's SMS channel talks to (docs/DEPLOY.md,
// "Notifications and letters"): POST {to, from, text} as JSON with a bearer token and an
// Idempotency-Key. It records every POST and delivers each key once: a POST with a key it has
// delivered gets the first answer again and is counted as a replay, as a provider that honours the
// key answers it. It can be down for a while: answering 503, or refusing connections (the port
// closed, then opened again).
import http from 'node:http';

export type SmsProviderMode = 'up' | 'busy' | 'down';

export interface DeliveredSms {
	to: string;
	text: string;
}

export interface TestSmsProvider {
	url: string;
	/** Every POST that reached the provider, whatever it answered. */
	readonly posts: number;
	/** Messages delivered, by Idempotency-Key: one each, however often the key came. */
	readonly delivered: Map<string, DeliveredSms>;
	/** POSTs with a key already delivered: answered as the first time, not delivered again. */
	readonly replays: number;
	/** POSTs answered 503 while busy. */
	readonly refused: number;
	/** POSTs without a key or the token: answered 400 or 401, and a failure of the test. */
	readonly malformed: number;
	setMode(mode: SmsProviderMode): Promise<void>;
	close(): Promise<void>;
}

export async function startSmsProvider(token: string): Promise<TestSmsProvider> {
	let mode: SmsProviderMode = 'up';
	const stats = { posts: 0, replays: 0, refused: 0, malformed: 0 };
	const delivered = new Map<string, DeliveredSms>();
	const answers = new Map<string, string>();

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			stats.posts += 1;
			const key = req.headers['idempotency-key'];
			if (req.method !== 'POST' || typeof key !== 'string' || key === '') {
				stats.malformed += 1;
				res.writeHead(400).end();
				return;
			}
			if (req.headers.authorization !== `Bearer ${token}`) {
				stats.malformed += 1;
				res.writeHead(401).end();
				return;
			}
			if (mode === 'busy') {
				stats.refused += 1;
				res.writeHead(503, { 'retry-after': '30' }).end();
				return;
			}
			const answered = answers.get(key);
			if (answered) {
				stats.replays += 1;
				res.writeHead(200, { 'content-type': 'application/json' }).end(answered);
				return;
			}
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DeliveredSms;
			delivered.set(key, { to: body.to, text: body.text });
			const answer = JSON.stringify({ id: `sms-${delivered.size}` });
			answers.set(key, answer);
			res.writeHead(202, { 'content-type': 'application/json' }).end(answer);
		});
	});

	const listen = (port: number) =>
		new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
	const shut = () =>
		new Promise<void>((resolve) => {
			server.close(() => resolve());
			// Kept-alive connections would still reach a closed server: end them too.
			server.closeAllConnections();
		});

	await listen(0);
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;

	return {
		url: `http://127.0.0.1:${port}/messages`,
		get posts() {
			return stats.posts;
		},
		delivered,
		get replays() {
			return stats.replays;
		},
		get refused() {
			return stats.refused;
		},
		get malformed() {
			return stats.malformed;
		},
		async setMode(next) {
			if (next === mode) return;
			if (next === 'down') await shut();
			else if (mode === 'down') await listen(port);
			mode = next;
		},
		async close() {
			if (mode !== 'down') await shut();
			mode = 'down';
		}
	};
}

// A real SMTP server for tests (smtp-server, by nodemailer's authors), on 127.0.0.1 only. It keeps
// every message it accepts, and can refuse them for a while, to test retries.
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	raw: string;
}

export interface TestSmtpServer {
	url: string;
	port: number;
	received: ReceivedMail[];
	/** While true, every message is refused with a temporary error (451). */
	refusing: boolean;
	/** Called with each message before it is accepted (e.g. to kill the sender). */
	onMessage?: (mail: ReceivedMail) => void;
	close(): Promise<void>;
	/** Resolves once `count` messages have arrived, or rejects after `timeoutMs`. */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
	const state: TestSmtpServer = {
		url: '',
		port: 0,
		received: [],
		refusing: false,
		close: async () => {},
		waitFor: async () => []
	};
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				if (state.refusing) {
					const error = new Error('Try again later') as Error & { responseCode: number };
					error.responseCode = 451;
					callback(error);
					return;
				}
				const mail: ReceivedMail = {
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw: Buffer.concat(chunks).toString('utf8')
				};
				state.received.push(mail);
				state.onMessage?.(mail);
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	state.port = typeof address === 'object' && address ? address.port : 0;
	state.url = `smtp://127.0.0.1:${state.port}`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	state.waitFor = async (count, timeoutMs = 20_000) => {
		const deadline = performance.now() + timeoutMs;
		while (state.received.length < count) {
			if (performance.now() > deadline) {
				throw new Error(`Expected ${count} e-mail(s), got ${state.received.length}`);
			}
			await new Promise((r) => setTimeout(r, 100));
		}
		return state.received;
	};
	return state;
}

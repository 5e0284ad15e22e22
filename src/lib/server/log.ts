// Structured logs: one JSON object per line on stdout, for the platform's log collector.
// Import with `import { log } from '$lib/server/log'` (or a relative path from scripts/).
//
// No personal data goes into a log line: log codes, counts, route ids and request ids, never
// names, CPR numbers, e-mail addresses, phone numbers, tokens or URLs with query strings. The
// redaction below is only a safety net for a field that slips through by mistake.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** What belongs to the request being served, wherever the code runs within it. */
export interface RequestContext {
	requestId: string;
}

const requestContext = new AsyncLocalStorage<RequestContext>();

/** Runs `work` as part of a request: log lines and audit rows within it carry its id. */
export function withRequestContext<T>(context: RequestContext, work: () => T): T {
	return requestContext.run(context, work);
}

/** The id of the request being served, or null outside one (jobs, start-up, scripts). */
export function currentRequestId(): string | null {
	return requestContext.getStore()?.requestId ?? null;
}

const SENSITIVE_KEYS = [
	'cpr',
	'cprNumber',
	'token',
	'accessToken',
	'idToken',
	'password',
	'secret',
	'authorization',
	'cookie',
	'email',
	'phone',
	'name'
];

/** The keys censored at the top level and one or two levels down (e.g. `headers.authorization`). */
export const REDACTED_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function levelFromEnv(): string {
	const raw = process.env.LOG_LEVEL?.trim().toLowerCase();
	if (!raw) return 'info';
	// A typo must not silence the logs or crash the server: fall back and say so below.
	return (LEVELS as readonly string[]).includes(raw) ? raw : 'info';
}

/** A logger with Sammen's settings; `destination` is for tests (default: stdout). */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
	const options: pino.LoggerOptions = {
		level: levelFromEnv(),
		base: { service: 'sammen' },
		timestamp: pino.stdTimeFunctions.isoTime,
		// `"level":"info"` rather than pino's numbers: readable without a lookup table.
		formatters: { level: (label) => ({ level: label }) },
		redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
		// Every line written while a request is served names it, so its lines can be found together.
		mixin: () => {
			const requestId = currentRequestId();
			return requestId ? { requestId } : {};
		}
	};
	return destination ? pino(options, destination) : pino(options);
}

export const log = createLogger();

if (
	process.env.LOG_LEVEL?.trim() &&
	levelFromEnv() !== process.env.LOG_LEVEL.trim().toLowerCase()
) {
	log.warn({ allowed: LEVELS }, 'LOG_LEVEL is not a known level; logging at info');
}

/**
 * An error as a log field: its class, message and stack only. Not pino's err serializer, which
 * copies every property, and database errors carry the offending values in `detail`.
 */
export function errorFields(error: unknown): {
	err: { type: string; message: string; stack?: string };
} {
	if (error instanceof Error) {
		return { err: { type: error.name, message: error.message, stack: error.stack } };
	}
	return { err: { type: typeof error, message: String(error) } };
}

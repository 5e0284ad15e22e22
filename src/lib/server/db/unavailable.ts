// Whether an error means the database cannot be reached (stopped, restarting, failing over, out of
// connections), as opposed to a fault in a query. Such a request is answered 503 with a plain page
// in Danish and English (hooks.server.ts) instead of an error page, and the pool reconnects by
// itself once the database is back (docs/DEPLOY.md, "Health, shutdown, logs and metrics").

/** Node's socket errors when the server is not there or goes away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * PostgreSQL's SQLSTATEs for a server that is shutting down or starting (class 57P), a connection
 * that failed (class 08) and too many connections (53300).
 */
const SQLSTATES = new Set([
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08001',
	'08003',
	'08004',
	'08006',
	'53300'
]);

/** What `pg` says when the socket closes under a query or no connection comes in time. */
const MESSAGES =
	/^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

export function isDatabaseUnavailable(error: unknown): boolean {
	for (let cause = error, depth = 0; cause && depth < 5; depth++) {
		if (typeof cause !== 'object') return false;
		const { code, message } = cause as { code?: unknown; message?: unknown };
		if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code))) return true;
		if (typeof message === 'string' && MESSAGES.test(message)) return true;
		cause = (cause as { cause?: unknown }).cause;
	}
	return false;
}

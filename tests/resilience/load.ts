// The load the scenarios put on the app: clients that write cases through the API with
// Idempotency-Keys (one write in ten a retry of an earlier one) and read the front page, counting
// what the app acknowledged, until stopped. With `entries`, each client also sends a decision to
// Maja's job case, which notifies her by e-mail and SMS.
import { demoIds } from '../../src/lib/server/seed/demo';

/**
 * Case `RES-<run>-<number>` for Maja Jensen, with its Idempotency-Key: the same request each time
 * for the same number, so that a retry is answered from the stored answer.
 */
export function putCase(
	url: string,
	apiKey: string,
	run: string,
	number: number | string,
	signal?: AbortSignal
): Promise<Response> {
	return fetch(`${url}/api/v1/cases/RES-${run}-${number}`, {
		method: 'PUT',
		signal,
		headers: {
			authorization: `Bearer ${apiKey}`,
			'content-type': 'application/json',
			'idempotency-key': `res-${run}-${number}`
		},
		body: JSON.stringify({
			citizenId: demoIds.citizen('Maja Jensen'),
			kleNumber: '15.20.02',
			title: 'Din vej til job',
			status: 'in_progress',
			nextStep: 'Mød op til samtale',
			waitingOn: 'municipality'
		})
	});
}

/** Maja's job case, in the jobcenter's API key's department. */
export const ENTRY_CASE = 'JOB-104417';

/** A citizen-visible entry `RES-<run>-E<number>` on Maja's job case, with its Idempotency-Key. */
export function postEntry(
	url: string,
	apiKey: string,
	run: string,
	number: number | string,
	signal?: AbortSignal
): Promise<Response> {
	const ref = `RES-${run}-E${number}`;
	return fetch(`${url}/api/v1/cases/${ENTRY_CASE}/timeline`, {
		method: 'POST',
		signal,
		headers: {
			authorization: `Bearer ${apiKey}`,
			'content-type': 'application/json',
			'idempotency-key': `res-${run}-e${number}`
		},
		body: JSON.stringify({
			externalRef: ref,
			kind: 'decision',
			visibility: 'citizen',
			title: 'Du får bevilget et kursus',
			body: `Afgørelse ${ref}`
		})
	});
}

/** How many clients write and read at once. */
export const WORKERS = 30;

export interface Tally {
	acknowledged: Set<string>;
	/** Entries acknowledged, by reference (with `entries`). */
	entries: Set<string>;
	replayed: number;
	serverErrors: number;
	/** Refusals other than 5xx by status (a retry that meets its original still running: 409). */
	refusals: Record<number, number>;
	refusedConnections: number;
	requests: number;
}

/** Loads the server until `stop()`: each worker alternates a case write and the front page. */
export function load(
	url: string,
	apiKey: string,
	run: string,
	options: { entries?: boolean } = {}
) {
	const tally: Tally = {
		acknowledged: new Set(),
		entries: new Set(),
		replayed: 0,
		serverErrors: 0,
		refusals: {},
		refusedConnections: 0,
		requests: 0
	};
	let stopped = false;
	let n = 0;
	const hangUp = new AbortController();
	const worker = async () => {
		while (!stopped) {
			n += 1;
			// One write in ten repeats an earlier one with its key: a retry must not make a second case.
			const number = n % 10 === 0 && n > 10 ? n - 5 : n;
			const ref = `RES-${run}-${number}`;
			try {
				tally.requests += 1;
				// In every other try the clients hang up at the signal: the handlers of their writes
				// run on in the app, which must not close the database under them.
				const write = await putCase(url, apiKey, run, number, hangUp.signal);
				await write.arrayBuffer();
				if (write.status >= 500) tally.serverErrors += 1;
				else if (write.ok) {
					tally.acknowledged.add(ref);
					if (write.headers.get('idempotent-replayed') === 'true') tally.replayed += 1;
				} else tally.refusals[write.status] = (tally.refusals[write.status] ?? 0) + 1;
				if (options.entries) {
					tally.requests += 1;
					const entry = await postEntry(url, apiKey, run, number, hangUp.signal);
					await entry.arrayBuffer();
					if (entry.status >= 500) tally.serverErrors += 1;
					else if (entry.ok) tally.entries.add(`RES-${run}-E${number}`);
					else tally.refusals[entry.status] = (tally.refusals[entry.status] ?? 0) + 1;
				}
				tally.requests += 1;
				const page = await fetch(`${url}/`);
				await page.arrayBuffer();
				if (page.status >= 500) tally.serverErrors += 1;
			} catch {
				// A refused or reset connection, or a hang-up: no acknowledgement.
				if (hangUp.signal.aborted) break;
				tally.refusedConnections += 1;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
		}
	};
	const workers = Array.from({ length: WORKERS }, worker);
	return {
		tally,
		hangUp: () => hangUp.abort(),
		async stop() {
			stopped = true;
			await Promise.all(workers);
		}
	};
}

import { json } from '@sveltejs/kit';
import { databaseHealth } from '$lib/server/db';
import { isShuttingDown, workerState } from '$lib/server/lifecycle';
import type { RequestHandler } from './$types';

// For load balancers: ready for traffic when the database answers and the job worker runs (or this
// node runs none), and not once shutdown has begun. Public, and says nothing about anyone.
export const GET: RequestHandler = async () => {
	const db = await databaseHealth();
	const jobs = workerState();
	const stopping = isShuttingDown();
	const ready = db && (jobs === 'running' || jobs === 'off') && !stopping;
	return json(
		{
			status: ready ? 'ready' : 'not-ready',
			db: db ? 'ok' : 'down',
			jobs,
			...(stopping ? { shuttingDown: true } : {})
		},
		{ status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};

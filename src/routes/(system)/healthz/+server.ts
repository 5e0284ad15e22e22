import { json } from '@sveltejs/kit';
import { databaseHealth } from '$lib/server/db';
import type { RequestHandler } from './$types';

// For load balancers and monitoring: public, says nothing about anyone.
export const GET: RequestHandler = async () => {
	const up = await databaseHealth();
	return json(up ? { status: 'ok', db: 'ok' } : { status: 'error', db: 'down' }, {
		status: up ? 200 : 503,
		headers: { 'Cache-Control': 'no-store' }
	});
};

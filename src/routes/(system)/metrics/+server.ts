import { error } from '@sveltejs/kit';
import { bearerMatches, metricsAccess, registry } from '$lib/server/metrics';
import type { RequestHandler } from './$types';

// Prometheus scrapes here. With METRICS_TOKEN set it must send `Authorization: Bearer <token>`;
// without one the endpoint is open in the demo and absent (404) in production.
export const GET: RequestHandler = async ({ request }) => {
	const access = metricsAccess();
	if (access === 'closed') error(404, 'Not Found');
	if (
		access === 'token' &&
		!bearerMatches(request.headers.get('authorization'), process.env.METRICS_TOKEN!.trim())
	) {
		return new Response('Unauthorized\n', {
			status: 401,
			headers: {
				'WWW-Authenticate': 'Bearer realm="metrics"',
				'Content-Type': 'text/plain; charset=utf-8',
				'Cache-Control': 'no-store'
			}
		});
	}
	return new Response(await registry.metrics(), {
		headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' }
	});
};

// The MitID simulator of the demo, proxied to its in-process server. Off (404) outside the demo.
import { error } from '@sveltejs/kit';

import { isDemo } from '$lib/server/config';
import { getDemoIdp } from '$lib/server/demo-idp/instance';
import { proxyToDemoIdp } from '$lib/server/demo-idp/provider';

import type { RequestHandler } from './$types';

const forward: RequestHandler = async ({ request, url }) => {
	if (!isDemo()) error(404, 'Not found');
	const idp = await getDemoIdp(url.origin);
	return proxyToDemoIdp(request, idp);
};

export const GET = forward;
export const POST = forward;
export const fallback = forward;

// The app's side of the demo's simulator: requests under its mount path are passed on to the
// in-process provider, which listens on a port of its own.

/** Headers that describe one connection or an encoding that fetch has already undone. */
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'upgrade',
	'content-length',
	'content-encoding',
	'host'
]);

/**
 * Forwards a request that reached the app under the provider's mountPath to the in-process provider
 * and returns its answer unchanged (redirects, several Set-Cookie headers and all).
 */
export async function proxyToDemoIdp(request: Request, target: { url: string }): Promise<Response> {
	const incoming = new URL(request.url);
	const destination = new URL(`${incoming.pathname}${incoming.search}`, target.url);

	const headers = new Headers();
	request.headers.forEach((value, name) => {
		if (!HOP_BY_HOP.has(name) && name !== 'accept-encoding') headers.set(name, value);
	});
	headers.set('x-forwarded-host', incoming.host);
	headers.set('x-forwarded-proto', incoming.protocol.slice(0, -1));

	const method = request.method.toUpperCase();
	const hasBody = method !== 'GET' && method !== 'HEAD';
	const upstream = await fetch(destination, {
		method,
		headers,
		body: hasBody ? await request.arrayBuffer() : undefined,
		redirect: 'manual'
	});

	const responseHeaders = new Headers();
	upstream.headers.forEach((value, name) => {
		if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) responseHeaders.set(name, value);
	});
	for (const cookie of upstream.headers.getSetCookie())
		responseHeaders.append('set-cookie', cookie);

	const empty = method === 'HEAD' || [101, 204, 205, 304].includes(upstream.status);
	return new Response(empty ? null : await upstream.arrayBuffer(), {
		status: upstream.status,
		statusText: upstream.statusText,
		headers: responseHeaders
	});
}

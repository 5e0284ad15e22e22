// A form post whose body is no form: answered 415 (not a form's content type) or 400 (a form body
// that cannot be parsed, such as broken multipart) before any action reads it. Without this, an
// action's `request.formData()` throws a TypeError, which SvelteKit answers with 500.
// The API (/api, problem details of its own), the demo's identity provider (oidc-provider reads its
// own bodies) and logging out (which reads no body) are left alone; SvelteKit answers other
// methods on pages with 405.

const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);
const OWN_BODIES = ['/api/', '/demo-idp/', '/logout'];

function refusal(status: 400 | 415): Response {
	const text =
		status === 415
			? 'Formularen blev ikke sendt som en formular. / The form was not sent as a form.'
			: 'Formularen kunne ikke læses. / The form could not be read.';
	return new Response(`${text}\n`, {
		status,
		headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }
	});
}

export async function unreadableFormAnswer(request: Request, url: URL): Promise<Response | null> {
	if (request.method !== 'POST') return null;
	if (OWN_BODIES.some((prefix) => url.pathname.startsWith(prefix))) return null;
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.has(type)) return refusal(415);
	try {
		// A copy: the action reads the body itself afterwards.
		await request.clone().formData();
	} catch {
		return refusal(400);
	}
	return null;
}

import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readMunicipalityLogo } from '$lib/server/db/municipality-settings';
import type { RequestHandler } from './$types';

// The municipality's logo. Only PNG and JPEG are accepted on upload (checked by their first bytes),
// and the answer says exactly that type, forbids sniffing, and carries a CSP under which nothing in
// it could run even if opened directly.
export const GET: RequestHandler = async () => {
	const logo = await readMunicipalityLogo(getDb());
	if (!logo) error(404, 'Not Found');
	return new Response(Buffer.from(logo.bytes), {
		headers: {
			'Content-Type': logo.contentType,
			'Content-Length': String(logo.bytes.byteLength),
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Content-Disposition': 'inline; filename="logo"',
			'Cache-Control': 'public, max-age=300',
			'Last-Modified': logo.updatedAt.toUTCString()
		}
	});
};

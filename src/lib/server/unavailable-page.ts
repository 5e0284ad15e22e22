// The answer while the database cannot be reached (db/unavailable.ts): 503 with Retry-After, as
// problem details on the API and as a short page in Danish and English everywhere else. It is
// written here, not rendered by the app's layout, because the layout reads the database too.
import { knownMunicipalityName } from './admin/municipality';
import { problemResponse, problems, RETRY_AFTER_SECONDS } from './api/problem';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function unavailableResponse(url: URL): Response {
	if (url.pathname.startsWith('/api/')) return problemResponse(problems.unavailable());
	const municipality = escapeHtml(knownMunicipalityName());
	const html = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sammen er ikke tilgængelig lige nu – ${municipality}</title>
</head>
<body>
<main>
<h1>Sammen er ikke tilgængelig lige nu</h1>
<p>Vi kan ikke hente dine oplysninger i øjeblikket. Prøv igen om et par minutter.</p>
<p>Hvis du lige har sendt noget, er det ikke gemt. Send det igen, når siden virker.</p>
<section lang="en">
<h2>Sammen is not available right now</h2>
<p>We cannot get your information at the moment. Please try again in a few minutes.</p>
<p>If you just sent something, it was not saved. Send it again when the page works.</p>
</section>
</main>
</body>
</html>
`;
	return new Response(html, {
		status: 503,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Retry-After': String(RETRY_AFTER_SECONDS),
			'Cache-Control': 'no-store',
			'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'"
		}
	});
}

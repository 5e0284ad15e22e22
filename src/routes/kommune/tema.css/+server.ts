import { getMunicipality } from '$lib/server/admin/municipality';
import { HEX_COLOR } from '$lib/server/admin/contrast';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

// The municipality's colour as a stylesheet, so it reaches the header under a CSP that allows
// styles from 'self' only (no inline style). DKFDS sets its header colours in SCSS at build time,
// so the rules name the header's parts; --brand is there for anything else that wants it. The
// colour has passed the contrast check when saved: white text on it is at least 4.5:1.
export const GET: RequestHandler = async () => {
	const { primaryColor } = await getMunicipality(getDb());
	const color = primaryColor && HEX_COLOR.test(primaryColor) ? primaryColor : null;
	const css = color
		? [
				`:root{--brand:${color}}`,
				// ':root' outranks the design system's own rules, whichever stylesheet loads last. The
				// language button keeps its own light background and dark text.
				`:root .header .portal-info{background-color:${color};color:#fff}`,
				`:root .header .portal-info :is(.portal-name,a){color:#fff}`,
				`:root .header .portal-info a:focus{outline-color:#fff}`
			].join('\n')
		: '/* No colour saved: the design system’s own. */';
	return new Response(css + '\n', {
		headers: {
			'Content-Type': 'text/css; charset=utf-8',
			// The layout links it with the colour in the query, so a new colour is a new URL.
			'Cache-Control': 'public, max-age=3600'
		}
	});
};

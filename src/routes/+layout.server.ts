import { getMunicipality } from '$lib/server/admin/municipality';
import { isDemo } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import { allows } from '$lib/server/access/portal';
import type { LayoutServerLoad } from './$types';

/** Which of the portal's pages the logged-in citizen's navigation offers (null: no navigation). */
function portalNav(locals: App.Locals) {
	const scope = locals.citizen ? locals.citizenScope : null;
	return scope ? { everything: allows(scope, 'everything') } : null;
}

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	municipality: await getMunicipality(getDb()),
	demo: isDemo(),
	user: locals.citizen
		? { kind: 'citizen' as const, name: locals.citizen.name }
		: locals.staff
			? { kind: 'staff' as const, name: locals.staff.name }
			: null,
	actingFor: locals.actingFor?.name ?? null,
	portalNav: portalNav(locals)
});

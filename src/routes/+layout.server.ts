import { getMunicipality } from '$lib/server/admin/municipality';
import { isDemo } from '$lib/server/config';
import { getDb } from '$lib/server/db';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	locale: locals.locale,
	municipality: await getMunicipality(getDb()),
	demo: isDemo(),
	user: locals.citizen
		? { kind: 'citizen' as const, name: locals.citizen.name }
		: locals.staff
			? { kind: 'staff' as const, name: locals.staff.name }
			: null,
	actingFor: locals.actingFor?.name ?? null
});

import { isDemo, municipality } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	municipality: municipality(),
	demo: isDemo(),
	user: locals.citizen
		? { kind: 'citizen' as const, name: locals.citizen.name }
		: locals.staff
			? { kind: 'staff' as const, name: locals.staff.name }
			: null,
	actingFor: locals.actingFor?.name ?? null
});

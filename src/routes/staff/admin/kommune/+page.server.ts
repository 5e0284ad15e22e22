import { fail, redirect } from '@sveltejs/kit';
import { adminForm, adminPage } from '$lib/server/admin/route';
import { saveSettings } from '$lib/server/admin/service';
import {
	LOGO_MAX_BYTES,
	parseLogo,
	parseSettings,
	settingsValues
} from '$lib/server/admin/validate';
import { municipality as envMunicipality } from '$lib/server/config';
import { readMunicipalitySettings } from '$lib/server/db/municipality-settings';
import type { Actions, PageServerLoad } from './$types';

// The municipality's settings. An empty field stores null, and the environment's value applies
// (shown as the field's fallback), so an installation works before anyone has saved anything.
export const load: PageServerLoad = async (event) => {
	const { db } = adminPage(event);
	const stored = await readMunicipalitySettings(db);
	const env = envMunicipality();
	return {
		stored: { ...stored, updatedAt: undefined },
		fallback: {
			name: env.name,
			phone: env.phone,
			email: env.email,
			address: env.address,
			openingHoursDa: env.openingHours.da,
			openingHoursEn: env.openingHours.en,
			accessibilityStatementUrl: env.accessibilityStatementUrl
		},
		logoMaxBytes: LOGO_MAX_BYTES,
		saved: event.url.searchParams.has('gemt')
	};
};

export const actions: Actions = {
	gem: async (event) => {
		const { db, actor, data } = await adminForm(event);
		const values = settingsValues(data);
		const parsed = parseSettings(values);
		const logo = await parseLogo(data);
		const errors = { ...(parsed.ok ? {} : parsed.errors), ...(logo.ok ? {} : logo.errors) };
		if (!parsed.ok || !logo.ok) return fail(400, { values, errors });
		await saveSettings(db, actor, { ...parsed.input, logo: logo.logo });
		redirect(303, '/staff/admin/kommune?gemt=1');
	},
	fjernlogo: async (event) => {
		const { db, actor } = await adminForm(event);
		const stored = await readMunicipalitySettings(db);
		await saveSettings(db, actor, {
			name: stored.name,
			phone: stored.phone,
			email: stored.email,
			address: stored.address,
			openingHoursDa: stored.openingHoursDa,
			openingHoursEn: stored.openingHoursEn,
			accessibilityStatementUrl: stored.accessibilityStatementUrl,
			primaryColor: stored.primaryColor,
			letterhead: stored.letterhead,
			logo: null
		});
		redirect(303, '/staff/admin/kommune?gemt=1');
	}
};

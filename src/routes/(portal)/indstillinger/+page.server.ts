import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { currentAnalogFlag } from '$lib/server/db/analog';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { citizenSettings } from '$lib/server/db/citizen-settings';
import { auditPortal, portal, requireMayAct } from '$lib/server/access/portal';
import { saveContactSettings, saveLanguage, setLettersByPost } from '$lib/server/settings/service';
import { parseContact, parseLanguage, parsePostChoice } from '$lib/server/settings/validate';
import type { Actions, PageServerLoad } from './$types';

const SAVED = ['sprog', 'kontakt', 'post'] as const;
type Section = (typeof SAVED)[number];

// Settings: language, contact details for notifications, letters by post, how to reach us. Each
// section is its own form, so an error in one never loses what was typed in another.
export const load: PageServerLoad = async (event) => {
	const context = await portal(event, 'everything');
	const { db, scope } = context;
	const [settings, flag] = await Promise.all([
		citizenSettings(db, scope.citizenId),
		currentAnalogFlag(db, scope.citizenId)
	]);
	if (!settings) error(404, 'Not Found');
	await auditPortal(db, context, 'read', { type: 'citizen_settings', id: scope.citizenId });
	const saved = event.url.searchParams.get('gemt');
	return {
		subjectName: context.subject.name,
		representing: scope.representing,
		mayAct: scope.mayAct,
		settings,
		post: {
			analog: flag?.analog === true,
			reason: flag?.analog ? flag.reason : null,
			since: flag?.analog ? flag.changed_at : null
		},
		saved: SAVED.find((s) => s === saved) ?? null
	};
};

async function readForm(event: RequestEvent): Promise<FormData> {
	try {
		return await event.request.formData();
	} catch {
		error(400, 'Bad Request');
	}
}

/**
 * Back to the page with the section's notice in view. The language section is first on the page
 * and needs a full page load (see the page), which a link that differs only by #fragment would not
 * give, so it goes without one.
 */
function savedUrl(section: Section): string {
	const url = `/indstillinger?gemt=${section}`;
	return section === 'sprog' ? url : `${url}#${section}`;
}

export const actions: Actions = {
	sprog: async (event) => {
		const context = await portal(event, 'everything');
		requireMayAct(context);
		const parsed = parseLanguage(await readForm(event));
		if (!parsed.ok) return fail(400, { section: 'sprog' as const, errors: parsed.errors });
		await saveLanguage(context, parsed.language);
		// The citizen's own choice applies to Sammen at once; a representative chooses the
		// language of the letters to the person they act for, not of their own screen.
		if (!context.scope.representing) {
			setLocaleCookie(event.cookies, event.url, parsed.language);
		}
		redirect(303, savedUrl('sprog'));
	},

	kontakt: async (event) => {
		const context = await portal(event, 'everything');
		requireMayAct(context);
		const parsed = parseContact(await readForm(event));
		if (!parsed.ok) {
			return fail(400, {
				section: 'kontakt' as const,
				contact: parsed.values,
				errors: parsed.errors
			});
		}
		await saveContactSettings(context, parsed.settings);
		redirect(303, savedUrl('kontakt'));
	},

	post: async (event) => {
		const context = await portal(event, 'everything');
		requireMayAct(context);
		const analog = parsePostChoice(await readForm(event));
		if (analog === null) {
			return fail(400, {
				section: 'post' as const,
				errors: { 'post-status': 'settingsPostInvalid' as const }
			});
		}
		const result = await setLettersByPost(context, analog);
		if ('locked' in result) {
			return fail(400, {
				section: 'post' as const,
				errors: { 'post-status': 'settingsPostLocked' as const }
			});
		}
		redirect(303, savedUrl('post'));
	}
};

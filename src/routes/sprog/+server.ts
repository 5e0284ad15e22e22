import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locale';
import { setLocaleCookie } from '$lib/server/locale-cookie';
import { safePath } from '$lib/safe-path';
import type { RequestHandler } from './$types';

// The language switch is a plain form, so it works without JavaScript. SvelteKit's CSRF check
// rejects cross-site form posts before this handler runs.
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		redirect(303, '/');
	}
	const lang = form.get('lang');
	const target = safePath(form.get('redirectTo'));
	if (isLocale(lang)) {
		setLocaleCookie(cookies, url, lang);
	}
	redirect(303, target);
};

// Someone who opens /sprog directly has nothing to switch; send them to the front page.
export const GET: RequestHandler = () => redirect(303, '/');

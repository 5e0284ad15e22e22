// The language of the user interface lives in one cookie, set by the language switch, by the
// citizen's settings and at login from the language the citizen chose before.
import type { Cookies } from '@sveltejs/kit';
import { LOCALE_COOKIE } from '../i18n/locale';
import type { Locale } from '../i18n/locale';

const ONE_YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		maxAge: ONE_YEAR_IN_SECONDS,
		sameSite: 'lax',
		httpOnly: true,
		secure: url.protocol === 'https:'
	});
}

export type Locale = 'da' | 'en';

export const LOCALE_COOKIE = 'lang';
export const LOCALES: readonly Locale[] = ['da', 'en'];

export function isLocale(value: unknown): value is Locale {
	return value === 'da' || value === 'en';
}

export function resolveLocale(value: string | undefined): Locale {
	return isLocale(value) ? value : 'da';
}

/** Each language's name in that language, as the language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { da: 'Dansk', en: 'English' };

/** With two languages, the switch always offers the other one. */
export function otherLocale(locale: Locale): Locale {
	return locale === 'da' ? 'en' : 'da';
}

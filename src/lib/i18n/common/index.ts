// The common area: what every page needs, citizen or staff — the skip link, header and footer,
// the portal navigation, the session bar, the error, offline and refused-login pages, the form kit,
// and the few words both sides show. The root layout, the components it shows and those both
// sides use import this area only, or take their texts as props. Every other area includes it.
import type { Locale } from '../locale';
import core from './core';
import forms from './forms';
import portalNav from './portal-nav';

/** This area's catalogues; each keeps its own keys (messages.spec.ts checks that none overlap). */
export const commonCatalogues = { core, forms, portalNav };

const da = { ...core.da, ...forms.da, ...portalNav.da };
const en: Record<keyof typeof da, string> = { ...core.en, ...forms.en, ...portalNav.en };

/** The texts of this area. */
export type CommonMessages = typeof da;
export type CommonKey = keyof CommonMessages;

export const commonTexts: Readonly<Record<Locale, CommonMessages>> = { da, en };

/** The messages of one language. */
export function t(locale: Locale): CommonMessages {
	return commonTexts[locale];
}

export { documentTitle, format, localized } from '../format';

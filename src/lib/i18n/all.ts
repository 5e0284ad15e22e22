// The text of the user interface. Danish is the source language, written in klarsprog and
// addressed to the citizen as "du"; English is a full translation. Placeholders are written
// {name} and filled in by format().
//
// The texts live in areas (docs/ARCHITECTURE.md, "Texts by area"): common/ (every page), portal/
// (the citizen's pages), staff/ (the staff workspace) and admin/ (administration and operations).
// A page imports t() from its area's index.ts, so its client code carries only that area's texts
// and the common ones. This module merges every area: it is for server code (letters, e-mails,
// SMS, PDF and CSV files, the timeline entries the server writes, label maps) and for tests, and no
// page or component imports it. Its types (MessageKey) may be imported anywhere: a type import
// leaves nothing in the bundle.
import { adminCatalogues, adminTexts } from './admin';
import { commonCatalogues } from './common';
import type { Locale } from './locale';
import { portalCatalogues, portalTexts } from './portal';
import { staffCatalogues, staffTexts } from './staff';

/** Every area's catalogues, by area; each keeps its own keys (messages.spec.ts checks that none overlap). */
export const areas = {
	common: commonCatalogues,
	portal: portalCatalogues,
	staff: staffCatalogues,
	admin: adminCatalogues
};

const da = { ...portalTexts.da, ...staffTexts.da, ...adminTexts.da };
const en: Record<keyof typeof da, string> = {
	...portalTexts.en,
	...staffTexts.en,
	...adminTexts.en
};

export type Messages = typeof da;
export type MessageKey = keyof Messages;

export const catalogues: Readonly<Record<Locale, Messages>> = { da, en };

/** The messages of one language, every area's. */
export function t(locale: Locale): Messages {
	return catalogues[locale];
}

export { documentTitle, format, localized } from './format';

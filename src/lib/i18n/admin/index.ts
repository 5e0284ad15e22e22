// The admin area: administration, operations and retention (/staff/admin, /staff/drift) import
// t() from here. Its pages sit in the staff workspace (its layout and navigation), so this area
// builds on the staff area rather than on the common one alone.
import type { Locale } from '../locale';
import { staffTexts } from '../staff';
import admin from './admin';
import operations from './operations';
import retention from './retention';

/** This area's catalogues; each keeps its own keys (messages.spec.ts checks that none overlap). */
export const adminCatalogues = { admin, operations, retention };

const da = { ...staffTexts.da, ...admin.da, ...operations.da, ...retention.da };
const en: Record<keyof typeof da, string> = {
	...staffTexts.en,
	...admin.en,
	...operations.en,
	...retention.en
};

/** The texts of this area and of the staff area (with the common one). */
export type AdminMessages = typeof da;
export type AdminKey = keyof AdminMessages;

export const adminTexts: Readonly<Record<Locale, AdminMessages>> = { da, en };

/** The messages of one language. */
export function t(locale: Locale): AdminMessages {
	return adminTexts[locale];
}

export { documentTitle, format, localized } from '../format';

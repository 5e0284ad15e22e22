// The staff area: the staff workspace's pages under /staff (caseload, citizens, journeys,
// meetings, the audit trail, the print queue) and their components import t() from here.
import type { Locale } from '../locale';
import { commonTexts } from '../common';
import print from './print';
import staff from './staff';
import staffAudit from './staff-audit';
import staffCaseload from './staff-caseload';
import staffJourney from './staff-journey';
import staffMeetings from './staff-meetings';

/** This area's catalogues; each keeps its own keys (messages.spec.ts checks that none overlap). */
export const staffCatalogues = {
	print,
	staff,
	staffAudit,
	staffCaseload,
	staffJourney,
	staffMeetings
};

const da = {
	...commonTexts.da,
	...print.da,
	...staff.da,
	...staffAudit.da,
	...staffCaseload.da,
	...staffJourney.da,
	...staffMeetings.da
};
const en: Record<keyof typeof da, string> = {
	...commonTexts.en,
	...print.en,
	...staff.en,
	...staffAudit.en,
	...staffCaseload.en,
	...staffJourney.en,
	...staffMeetings.en
};

/** The texts of this area and of the common area. */
export type StaffMessages = typeof da;
export type StaffKey = keyof StaffMessages;

export const staffTexts: Readonly<Record<Locale, StaffMessages>> = { da, en };

/** The messages of one language. */
export function t(locale: Locale): StaffMessages {
	return staffTexts[locale];
}

export { documentTitle, format, localized } from '../format';

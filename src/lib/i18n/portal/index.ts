// The portal area: the citizen's pages (everything outside /staff) import t() from here, so their
// client code carries the citizen's texts and the common ones, never a staff or admin text.
import type { Locale } from '../locale';
import { commonTexts } from '../common';
import consent from './consent';
import conversation from './conversation';
import documents from './documents';
import front from './front';
import insight from './insight';
import journey from './journey';
import meetings from './meetings';
import mydata from './mydata';
import notifications from './notifications';
import overview from './overview';
import settings from './settings';
import tasks from './tasks';

/** This area's catalogues; each keeps its own keys (messages.spec.ts checks that none overlap). */
export const portalCatalogues = {
	consent,
	conversation,
	documents,
	front,
	insight,
	journey,
	meetings,
	mydata,
	notifications,
	overview,
	settings,
	tasks
};

const da = {
	...commonTexts.da,
	...consent.da,
	...conversation.da,
	...documents.da,
	...front.da,
	...insight.da,
	...journey.da,
	...meetings.da,
	...mydata.da,
	...notifications.da,
	...overview.da,
	...settings.da,
	...tasks.da
};
const en: Record<keyof typeof da, string> = {
	...commonTexts.en,
	...consent.en,
	...conversation.en,
	...documents.en,
	...front.en,
	...insight.en,
	...journey.en,
	...meetings.en,
	...mydata.en,
	...notifications.en,
	...overview.en,
	...settings.en,
	...tasks.en
};

/** The texts of this area and of the common area. */
export type PortalMessages = typeof da;
export type PortalKey = keyof PortalMessages;

export const portalTexts: Readonly<Record<Locale, PortalMessages>> = { da, en };

/** The messages of one language. */
export function t(locale: Locale): PortalMessages {
	return portalTexts[locale];
}

export { documentTitle, format, localized } from '../format';

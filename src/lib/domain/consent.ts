// Consent to share between departments: given or withdrawn, and how it reached the municipality.
import type { MessageKey } from '../i18n/all';

export const CONSENT_ACTIONS = ['granted', 'withdrawn'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export const CONSENT_CHANNELS = ['portal', 'paper', 'meeting', 'phone'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** The pages' words (the citizen's and staff's alike), and the printable "my data" page's. */
export const CONSENT_CHANNEL_LABELS = {
	screen: {
		portal: 'consentChannelPortal',
		paper: 'consentChannelPaper',
		meeting: 'consentChannelMeeting',
		phone: 'consentChannelPhone'
	},
	dataPrint: {
		portal: 'dataPrintChannelPortal',
		paper: 'dataPrintChannelPaper',
		meeting: 'dataPrintChannelMeeting',
		phone: 'dataPrintChannelPhone'
	}
} as const satisfies Record<string, Record<ConsentChannel, MessageKey>>;

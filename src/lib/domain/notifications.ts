// Telling a citizen about something new: by e-mail, SMS or a letter on paper, and how far it got.
import type { MessageKey } from '../i18n/all';

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'letter'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The channels that go through a provider (and, without one, the demo outbox). */
export const DIGITAL_CHANNELS = ['email', 'sms'] as const satisfies readonly NotificationChannel[];
export type DigitalChannel = (typeof DIGITAL_CHANNELS)[number];

export const NOTIFICATION_STATUSES = [
	'pending',
	'bundled',
	'sending',
	'sent',
	'failed',
	'uncertain',
	'cancelled'
] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const NOTIFICATION_CHANNEL_LABELS = {
	operations: { email: 'opChannelEmail', sms: 'opChannelSms', letter: 'opChannelLetter' }
} as const satisfies Record<string, Record<NotificationChannel, MessageKey>>;

// The channels a notification can go out on, and their providers. Each is an interface, so that a
// municipality can plug in another provider without touching routing or delivery:
// - e-mail over SMTP with nodemailer (SMTP_URL, MAIL_FROM);
// - SMS through one HTTP provider (SMS_HTTP_URL, SMS_HTTP_TOKEN, SMS_SENDER): a JSON POST;
// - in the demo, when a provider is not configured, a demo outbox that stores what would have been
//   sent, for the admin's view; in production an unconfigured channel fails loudly (dead-letter list
//   and a start-up warning), never silently;
// Letters (remote print and Digital Post through Serviceplatformen SF1601) are not notifications:
// they go as postings, digital-post/post.ts (docs/DIGITAL-POST.md).
import nodemailer from 'nodemailer';
import type { Kysely } from 'kysely';
import type { DigitalChannel } from '../../domain';
import { insertDemoOutbox } from '../db/notifications';
import type { Database } from '../db/schema';
import { channelEnvironment, type ChannelEnvironment } from './settings';

export interface OutgoingMessage {
	/** The notification this message is: a stable id for providers that deduplicate. */
	notificationId: string;
	to: string;
	subject: string;
	text: string;
}

export interface SendResult {
	provider: string;
	messageId: string | null;
}

export interface NotificationChannel {
	readonly provider: string;
	send(message: OutgoingMessage): Promise<SendResult>;
}

/** A failure that no retry can fix (no provider configured): goes to the dead-letter list at once. */
export class PermanentDeliveryError extends Error {}

export function smtpChannel(url: string, from: string): NotificationChannel {
	const transport = nodemailer.createTransport(url);
	return {
		provider: 'smtp',
		async send(message) {
			const info = await transport.sendMail({
				from,
				to: message.to,
				subject: message.subject,
				text: message.text,
				// A stable Message-ID lets mail systems recognise the same message if it ever arrives twice.
				messageId: `<${message.notificationId}@sammen.notification>`
			});
			return { provider: 'smtp', messageId: info.messageId ?? null };
		}
	};
}

/**
 * One HTTP SMS provider: POST {to, from, text} as JSON with a bearer token and an Idempotency-Key
 * (the notification id), answered by any 2xx. A 4xx other than 429 cannot succeed on a retry.
 */
export function httpSmsChannel(url: string, token: string | undefined, sender: string) {
	return {
		provider: 'sms-http',
		async send(message: OutgoingMessage): Promise<SendResult> {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'Idempotency-Key': message.notificationId,
					...(token ? { Authorization: `Bearer ${token}` } : {})
				},
				body: JSON.stringify({ to: message.to, from: sender, text: message.text }),
				signal: AbortSignal.timeout(30_000)
			});
			if (!response.ok) {
				const error = `SMS provider answered ${response.status}`;
				if (response.status >= 400 && response.status < 500 && response.status !== 429) {
					throw new PermanentDeliveryError(error);
				}
				throw new Error(error);
			}
			const body = (await response.json().catch(() => ({}))) as { id?: unknown };
			return { provider: 'sms-http', messageId: typeof body.id === 'string' ? body.id : null };
		}
	} satisfies NotificationChannel;
}

/** The demo's stand-in for an unconfigured provider: stores the message for the admin's view. */
export function demoChannel(db: Kysely<Database>, channel: DigitalChannel): NotificationChannel {
	return {
		provider: 'demo',
		async send(message) {
			await insertDemoOutbox(db, {
				notificationId: message.notificationId,
				channel,
				recipient: message.to,
				subject: channel === 'email' ? message.subject : null,
				body: message.text
			});
			return { provider: 'demo', messageId: null };
		}
	};
}

function missingChannel(variable: string): NotificationChannel {
	return {
		provider: 'missing',
		async send() {
			throw new PermanentDeliveryError(`${variable} is not set: the channel is not configured`);
		}
	};
}

export type Channels = Record<DigitalChannel, NotificationChannel>;

/** The channels as the environment configures them. */
export function channelsFromEnvironment(
	db: Kysely<Database>,
	demo: boolean,
	env: ChannelEnvironment = channelEnvironment()
): Channels {
	return {
		email: env.smtpUrl
			? smtpChannel(env.smtpUrl, env.mailFrom)
			: demo
				? demoChannel(db, 'email')
				: missingChannel('SMTP_URL'),
		sms: env.smsUrl
			? httpSmsChannel(env.smsUrl, env.smsToken, env.smsSender)
			: demo
				? demoChannel(db, 'sms')
				: missingChannel('SMS_HTTP_URL')
	};
}

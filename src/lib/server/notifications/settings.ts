// How notifications behave, by environment (README lists the variables and their defaults).
function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function number(name: string, fallback: number, min: number): number {
	const raw = env(name);
	if (raw === undefined) return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < min) {
		throw new Error(`${name} must be a number of at least ${min}`);
	}
	return value;
}

export interface NotificationSettings {
	/** Notifications within this many minutes are sent as one (NOTIFY_BUNDLE_MINUTES, 15). */
	bundleMinutes: number;
	/** Attempts before a notification goes to the dead-letter list (NOTIFY_MAX_ATTEMPTS, 6). */
	maxAttempts: number;
	/** The first retry's delay; each next one doubles (NOTIFY_RETRY_DELAY_SECONDS, 60). */
	retryDelaySeconds: number;
	/**
	 * A delivery claimed longer ago than this is taken as interrupted: its worker died between
	 * sending and recording (NOTIFY_SENDING_TIMEOUT_SECONDS, 600). It must exceed the longest send.
	 */
	sendingTimeoutSeconds: number;
	/** A letter not handed to the post after this many hours raises an alert (LETTER_ALERT_HOURS, 24). */
	letterAlertHours: number;
	/** The public address of Sammen, for the link in e-mails and SMS (ORIGIN). */
	publicUrl: string;
}

export function notificationSettings(): NotificationSettings {
	return {
		bundleMinutes: number('NOTIFY_BUNDLE_MINUTES', 15, 0),
		maxAttempts: number('NOTIFY_MAX_ATTEMPTS', 6, 1),
		retryDelaySeconds: number('NOTIFY_RETRY_DELAY_SECONDS', 60, 1),
		sendingTimeoutSeconds: number('NOTIFY_SENDING_TIMEOUT_SECONDS', 600, 1),
		letterAlertHours: number('LETTER_ALERT_HOURS', 24, 0),
		publicUrl: env('ORIGIN') ?? `http://localhost:${env('PORT') ?? '3000'}`
	};
}

/**
 * The pg-boss retries of every delivery and letter job, for a job that throws: a letter that could
 * not be rendered, or a delivery that failed outside its send (the database gone). A failed send is
 * retried by the message's own backoff (deliver.ts), not by these.
 */
export function deliveryJobOptions(settings: NotificationSettings = notificationSettings()) {
	return {
		retryLimit: settings.maxAttempts,
		retryDelay: settings.retryDelaySeconds,
		retryBackoff: true
	};
}

export interface ChannelEnvironment {
	smtpUrl?: string;
	mailFrom: string;
	smsUrl?: string;
	smsToken?: string;
	smsSender: string;
}

export function channelEnvironment(): ChannelEnvironment {
	return {
		smtpUrl: env('SMTP_URL'),
		mailFrom: env('MAIL_FROM') ?? 'Sammen <noreply@sammen.example>',
		smsUrl: env('SMS_HTTP_URL'),
		smsToken: env('SMS_HTTP_TOKEN'),
		smsSender: env('SMS_SENDER') ?? 'Sammen'
	};
}

// Delivery: what the worker does with a job. Exactly one message per event and channel, even when a
// job runs twice or the process dies:
// - e-mail and SMS: the notification is claimed ('sending', committed) before the provider is called
//   and recorded after. A second job finds nothing pending. A worker that dies in between leaves the
//   claim behind; the sweep marks it 'uncertain' (it may have been delivered) for an admin to decide,
//   instead of sending it again. A failed send waits out the message's own backoff (retryDelaySeconds)
//   as 'pending' with a later send_after and a job for that time; the citizen's other jobs find it
//   not yet due, so an outage of a provider costs a message one attempt per step of its backoff.
// - letters: the PDF is rendered outside any transaction, then stored with the notification in one
//   transaction that changes only a letter still 'queued', so rendering twice stores one letter.
import type { Kysely } from 'kysely';
import { catalogues, format, localized } from '../../i18n/all';
import { getMunicipality } from '../admin/municipality';
import type { DigitalChannel } from '../../domain';
import {
	cancelNotification,
	citizenContact,
	claimDue,
	countLetterAttempt,
	countLettersWaitingSince,
	letterToRender,
	markInterruptedDeliveries,
	strandedWork,
	markLetterFailed,
	markNotificationAttemptFailed,
	markNotificationSent,
	storeRenderedLetter
} from '../db/notifications';
import type { Database } from '../db/schema';
import { enqueue, QUEUES } from '../jobs/queue';
import { letterReference, renderPrintLetter } from '../letters/pdf';
import { PermanentDeliveryError, type Channels } from './channels';
import { deliveryJobOptions, notificationSettings, type NotificationSettings } from './settings';
import * as clock from '../clock';

export type DeliveryOutcome = 'sent' | 'nothing-due' | 'cancelled' | 'failed' | 'retry';

/**
 * How long a message waits after its `attempts`-th failed attempt: the first retry's delay, doubled
 * each time (NOTIFY_RETRY_DELAY_SECONDS; docs/DEPLOY.md). With the defaults (60 s, 6 attempts) a
 * message is tried at 0, 1, 3, 7, 15 and 31 minutes before it goes to the dead-letter list.
 */
export function retryDelaySeconds(settings: NotificationSettings, attempts: number): number {
	return settings.retryDelaySeconds * 2 ** Math.min(16, Math.max(0, attempts - 1));
}

/** Provider errors can quote the recipient's address: keep them out of the stored error. */
export function redactError(error: unknown): string {
	const text = error instanceof Error ? error.message : String(error);
	return text
		.replace(/[^\s<>"'@]+@[^\s<>"']+/g, '<address>')
		.replace(/\+?\d[\d ]{6,}\d/g, '<number>')
		.slice(0, 500);
}

/** The text of the e-mail or SMS: that there is news, how much, and where to read it. Nothing more. */
export function notificationText(
	channel: DigitalChannel,
	language: 'da' | 'en',
	count: number,
	url: string
): { subject: string; text: string } {
	const m = catalogues[language];
	if (channel === 'sms') {
		return {
			subject: m.ntEmailSubject,
			text: format(count === 1 ? m.ntSmsOne : m.ntSmsMany, { count, url })
		};
	}
	return {
		subject: m.ntEmailSubject,
		text: [
			format(count === 1 ? m.ntEmailOne : m.ntEmailMany, { count }),
			format(count === 1 ? m.ntEmailLink : m.ntEmailLinkMany, { url }),
			m.ntEmailFooter
		].join('\n\n')
	};
}

/**
 * Sends a citizen's due notifications on one channel as one message. A failed send is retried by
 * the message's own backoff ('retry'); an error outside the send (the database gone) throws, and
 * pg-boss retries the job.
 */
export async function deliverDue(
	db: Kysely<Database>,
	channels: Channels,
	job: { citizenId: string; channel: DigitalChannel },
	now: Date = clock.now(),
	settings: NotificationSettings = notificationSettings()
): Promise<DeliveryOutcome> {
	const claim = await db
		.transaction()
		.execute((trx) => claimDue(trx, job.citizenId, job.channel, now));
	if (!claim) return 'nothing-due';
	if ('notDueUntil' in claim) {
		// A job that came before the message is due by this process's clock (another node's or
		// the database's runs ahead): one job for when it is due, unless it was tried before and
		// its retry has a job of its own.
		if (!claim.tried) {
			const seconds = (claim.notDueUntil.getTime() - now.getTime()) / 1000;
			await enqueue(db, QUEUES.deliver, job, {
				...deliveryJobOptions(settings),
				startAfterSeconds: Math.ceil(seconds) + 1
			});
		}
		return 'nothing-due';
	}
	const { head, count } = claim;

	// The address as it is now: the citizen may have changed it, or turned the channel off.
	const contact = await citizenContact(db, job.citizenId);
	const to = job.channel === 'email' ? contact?.email : contact?.phone;
	const wanted = job.channel === 'email' ? contact?.notify_by_email : contact?.notify_by_sms;
	if (!contact || !to || !wanted) {
		await cancelNotification(db, head.id, 'The citizen no longer gets notifications here');
		return 'cancelled';
	}

	const channel = channels[job.channel];
	const { subject, text } = notificationText(
		job.channel,
		contact.preferred_language,
		count,
		settings.publicUrl
	);
	let result;
	try {
		result = await channel.send({ notificationId: head.id, to, subject, text });
	} catch (error) {
		const final = error instanceof PermanentDeliveryError || head.attempts >= settings.maxAttempts;
		const failed = { error: redactError(error), provider: channel.provider };
		if (final) {
			await markNotificationAttemptFailed(db, head.id, { ...failed, final: true });
			return 'failed';
		}
		// The message waits out its own backoff, and its next attempt has a job of its own (written
		// with it). Every other job of the citizen's meanwhile finds it not yet due: the attempts are
		// the message's, however many events join it while a provider is down.
		const delay = retryDelaySeconds(settings, head.attempts);
		await db.transaction().execute(async (trx) => {
			await markNotificationAttemptFailed(trx, head.id, {
				...failed,
				final: false,
				// From the claim, so that the job (written after the send) never comes before it.
				retryAt: new Date(now.getTime() + delay * 1000)
			});
			await enqueue(trx, QUEUES.deliver, job, {
				...deliveryJobOptions(settings),
				// A second more than the backoff, so that the job never comes before the message is due.
				startAfterSeconds: delay + 1
			});
		});
		return 'retry';
	}
	await markNotificationSent(db, head.id, { ...result, now: clock.now() });
	return 'sent';
}

/** Renders an analog citizen's letter into the print queue. Throws to ask for a retry. */
export async function renderLetter(
	db: Kysely<Database>,
	letterId: string,
	now: Date = clock.now(),
	settings: NotificationSettings = notificationSettings()
): Promise<'rendered' | 'nothing-due' | 'failed'> {
	const letter = await letterToRender(db, letterId);
	if (!letter || letter.status !== 'queued' || letter.delivery !== 'print_queue') {
		return 'nothing-due';
	}
	if (letter.address_protected) {
		// The print queue shows and exports the address: a protected one never goes there. Remote
		// print (LETTER_DELIVERY=sf1601) sends it to the print provider only.
		await db
			.transaction()
			.execute((trx) =>
				markLetterFailed(
					trx,
					letter.id,
					'The recipient has name and address protection: the letter cannot go through the print queue'
				)
			);
		return 'failed';
	}
	try {
		const rendered = await renderPrintLetter({
			reference: letterReference(letter.id),
			language: letter.language,
			recipientName: letter.recipient_name,
			recipientAddress: letter.recipient_address,
			subject: letter.subject,
			body: letter.body,
			date: letter.created_at,
			department: letter.departmentName
				? {
						name: localized(letter.language, letter.departmentName, letter.departmentNameEn),
						phone: letter.departmentPhone,
						email: letter.departmentEmail
					}
				: null,
			municipality: await getMunicipality(db)
		});
		await db
			.transaction()
			.execute((trx) => storeRenderedLetter(trx, letter.id, { ...rendered, now }));
		return 'rendered';
	} catch (error) {
		const attempts = await countLetterAttempt(db, letter.id);
		if (attempts >= settings.maxAttempts) {
			const reason = redactError(error);
			await db.transaction().execute((trx) => markLetterFailed(trx, letter.id, reason));
			return 'failed';
		}
		throw new Error(`Rendering letter ${letter.id} failed; it will be retried`, { cause: error });
	}
}

export interface SweepResult {
	interrupted: number;
	/** Deliveries (by citizen and channel) and letters given a job again: see resumeStranded. */
	resumed: number;
	lettersWaiting: number;
}

/**
 * A job fetched by a process that died before it claimed anything stays with pg-boss as active
 * until it expires (15 minutes), and its notification waits meanwhile. Work never tried, due for
 * longer than a send may take and with no job waiting for it gets a new job. A second job for the
 * same work finds nothing left to do (the claim in deliverDue, the 'queued' check in
 * renderLetter), so nothing is sent twice. Returns how many jobs it added.
 */
async function resumeStranded(
	db: Kysely<Database>,
	dueBefore: Date,
	settings: NotificationSettings
) {
	const { deliveries, letterIds } = await strandedWork(db, dueBefore);
	const options = deliveryJobOptions(settings);
	for (const { citizen_id: citizenId, channel } of deliveries) {
		await enqueue(db, QUEUES.deliver, { citizenId, channel }, options);
	}
	for (const letterId of letterIds) await enqueue(db, QUEUES.letter, { letterId }, options);
	return deliveries.length + letterIds.length;
}

/**
 * Upkeep: interrupted deliveries become 'uncertain'; stranded work gets a job again; letters
 * waiting too long are counted.
 */
export async function sweep(
	db: Kysely<Database>,
	now: Date = clock.now(),
	settings: NotificationSettings = notificationSettings()
): Promise<SweepResult> {
	const timedOut = new Date(now.getTime() - settings.sendingTimeoutSeconds * 1000);
	const interrupted = await markInterruptedDeliveries(db, timedOut);
	const resumed = await resumeStranded(db, timedOut, settings);
	const lettersWaiting = await countLettersWaitingSince(
		db,
		new Date(now.getTime() - settings.letterAlertHours * 3600_000)
	);
	return { interrupted: interrupted.length, resumed, lettersWaiting };
}

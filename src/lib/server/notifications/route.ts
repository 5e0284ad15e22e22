// Routing: every citizen-visible event becomes notifications by the citizen's choices,
// written in the event's own transaction together with the jobs that deliver them, so an event is
// never stored without its notifications, nor a notification without its event.
//
// - A digital citizen gets an e-mail and/or an SMS, as they chose in their settings. These carry no
//   personal details: only that there is news, and a link. Notifications within the bundling window
//   become one message (deliver.ts).
// - An analog citizen gets a letter for every event, meeting invitations included: the letter's
//   content in their language, with a citizen-visible timeline entry that later shows "sent by
//   post on <date>". It waits in the print queue, or with LETTER_DELIVERY=sf1601 goes by remote
//   print with the day's other letters (docs/DIGITAL-POST.md).
// - With LETTER_DELIVERY=sf1601 a digital citizen also gets decisions in Digital Post, and
//   representatives with full scope get a copy of every letter addressed to them.
// - Each (event, source, channel) has an idempotency key, so routing an event twice writes once.
import type { Transaction } from 'kysely';
import { catalogues, format, localized } from '../../i18n/all';
import { knownMunicipalityName } from '../admin/municipality';
import type { Locale } from '../../i18n/locale';
import type { DigitalChannel, LetterDelivery } from '../../domain';
import { citizenForRouting, insertNotification, insertQueuedLetter } from '../db/notifications';
import type { Database } from '../db/schema';
import { staffContact } from '../db/staff-meetings';
import { appendTimelineEntry } from '../db/timeline';
import { enqueue, QUEUES } from '../jobs/queue';
import { fullScopeRepresentatives, type PostKey } from '../db/postings';
import { digitalPostSettings, isUrgent, letterSendAfter } from '../digital-post/settings';
import { todayInDenmark } from '../../format';
import { deliveryJobOptions, notificationSettings } from './settings';
import * as clock from '../clock';

export type EventType =
	| 'meeting'
	| 'note'
	| 'decision'
	| 'status'
	| 'task'
	| 'message'
	| 'meeting_invite'
	| 'meeting_moved'
	| 'meeting_cancelled'
	| 'meeting_minutes'
	| 'consent'
	| 'plan';

export interface LetterContent {
	subject: string;
	body: string;
}

export interface CitizenEvent {
	citizenId: string;
	type: EventType;
	/** The id of what happened (an entry, a meeting change, a consent row): one event, one source. */
	sourceId: string;
	/** The journey it happened on, if any: the letter's timeline entry goes there. */
	journeyId: string | null;
	/** The citizen-visible timeline entry of the event, if any. */
	timelineEntryId?: string | null;
	/** The department that sends it (the letter's contact details); null for the municipality. */
	departmentId: string | null;
	authorStaffId?: string | null;
	/** What the letter says, in the citizen's language. */
	letter: (language: Locale) => LetterContent;
	/** A meeting's start: an invitation with short notice goes at once, not with the day's bundle. */
	meetingStartsAt?: Date | null;
}

export interface RoutedEvent {
	/** The queued letter when the citizen is analog, with the address it goes to. */
	letter: { id: string; address: string } | null;
	channels: DigitalChannel[];
}

/** Name and address lines of a letter's window: c/o, street, postcode and town. */
export function postalAddress(citizen: {
	co_name: string | null;
	address_line: string | null;
	postal_code: string | null;
	city: string | null;
}): string {
	return [
		citizen.co_name ? `c/o ${citizen.co_name}` : null,
		citizen.address_line,
		[citizen.postal_code, citizen.city].filter(Boolean).join(' ') || null
	]
		.filter((line): line is string => !!line)
		.join('\n');
}

/**
 * Routes one event to the citizen's channels, in the caller's transaction. Services record their
 * events through recordEvent (events/record.ts), which writes the entry and the audit rows with it.
 */
export async function notifyCitizen(
	trx: Transaction<Database>,
	event: CitizenEvent,
	now: Date = clock.now()
): Promise<RoutedEvent> {
	const citizen = await citizenForRouting(trx, event.citizenId);
	const key = `${event.type}:${event.sourceId}`;

	const post = digitalPostSettings();
	const viaSf1601 = post.mode === 'sf1601';

	if (citizen.analog) {
		const language = citizen.preferred_language;
		const content = event.letter(language);
		// A protected address is neither stored with the letter nor shown: remote print takes it
		// from the CPR register when the letter goes (digital-post/post.ts).
		const address = citizen.address_protected ? '' : postalAddress(citizen);
		const sendAfter = viaSf1601 ? letterSendAfter(now, post, isUrgent(event, now, post)) : null;
		const letter = await queueLetter(trx, event, now, {
			recipientCitizenId: null,
			content,
			language,
			recipientName: citizen.name,
			recipientAddress: address,
			addressProtected: citizen.address_protected,
			delivery: viaSf1601 ? 'remote_print' : 'print_queue',
			sendAfter,
			letterKey: `letter:${key}`,
			notificationKey: `${key}:letter`
		});
		if (!letter) return { letter: null, channels: [] };
		if (event.journeyId) {
			// The subject stays in the letter's language in both titles: it names the letter.
			await appendTimelineEntry(trx, {
				journey_id: event.journeyId,
				kind: 'letter',
				visibility: 'citizen',
				author_staff_id: event.authorStaffId ?? null,
				department_id: event.departmentId,
				title: format(catalogues.da.ntLetterEntryTitle, { subject: content.subject }),
				title_en: format(catalogues.en.ntLetterEntryTitle, { subject: content.subject }),
				body: catalogues.da.ntLetterEntryBody,
				body_en: catalogues.en.ntLetterEntryBody,
				occurred_at: now,
				letter_id: letter.id,
				idempotency_key: `letter-entry:${key}`
			});
		}
		if (sendAfter) {
			await enqueuePost(
				trx,
				{
					citizenId: citizen.id,
					recipientCitizenId: null,
					delivery: 'remote_print'
				},
				sendAfter,
				now
			);
			await copyToRepresentatives(trx, event, citizen.name, key, sendAfter, now);
		} else {
			await enqueue(trx, QUEUES.letter, { letterId: letter.id }, deliveryJobOptions());
		}
		return { letter: { id: letter.id, address }, channels: [] };
	}

	if (viaSf1601 && post.digitalPostEvents.has(event.type)) {
		// Letters and decisions reach a digital citizen's Digital Post too; the e-mail or SMS below
		// still says there is news. No bundling: Digital Post costs no postage.
		const language = citizen.preferred_language;
		const content = event.letter(language);
		const letter = await queueLetter(trx, event, now, {
			recipientCitizenId: null,
			content,
			language,
			recipientName: citizen.name,
			recipientAddress: '',
			addressProtected: citizen.address_protected,
			delivery: 'digital_post',
			sendAfter: now,
			letterKey: `digital-post:${key}`,
			notificationKey: `${key}:digital-post`
		});
		if (letter) {
			await enqueuePost(
				trx,
				{
					citizenId: citizen.id,
					recipientCitizenId: null,
					delivery: 'digital_post'
				},
				now,
				now
			);
			await copyToRepresentatives(trx, event, citizen.name, key, now, now);
		}
	}

	const channels: DigitalChannel[] = [];
	if (citizen.notify_by_email && citizen.email) channels.push('email');
	if (citizen.notify_by_sms && citizen.phone) channels.push('sms');
	const bundleSeconds = notificationSettings().bundleMinutes * 60;
	const sendAfter = new Date(now.getTime() + bundleSeconds * 1000);
	for (const channel of channels) {
		const row = await insertNotification(trx, {
			citizen_id: citizen.id,
			event_type: event.type,
			timeline_entry_id: event.timelineEntryId ?? null,
			journey_id: event.journeyId,
			channel,
			send_after: sendAfter,
			idempotency_key: `${key}:${channel}`,
			created_at: now
		});
		if (!row) continue;
		// One job per event: the first to run after the window sends the bundle, the rest find
		// nothing left to send.
		await enqueue(
			trx,
			QUEUES.deliver,
			{ citizenId: citizen.id, channel },
			{ ...deliveryJobOptions(), startAfterSeconds: bundleSeconds }
		);
	}
	return { letter: null, channels };
}

/**
 * A queued letter of the event and its notification row (channel 'letter'), by which its delivery
 * shows, and, failed, waits in the dead-letter list. Undefined when the event was routed before.
 */
async function queueLetter(
	trx: Transaction<Database>,
	event: CitizenEvent,
	now: Date,
	letter: {
		/** A representative the copy is addressed to; null for the citizen. */
		recipientCitizenId: string | null;
		content: LetterContent;
		language: Locale;
		recipientName: string;
		recipientAddress: string;
		addressProtected: boolean;
		delivery: LetterDelivery;
		sendAfter: Date | null;
		letterKey: string;
		notificationKey: string;
	}
) {
	const row = await insertQueuedLetter(trx, {
		citizen_id: event.citizenId,
		recipient_citizen_id: letter.recipientCitizenId,
		subject: letter.content.subject,
		body: letter.content.body,
		language: letter.language,
		recipient_name: letter.recipientName,
		recipient_address: letter.recipientAddress,
		address_protected: letter.addressProtected,
		status: 'queued',
		idempotency_key: letter.letterKey,
		event_type: event.type,
		department_id: event.departmentId,
		journey_id: event.journeyId,
		timeline_entry_id: event.timelineEntryId ?? null,
		delivery: letter.delivery,
		send_after: letter.sendAfter,
		created_at: now
	});
	if (!row) return undefined;
	await insertNotification(trx, {
		citizen_id: event.citizenId,
		event_type: event.type,
		timeline_entry_id: event.timelineEntryId ?? null,
		journey_id: event.journeyId,
		channel: 'letter',
		letter_id: row.id,
		send_after: letter.sendAfter ?? now,
		idempotency_key: letter.notificationKey,
		created_at: now
	});
	return row;
}

/** A post job for when the recipient's letters may go (pg-boss counts from the database's now). */
async function enqueuePost(trx: Transaction<Database>, key: PostKey, sendAfter: Date, now: Date) {
	const seconds = Math.max(0, Math.ceil((sendAfter.getTime() - now.getTime()) / 1000));
	await enqueue(trx, QUEUES.post, key, {
		...deliveryJobOptions(),
		startAfterSeconds: seconds > 0 ? seconds + 1 : 0
	});
}

/**
 * A copy of the letter to each representative with full scope (partsrepræsentation): addressed
 * to them, in their language, by Digital Post to their own CPR number, or by remote print when
 * they get their post on paper. Bundled with their other letters of the day.
 */
async function copyToRepresentatives(
	trx: Transaction<Database>,
	event: CitizenEvent,
	citizenName: string,
	key: string,
	sendAfter: Date,
	now: Date
) {
	const representatives = await fullScopeRepresentatives(
		trx,
		event.citizenId,
		event.departmentId,
		todayInDenmark(now)
	);
	for (const representative of representatives) {
		const language = representative.preferred_language;
		const content = event.letter(language);
		const delivery = representative.analog ? 'remote_print' : 'digital_post';
		const copy = await queueLetter(trx, event, now, {
			recipientCitizenId: representative.id,
			content: {
				subject: format(catalogues[language].dpCopySubject, { subject: content.subject }),
				body: [
					format(catalogues[language].dpCopyIntro, {
						name: representative.name,
						citizen: citizenName
					}),
					content.body
				].join('\n\n')
			},
			language,
			recipientName: representative.name,
			recipientAddress: '',
			addressProtected: representative.address_protected,
			delivery,
			sendAfter,
			letterKey: `copy:${representative.id}:${key}`,
			notificationKey: `${key}:copy:${representative.id}`
		});
		if (!copy) continue;
		await enqueuePost(
			trx,
			{ citizenId: event.citizenId, recipientCitizenId: representative.id, delivery },
			sendAfter,
			now
		);
	}
}

/** Who signs a letter: the member of staff and their department, as staffContact returns them. */
export type LetterSender = Awaited<ReturnType<typeof staffContact>> | null;

/**
 * The letter about a timeline entry: greeting, what happened, the entry's text, whom to call, and
 * the signature of the member of staff (or the municipality when the citizen acted themselves).
 */
export function entryLetter(
	entry: { title: string; title_en: string | null; body: string; body_en: string | null },
	citizenName: string,
	sender: LetterSender
) {
	return (language: Locale): LetterContent => {
		const m = catalogues[language];
		const title = language === 'en' && entry.title_en ? entry.title_en : entry.title;
		const body = language === 'en' && entry.body_en ? entry.body_en : entry.body;
		const phone = sender?.phone ?? sender?.departmentPhone ?? null;
		const department = sender?.departmentName
			? localized(language, sender.departmentName, sender.departmentNameEn)
			: null;
		const signature = sender
			? [sender.name, department].filter(Boolean).join(', ')
			: knownMunicipalityName();
		return {
			subject: title,
			body: [
				format(m.ntLetterGreeting, { name: citizenName }),
				m.ntLetterIntro,
				[title, body].filter((p) => p.trim() !== '').join('\n\n'),
				phone ? format(m.ntLetterCall, { phone }) : m.ntLetterCallUs,
				format(m.ntLetterClosing, { sender: signature })
			].join('\n\n')
		};
	};
}

// Sending letters through SF1601 (docs/DIGITAL-POST.md): what the 'digital-post' job does.
//
// Exactly one letter reaches the recipient per posting, however often a job runs and wherever a
// process dies:
// 1. A recipient's due letters become one posting in one transaction: a row whose id is the MeMo
//    messageUUID, its letters moved from 'queued' to 'sending', claimed by this worker. A second job
//    for the same recipient finds nothing queued.
// 2. The posting's PDF is rendered and stored before the first request, so every attempt sends
//    the same message under the same messageUUID.
// 3. The request; then the record ('sent' with the transaction id). A worker that dies between the
//    two leaves the posting 'sending' with a claim that runs out; the sweep gives it a job again and
//    the repeated request carries the same messageUUID, which the service takes as the message it
//    already has, not a second letter.
// A temporary failure (5xx, a timeout, the network) waits out the posting's own backoff and tries
// again; a refusal (4xx), a missing address or the last attempt fails the posting and its letters,
// which go on the dead-letter list with the reason and become a task for the coordinator.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { catalogues, format, localized } from '../../i18n/all';
import type { Locale } from '../../i18n/locale';
import { todayInDenmark } from '../../format';
import { getMunicipality } from '../admin/municipality';
import {
	claimLettersToPost,
	claimPosting,
	insertPosting,
	markPostingFailed,
	markPostingRetry,
	markPostingSent,
	insertStaffTask,
	postingLetters,
	postingPdf,
	postingToSend,
	storePostingPdf,
	strandedPosts,
	type PostKey
} from '../db/postings';
import { findReturnAssignee } from '../db/print-queue';
import { appendTimelineEntry } from '../db/timeline';
import type { Database } from '../db/schema';
import { enqueue, QUEUES } from '../jobs/queue';
import { addWorkingDays } from '../letters/print-queue';
import { letterReference, renderPrintLetter } from '../letters/pdf';
import { PermanentDeliveryError } from '../notifications/channels';
import { redactError, retryDelaySeconds } from '../notifications/deliver';
import {
	deliveryJobOptions,
	notificationSettings,
	type NotificationSettings
} from '../notifications/settings';
import type { KombiValgKode, MemoMessage, PrintRecipient } from './memo';
import { addressLines, NoAddressError, type AddressSource, type PostalAddress } from './address';
import type { DigitalPostSettings } from './settings';
import * as clock from '../clock';

/** One SF1601 request as the sender makes it. */
export interface PostRequest {
	kombi: KombiValgKode;
	memo: MemoMessage;
	/** Remote print: where the print provider sends the letter. */
	print?: { cpr: string; recipient: PrintRecipient; pdf: Uint8Array; reference: string };
}

/**
 * Sends one request. Throws PermanentDeliveryError when the service refuses it (no retry can
 * help), any other error for a failure worth another attempt.
 */
export interface PostSender {
	readonly provider: string;
	send(request: PostRequest): Promise<{ transactionId: string }>;
}

export interface PostDeps {
	sender: PostSender;
	addresses: AddressSource;
	settings: DigitalPostSettings;
	/** The recipient's CPR number from its stored, encrypted form: read only for the request. */
	decryptCpr: (stored: string) => string;
	notify?: NotificationSettings;
}

export type PostOutcome = 'sent' | 'nothing-due' | 'retry' | 'failed';

export type PostJob = PostKey | { postingId: string };

/** What the 'digital-post' job does with its data. */
export async function runPostJob(
	db: Kysely<Database>,
	deps: PostDeps,
	job: PostJob,
	now: Date = clock.now()
): Promise<PostOutcome> {
	if ('postingId' in job) return sendPosting(db, deps, job.postingId, now);
	return postDue(db, deps, job, now);
}

/** The recipient's due letters as one new posting, sent at once. */
export async function postDue(
	db: Kysely<Database>,
	deps: PostDeps,
	key: PostKey,
	now: Date = clock.now()
): Promise<PostOutcome> {
	const settings = deps.notify ?? notificationSettings();
	const created = await db.transaction().execute(async (trx) => {
		const claim = await claimLettersToPost(trx, key, now);
		if (claim.letters.length === 0) return { postingId: null, notDueUntil: claim.notDueUntil };
		const recipientId = key.recipientCitizenId ?? key.citizenId;
		const language = claim.letters[0]!.language;
		const postingId = randomUUID();
		await insertPosting(
			trx,
			{
				id: postingId,
				citizen_id: key.citizenId,
				recipient_citizen_id: recipientId,
				delivery: key.delivery,
				kombi:
					key.delivery === 'remote_print'
						? 'Fysisk Post'
						: deps.settings.digitalChoice === 'automatic'
							? 'Automatisk Valg'
							: 'Digital Post',
				subject:
					claim.letters.length === 1
						? claim.letters[0]!.subject
						: format(catalogues[language].dpBundleSubject, { count: claim.letters.length }),
				language,
				letter_count: claim.letters.length,
				claimed_until: new Date(now.getTime() + settings.sendingTimeoutSeconds * 1000),
				created_at: now
			},
			claim.letters.map((l) => l.id)
		);
		return { postingId, notDueUntil: null };
	});
	if (!created.postingId) {
		// A job that came before its letters may go (another node's clock runs ahead): one more
		// for when they may.
		if (created.notDueUntil) {
			const seconds = Math.ceil((created.notDueUntil.getTime() - now.getTime()) / 1000);
			await enqueue(db, QUEUES.post, key, {
				...deliveryJobOptions(settings),
				startAfterSeconds: Math.max(1, seconds + 1)
			});
		}
		return 'nothing-due';
	}
	return attempt(db, deps, created.postingId, now, settings);
}

/** Another attempt at a posting (a retry, or one whose worker died): only when it is due. */
export async function sendPosting(
	db: Kysely<Database>,
	deps: PostDeps,
	postingId: string,
	now: Date = clock.now()
): Promise<PostOutcome> {
	const settings = deps.notify ?? notificationSettings();
	const until = new Date(now.getTime() + settings.sendingTimeoutSeconds * 1000);
	const claimed = await claimPosting(db, postingId, now, until);
	if (!claimed) return 'nothing-due';
	return attempt(db, deps, postingId, now, settings);
}

async function attempt(
	db: Kysely<Database>,
	deps: PostDeps,
	postingId: string,
	now: Date,
	settings: NotificationSettings
): Promise<PostOutcome> {
	const posting = await postingToSend(db, postingId);
	const letters = await postingLetters(db, postingId);
	const cpr = () => deps.decryptCpr(posting.recipientCpr);
	let result: { transactionId: string };
	try {
		let address: PostalAddress | null = null;
		// Remote print needs the address; so does Automatisk Valg, which falls back to it.
		if (posting.kombi !== 'Digital Post') {
			address = await deps.addresses.lookup({ id: posting.recipientId, cpr });
		}
		let pdf = posting.pdf;
		if (!pdf) {
			const rendered = await renderPosting(db, posting, letters, address);
			await storePostingPdf(db, postingId, rendered);
			// Another attempt may have stored one first: send what is stored.
			pdf = (await postingPdf(db, postingId)) ?? rendered.pdf;
		}
		// The first letter's reference, printed on the letter: a letter the post returns is found by
		// it on /staff/post/retur (the print queue's lookup).
		const reference = postingReference(letters, postingId);
		const municipality = await getMunicipality(db);
		const recipientCpr = cpr();
		const request: PostRequest = {
			kombi: posting.kombi,
			memo: {
				messageUuid: postingId,
				messageId: reference,
				label: posting.subject.slice(0, 150),
				mandatory: false,
				legalNotification: false,
				postType: 'MYNDIGHEDSPOST',
				sender: { cvr: deps.settings.senderCvr, label: municipality.name },
				recipient: { cpr: recipientCpr, label: posting.recipientName },
				// The posting's own time, not the attempt's: every attempt is the same message.
				createdAt: posting.created_at,
				mainDocument: {
					id: reference,
					label: posting.subject.slice(0, 150),
					files: [
						{
							filename: `brev-${reference}.pdf`,
							language: posting.language,
							encodingFormat: 'application/pdf',
							content: pdf
						}
					]
				}
			},
			print: address
				? {
						cpr: recipientCpr,
						reference,
						pdf,
						recipient: {
							name: address.name,
							co: address.co,
							street: address.street,
							postcode: address.postcode,
							city: address.city,
							country: 'DK'
						}
					}
				: undefined
		};
		result = await deps.sender.send(request);
	} catch (error) {
		const reason = redactError(error);
		const final =
			error instanceof PermanentDeliveryError ||
			error instanceof NoAddressError ||
			posting.attempts + 1 >= settings.maxAttempts;
		if (final) {
			await db.transaction().execute(async (trx) => {
				if (await markPostingFailed(trx, postingId, reason)) {
					await failureTask(trx, posting, letters, reason, now);
				}
			});
			return 'failed';
		}
		const delay = retryDelaySeconds(settings, posting.attempts + 1);
		await db.transaction().execute(async (trx) => {
			await markPostingRetry(trx, postingId, {
				error: reason,
				retryAt: new Date(now.getTime() + delay * 1000)
			});
			await enqueue(
				trx,
				QUEUES.post,
				{ postingId },
				{
					...deliveryJobOptions(settings),
					startAfterSeconds: delay + 1
				}
			);
		});
		return 'retry';
	}
	// Recorded outside the attempt's error handling: a database that fails here throws, pg-boss
	// retries the job, and a repeat of the request is the same message (the claim runs out first).
	await db.transaction().execute((trx) =>
		markPostingSent(trx, postingId, {
			...result,
			now: clock.now(),
			provider: deps.sender.provider
		})
	);
	return 'sent';
}

/** The reference a posting carries: its first letter's (the posting's own if it has none). */
function postingReference(letters: readonly { id: string }[], postingId?: string): string {
	return letterReference(letters[0]?.id ?? postingId ?? '');
}

type PostingRow = {
	id: string;
	citizen_id: string;
	delivery: 'remote_print' | 'digital_post';
	subject: string;
	language: Locale;
	recipientId: string;
	recipientName: string;
	created_at: Date;
};
type PostingLetter = Awaited<ReturnType<typeof postingLetters>>[number];

/**
 * The posting's PDF: one letter as it is, or several as one letter whose text lists them, each
 * after it as a section. The window shows the address, except for a recipient with name and
 * address protection, whose address only the print provider gets, and in Digital Post, which
 * needs none.
 */
async function renderPosting(
	db: Kysely<Database>,
	posting: PostingRow,
	letters: readonly PostingLetter[],
	address: PostalAddress | null
) {
	const language = posting.language;
	const m = catalogues[language];
	const first = letters[0];
	const department =
		first?.departmentName && letters.every((l) => l.department_id === first.department_id)
			? {
					name: localized(language, first.departmentName, first.departmentNameEn),
					phone: first.departmentPhone,
					email: first.departmentEmail
				}
			: null;
	const bundled = letters.length > 1;
	return renderPrintLetter({
		reference: postingReference(letters),
		language,
		recipientName: posting.recipientName,
		recipientAddress: address && !address.protected ? addressLines(address).join('\n') : '',
		subject: posting.subject,
		body: bundled
			? [
					format(m.dpBundleIntro, { count: letters.length }),
					letters.map((l, i) => `${i + 1}. ${l.subject}`).join('\n')
				].join('\n\n')
			: (first?.body ?? ''),
		sections: bundled
			? letters.map((l, i) => ({ heading: `${i + 1}. ${l.subject}`, lines: l.body.split('\n') }))
			: undefined,
		date: posting.created_at,
		department,
		municipality: await getMunicipality(db)
	});
}

/**
 * A posting that failed: a task for the coordinator (or the caseworker, as for a returned letter)
 * to reach the citizen another way, due in two working days, and a staff-only entry on the journey.
 */
async function failureTask(
	trx: Transaction<Database>,
	posting: PostingRow,
	letters: readonly PostingLetter[],
	reason: string,
	now: Date
) {
	const first = letters[0];
	const journeyId = letters.find((l) => l.journey_id)?.journey_id ?? null;
	const assignee = await findReturnAssignee(trx, {
		citizenId: posting.citizen_id,
		journeyId,
		departmentId: first?.department_id ?? null
	});
	const values = {
		reference: postingReference(letters),
		subject: posting.subject,
		reason,
		recipient: posting.recipientName
	};
	const da = catalogues.da;
	const en = catalogues.en;
	if (assignee) {
		await insertStaffTask(trx, {
			citizen_id: posting.citizen_id,
			journey_id: journeyId,
			assignee: 'staff',
			assigned_staff_id: assignee.id,
			title: da.dpTaskTitle,
			title_en: en.dpTaskTitle,
			description: format(da.dpTaskDescription, values),
			due_date: addWorkingDays(todayInDenmark(now), 2),
			created_at: now
		});
	}
	if (journeyId) {
		await appendTimelineEntry(trx, {
			journey_id: journeyId,
			kind: 'letter',
			visibility: 'staff',
			department_id: first?.department_id ?? null,
			title: format(da.dpFailedEntryTitle, values),
			title_en: format(en.dpFailedEntryTitle, values),
			body: format(da.dpFailedEntryBody, values),
			body_en: format(en.dpFailedEntryBody, values),
			occurred_at: now,
			created_at: now
		});
	}
}

/**
 * The sweep's part: postings whose worker died and recipients whose job is gone get a job again
 * (db/postings.ts strandedPosts). Returns how many jobs it added.
 */
export async function resumeStrandedPosts(
	db: Kysely<Database>,
	now: Date,
	settings: NotificationSettings = notificationSettings()
): Promise<number> {
	const dueBefore = new Date(now.getTime() - settings.sendingTimeoutSeconds * 1000);
	const { postingIds, keys } = await strandedPosts(db, now, dueBefore);
	const options = deliveryJobOptions(settings);
	for (const postingId of postingIds) await enqueue(db, QUEUES.post, { postingId }, options);
	for (const key of keys) await enqueue(db, QUEUES.post, key, options);
	return postingIds.length + keys.length;
}

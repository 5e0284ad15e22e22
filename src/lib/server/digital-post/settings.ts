// How letters leave Sammen, by environment (docs/DIGITAL-POST.md, docs/DEPLOY.md):
// - LETTER_DELIVERY=print-queue (the default): letters to analog citizens wait in the print queue
//   for an administrator to export by hand (/staff/post), as before;
// - LETTER_DELIVERY=sf1601: letters go through Serviceplatformen SF1601, as remote print to analog
//   citizens and as Digital Post (decisions) to digital citizens, with copies to representatives.
import { copenhagenInstant } from '../seed/demo-time';
import { todayInDenmark } from '../../format';
import { addWorkingDays } from '../letters/print-queue';

function env(source: Record<string, string | undefined>, name: string): string | undefined {
	const value = source[name];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export type LetterDeliveryMode = 'print-queue' | 'sf1601';

export interface DigitalPostSettings {
	mode: LetterDeliveryMode;
	/** The municipality's CVR number: the sender of every MeMo message (MUNICIPALITY_CVR). */
	senderCvr: string;
	/**
	 * Letters to one recipient are bundled over the working day and go at this Danish time
	 * (LETTER_BUNDLE_CUTOFF, "15:00"); 'none' sends each letter at once.
	 */
	bundleCutoff: { hour: number; minute: number } | null;
	/** Meeting invitations with less notice than this many days go at once (LETTER_URGENT_DAYS, 5). */
	urgentDays: number;
	/** Event types a digital citizen also gets as Digital Post (DIGITAL_POST_EVENTS, "decision"). */
	digitalPostEvents: ReadonlySet<string>;
	/**
	 * SF1601's channel choice for letters to digital recipients (DIGITAL_POST_CHOICE): 'digital-post'
	 * (Digital Post only) or 'automatic' (Automatisk Valg: remote print when the recipient turns out
	 * not to be registered for Digital Post, which needs their address too).
	 */
	digitalChoice: 'digital-post' | 'automatic';
	/** Where addresses come from: the stored address or the CPR register (ADDRESS_SOURCE). */
	addressSource: 'stored' | 'sf1520';
	/**
	 * The service agreement's ids from KOMBIT's administration module (SF1601_SERVICE_AGREEMENT_UUID,
	 * SF1601_USER_SYSTEM_UUID, SF1601_USER_UUID): logged at start so that operators can match the
	 * running system to its agreement. The token flow itself does not send them: the STS finds the
	 * agreement from the certificate, the CVR number and the service (docs/DIGITAL-POST.md).
	 */
	agreement: {
		serviceAgreementUuid: string | null;
		userSystemUuid: string | null;
		userUuid: string | null;
	};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuid(source: Record<string, string | undefined>, name: string): string | null {
	const value = env(source, name);
	if (value === undefined) return null;
	if (!UUID.test(value)) throw new Error(`${name} must be a UUID`);
	return value.toLowerCase();
}

const CUTOFF = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function digitalPostSettings(
	source: Record<string, string | undefined> = process.env
): DigitalPostSettings {
	const mode = env(source, 'LETTER_DELIVERY') ?? 'print-queue';
	if (mode !== 'print-queue' && mode !== 'sf1601') {
		throw new Error(`LETTER_DELIVERY must be print-queue or sf1601, not ${mode}`);
	}
	const cutoff = env(source, 'LETTER_BUNDLE_CUTOFF') ?? '15:00';
	const match = CUTOFF.exec(cutoff);
	if (cutoff !== 'none' && !match) {
		throw new Error('LETTER_BUNDLE_CUTOFF must be a time of day as HH:MM, or none');
	}
	const urgent = Number(env(source, 'LETTER_URGENT_DAYS') ?? '5');
	if (!Number.isInteger(urgent) || urgent < 0) {
		throw new Error('LETTER_URGENT_DAYS must be a whole number of days, 0 or more');
	}
	const addressSource = env(source, 'ADDRESS_SOURCE') ?? 'stored';
	if (addressSource !== 'stored' && addressSource !== 'sf1520') {
		throw new Error(`ADDRESS_SOURCE must be stored or sf1520, not ${addressSource}`);
	}
	const choice = env(source, 'DIGITAL_POST_CHOICE') ?? 'digital-post';
	if (choice !== 'digital-post' && choice !== 'automatic') {
		throw new Error(`DIGITAL_POST_CHOICE must be digital-post or automatic, not ${choice}`);
	}
	const cvr = env(source, 'MUNICIPALITY_CVR') ?? '12345678';
	if (!/^\d{8}$/.test(cvr)) throw new Error('MUNICIPALITY_CVR must be 8 digits');
	return {
		mode,
		senderCvr: cvr,
		bundleCutoff: match ? { hour: Number(match[1]), minute: Number(match[2]) } : null,
		urgentDays: urgent,
		digitalPostEvents: new Set(
			(env(source, 'DIGITAL_POST_EVENTS') ?? 'decision')
				.split(',')
				.map((type) => type.trim())
				.filter(Boolean)
		),
		digitalChoice: choice,
		addressSource,
		agreement: {
			serviceAgreementUuid: uuid(source, 'SF1601_SERVICE_AGREEMENT_UUID'),
			userSystemUuid: uuid(source, 'SF1601_USER_SYSTEM_UUID'),
			userUuid: uuid(source, 'SF1601_USER_UUID')
		}
	};
}

/**
 * When a letter written at `now` may go: at the cut-off of the working day (Monday to Friday) it
 * is written on, or of the next working day when it is written after the cut-off or at a weekend,
 * so that one recipient's letters of a day go as one; at once when it is urgent or bundling is off.
 */
export function letterSendAfter(
	now: Date,
	settings: Pick<DigitalPostSettings, 'bundleCutoff'>,
	urgent = false
): Date {
	const cutoff = settings.bundleCutoff;
	if (urgent || !cutoff) return now;
	const today = todayInDenmark(now);
	const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
	const at = (day: string) => {
		const [year, month, date] = day.split('-').map(Number) as [number, number, number];
		return copenhagenInstant({ year, month, day: date }, cutoff.hour, cutoff.minute);
	};
	if (weekday !== 0 && weekday !== 6) {
		const todays = at(today);
		if (now.getTime() < todays.getTime()) return todays;
	}
	return at(addWorkingDays(today, 1));
}

/** A meeting invitation with less notice than `urgentDays` goes at once. */
export function isUrgent(
	event: { type: string; meetingStartsAt?: Date | null },
	now: Date,
	settings: Pick<DigitalPostSettings, 'urgentDays'>
): boolean {
	if (!event.meetingStartsAt) return false;
	if (!['meeting_invite', 'meeting_moved', 'meeting_cancelled'].includes(event.type)) return false;
	return event.meetingStartsAt.getTime() - now.getTime() < settings.urgentDays * 86_400_000;
}

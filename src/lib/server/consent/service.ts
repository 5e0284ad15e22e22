// Giving and withdrawing consent: from the citizen portal, and recorded by staff on the citizen's
// behalf when it was given on paper, at a meeting or by phone. One change is one transaction: the
// consent row, then through recordEvent (events/record.ts) a timeline entry on every open journey
// the department takes part in (so the staff see it where they work), the audit row and the
// citizen's receipt. Withdrawal and giving are the same one step.
import { catalogues, format } from '../../i18n/all';
import {
	insertConsent,
	latestConsent,
	lockCitizenForConsent,
	openJourneyIdsWithDepartment,
	type Consent
} from '../db/consents';
import type { Database } from '../db/schema';
import type { ConsentAction, ConsentChannel } from '../../domain';
import type { EventActor, StaffPurpose } from '../events/actor';
import { recordEvent } from '../events/record';
import { entryLetter } from '../notifications/route';
import type { Kysely, Transaction } from 'kysely';
import { portalActor, type PortalContext } from '../access/portal';
import type { StaffActor } from '../access/staff';

export type ConsentChange =
	| { changed: true; consent: Consent; journeyIds: string[] }
	| { changed: false; consent: Consent | null };

/** The timeline entry's title and body, in Danish and English, naming who did what. */
export function consentEntryTexts(
	action: ConsentAction,
	names: { actor: string; citizen: string; representing: boolean },
	department: { name: string; nameEn: string }
) {
	const texts = (locale: 'da' | 'en', departmentName: string) => {
		const m = catalogues[locale];
		const key =
			action === 'granted'
				? names.representing
					? m.consentEntryGrantedFor
					: m.consentEntryGranted
				: names.representing
					? m.consentEntryWithdrawnFor
					: m.consentEntryWithdrawn;
		const values = { actor: names.actor, citizen: names.citizen, department: departmentName };
		const body = action === 'granted' ? m.consentEntryBodyGranted : m.consentEntryBodyWithdrawn;
		return { title: format(key, values), body: format(body, values) };
	};
	const da = texts('da', department.name);
	const en = texts('en', department.nameEn);
	return { title: da.title, title_en: en.title, body: da.body, body_en: en.body };
}

/**
 * Records the citizen's (or their full representative's) decision for one department. Giving
 * what is already given, or withdrawing what is not given, changes nothing and writes nothing.
 * The caller has checked that the department is one the citizen can decide about
 * (consentDepartments) and that the person may act (requireMayAct).
 */
export async function changeConsent(
	context: PortalContext,
	department: { id: string; name: string; nameEn: string },
	action: ConsentAction
): Promise<ConsentChange> {
	if (!context.scope.mayAct) throw new Error('A read-only representation cannot change consent');
	return context.db.transaction().execute((trx) =>
		writeConsentChange(trx, {
			citizen: context.subject,
			department,
			action,
			channel: 'portal',
			recordedBy: { citizenId: context.actor.id, staffId: null },
			// The person who clicked: the representative when someone acts for the citizen.
			texts: {
				actor: context.actor.name,
				citizen: context.subject.name,
				representing: context.scope.representing
			},
			witness: null,
			note: null,
			actor: portalActor(context),
			purpose: undefined
		})
	);
}

/** What the consent row, the timeline entries and the audit row need, whoever records the change. */
interface ConsentWrite {
	citizen: { id: string; name: string };
	department: { id: string; name: string; nameEn: string };
	action: ConsentAction;
	channel: ConsentChannel;
	recordedBy: { citizenId: string | null; staffId: string | null };
	texts: { actor: string; citizen: string; representing: boolean };
	witness: string | null;
	note: string | null;
	/** Who records it, for the audit rows; a member of staff with their purpose. */
	actor: EventActor;
	purpose: StaffPurpose | undefined;
}

/** The one step, shared by the portal and the staff workspace, inside the caller's transaction. */
async function writeConsentChange(
	trx: Transaction<Database>,
	write: ConsentWrite
): Promise<ConsentChange> {
	const citizenId = write.citizen.id;
	const { department, action } = write;
	await lockCitizenForConsent(trx, citizenId);
	const current = await latestConsent(trx, citizenId, department.id);
	const inForce = current?.action === 'granted';
	if ((action === 'granted') === inForce) return { changed: false, consent: current ?? null };

	const consent = await insertConsent(trx, {
		citizen_id: citizenId,
		department_id: department.id,
		action,
		channel: write.channel,
		recorded_by_citizen_id: write.recordedBy.citizenId,
		recorded_by_staff_id: write.recordedBy.staffId,
		witness: write.witness,
		note: write.note
	});
	const texts = consentEntryTexts(action, write.texts, department);
	const journeyIds = await openJourneyIdsWithDepartment(trx, citizenId, department.id);
	// The receipt: one per change, by the citizen's channels (a letter for an analog citizen), also
	// when no open journey shows the change.
	await recordEvent(
		trx,
		write.actor,
		{
			citizenId,
			type: 'consent',
			entries: journeyIds.map((journeyId) => ({
				journey_id: journeyId,
				kind: 'consent' as const,
				visibility: 'citizen' as const,
				author_citizen_id: write.recordedBy.citizenId,
				author_staff_id: write.recordedBy.staffId,
				department_id: department.id,
				...texts,
				occurred_at: consent.occurred_at,
				idempotency_key: `consent:${consent.id}:${journeyId}`
			})),
			object: { action: 'create', type: 'consent', id: consent.id },
			purpose: write.purpose,
			sourceId: consent.id,
			departmentId: department.id,
			authorStaffId: write.recordedBy.staffId,
			letter: ({ sender }) =>
				entryLetter({ ...texts, body_en: texts.body_en ?? null }, write.citizen.name, sender)
		},
		consent.occurred_at
	);
	return { changed: true, consent, journeyIds };
}

/** A consent given or withdrawn outside Sammen (on paper, at a meeting, by phone). */
export interface StaffConsentRecord {
	action: ConsentAction;
	channel: Exclude<ConsentChannel, 'portal'>;
	/** Who else witnessed it; required for meetings and phone calls (validated by the caller). */
	witness: string | null;
	note: string | null;
}

/**
 * Records, on the citizen's behalf, a decision the citizen made outside the portal: the same consent
 * row, timeline entries and audit row as the portal writes, with the member of staff as recorder.
 * The timeline says the citizen gave or withdrew it: the decision is theirs.
 */
export async function recordConsentForCitizen(
	db: Kysely<Database>,
	actor: StaffActor,
	citizen: { id: string; name: string },
	department: { id: string; name: string; nameEn: string },
	record: StaffConsentRecord,
	purpose: StaffPurpose
): Promise<ConsentChange> {
	return db.transaction().execute((trx) =>
		writeConsentChange(trx, {
			citizen,
			department,
			action: record.action,
			channel: record.channel,
			recordedBy: { citizenId: null, staffId: actor.staffId },
			texts: { actor: citizen.name, citizen: citizen.name, representing: false },
			witness: record.witness,
			note: record.note,
			actor,
			purpose
		})
	);
}

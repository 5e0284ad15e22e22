// Giving and withdrawing consent from the citizen portal. One change is one transaction: the
// consent row, a timeline entry on every open journey the department takes part in (so the staff
// see it where they work), and the audit row. Withdrawal and giving are the same one step.
import { catalogues, format } from '../../i18n/messages';
import { recordAuditEvent } from '../db/audit';
import {
	insertConsent,
	latestConsent,
	lockCitizenForConsent,
	openJourneyIdsWithDepartment,
	type Consent
} from '../db/consents';
import type { ConsentAction } from '../db/schema';
import { appendTimelineEntry } from '../db/timeline';
import { auditActor, type PortalContext } from '../portal/context';

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
	const citizenId = context.subject.id;
	return context.db.transaction().execute(async (trx) => {
		await lockCitizenForConsent(trx, citizenId);
		const current = await latestConsent(trx, citizenId, department.id);
		const inForce = current?.action === 'granted';
		if ((action === 'granted') === inForce) return { changed: false, consent: current ?? null };

		const consent = await insertConsent(trx, {
			citizen_id: citizenId,
			department_id: department.id,
			action,
			channel: 'portal',
			// The person who clicked: the representative when someone acts for the citizen.
			recorded_by_citizen_id: context.actor.id,
			recorded_by_staff_id: null,
			witness: null,
			note: null
		});
		const texts = consentEntryTexts(
			action,
			{
				actor: context.actor.name,
				citizen: context.subject.name,
				representing: context.scope.representing
			},
			department
		);
		const journeyIds = await openJourneyIdsWithDepartment(trx, citizenId, department.id);
		for (const journeyId of journeyIds) {
			await appendTimelineEntry(trx, {
				journey_id: journeyId,
				kind: 'consent',
				visibility: 'citizen',
				author_citizen_id: context.actor.id,
				author_staff_id: null,
				department_id: department.id,
				...texts,
				occurred_at: consent.occurred_at,
				idempotency_key: `consent:${consent.id}:${journeyId}`
			});
		}
		await recordAuditEvent(trx, {
			...auditActor(context),
			action: 'create',
			object_type: 'consent',
			object_id: consent.id,
			purpose: null
		});
		return { changed: true, consent, journeyIds };
	});
}

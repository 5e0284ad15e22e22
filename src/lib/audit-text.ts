// An audit row in the citizen's words: who (a department, a representative by name, Sammen
// itself), what ("læste dit forløb") and why (the purpose staff gave). Used by /indsigt and by the
// printable "my data" page. The trail stores codes (action, object_type); a code this module does
// not know becomes a general text, never the code itself.
import { format, localized } from './i18n/format';
import type { PortalKey, PortalMessages } from './i18n/portal';
import type { Locale } from './i18n/locale';
import type { AuditAction, AuditActorType, StaffRole } from './domain';

export interface AuditRowForText {
	actorType: AuditActorType;
	action: AuditAction;
	objectType: string;
	purpose: string | null;
	department: { name: string; nameEn: string } | null;
	staffName: string | null;
	staffRole: StaffRole | null;
	representativeName: string | null;
}

/** The object types the portal and the staff side write, with their synonyms. */
const OBJECTS = new Map<string, PortalKey>(
	Object.entries({
		journey: 'insightObjectJourney',
		case: 'insightObjectCase',
		meeting: 'insightObjectMeeting',
		meeting_response: 'insightObjectMeeting',
		meeting_ics: 'insightObjectMeeting',
		calendar: 'insightObjectMeeting',
		task: 'insightObjectTask',
		message: 'insightObjectMessage',
		messages: 'insightObjectMessage',
		message_thread: 'insightObjectMessage',
		conversation: 'insightObjectMessage',
		letter: 'insightObjectLetter',
		print_batch: 'insightObjectLetter',
		print_queue: 'insightObjectLetter',
		notification: 'insightObjectNotification',
		demo_outbox: 'insightObjectNotification',
		document: 'insightObjectDocument',
		documents: 'insightObjectDocument',
		decision: 'insightObjectDocument',
		consent: 'insightObjectConsent',
		consents: 'insightObjectConsent',
		timeline: 'insightObjectTimeline',
		timeline_entry: 'insightObjectTimeline',
		note: 'insightObjectTimeline',
		plan: 'insightObjectPlan',
		plan_goal: 'insightObjectPlan',
		goal: 'insightObjectPlan',
		overview: 'insightObjectOverview',
		settings: 'insightObjectSettings',
		citizen_settings: 'insightObjectSettings',
		contact_details: 'insightObjectSettings',
		analog: 'insightObjectAnalog',
		analog_flag: 'insightObjectAnalog',
		representative: 'insightObjectRepresentation',
		representation: 'insightObjectRepresentation',
		citizen: 'insightObjectCitizen',
		citizen_data: 'insightObjectCitizenData',
		audit: 'insightObjectAuditTrail',
		audit_trail: 'insightObjectAuditTrail'
	} satisfies Record<string, PortalKey>)
);

const VERBS = new Map<string, PortalKey>([
	['read', 'insightVerbRead'],
	['search', 'insightVerbSearch'],
	['create', 'insightVerbCreate'],
	['update', 'insightVerbUpdate'],
	['delete', 'insightVerbDelete'],
	['export', 'insightVerbExport']
]);

/** Whole phrases where "verb + object" would read wrongly. */
const PHRASES = new Map<string, PortalKey>([
	['search:citizen', 'insightSearchedYou'],
	['update:acting_for', 'insightStartedActing'],
	['login:citizen_login_refused', 'insightLoginRefused']
]);

/** Purposes written by the system as codes, in words; other codes are not shown. */
const PURPOSES = new Map<string, PortalKey>([
	['loa_too_low', 'insightPurposeLoaTooLow'],
	['casework', 'insightPurposeCasework'],
	['coordination', 'insightPurposeCoordination'],
	['audit_review', 'insightPurposeAuditReview']
]);

// Staff write purposes as sentences; the system and the portal write codes such as "loa_too_low".
const CODE = /^[a-z0-9_.:-]+$/;

/** What was done, e.g. "læste dit forløb". */
export function auditWhat(m: PortalMessages, action: AuditAction, objectType: string): string {
	const phrase = PHRASES.get(`${action}:${objectType}`);
	if (phrase) return m[phrase];
	const verb = VERBS.get(action);
	if (!verb) return m.insightActionGeneric;
	return format(m[verb], { object: m[OBJECTS.get(objectType) ?? 'insightObjectGeneric'] });
}

/** Who did it: a department (and a name where the municipality shows names), a representative. */
export function auditWho(m: PortalMessages, locale: Locale, row: AuditRowForText): string {
	if (row.actorType === 'representative') {
		return row.representativeName
			? format(m.insightActorRepresentative, { name: row.representativeName })
			: m.insightActorRepresentativeUnnamed;
	}
	if (row.actorType === 'system') return m.insightActorSystem;
	if (row.actorType !== 'staff') return m.insightActorOther;
	const name = row.staffName;
	if (row.department) {
		const department = localized(locale, row.department.name, row.department.nameEn);
		return name
			? format(m.insightActorStaffNamed, { name, department })
			: format(m.insightActorStaff, { department });
	}
	if (name) return format(m.insightActorStaffMunicipalityNamed, { name });
	if (row.staffRole === 'admin') return m.insightActorAdmin;
	if (row.staffRole === 'auditor') return m.insightActorAuditor;
	return m.insightActorStaffMunicipality;
}

/** Why, when it was recorded: the purpose staff gave, or a known system reason in words. */
export function auditWhy(m: PortalMessages, row: Pick<AuditRowForText, 'purpose'>): string | null {
	const purpose = row.purpose?.trim();
	if (!purpose) return null;
	if (CODE.test(purpose)) {
		const key = PURPOSES.get(purpose);
		return key ? m[key] : null;
	}
	return purpose;
}

/** The row as one sentence: "En medarbejder i Jobcenter læste dit forløb." */
export function auditSentence(m: PortalMessages, locale: Locale, row: AuditRowForText): string {
	return format(m.insightSentence, {
		who: auditWho(m, locale, row),
		what: auditWhat(m, row.action, row.objectType)
	});
}

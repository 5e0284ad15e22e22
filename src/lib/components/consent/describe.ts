// How a consent event reads for the person looking at it: who recorded it (relative to the viewer:
// "you", their representative, or a staff member's department), how, and the state it leaves.
import { formatDateWithYear } from '$lib/format';
import type { Locale } from '$lib/i18n/locale';
import { format, localized } from '$lib/i18n/format';
import type { PortalMessages } from '$lib/i18n/portal';
import { CONSENT_CHANNEL_LABELS, type ConsentAction, type ConsentChannel } from '../../domain';

/** Who is looking: the logged-in person (actor) and whose consent it is (subject). */
export interface ConsentViewer {
	actorId: string;
	subjectId: string;
	subjectName: string;
	representing: boolean;
}

export interface RecordedBy {
	recordedByCitizenId: string | null;
	recordedByCitizenName: string | null;
	recordedByStaff: boolean;
	recordedByStaffDepartmentName: string | null;
	recordedByStaffDepartmentNameEn: string | null;
}

const channels = CONSENT_CHANNEL_LABELS.screen;

export function channelText(m: PortalMessages, channel: ConsentChannel): string {
	return m[channels[channel]];
}

/**
 * Who recorded a change. On the page it is relative to the viewer ("Dig"); a receipt, which may be
 * printed and shown to others, names people (`names`).
 */
export function recordedByText(
	m: PortalMessages,
	locale: Locale,
	event: RecordedBy,
	viewer: ConsentViewer,
	options: { names?: boolean } = {}
): string {
	if (event.recordedByStaff) {
		return event.recordedByStaffDepartmentName
			? format(m.consentByStaff, {
					department: localized(
						locale,
						event.recordedByStaffDepartmentName,
						event.recordedByStaffDepartmentNameEn
					)
				})
			: m.consentByStaffUnknown;
	}
	const id = event.recordedByCitizenId;
	const name = event.recordedByCitizenName ?? '';
	if (id === viewer.subjectId && (options.names || id !== viewer.actorId)) return name;
	if (id === viewer.actorId && !options.names) {
		return viewer.representing
			? format(m.consentByYouFor, { name: viewer.subjectName })
			: m.consentByYou;
	}
	return viewer.representing || options.names
		? format(m.consentByRepresentativeFor, { name, citizen: viewer.subjectName })
		: format(m.consentByRepresentative, { name });
}

/** The consent in force for a department, as one sentence ("Du har givet samtykke 3. april 2026."). */
export function stateText(
	m: PortalMessages,
	locale: Locale,
	latest: { action: ConsentAction; occurredAt: Date } | null,
	viewer: ConsentViewer
): string {
	const values = {
		name: viewer.subjectName,
		date: latest ? formatDateWithYear(latest.occurredAt, locale) : ''
	};
	if (!latest)
		return format(viewer.representing ? m.consentStateNoneFor : m.consentStateNone, values);
	if (latest.action === 'granted') {
		return format(viewer.representing ? m.consentStateGrantedFor : m.consentStateGranted, values);
	}
	return format(viewer.representing ? m.consentStateWithdrawnFor : m.consentStateWithdrawn, values);
}

/** "Samtykke givet til Jobcenter" / "Samtykke trukket tilbage fra Jobcenter". */
export function changeText(m: PortalMessages, action: ConsentAction, department: string): string {
	return format(action === 'granted' ? m.consentHistoryGranted : m.consentHistoryWithdrawn, {
		department
	});
}

/** A receipt number people can read out on the phone: the id's first 8 characters, upper case. */
export function receiptNumber(consentId: string): string {
	return consentId.slice(0, 8).toUpperCase();
}

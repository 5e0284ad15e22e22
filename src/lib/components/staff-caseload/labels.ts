// Words for the codes the caseload, the search and the citizen view show.
import type { MessageKey } from '$lib/i18n/messages';
import type { AnalogReason, CaseStatus, JourneyStatus, WaitingOn } from '$lib/server/db/schema';

export const caseStatusKeys: Record<CaseStatus, MessageKey> = {
	received: 'caseloadStatusReceived',
	in_progress: 'caseloadStatusInProgress',
	decided: 'caseloadStatusDecided',
	closed: 'caseloadStatusClosed'
};

export const waitingKeys: Record<WaitingOn, MessageKey> = {
	citizen: 'caseloadWaitingCitizen',
	municipality: 'caseloadWaitingMunicipality',
	other_authority: 'caseloadWaitingOtherAuthority'
};

export const journeyStatusKeys: Record<JourneyStatus, MessageKey> = {
	active: 'caseloadJourneyActive',
	paused: 'caseloadJourneyPaused',
	closed: 'caseloadJourneyClosed'
};

export const analogReasonKeys: Record<AnalogReason, MessageKey> = {
	digital_post_exempt: 'analogReasonDigitalPostExempt',
	citizen_choice: 'analogReasonCitizenChoice',
	no_digital_access: 'analogReasonNoDigitalAccess',
	other: 'analogReasonOther'
};

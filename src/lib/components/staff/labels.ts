// Words for the codes every staff page shows (one set, so the pages speak alike).
import type { MessageKey } from '$lib/i18n/messages';
import type {
	AnalogReason,
	CaseStatus,
	GoalStatus,
	JourneyStatus,
	WaitingOn
} from '$lib/server/db/schema';

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

export const goalStatusKeys: Record<GoalStatus, MessageKey> = {
	not_started: 'sjGoalNotStarted',
	in_progress: 'sjGoalInProgress',
	achieved: 'sjGoalAchieved',
	dropped: 'sjGoalDropped'
};

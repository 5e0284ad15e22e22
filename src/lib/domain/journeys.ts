// A journey's status and the status of a goal in its plan.
import type { MessageKey } from '../i18n/all';

export const JOURNEY_STATUSES = ['active', 'paused', 'closed'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** The staff pages' words, and the printable "my data" page's. */
export const JOURNEY_STATUS_LABELS = {
	staff: {
		active: 'caseloadJourneyActive',
		paused: 'caseloadJourneyPaused',
		closed: 'caseloadJourneyClosed'
	},
	dataPrint: {
		active: 'dataPrintJourneyActive',
		paused: 'dataPrintJourneyPaused',
		closed: 'dataPrintJourneyClosed'
	}
} as const satisfies Record<string, Record<JourneyStatus, MessageKey>>;

/**
 * The staff pages' words, and the citizen's (the plan page and the printable "my data" page; the
 * plan page never shows a dropped goal, so only the printout uses that word).
 */
export const GOAL_STATUS_LABELS = {
	staff: {
		not_started: 'sjGoalNotStarted',
		in_progress: 'sjGoalInProgress',
		achieved: 'sjGoalAchieved',
		dropped: 'sjGoalDropped'
	},
	citizen: {
		not_started: 'goalNotStarted',
		in_progress: 'goalInProgress',
		achieved: 'goalAchieved',
		dropped: 'dataPrintGoalDropped'
	}
} as const satisfies Record<string, Record<GoalStatus, MessageKey>>;

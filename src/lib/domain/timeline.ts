// The shared timeline of a journey: what an entry records, who may see it, and whom a task is for.
import type { MessageKey } from '../i18n/all';

export const TIMELINE_KINDS = [
	'note',
	'meeting',
	'decision',
	'letter',
	'message',
	'status',
	'task',
	'consent',
	'plan'
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** What a department system may write through the API. */
export const API_ENTRY_KINDS = [
	'note',
	'decision',
	'status'
] as const satisfies readonly TimelineKind[];

export const VISIBILITIES = ['citizen', 'staff'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const TASK_ASSIGNEES = ['citizen', 'staff'] as const;
export type TaskAssignee = (typeof TASK_ASSIGNEES)[number];

/** The citizen's pages' words (also on the printable "my data" page), and the staff pages'. */
export const TIMELINE_KIND_LABELS = {
	citizen: {
		note: 'kindNote',
		meeting: 'kindMeeting',
		decision: 'kindDecision',
		letter: 'kindLetter',
		message: 'kindMessage',
		status: 'kindStatus',
		task: 'kindTask',
		consent: 'kindConsent',
		plan: 'kindPlan'
	},
	staff: {
		note: 'sjKindNote',
		meeting: 'sjKindMeeting',
		decision: 'sjKindDecision',
		letter: 'sjKindLetter',
		message: 'sjKindMessage',
		status: 'sjKindStatus',
		task: 'sjKindTask',
		consent: 'sjKindConsent',
		plan: 'sjKindPlan'
	}
} as const satisfies Record<string, Record<TimelineKind, MessageKey>>;

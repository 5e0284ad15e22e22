// "My data" (GDPR art. 15 and 20): everything Sammen holds about one citizen, gathered for the
// JSON download (/mine-data/data.json) and the printable page (/mine-data/udskriv).
//
// The shape is format "sammen-mine-data", version 1. Keys are English whatever the citizen's
// language; times are ISO 8601 in UTC in the JSON (Date here), calendar dates 'YYYY-MM-DD'; codes
// (statuses, reasons) are the values listed in the types of the parts (the sibling modules). Adding
// a field keeps the version; renaming or removing one raises it.
//
// Left out on purpose: the CPR number (a lost file or printout must not carry it; the citizen can
// ask the municipality), staff-only timeline entries and meeting minutes, letter PDFs (the letter's
// text is here), sessions, and staff names in the audit trail unless AUDIT_SHOW_STAFF_NAMES is on.
//
// Each part module holds its types, its queries and how a row becomes the export's shape; this
// module runs the queries, in one fixed order, and puts the file together.
import * as clock from '../../clock';
import { allAuditForCitizen, type CitizenAuditRow } from '../audit';
import type { Executor } from '../executor';
import {
	selectCases,
	selectJourneyCases,
	selectJourneys,
	selectPlanGoals,
	selectTasks,
	toCase,
	toJourney,
	toTask,
	type ExportedCase,
	type ExportedJourney,
	type ExportedTask
} from './cases';
import {
	selectConsents,
	selectRepresentations,
	toConsent,
	toRepresentation,
	type ExportedConsent,
	type ExportedRepresentation
} from './consents';
import {
	selectLetters,
	selectTimeline,
	toLetter,
	toTimelineEntry,
	type ExportedLetter,
	type ExportedTimelineEntry
} from './letters';
import {
	selectMeetings,
	selectMessages,
	selectParticipants,
	toMeeting,
	toMessage,
	type ExportedMeeting,
	type ExportedMessage
} from './meetings';
import {
	selectAnalogChanges,
	selectCitizen,
	toAnalogChange,
	toProfile,
	type ExportedAnalogChange,
	type ExportedProfile
} from './profile';
import { loadDepartments } from './shared';

export type { DepartmentRef, RecordedBy } from './shared';
export type { ExportedAnalogChange, ExportedProfile } from './profile';
export type { ExportedCase, ExportedGoal, ExportedJourney, ExportedTask } from './cases';
export type { ExportedMeeting, ExportedMessage } from './meetings';
export type { ExportedLetter, ExportedTimelineEntry } from './letters';
export type { ExportedConsent, ExportedRepresentation } from './consents';

export const EXPORT_FORMAT = 'sammen-mine-data';
export const EXPORT_VERSION = 1;

export type ExportedAuditRow = CitizenAuditRow;

export interface CitizenDataExport {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	exportedAt: Date;
	municipality: { name: string; phone: string; email: string; address: string };
	/** Always false: the CPR number is never part of the export. */
	cprNumberIncluded: false;
	profile: ExportedProfile;
	analogHistory: ExportedAnalogChange[];
	cases: ExportedCase[];
	journeys: ExportedJourney[];
	meetings: ExportedMeeting[];
	tasks: ExportedTask[];
	messages: ExportedMessage[];
	letters: ExportedLetter[];
	timeline: ExportedTimelineEntry[];
	consents: ExportedConsent[];
	representatives: { actingForYou: ExportedRepresentation[]; youActFor: ExportedRepresentation[] };
	/** Who has looked at the citizen's data (others only), as on /indsigt. */
	auditTrail: ExportedAuditRow[];
}

export interface ExportOptions {
	municipality: { name: string; phone: string; email: string; address: string };
	/** AUDIT_SHOW_STAFF_NAMES: staff names in the audit trail. */
	showStaffNames: boolean;
	now?: Date;
}

/** Everything Sammen holds about the citizen, newest first within each section. */
export async function exportCitizenData(
	db: Executor,
	citizenId: string,
	options: ExportOptions
): Promise<CitizenDataExport> {
	const department = await loadDepartments(db);
	const citizen = await selectCitizen(db, citizenId);
	const analogRows = await selectAnalogChanges(db, citizenId);
	const caseRows = await selectCases(db, citizenId);
	const caseDepartment = new Map(caseRows.map((c) => [c.id, c.department_id]));

	const journeyRows = await selectJourneys(db, citizenId);
	const journeyIds = journeyRows.map((j) => j.id);
	const hasJourneys = journeyIds.length > 0;
	// Everything that hangs off the journeys; no journeys, no queries (`in ()` is not SQL).
	const [links, goals, meetingRows, messageRows, timelineRows] = hasJourneys
		? await Promise.all([
				selectJourneyCases(db, journeyIds),
				selectPlanGoals(db, journeyIds),
				selectMeetings(db, journeyIds),
				selectMessages(db, journeyIds),
				selectTimeline(db, journeyIds)
			])
		: [[], [], [], [], []];
	const participantRows = await selectParticipants(
		db,
		meetingRows.map((m) => m.id)
	);

	const taskRows = await selectTasks(db, citizenId);
	const letterRows = await selectLetters(db, citizenId);
	const consentRows = await selectConsents(db, citizenId);
	const [forYou, youFor] = await selectRepresentations(db, citizenId);
	const auditTrail = await allAuditForCitizen(db, citizenId, {
		staffNames: options.showStaffNames
	});

	return {
		format: EXPORT_FORMAT,
		version: EXPORT_VERSION,
		exportedAt: options.now ?? clock.now(),
		municipality: {
			name: options.municipality.name,
			phone: options.municipality.phone,
			email: options.municipality.email,
			address: options.municipality.address
		},
		cprNumberIncluded: false,
		profile: toProfile(citizen, analogRows),
		analogHistory: analogRows.map((a) => toAnalogChange(citizenId, a)),
		cases: caseRows.map((c) => toCase(c, department)),
		journeys: journeyRows.map((j) => toJourney(j, links, goals, department)),
		meetings: meetingRows.map((m) => toMeeting(m, participantRows, department)),
		tasks: taskRows.map((task) => toTask(task, caseDepartment, department)),
		messages: messageRows.map((m) => toMessage(citizenId, m)),
		letters: letterRows.map(toLetter),
		timeline: timelineRows.map((e) => toTimelineEntry(e, department)),
		consents: consentRows.map((c) => toConsent(citizenId, c, department)),
		representatives: {
			actingForYou: forYou.map((r) => toRepresentation(r, department)),
			youActFor: youFor.map((r) => toRepresentation(r, department))
		},
		auditTrail
	};
}

// "My data" (GDPR art. 15 and 20): everything Sammen holds about one citizen, gathered for the
// JSON download (/mine-data/data.json) and the printable page (/mine-data/udskriv).
//
// The shape is format "sammen-mine-data", version 1. Keys are English whatever the citizen's
// language; times are ISO 8601 in UTC in the JSON (Date here), calendar dates 'YYYY-MM-DD'; codes
// (statuses, reasons) are the values listed in the types below. Adding a field keeps the version;
// renaming or removing one raises it.
//
// Left out on purpose: the CPR number (a lost file or printout must not carry it; the citizen can
// ask the municipality), staff-only timeline entries and meeting minutes, letter PDFs (the letter's
// text is here), sessions, and staff names in the audit trail unless AUDIT_SHOW_STAFF_NAMES is on.
import { allAuditForCitizen, type CitizenAuditRow } from './audit';
import type {
	AnalogReason,
	CaseStatus,
	ConsentAction,
	ConsentChannel,
	GoalStatus,
	JourneyStatus,
	Language,
	LetterStatus,
	MeetingResponse,
	RepresentationBasis,
	RepresentationScope,
	TimelineKind,
	WaitingOn
} from '../../domain';
import * as clock from '../clock';
import { citizenTimelineFilter } from '../access/policy';
import { visibleTo } from './timeline';
import type { Executor } from './executor';

type DateString = string;

export const EXPORT_FORMAT = 'sammen-mine-data';
export const EXPORT_VERSION = 1;

export interface DepartmentRef {
	id: string;
	name: string;
	nameEn: string;
}

/** Who recorded a change: the citizen, their representative, or the municipality's staff. */
export type RecordedBy = 'you' | 'representative' | 'municipality';

export interface ExportedProfile {
	name: string;
	coName: string | null;
	addressLine: string | null;
	postalCode: string | null;
	city: string | null;
	preferredLanguage: Language;
	email: string | null;
	phone: string | null;
	notifyByEmail: boolean;
	notifyBySms: boolean;
	/** Whether everything reaches the citizen on paper now (the latest analog flag change). */
	lettersByPost: boolean;
	createdAt: Date;
	updatedAt: Date;
}

export interface ExportedAnalogChange {
	changedAt: Date;
	lettersByPost: boolean;
	reason: AnalogReason | null;
	note: string | null;
	recordedBy: RecordedBy;
}

export interface ExportedCase {
	id: string;
	department: DepartmentRef;
	title: string;
	titleEn: string | null;
	/** The subject's number in the municipality's classification (KLE). */
	kleNumber: string;
	caseNumber: string | null;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: DateString | null;
	caseworkerName: string | null;
	openedAt: Date;
	decidedAt: Date | null;
	closedAt: Date | null;
	updatedAt: Date;
}

export interface ExportedGoal {
	id: string;
	title: string;
	titleEn: string | null;
	description: string | null;
	status: GoalStatus;
	progress: number;
	responsibleDepartment: DepartmentRef | null;
	targetDate: DateString | null;
	agreedAt: Date;
	updatedAt: Date;
}

export interface ExportedJourney {
	id: string;
	title: string;
	titleEn: string | null;
	status: JourneyStatus;
	startedAt: Date;
	closedAt: Date | null;
	coordinator: { name: string; department: DepartmentRef | null } | null;
	caseIds: string[];
	planGoals: ExportedGoal[];
}

export interface ExportedMeeting {
	id: string;
	journeyId: string;
	title: string;
	titleEn: string | null;
	startsAt: Date;
	endsAt: Date;
	location: string | null;
	videoUrl: string | null;
	agenda: string | null;
	whatToBring: string | null;
	organizerName: string | null;
	cancelledAt: Date | null;
	participants: { name: string | null; role: string | null; department: DepartmentRef | null }[];
	yourAnswer: { response: MeetingResponse; reason: string | null; answeredAt: Date | null };
}

export interface ExportedTask {
	id: string;
	journeyId: string | null;
	caseId: string | null;
	department: DepartmentRef | null;
	title: string;
	titleEn: string | null;
	description: string | null;
	dueDate: DateString | null;
	createdAt: Date;
	doneAt: Date | null;
	doneComment: string | null;
}

export interface ExportedMessage {
	id: string;
	journeyId: string;
	sentAt: Date;
	from: 'you' | 'representative' | 'municipality';
	authorName: string | null;
	body: string;
	readByYouAt: Date | null;
}

export interface ExportedLetter {
	id: string;
	subject: string;
	body: string;
	language: Language;
	recipientName: string;
	recipientAddress: string;
	status: LetterStatus;
	pageCount: number | null;
	createdAt: Date;
	printedAt: Date | null;
	postedAt: Date | null;
}

export interface ExportedTimelineEntry {
	id: string;
	journeyId: string;
	kind: TimelineKind;
	department: DepartmentRef | null;
	title: string;
	titleEn: string | null;
	body: string;
	bodyEn: string | null;
	occurredAt: Date;
	postedLetterAt: Date | null;
	meetingId: string | null;
	taskId: string | null;
	letterId: string | null;
}

export interface ExportedConsent {
	id: string;
	department: DepartmentRef;
	action: ConsentAction;
	channel: ConsentChannel;
	occurredAt: Date;
	recordedBy: RecordedBy;
	witness: string | null;
	note: string | null;
}

export interface ExportedRepresentation {
	id: string;
	/** The other person: the representative, or the person the citizen acts for. */
	name: string;
	scope: RepresentationScope;
	basis: RepresentationBasis;
	basisReference: string | null;
	/** null: every department. */
	departments: DepartmentRef[] | null;
	validFrom: DateString;
	validTo: DateString | null;
	registeredAt: Date;
	endedAt: Date | null;
}

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

function recordedBy(citizenId: string, byCitizen: string | null): RecordedBy {
	if (byCitizen === citizenId) return 'you';
	return byCitizen ? 'representative' : 'municipality';
}

/** Everything Sammen holds about the citizen, newest first within each section. */
export async function exportCitizenData(
	db: Executor,
	citizenId: string,
	options: ExportOptions
): Promise<CitizenDataExport> {
	const departmentRows = await db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en'])
		.execute();
	const departments = new Map<string, DepartmentRef>(
		departmentRows.map((d) => [d.id, { id: d.id, name: d.name, nameEn: d.name_en }])
	);
	const department = (id: string | null | undefined) => (id ? (departments.get(id) ?? null) : null);

	const citizen = await db
		.selectFrom('citizens')
		// Never selectAll: the CPR number (encrypted and hashed) must not leave the table.
		.select([
			'name',
			'co_name',
			'address_line',
			'postal_code',
			'city',
			'preferred_language',
			'email',
			'phone',
			'notify_by_email',
			'notify_by_sms',
			'created_at',
			'updated_at'
		])
		.where('id', '=', citizenId)
		.executeTakeFirstOrThrow();

	const analogRows = await db
		.selectFrom('analog_flag_changes')
		.select(['changed_at', 'analog', 'reason', 'note', 'set_by_citizen_id'])
		.where('citizen_id', '=', citizenId)
		.orderBy('changed_at', 'desc')
		.orderBy('id', 'desc')
		.execute();

	const caseRows = await db
		.selectFrom('cases as c')
		.leftJoin('staff_users as s', 's.id', 'c.caseworker_id')
		.select([
			'c.id',
			'c.department_id',
			'c.title',
			'c.title_en',
			'c.kle_number',
			'c.external_ref',
			'c.status',
			'c.waiting_on',
			'c.next_step',
			'c.next_step_en',
			'c.next_step_due',
			's.name as caseworker_name',
			'c.opened_at',
			'c.decided_at',
			'c.closed_at',
			'c.updated_at'
		])
		.where('c.citizen_id', '=', citizenId)
		.orderBy('c.opened_at', 'desc')
		.execute();
	const cases: ExportedCase[] = caseRows.map((c) => ({
		id: c.id,
		department: department(c.department_id)!,
		title: c.title,
		titleEn: c.title_en,
		kleNumber: c.kle_number,
		caseNumber: c.external_ref,
		status: c.status,
		waitingOn: c.waiting_on,
		nextStep: c.next_step,
		nextStepEn: c.next_step_en,
		nextStepDue: c.next_step_due,
		caseworkerName: c.caseworker_name,
		openedAt: c.opened_at,
		decidedAt: c.decided_at,
		closedAt: c.closed_at,
		updatedAt: c.updated_at
	}));
	const caseDepartment = new Map(caseRows.map((c) => [c.id, c.department_id]));

	const journeyRows = await db
		.selectFrom('journeys as j')
		.leftJoin('staff_users as s', 's.id', 'j.coordinator_id')
		.select([
			'j.id',
			'j.title',
			'j.title_en',
			'j.status',
			'j.started_at',
			'j.closed_at',
			's.name as coordinator_name',
			's.department_id as coordinator_department_id'
		])
		.where('j.citizen_id', '=', citizenId)
		.orderBy('j.started_at', 'desc')
		.execute();
	const journeyIds = journeyRows.map((j) => j.id);
	const hasJourneys = journeyIds.length > 0;

	const [links, goals, meetingRows, messageRows, timelineRows] = hasJourneys
		? await Promise.all([
				db
					.selectFrom('journey_cases')
					.select(['journey_id', 'case_id'])
					.where('journey_id', 'in', journeyIds)
					.orderBy('added_at')
					.execute(),
				db
					.selectFrom('plan_goals')
					.selectAll()
					.where('journey_id', 'in', journeyIds)
					.orderBy('sort_order')
					.execute(),
				db
					.selectFrom('meetings as m')
					.leftJoin('staff_users as s', 's.id', 'm.organizer_staff_id')
					.select([
						'm.id',
						'm.journey_id',
						'm.title',
						'm.title_en',
						'm.starts_at',
						'm.ends_at',
						'm.location',
						'm.video_url',
						'm.agenda',
						'm.what_to_bring',
						's.name as organizer_name',
						'm.cancelled_at',
						'm.citizen_response',
						'm.citizen_response_reason',
						'm.citizen_responded_at'
					])
					.where('m.journey_id', 'in', journeyIds)
					.orderBy('m.starts_at', 'desc')
					.execute(),
				db
					.selectFrom('messages as m')
					.leftJoin('staff_users as s', 's.id', 'm.author_staff_id')
					.leftJoin('citizens as c', 'c.id', 'm.author_citizen_id')
					.select([
						'm.id',
						'm.journey_id',
						'm.sent_at',
						'm.author_citizen_id',
						'm.author_staff_id',
						's.name as staff_name',
						'c.name as citizen_name',
						'm.body',
						'm.read_by_citizen_at'
					])
					.where('m.journey_id', 'in', journeyIds)
					.orderBy('m.sent_at', 'desc')
					.orderBy('m.id', 'desc')
					.execute(),
				db
					.selectFrom('timeline_entries')
					.select([
						'id',
						'journey_id',
						'kind',
						'department_id',
						'title',
						'title_en',
						'body',
						'body_en',
						'occurred_at',
						'posted_letter_at',
						'meeting_id',
						'task_id',
						'letter_id'
					])
					.where('journey_id', 'in', journeyIds)
					// The citizen's own view: never what staff keep among themselves.
					.where(visibleTo(citizenTimelineFilter(null), 'timeline_entries'))
					.orderBy('occurred_at', 'desc')
					.orderBy('id', 'desc')
					.execute()
			])
		: [[], [], [], [], []];

	const meetingIds = meetingRows.map((m) => m.id);
	const participantRows =
		meetingIds.length > 0
			? await db
					.selectFrom('meeting_participants as p')
					.leftJoin('staff_users as s', 's.id', 'p.staff_user_id')
					.select([
						'p.id',
						'p.meeting_id',
						'p.name',
						's.name as staff_name',
						'p.role',
						'p.department_id',
						's.department_id as staff_department_id'
					])
					.where('p.meeting_id', 'in', meetingIds)
					.orderBy('p.id')
					.execute()
			: [];

	const journeys: ExportedJourney[] = journeyRows.map((j) => ({
		id: j.id,
		title: j.title,
		titleEn: j.title_en,
		status: j.status,
		startedAt: j.started_at,
		closedAt: j.closed_at,
		coordinator: j.coordinator_name
			? { name: j.coordinator_name, department: department(j.coordinator_department_id) }
			: null,
		caseIds: links.filter((l) => l.journey_id === j.id).map((l) => l.case_id),
		planGoals: goals
			.filter((g) => g.journey_id === j.id)
			.map((g) => ({
				id: g.id,
				title: g.title,
				titleEn: g.title_en,
				description: g.description,
				status: g.status,
				progress: g.progress,
				responsibleDepartment: department(g.responsible_department_id),
				targetDate: g.target_date,
				agreedAt: g.agreed_at,
				updatedAt: g.updated_at
			}))
	}));

	const meetings: ExportedMeeting[] = meetingRows.map((m) => ({
		id: m.id,
		journeyId: m.journey_id,
		title: m.title,
		titleEn: m.title_en,
		startsAt: m.starts_at,
		endsAt: m.ends_at,
		location: m.location,
		videoUrl: m.video_url,
		agenda: m.agenda,
		whatToBring: m.what_to_bring,
		organizerName: m.organizer_name,
		cancelledAt: m.cancelled_at,
		participants: participantRows
			.filter((p) => p.meeting_id === m.id)
			.map((p) => ({
				name: p.staff_name ?? p.name,
				role: p.role,
				department: department(p.department_id ?? p.staff_department_id)
			})),
		yourAnswer: {
			response: m.citizen_response,
			reason: m.citizen_response_reason,
			answeredAt: m.citizen_responded_at
		}
	}));

	const taskRows = await db
		.selectFrom('tasks')
		.select([
			'id',
			'journey_id',
			'case_id',
			'title',
			'title_en',
			'description',
			'due_date',
			'created_at',
			'done_at',
			'done_comment'
		])
		.where('citizen_id', '=', citizenId)
		.where('assignee', '=', 'citizen')
		.orderBy('created_at', 'desc')
		.execute();

	const letterRows = await db
		.selectFrom('letters')
		// Not the PDF (its text is here) and not the print service's error messages.
		.select([
			'id',
			'subject',
			'body',
			'language',
			'recipient_name',
			'recipient_address',
			'status',
			'page_count',
			'created_at',
			'printed_at',
			'posted_at'
		])
		.where('citizen_id', '=', citizenId)
		.orderBy('created_at', 'desc')
		.execute();

	const consentRows = await db
		.selectFrom('consents')
		.select([
			'id',
			'department_id',
			'action',
			'channel',
			'occurred_at',
			'recorded_by_citizen_id',
			'witness',
			'note'
		])
		.where('citizen_id', '=', citizenId)
		.orderBy('occurred_at', 'desc')
		.orderBy('id', 'desc')
		.execute();

	const representationColumns = [
		'r.id',
		'r.scope',
		'r.basis',
		'r.basis_reference',
		'r.department_ids',
		'r.valid_from',
		'r.valid_to',
		'r.created_at',
		'r.ended_at',
		'c.name'
	] as const;
	const [forYou, youFor] = await Promise.all([
		db
			.selectFrom('representatives as r')
			.innerJoin('citizens as c', 'c.id', 'r.representative_citizen_id')
			.select(representationColumns)
			.where('r.citizen_id', '=', citizenId)
			.orderBy('r.valid_from', 'desc')
			.execute(),
		db
			.selectFrom('representatives as r')
			.innerJoin('citizens as c', 'c.id', 'r.citizen_id')
			.select(representationColumns)
			.where('r.representative_citizen_id', '=', citizenId)
			.orderBy('r.valid_from', 'desc')
			.execute()
	]);
	const representation = (r: (typeof forYou)[number]): ExportedRepresentation => ({
		id: r.id,
		name: r.name,
		scope: r.scope,
		basis: r.basis,
		basisReference: r.basis_reference,
		departments: r.department_ids
			? r.department_ids.map((id) => department(id)).filter((d) => d !== null)
			: null,
		validFrom: r.valid_from,
		validTo: r.valid_to,
		registeredAt: r.created_at,
		endedAt: r.ended_at
	});

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
		profile: {
			name: citizen.name,
			coName: citizen.co_name,
			addressLine: citizen.address_line,
			postalCode: citizen.postal_code,
			city: citizen.city,
			preferredLanguage: citizen.preferred_language,
			email: citizen.email,
			phone: citizen.phone,
			notifyByEmail: citizen.notify_by_email,
			notifyBySms: citizen.notify_by_sms,
			lettersByPost: analogRows[0]?.analog ?? false,
			createdAt: citizen.created_at,
			updatedAt: citizen.updated_at
		},
		analogHistory: analogRows.map((a) => ({
			changedAt: a.changed_at,
			lettersByPost: a.analog,
			reason: a.reason,
			note: a.note,
			recordedBy: recordedBy(citizenId, a.set_by_citizen_id)
		})),
		cases,
		journeys,
		meetings,
		tasks: taskRows.map((task) => ({
			id: task.id,
			journeyId: task.journey_id,
			caseId: task.case_id,
			department: department(task.case_id ? caseDepartment.get(task.case_id) : null),
			title: task.title,
			titleEn: task.title_en,
			description: task.description,
			dueDate: task.due_date,
			createdAt: task.created_at,
			doneAt: task.done_at,
			doneComment: task.done_comment
		})),
		messages: messageRows.map((m) => ({
			id: m.id,
			journeyId: m.journey_id,
			sentAt: m.sent_at,
			from: m.author_staff_id
				? 'municipality'
				: m.author_citizen_id === citizenId
					? 'you'
					: 'representative',
			authorName: m.staff_name ?? m.citizen_name,
			body: m.body,
			readByYouAt: m.read_by_citizen_at
		})),
		letters: letterRows.map((l) => ({
			id: l.id,
			subject: l.subject,
			body: l.body,
			language: l.language,
			recipientName: l.recipient_name,
			recipientAddress: l.recipient_address,
			status: l.status,
			pageCount: l.page_count,
			createdAt: l.created_at,
			printedAt: l.printed_at,
			postedAt: l.posted_at
		})),
		timeline: timelineRows.map((e) => ({
			id: e.id,
			journeyId: e.journey_id,
			kind: e.kind,
			department: department(e.department_id),
			title: e.title,
			titleEn: e.title_en,
			body: e.body,
			bodyEn: e.body_en,
			occurredAt: e.occurred_at,
			postedLetterAt: e.posted_letter_at,
			meetingId: e.meeting_id,
			taskId: e.task_id,
			letterId: e.letter_id
		})),
		consents: consentRows.map((c) => ({
			id: c.id,
			department: department(c.department_id)!,
			action: c.action,
			channel: c.channel,
			occurredAt: c.occurred_at,
			recordedBy: recordedBy(citizenId, c.recorded_by_citizen_id),
			witness: c.witness,
			note: c.note
		})),
		representatives: {
			actingForYou: forYou.map(representation),
			youActFor: youFor.map(representation)
		},
		auditTrail
	};
}

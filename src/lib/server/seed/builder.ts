// The builder the demo's stories write through: it turns a story's specs (a case, a meeting, a
// timeline entry...) into rows, collected in memory so that every table goes in with one multi-row
// INSERT (demo.ts). Row order matters and follows the order of the calls: entry, message, consent,
// analog and audit ids count the rows written before them.
import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';
import type {
	AnalogReason,
	CaseStatus,
	ConsentAction,
	ConsentChannel,
	GoalStatus,
	MeetingResponse,
	RepresentationBasis,
	RepresentationScope,
	TimelineKind,
	Visibility,
	WaitingOn
} from '../../domain';
import {
	DEMO_CASE_TYPES,
	DEMO_CITIZEN_ROWS,
	DEMO_CITY,
	DEMO_STAFF,
	DEMO_STAFF_USERS,
	type CitizenName,
	type DemoCaseType,
	type DepartmentKey,
	type StaffName
} from './demo-data';
import { demoId, type DemoClock } from './demo-time';
import { demoIds as ids } from './ids';

const STAFF_DEPARTMENT = new Map(DEMO_STAFF_USERS.map((s) => [s.name, s.department]));
const STAFF_ROLE = new Map(DEMO_STAFF_USERS.map((s) => [s.name, s.role]));

function isStaff(name: StaffName | CitizenName): name is StaffName {
	return name in DEMO_STAFF;
}

function staffDepartmentId(name: StaffName): string | null {
	const department = STAFF_DEPARTMENT.get(name);
	return department ? ids.department(department) : null;
}

// Print batches, postings and the demo outbox start empty: the demo's own deliveries fill them. API keys,
// idempotency records, settings, retention runs and rate limit counters are made by
// administrators and the app.
type SeededTables = Exclude<
	keyof Database,
	| 'print_batches'
	| 'postings'
	| 'demo_outbox'
	| 'api_keys'
	| 'api_idempotency'
	| 'municipality_settings'
	| 'retention_settings'
	| 'retention_runs'
	| 'rate_limits'
>;
export type Rows = { [T in SeededTables]: Insertable<Database[T]>[] };

interface CaseSpec {
	key: string;
	citizen: CitizenName;
	/** Its department, KLE number and title (demo-data.ts). */
	type: DemoCaseType;
	status: CaseStatus;
	/** Who acts next, what (Danish, English) and by when; null when nobody waits. */
	next: { waitingOn: WaitingOn; step: [string, string]; due: string } | null;
	caseworker: StaffName;
	externalRef: string;
	at: { opened: Date; decided?: Date; closed?: Date; updated: Date };
}

interface JourneySpec {
	key: string;
	citizen: CitizenName;
	title: string;
	titleEn: string;
	coordinator: StaffName;
	startedAt: Date;
	cases: string[];
}

interface EntrySpec {
	at: Date;
	kind: TimelineKind;
	visibility: Visibility;
	/** Staff author or citizen author (a citizen giving consent, solving a task). */
	by: StaffName | CitizenName;
	/** Defaults to the staff author's department. */
	department?: DepartmentKey;
	title: string;
	body?: string;
	titleEn?: string;
	bodyEn?: string;
	meeting?: string;
	task?: string;
	letter?: string;
	postedLetterAt?: Date;
}

type Participant = { staff: StaffName; role: string } | { name: string; role: string };

interface MeetingSpec {
	key: string;
	journey: string;
	title: string;
	titleEn: string;
	startsAt: Date;
	minutes: number;
	location: string | null;
	videoUrl?: string;
	agenda: string;
	whatToBring?: string;
	organizer: StaffName;
	response: MeetingResponse;
	respondedAt?: Date;
	notes?: string;
	createdAt: Date;
	participants: Participant[];
}

interface TaskSpec {
	key: string;
	citizen: CitizenName;
	journey?: string;
	case?: string;
	/** Set for a task on staff; otherwise the citizen does it. */
	assignedStaff?: StaffName;
	title: string;
	titleEn: string;
	description: string;
	dueDate: string | null;
	createdBy: StaffName;
	createdAt: Date;
	doneAt?: Date;
	doneComment?: string;
}

interface LetterSpec {
	key: string;
	citizen: CitizenName;
	subject: string;
	body: string;
	createdAt: Date;
	pageCount: number;
}

interface RepresentationSpec {
	key: string;
	citizen: CitizenName;
	representative: CitizenName;
	scope: RepresentationScope;
	basis: RepresentationBasis;
	basisReference: string;
	validFrom: string;
	validTo: string | null;
	registeredBy: StaffName;
	createdAt: Date;
}

export class DemoBuilder {
	readonly rows: Rows = {
		departments: [],
		staff_users: [],
		citizens: [],
		analog_flag_changes: [],
		cases: [],
		journeys: [],
		journey_cases: [],
		plan_goals: [],
		meetings: [],
		meeting_participants: [],
		tasks: [],
		messages: [],
		letters: [],
		timeline_entries: [],
		consents: [],
		representatives: [],
		notifications: [],
		sessions: [],
		audit_events: []
	};
	private readonly entryCount = new Map<string, number>();
	private readonly letterPostedAt = new Map<string, Date>();

	constructor(readonly clock: DemoClock) {}

	case(spec: CaseSpec): void {
		const type = DEMO_CASE_TYPES[spec.type];
		this.rows.cases.push({
			id: ids.case(spec.key),
			citizen_id: ids.citizen(spec.citizen),
			department_id: ids.department(type.department),
			kle_number: type.kle,
			title: type.title[0],
			title_en: type.title[1],
			status: spec.status,
			waiting_on: spec.next?.waitingOn ?? null,
			next_step: spec.next?.step[0] ?? null,
			next_step_en: spec.next?.step[1] ?? null,
			next_step_due: spec.next?.due ?? null,
			caseworker_id: ids.staff(spec.caseworker),
			external_ref: spec.externalRef,
			opened_at: spec.at.opened,
			decided_at: spec.at.decided ?? null,
			closed_at: spec.at.closed ?? null,
			updated_at: spec.at.updated
		});
	}

	journey(spec: JourneySpec): void {
		this.rows.journeys.push({
			id: ids.journey(spec.key),
			citizen_id: ids.citizen(spec.citizen),
			title: spec.title,
			title_en: spec.titleEn,
			coordinator_id: ids.staff(spec.coordinator),
			status: 'active',
			started_at: spec.startedAt,
			closed_at: null
		});
		for (const key of spec.cases) {
			this.rows.journey_cases.push({
				journey_id: ids.journey(spec.key),
				case_id: ids.case(key),
				added_at: spec.startedAt,
				added_by_staff_id: ids.staff(spec.coordinator)
			});
		}
	}

	entry(journey: string, spec: EntrySpec): void {
		const n = (this.entryCount.get(journey) ?? 0) + 1;
		this.entryCount.set(journey, n);
		const staffAuthor = isStaff(spec.by) ? spec.by : null;
		const citizenAuthor = isStaff(spec.by) ? null : spec.by;
		const department = spec.department
			? ids.department(spec.department)
			: staffAuthor
				? staffDepartmentId(staffAuthor)
				: null;
		const postedLetterAt =
			spec.postedLetterAt ?? (spec.letter ? this.letterPostedAt.get(spec.letter) : undefined);
		this.rows.timeline_entries.push({
			id: demoId(`entry:${journey}:${n}`),
			journey_id: ids.journey(journey),
			kind: spec.kind,
			visibility: spec.visibility,
			author_staff_id: staffAuthor ? ids.staff(staffAuthor) : null,
			author_citizen_id: citizenAuthor ? ids.citizen(citizenAuthor) : null,
			department_id: department,
			title: spec.title,
			title_en: spec.titleEn ?? null,
			body: spec.body ?? '',
			body_en: spec.bodyEn ?? null,
			occurred_at: spec.at,
			created_at: spec.at,
			idempotency_key: null,
			corrects_entry_id: null,
			meeting_id: spec.meeting ? ids.meeting(spec.meeting) : null,
			task_id: spec.task ? ids.task(spec.task) : null,
			letter_id: spec.letter ? ids.letter(spec.letter) : null,
			posted_letter_at: postedLetterAt ?? null
		});
	}

	/** The entry writer for one journey, so a story's timeline reads as a list of entries. */
	timeline(journey: string): (spec: EntrySpec) => void {
		return (spec) => this.entry(journey, spec);
	}

	meeting(spec: MeetingSpec): Date {
		this.rows.meetings.push({
			id: ids.meeting(spec.key),
			journey_id: ids.journey(spec.journey),
			title: spec.title,
			title_en: spec.titleEn,
			starts_at: spec.startsAt,
			ends_at: this.clock.later(spec.startsAt, spec.minutes),
			location: spec.location,
			video_url: spec.videoUrl ?? null,
			agenda: spec.agenda,
			what_to_bring: spec.whatToBring ?? null,
			organizer_staff_id: ids.staff(spec.organizer),
			citizen_response: spec.response,
			citizen_response_reason: null,
			citizen_responded_at: spec.respondedAt ?? null,
			minutes: spec.notes ?? null,
			cancelled_at: null,
			created_at: spec.createdAt
		});
		spec.participants.forEach((p, i) => {
			const staff = 'staff' in p ? p.staff : null;
			this.rows.meeting_participants.push({
				id: demoId(`participant:${spec.key}:${i}`),
				meeting_id: ids.meeting(spec.key),
				staff_user_id: staff ? ids.staff(staff) : null,
				department_id: staff ? staffDepartmentId(staff) : null,
				name: 'name' in p ? p.name : null,
				role: p.role
			});
		});
		return spec.startsAt;
	}

	task(spec: TaskSpec): void {
		this.rows.tasks.push({
			id: ids.task(spec.key),
			citizen_id: ids.citizen(spec.citizen),
			journey_id: spec.journey ? ids.journey(spec.journey) : null,
			case_id: spec.case ? ids.case(spec.case) : null,
			assignee: spec.assignedStaff ? 'staff' : 'citizen',
			assigned_staff_id: spec.assignedStaff ? ids.staff(spec.assignedStaff) : null,
			title: spec.title,
			title_en: spec.titleEn,
			description: spec.description,
			due_date: spec.dueDate,
			created_by_staff_id: ids.staff(spec.createdBy),
			created_at: spec.createdAt,
			done_at: spec.doneAt ?? null,
			done_comment: spec.doneComment ?? null
		});
	}

	message(
		journey: string,
		by: StaffName | CitizenName,
		sentAt: Date,
		body: string,
		readAt: Date | null
	): void {
		const n = this.rows.messages.length + 1;
		const fromStaff = isStaff(by);
		this.rows.messages.push({
			id: demoId(`message:${journey}:${n}`),
			journey_id: ids.journey(journey),
			author_staff_id: fromStaff ? ids.staff(by) : null,
			author_citizen_id: fromStaff ? null : ids.citizen(by),
			body,
			sent_at: sentAt,
			// A message is read by the other side; the author has read their own.
			read_by_citizen_at: fromStaff ? readAt : sentAt,
			read_by_staff_at: fromStaff ? sentAt : readAt
		});
	}

	/** A letter that went all the way: rendered, printed and posted the same day. */
	letter(spec: LetterSpec): Date {
		const citizen = DEMO_CITIZEN_ROWS.find((c) => c.name === spec.citizen);
		const postedAt = this.clock.later(spec.createdAt, 5 * 60);
		this.letterPostedAt.set(spec.key, postedAt);
		this.rows.letters.push({
			id: ids.letter(spec.key),
			citizen_id: ids.citizen(spec.citizen),
			subject: spec.subject,
			body: spec.body,
			language: citizen?.language ?? 'da',
			recipient_name: spec.citizen,
			recipient_address: [
				citizen?.coName ? `c/o ${citizen.coName}` : null,
				citizen?.addressLine ?? '',
				`${DEMO_CITY.postalCode} ${DEMO_CITY.city}`
			]
				.filter((line) => line !== null)
				.join('\n'),
			status: 'posted',
			pdf: null,
			page_count: spec.pageCount,
			idempotency_key: `demo-letter:${spec.key}`,
			created_at: spec.createdAt,
			printed_at: this.clock.later(spec.createdAt, 2 * 60),
			posted_at: postedAt,
			error: null
		});
		return postedAt;
	}

	representation(spec: RepresentationSpec): void {
		this.rows.representatives.push({
			id: demoId(`representative:${spec.key}`),
			citizen_id: ids.citizen(spec.citizen),
			representative_citizen_id: ids.citizen(spec.representative),
			scope: spec.scope,
			department_ids: null,
			basis: spec.basis,
			basis_reference: spec.basisReference,
			valid_from: spec.validFrom,
			valid_to: spec.validTo,
			registered_by_staff_id: ids.staff(spec.registeredBy),
			created_at: spec.createdAt,
			ended_at: null,
			ended_by_staff_id: null
		});
	}

	consent(
		citizen: CitizenName,
		department: DepartmentKey,
		action: ConsentAction,
		channel: ConsentChannel,
		by: StaffName | CitizenName,
		at: Date,
		note: string | null = null
	): void {
		const n = this.rows.consents.length + 1;
		this.rows.consents.push({
			id: demoId(`consent:${citizen}:${n}`),
			citizen_id: ids.citizen(citizen),
			department_id: ids.department(department),
			action,
			channel,
			recorded_by_citizen_id: isStaff(by) ? null : ids.citizen(by),
			recorded_by_staff_id: isStaff(by) ? ids.staff(by) : null,
			witness: null,
			note,
			occurred_at: at
		});
	}

	analog(
		citizen: CitizenName,
		analog: boolean,
		reason: AnalogReason | null,
		by: StaffName | CitizenName,
		at: Date,
		note: string | null
	): void {
		const n = this.rows.analog_flag_changes.length + 1;
		this.rows.analog_flag_changes.push({
			id: demoId(`analog:${citizen}:${n}`),
			citizen_id: ids.citizen(citizen),
			analog,
			reason,
			note,
			set_by_staff_id: isStaff(by) ? ids.staff(by) : null,
			set_by_citizen_id: isStaff(by) ? null : ids.citizen(by),
			changed_at: at
		});
	}

	goal(
		journey: string,
		order: number,
		goal: {
			title: string;
			titleEn: string;
			description: string;
			status: GoalStatus;
			progress: number;
			department: DepartmentKey;
			targetDate: string;
			agreedAt: Date;
			updatedAt: Date;
		}
	): void {
		this.rows.plan_goals.push({
			id: demoId(`goal:${journey}:${order}`),
			journey_id: ids.journey(journey),
			title: goal.title,
			title_en: goal.titleEn,
			description: goal.description,
			status: goal.status,
			progress: goal.progress,
			responsible_department_id: ids.department(goal.department),
			target_date: goal.targetDate,
			agreed_at: goal.agreedAt,
			sort_order: order,
			updated_at: goal.updatedAt
		});
	}

	/** A staff member read a citizen's journey (what "who has looked at my data" shows). */
	read(staff: StaffName, citizen: CitizenName, journey: string, at: Date, purpose: string): void {
		const n = this.rows.audit_events.length + 1;
		this.rows.audit_events.push({
			id: demoId(`audit:${n}`),
			occurred_at: at,
			actor_type: 'staff',
			actor_staff_id: ids.staff(staff),
			actor_citizen_id: null,
			actor_department_id: staffDepartmentId(staff),
			actor_role: STAFF_ROLE.get(staff) ?? null,
			action: 'read',
			object_type: 'journey',
			object_id: ids.journey(journey),
			citizen_id: ids.citizen(citizen),
			purpose,
			criterion: null,
			request_id: null
		});
	}

	search(staff: StaffName, citizen: CitizenName, at: Date, criterion: string, purpose: string) {
		const n = this.rows.audit_events.length + 1;
		this.rows.audit_events.push({
			id: demoId(`audit:${n}`),
			occurred_at: at,
			actor_type: 'staff',
			actor_staff_id: ids.staff(staff),
			actor_citizen_id: null,
			actor_department_id: staffDepartmentId(staff),
			actor_role: STAFF_ROLE.get(staff) ?? null,
			action: 'search',
			object_type: 'citizen',
			object_id: null,
			citizen_id: ids.citizen(citizen),
			purpose,
			criterion,
			request_id: null
		});
	}
}

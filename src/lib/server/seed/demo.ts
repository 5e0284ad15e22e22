// The demo municipality, Sammen Kommune: five departments, their staff and nine fictitious
// citizens with months of history. Seeded into an empty database at demo start (db/index.ts) and by
// `npm run db:seed`. Everything derives from `now`, so tests can rely on the content (see
// tests/db/seed.spec.ts). Relative imports only: scripts/db-seed.ts runs this under tsx.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { encryptCpr, hashCpr, type CprKeys } from '../crypto/cpr';
import type { Database } from '../db/schema';
import type {
	AnalogReason,
	CaseStatus,
	ConsentAction,
	ConsentChannel,
	GoalStatus,
	MeetingResponse,
	TimelineKind,
	Visibility,
	WaitingOn
} from '../../domain';
import {
	DEMO_CITIZEN_ROWS,
	DEMO_CITIZENS,
	DEMO_CITY,
	DEMO_DEPARTMENTS,
	DEMO_STAFF,
	DEMO_STAFF_USERS,
	type CitizenName,
	type DepartmentKey,
	type KleNumber,
	type StaffName
} from './demo-data';
import { DemoClock, demoId, formatDanish, formatEnglish } from './demo-time';
import * as clock from '../clock';

export { DEMO_CITIZENS, DEMO_KLE, DEMO_STAFF } from './demo-data';
export { demoId } from './demo-time';

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
	const row = await db
		.selectFrom('departments')
		.select(sql<number>`count(*)::int`.as('n'))
		.executeTakeFirstOrThrow();
	return row.n === 0;
}

// ---------------------------------------------------------------------------------------------
// Ids. Stable keys make stable uuids (demoId), so rows can refer to each other before insertion
// and every table goes in with one multi-row INSERT.

export const demoIds = {
	department: (slug: DepartmentKey) => demoId(`department:${slug}`),
	staff: (name: StaffName) => demoId(`staff:${name}`),
	citizen: (name: CitizenName) => demoId(`citizen:${name}`),
	case: (key: string) => demoId(`case:${key}`),
	journey: (key: string) => demoId(`journey:${key}`),
	meeting: (key: string) => demoId(`meeting:${key}`),
	task: (key: string) => demoId(`task:${key}`),
	letter: (key: string) => demoId(`letter:${key}`)
};

const ids = demoIds;

const STAFF_DEPARTMENT = new Map(DEMO_STAFF_USERS.map((s) => [s.name, s.department]));
const STAFF_ROLE = new Map(DEMO_STAFF_USERS.map((s) => [s.name, s.role]));

function isStaff(name: StaffName | CitizenName): name is StaffName {
	return name in DEMO_STAFF;
}

function staffDepartmentId(name: StaffName): string | null {
	const department = STAFF_DEPARTMENT.get(name);
	return department ? ids.department(department) : null;
}

// ---------------------------------------------------------------------------------------------
// The rows, collected in memory and inserted table by table.

// Print batches and the demo outbox start empty: the demo's own deliveries fill them. API keys,
// idempotency records, settings and retention runs are made by administrators and the app.
type SeededTables = Exclude<
	keyof Database,
	| 'print_batches'
	| 'demo_outbox'
	| 'api_keys'
	| 'api_idempotency'
	| 'municipality_settings'
	| 'retention_settings'
	| 'retention_runs'
>;
type Rows = { [T in SeededTables]: Insertable<Database[T]>[] };

interface CaseSpec {
	key: string;
	citizen: CitizenName;
	department: DepartmentKey;
	kle: KleNumber;
	title: string;
	titleEn: string;
	status: CaseStatus;
	waitingOn: WaitingOn | null;
	nextStep: string | null;
	nextStepEn: string | null;
	nextStepDue: string | null;
	caseworker: StaffName;
	externalRef: string;
	openedAt: Date;
	decidedAt?: Date;
	closedAt?: Date;
	updatedAt: Date;
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

class DemoBuilder {
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

	constructor(
		readonly clock: DemoClock,
		private readonly keys: CprKeys
	) {}

	reference(): void {
		const created = this.clock.past(400, 8);
		for (const d of DEMO_DEPARTMENTS) {
			this.rows.departments.push({
				id: ids.department(d.slug),
				slug: d.slug,
				name: d.name,
				name_en: d.nameEn,
				kle_area: d.kleArea,
				phone: d.phone,
				email: d.email,
				address: d.address,
				opening_hours: d.openingHours,
				created_at: created
			});
		}
		for (const s of DEMO_STAFF_USERS) {
			this.rows.staff_users.push({
				id: ids.staff(s.name),
				oidc_subject: null,
				email: DEMO_STAFF[s.name],
				name: s.name,
				department_id: s.department ? ids.department(s.department) : null,
				role: s.role,
				phone: s.phone,
				active: true,
				created_at: created
			});
		}
		for (const c of DEMO_CITIZEN_ROWS) {
			const cpr = DEMO_CITIZENS[c.name];
			this.rows.citizens.push({
				id: ids.citizen(c.name),
				cpr_encrypted: encryptCpr(this.keys, cpr),
				cpr_hash: hashCpr(this.keys, cpr),
				name: c.name,
				co_name: c.coName,
				address_line: c.addressLine,
				postal_code: DEMO_CITY.postalCode,
				city: DEMO_CITY.city,
				preferred_language: c.language,
				email: c.email,
				phone: c.phone,
				notify_by_email: c.notifyByEmail,
				notify_by_sms: c.notifyBySms,
				created_at: this.clock.past(300, 8),
				updated_at: this.clock.past(60, 8)
			});
		}
	}

	case(spec: CaseSpec): void {
		this.rows.cases.push({
			id: ids.case(spec.key),
			citizen_id: ids.citizen(spec.citizen),
			department_id: ids.department(spec.department),
			kle_number: spec.kle,
			title: spec.title,
			title_en: spec.titleEn,
			status: spec.status,
			waiting_on: spec.waitingOn,
			next_step: spec.nextStep,
			next_step_en: spec.nextStepEn,
			next_step_due: spec.nextStepDue,
			caseworker_id: ids.staff(spec.caseworker),
			external_ref: spec.externalRef,
			opened_at: spec.openedAt,
			decided_at: spec.decidedAt ?? null,
			closed_at: spec.closedAt ?? null,
			updated_at: spec.updatedAt
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

// ---------------------------------------------------------------------------------------------
// The citizens' stories.

const TOWN_HALL = 'Rådhuset, mødelokale 2, Rådhuspladsen 1, 9999 Sammenby';
const JOB_CENTRE = 'Jobcentret, Stationsvej 4, 9999 Sammenby';

/**
 * Maja Jensen: digital, cases in three departments, one journey coordinated by Mette Larsen,
 * consent to Jobcenter and Socialforvaltningen (not Børn og Familie), a joint meeting next week,
 * an open task, a plan with progress, messages (two unread) and a long timeline.
 */
function maja(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'maja';
	const meetingStart = c.nextWeek();
	b.case({
		key: 'maja-job',
		citizen: 'Maja Jensen',
		department: 'jobcenter',
		kle: '15.20.02',
		title: 'Din vej til job',
		titleEn: 'Your path to work',
		status: 'in_progress',
		waitingOn: 'citizen',
		nextStep: 'Send dine lønsedler for de sidste tre måneder',
		nextStepEn: 'Send your payslips for the last three months',
		nextStepDue: c.dueDate(5),
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104417',
		openedAt: c.past(260, 9),
		updatedAt: c.past(3, 9, 30)
	});
	b.case({
		key: 'maja-social',
		citizen: 'Maja Jensen',
		department: 'socialforvaltningen',
		kle: '27.12.04',
		title: 'Din sag om rådgivning og støtte',
		titleEn: 'Your case about advice and support',
		status: 'in_progress',
		waitingOn: 'municipality',
		nextStep: 'Vi holder et fællesmøde med dig og planlægger de næste skridt',
		nextStepEn: 'We will hold a joint meeting with you and plan the next steps',
		nextStepDue: c.dateOf(meetingStart),
		caseworker: 'Mette Larsen',
		externalRef: 'SOC-220318',
		openedAt: c.past(240, 10),
		decidedAt: c.past(198, 11),
		updatedAt: c.past(4, 11)
	});
	b.case({
		key: 'maja-family',
		citizen: 'Maja Jensen',
		department: 'boern-og-familie',
		kle: '27.27.09',
		title: 'Støtte til din familie',
		titleEn: 'Support for your family',
		status: 'decided',
		waitingOn: 'municipality',
		nextStep: 'Vi finder en familiebehandler, som kan komme hjem til jer',
		nextStepEn: 'We are finding a family therapist who can visit you at home',
		nextStepDue: c.dueDate(14),
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310552',
		openedAt: c.past(215, 13),
		decidedAt: c.past(140, 10),
		updatedAt: c.past(10, 13)
	});
	b.journey({
		key: J,
		citizen: 'Maja Jensen',
		title: 'Job, økonomi og familie',
		titleEn: 'Work, money and family',
		coordinator: 'Mette Larsen',
		startedAt: c.past(235, 9),
		cases: ['maja-job', 'maja-social', 'maja-family']
	});

	b.consent('Maja Jensen', 'jobcenter', 'granted', 'portal', 'Maja Jensen', c.past(234, 19, 5));
	b.consent(
		'Maja Jensen',
		'socialforvaltningen',
		'granted',
		'portal',
		'Maja Jensen',
		c.past(234, 19, 6)
	);

	const goals = [
		{
			title: 'Et job på 15 timer om ugen',
			titleEn: 'A job of 15 hours a week',
			description:
				'Du er i praktik i en dagligvarebutik. Næste skridt er flere timer og på sigt løn.',
			status: 'in_progress' as const,
			progress: 40,
			department: 'jobcenter' as const,
			targetDate: c.date(180),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(45, 10)
		},
		{
			title: 'Styr på økonomien',
			titleEn: 'Control of your money',
			description: 'Du har et budget, og du har fået boligstøtte. Nu ser vi på din gæld.',
			status: 'in_progress' as const,
			progress: 60,
			department: 'socialforvaltningen' as const,
			targetDate: c.date(60),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(58, 10)
		},
		{
			title: 'Rolige morgener for familien',
			titleEn: 'Calm mornings for the family',
			description: 'Børnene kommer i skole til tiden, og morgenerne er mindre stressede.',
			status: 'in_progress' as const,
			progress: 25,
			department: 'boern-og-familie' as const,
			targetDate: c.date(120),
			agreedAt: c.past(130, 11),
			updatedAt: c.past(10, 13)
		},
		{
			title: 'Et budget, du kan holde',
			titleEn: 'A budget you can keep',
			description: 'Du har lavet et budget sammen med Jonas Friis og har holdt det i tre måneder.',
			status: 'achieved' as const,
			progress: 100,
			department: 'socialforvaltningen' as const,
			targetDate: c.date(-90),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(95, 14)
		}
	];
	goals.forEach((goal, i) => b.goal(J, i + 1, goal));

	b.meeting({
		key: 'maja-m1',
		journey: J,
		title: 'Første fællesmøde',
		titleEn: 'First joint meeting',
		startsAt: c.past(230, 10),
		minutes: 90,
		location: TOWN_HALL,
		agenda:
			'1. Hvad er vigtigst for dig lige nu?\n2. Dine sager i Jobcentret og Socialforvaltningen\n3. Sådan arbejder vi sammen',
		organizer: 'Mette Larsen',
		response: 'accepted',
		respondedAt: c.past(233, 19, 2),
		notes:
			'Maja vil gerne i job og have ro på økonomien. Vi laver én fælles plan. Mette Larsen er tovholder.',
		createdAt: c.past(234, 9),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' }
		]
	});
	b.meeting({
		key: 'maja-m2',
		journey: J,
		title: 'Samtale om praktik',
		titleEn: 'Talk about a work placement',
		startsAt: c.past(180, 9),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Dine erfaringer og ønsker\n2. Muligheder for praktik',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(184, 20, 11),
		notes: 'Maja vil gerne prøve en praktik i en dagligvarebutik, 10 timer om ugen.',
		createdAt: c.past(186, 10),
		participants: [{ staff: 'Lone Madsen', role: 'Sagsbehandler' }]
	});
	b.meeting({
		key: 'maja-m3',
		journey: J,
		title: 'Fællesmøde om planen',
		titleEn: 'Joint meeting about the plan',
		startsAt: c.past(130, 10),
		minutes: 90,
		location: TOWN_HALL,
		agenda: '1. Praktik\n2. Økonomi\n3. Hjælp til morgenerne',
		organizer: 'Mette Larsen',
		response: 'accepted',
		respondedAt: c.past(134, 8, 47),
		notes:
			'Praktikplads fundet. Boligstøtte søgt. Børn og Familie tilbyder familiebehandling. Nyt mål om rolige morgener.',
		createdAt: c.past(137, 14),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ staff: 'Peter Holm', role: 'Sagsbehandler' }
		]
	});
	const nextMeeting = b.meeting({
		key: 'maja-next',
		journey: J,
		title: 'Fællesmøde om din plan',
		titleEn: 'Joint meeting about your plan',
		startsAt: meetingStart,
		minutes: 90,
		location: TOWN_HALL,
		agenda:
			'1. Hvordan går det i praktikken?\n2. Morgenerne og hjælp til familien\n3. Økonomi: lønsedler og boligstøtte\n4. De næste skridt i din plan',
		whatToBring:
			'Dine lønsedler for de sidste tre måneder, hvis du ikke har sendt dem. Din kalender.',
		organizer: 'Mette Larsen',
		response: 'pending',
		createdAt: c.past(4, 11),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler, Jobcentret' },
			{ staff: 'Peter Holm', role: 'Sagsbehandler, Børn og Familie' }
		]
	});

	b.task({
		key: 'maja-cv',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Opret dit CV på Jobnet',
		titleEn: 'Create your CV on Jobnet',
		description: 'Skriv dine job og uddannelser ind. Lone Madsen hjælper dig gerne.',
		dueDate: c.date(-215),
		createdBy: 'Lone Madsen',
		createdAt: c.past(222, 11),
		doneAt: c.past(216, 20, 14),
		doneComment: 'Mit CV ligger nu på Jobnet.'
	});
	b.task({
		key: 'maja-budget',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-social',
		title: 'Lav et budget sammen med Jonas Friis',
		titleEn: 'Make a budget with Jonas Friis',
		description: 'Tag dine regninger og kontoudtog med til mødet.',
		dueDate: c.date(-180),
		createdBy: 'Mette Larsen',
		createdAt: c.past(195, 10),
		doneAt: c.past(185, 11)
	});
	b.task({
		key: 'maja-placement',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Svar på tilbud om praktik',
		titleEn: 'Reply to the offer of a work placement',
		description: 'Sig ja eller nej til praktikken i dagligvarebutikken.',
		dueDate: c.date(-121),
		createdBy: 'Lone Madsen',
		createdAt: c.past(128, 14),
		doneAt: c.past(125, 18, 40),
		doneComment: 'Ja tak, jeg vil gerne starte.'
	});
	b.task({
		key: 'maja-payslips',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Send dine lønsedler for de sidste tre måneder',
		titleEn: 'Send your payslips for the last three months',
		description:
			'Vi skal se, hvor mange timer du arbejder nu, før vi planlægger næste del af din praktik. Du kan tage dem med til mødet eller aflevere dem i Borgerservice.',
		dueDate: c.dueDate(5),
		createdBy: 'Lone Madsen',
		createdAt: c.past(3, 9, 30)
	});
	b.task({
		key: 'maja-find-therapist',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-family',
		assignedStaff: 'Peter Holm',
		title: 'Find en familiebehandler til familien',
		titleEn: 'Find a family therapist for the family',
		description: 'Familien ønsker hjemmebesøg om morgenen før kl. 8.',
		dueDate: c.dueDate(14),
		createdBy: 'Mette Larsen',
		createdAt: c.past(10, 13)
	});

	b.message(
		J,
		'Mette Larsen',
		c.past(190, 10, 12),
		'Hej Maja. Tak for i dag. Jeg har skrevet planen ind i portalen, så du kan se den. Skriv, hvis noget er forkert. Venlig hilsen Mette',
		c.past(190, 17, 30)
	);
	b.message(
		J,
		'Maja Jensen',
		c.past(189, 19, 40),
		'Tak, det ser fint ud. Kan vi holde næste møde om formiddagen? Jeg henter børn kl. 14.',
		c.past(188, 8, 30)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(188, 8, 35),
		'Ja, selvfølgelig. Vi holder alle møder før kl. 13.',
		c.past(188, 12, 2)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(30, 9, 5),
		'Hej Maja. Hvordan går det i praktikken? Lone fortæller, at butikken er glad for dig.',
		c.past(30, 16, 44)
	);
	b.message(
		J,
		'Maja Jensen',
		c.past(29, 20, 15),
		'Det går godt, men jeg er træt om morgenen. Kan vi tale om det på næste møde?',
		c.past(28, 8, 55)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(28, 9, 0),
		'Ja, det sætter vi på dagsordenen. Peter fra Børn og Familie kommer også.',
		c.past(28, 18, 20)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(2, 14, 20),
		`Jeg har sendt dig en invitation til fællesmødet ${formatDanish(nextMeeting)}. Husk at svare på invitationen.`,
		null
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(1, 9, 30),
		'Lone minder om dine lønsedler. Du kan tage dem med til mødet eller aflevere dem i Borgerservice.',
		null
	);

	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(235, 9, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Dit forløb er startet',
		body: 'Vi har samlet dine sager fra Jobcentret, Socialforvaltningen og Børn og Familie ét sted. Mette Larsen er din koordinerende sagsbehandler. Du kan altid skrive eller ringe til hende.'
	});
	e({
		at: c.past(234, 19, 5),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		body: 'Jobcentret kan nu se de noter, som de andre afdelinger skriver i dit forløb. Du kan trække samtykket tilbage når som helst.'
	});
	e({
		at: c.past(234, 19, 6),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'socialforvaltningen',
		title: 'Du gav samtykke til Socialforvaltningen',
		body: 'Socialforvaltningen kan nu se de noter, som de andre afdelinger skriver i dit forløb. Du kan trække samtykket tilbage når som helst.'
	});
	e({
		at: c.past(233, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Opstartssamtale',
		body: 'Maja vil gerne i arbejde, men økonomien og hverdagen med to børn fylder meget. Hun ønsker ét sted at henvende sig. Hun har ikke givet samtykke til Børn og Familie endnu og vil tænke over det.'
	});
	e({
		at: c.past(230, 11, 45),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m1',
		title: 'Første fællesmøde',
		body: 'Du mødtes med Jobcentret og Socialforvaltningen. Vi aftalte at lave én fælles plan.'
	});
	e({
		at: c.past(229, 11),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er lavet',
		body: 'Vi har skrevet tre mål ned sammen med dig: et job på 15 timer om ugen, styr på økonomien og et budget, du kan holde.'
	});
	e({
		at: c.past(226, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Vurdering af jobmål',
		body: 'Maja har fem års erfaring fra detailhandel. Realistisk mål: 15 timer om ugen inden for et år. Skal have praktik først.'
	});
	e({
		at: c.past(222, 11),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-cv',
		title: 'Ny opgave: Opret dit CV på Jobnet',
		body: 'Skriv dine job og uddannelser ind på Jobnet. Lone Madsen hjælper dig gerne.'
	});
	e({
		at: c.past(216, 20, 14),
		kind: 'task',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		task: 'maja-cv',
		title: 'Opgave løst: Dit CV er på Jobnet',
		body: 'Mit CV ligger nu på Jobnet.'
	});
	e({
		at: c.past(210, 15),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Samtale med skolen',
		body: 'Skolen oplyser, at den ældste ofte kommer for sent om morgenen. Ellers trives begge børn. Aftalt opfølgning om to uger.'
	});
	e({
		at: c.past(205, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Vi behandler din sag om støtte til familien',
		body: 'Vi har talt med dig og med skolen. Nu vurderer vi, hvilken støtte der passer til jer.'
	});
	e({
		at: c.past(198, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Afgørelse: Du får rådgivning og støtte',
		body: 'Du får et forløb med rådgivning hos Socialforvaltningen i seks måneder. Er du uenig, kan du klage inden fire uger. Læs i afgørelsen, hvordan du klager.'
	});
	e({
		at: c.past(195, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Mette Larsen',
		task: 'maja-budget',
		title: 'Ny opgave: Lav et budget sammen med Jonas Friis',
		body: 'Tag dine regninger og kontoudtog med til mødet.'
	});
	e({
		at: c.past(190, 10, 12),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om din plan. Læs den under Beskeder.'
	});
	e({
		at: c.past(185, 11),
		kind: 'task',
		visibility: 'citizen',
		by: 'Jonas Friis',
		task: 'maja-budget',
		title: 'Opgave løst: Dit budget er lavet',
		body: 'Du har lavet et budget sammen med Jonas Friis.'
	});
	e({
		at: c.past(185, 11, 30),
		kind: 'note',
		visibility: 'staff',
		by: 'Jonas Friis',
		title: 'Budget gennemgået',
		body: 'Huslejen er 45 % af indtægten. Aftalt at søge boligstøtte hos Udbetaling Danmark. Ingen restancer lige nu.'
	});
	e({
		at: c.past(180, 10, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'maja-m2',
		title: 'Samtale om praktik',
		body: 'Du talte med Lone Madsen om praktik. Du vil gerne prøve en praktik i en dagligvarebutik.'
	});
	e({
		at: c.past(170, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi leder efter en praktikplads til dig',
		body: 'Vi kontakter butikker i Sammenby. Vi skriver til dig, når vi har fundet en plads.'
	});
	e({
		at: c.past(160, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Kontakt til virksomhed',
		body: 'Talt med en dagligvarebutik i Sammenby. De kan tage Maja i praktik 10 timer om ugen fra formiddag. Passer med hendes børn.'
	});
	e({
		at: c.past(150, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er opdateret',
		body: 'Målet om styr på økonomien er halvvejs: Du har lavet et budget og søgt boligstøtte.'
	});
	e({
		at: c.past(145, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Hjemmebesøg',
		body: 'Gode rammer i hjemmet, men travle morgener. Familiebehandling med fokus på struktur kan hjælpe.'
	});
	e({
		at: c.past(140, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Afgørelse: I får familiebehandling',
		body: 'I får hjælp fra en familiebehandler i seks måneder. Er du uenig, kan du klage inden fire uger. Læs i afgørelsen, hvordan du klager.'
	});
	e({
		at: c.past(137, 14),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m3',
		title: 'Invitation til fællesmøde',
		body: 'Du er inviteret til et fællesmøde med Jobcentret, Socialforvaltningen og Børn og Familie.'
	});
	e({
		at: c.past(130, 11, 40),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m3',
		title: 'Fællesmøde om planen',
		body: 'Vi talte om praktik, økonomi og hjælp til morgenerne. Planen har fået et nyt mål: rolige morgener for familien.'
	});
	e({
		at: c.past(128, 14),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-placement',
		title: 'Ny opgave: Svar på tilbud om praktik',
		body: 'Vi har fundet en praktikplads til dig i en dagligvarebutik. Sig ja eller nej.'
	});
	e({
		at: c.past(125, 18, 40),
		kind: 'task',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		task: 'maja-placement',
		title: 'Opgave løst: Du har sagt ja til praktikken',
		body: 'Ja tak, jeg vil gerne starte.'
	});
	e({
		at: c.past(120, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Du er startet i praktik',
		body: 'Du er i praktik 10 timer om ugen i 13 uger. Lone Madsen følger op hver anden uge.'
	});

	// The fortnightly follow-up on the work placement: an internal note and a status for Maja.
	const followUps = [
		['Første uge gik godt. Butikschefen roser hendes kundeservice.', 'Praktikken er godt i gang.'],
		['Maja kommer til tiden. Hun vil gerne lære kassesystemet.', 'Du lærer nu kassesystemet.'],
		['Lidt træt om morgenen; aftalt at starte kl. 9 i stedet for kl. 8.', 'Du starter nu kl. 9.'],
		[
			'Butikken tilbyder flere timer efter praktikken.',
			'Butikken vil gerne have dig i flere timer.'
		],
		['Maja har haft to sygedage, begge meldt korrekt.', 'Vi har talt om dine sygedage.'],
		['Aftalt at forlænge praktikken med 8 uger.', 'Din praktik bliver forlænget.'],
		[
			'Maja arbejder nu 12 timer om ugen. Lønsedler skal bruges.',
			'Du arbejder nu 12 timer om ugen.'
		]
	];
	followUps.forEach(([note, status], i) => {
		const daysAgo = 112 - i * 14;
		e({
			at: c.past(daysAgo, 13, 30),
			kind: 'note',
			visibility: 'staff',
			by: 'Lone Madsen',
			title: `Opfølgning på praktik, uge ${2 + i * 2}`,
			body: note ?? ''
		});
		e({
			at: c.past(daysAgo, 14),
			kind: 'status',
			visibility: 'citizen',
			by: 'Lone Madsen',
			title: 'Samtale om din praktik',
			body: `${status ?? ''} Næste samtale er om to uger.`
		});
	});
	// Monthly economic counselling with Jonas Friis (internal notes).
	const counselling = [
		'Boligstøtte søgt. Svar forventes om 4-6 uger.',
		'Gennemgået regninger. Alle betalt til tiden.',
		'Maja vil gerne afdrage på en gammel gæld. Lavet afdragsplan.',
		'Budgettet holder tredje måned i træk.',
		'Boligstøtte bevilget af Udbetaling Danmark fra næste måned.',
		'Gennemgået ny indtægt fra praktikken. Budget justeret.'
	];
	counselling.forEach((note, i) => {
		e({
			at: c.past(200 - i * 30, 10, 15),
			kind: 'note',
			visibility: 'staff',
			by: 'Jonas Friis',
			title: 'Økonomisk rådgivning',
			body: note
		});
	});
	e({
		at: c.past(58, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er opdateret',
		body: 'Du har fået boligstøtte. Målet om styr på økonomien er nu 60 % nået.'
	});
	e({
		at: c.past(45, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Din praktik er forlænget',
		body: 'Vi har forlænget din praktik med 8 uger, så du kan prøve flere timer. Er du uenig, kan du klage inden fire uger.'
	});
	e({
		at: c.past(30, 9, 5),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om din praktik. Læs den under Beskeder.'
	});
	e({
		at: c.past(10, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Opgave til Børn og Familie',
		body: 'Peter Holm finder en familiebehandler, der kan komme før kl. 8. Tages op på fællesmødet.'
	});
	e({
		at: c.past(4, 11),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-next',
		title: 'Invitation til fællesmøde',
		body: `Du er inviteret til et fællesmøde ${formatDanish(nextMeeting)} på Rådhuset. Jobcentret, Socialforvaltningen og Børn og Familie deltager. Svar på invitationen.`
	});
	e({
		at: c.past(3, 9, 30),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-payslips',
		title: 'Ny opgave: Send dine lønsedler for de sidste tre måneder',
		body: 'Vi skal se, hvor mange timer du arbejder nu. Tag lønsedlerne med til mødet, eller aflever dem i Borgerservice.'
	});
	e({
		at: c.past(2, 15),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Forberedelse af fællesmøde',
		body: 'Butikken kan tilbyde 15 timer om ugen fra næste måned. Afventer lønsedler for at beregne supplerende hjælp.'
	});
	e({
		at: c.past(1, 9, 30),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om dine lønsedler. Læs den under Beskeder.'
	});

	b.read('Mette Larsen', 'Maja Jensen', J, c.past(28, 9), 'Svar på besked fra borgeren');
	b.read('Jonas Friis', 'Maja Jensen', J, c.past(20, 10, 5), 'Økonomisk rådgivning');
	b.read('Peter Holm', 'Maja Jensen', J, c.past(10, 12, 40), 'Planlægning af familiebehandling');
	b.search('Lone Madsen', 'Maja Jensen', c.past(3, 9, 10), 'navn: Maja Jensen', 'Ny opgave');
	b.read('Lone Madsen', 'Maja Jensen', J, c.past(3, 9, 12), 'Opfølgning på praktik');
	b.read('Mette Larsen', 'Maja Jensen', J, c.past(4, 10, 30), 'Forberedelse af fællesmøde');
	b.read('Lone Madsen', 'Maja Jensen', J, c.past(2, 14, 50), 'Forberedelse af fællesmøde');
	b.read('Mette Larsen', 'Maja Jensen', J, c.past(1, 9, 20), 'Forberedelse af fællesmøde');
}

/**
 * Karl Nielsen: exempt from Digital Post, so he is analog (flag set by a caseworker) and everything
 * reaches him as posted letters; a home visit is coming up.
 */
function karl(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'karl';
	b.analog(
		'Karl Nielsen',
		true,
		'digital_post_exempt',
		'Hanne Vestergaard',
		c.past(245, 10),
		'Fritaget for Digital Post. Alt sendes med posten. Ring gerne før et besøg.'
	);
	// His daughter may look, not act: a read-only power of attorney on paper.
	b.rows.representatives.push({
		id: demoId('representative:karl-lise'),
		citizen_id: ids.citizen('Karl Nielsen'),
		representative_citizen_id: ids.citizen('Lise Mortensen'),
		scope: 'read_only',
		department_ids: null,
		basis: 'power_of_attorney',
		basis_reference: 'Fuldmagt til at se sagerne, underskrevet på papir',
		valid_from: c.date(-240),
		valid_to: null,
		registered_by_staff_id: ids.staff('Hanne Vestergaard'),
		created_at: c.past(240, 13),
		ended_at: null,
		ended_by_staff_id: null
	});
	b.case({
		key: 'karl-rehab',
		citizen: 'Karl Nielsen',
		department: 'sundhed-og-omsorg',
		kle: '27.36.16',
		title: 'Din genoptræning',
		titleEn: 'Your rehabilitation',
		status: 'closed',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-118203',
		openedAt: c.past(245, 9),
		decidedAt: c.past(238, 10),
		closedAt: c.past(70, 10),
		updatedAt: c.past(70, 10)
	});
	const visit = c.workdayAt(10, 13);
	b.case({
		key: 'karl-care',
		citizen: 'Karl Nielsen',
		department: 'sundhed-og-omsorg',
		kle: '27.36.04',
		title: 'Din sag om hjemmehjælp',
		titleEn: 'Your case about home help',
		status: 'decided',
		waitingOn: 'municipality',
		nextStep: 'Vi kommer på besøg og taler med dig om, hvordan hjælpen fungerer',
		nextStepEn: 'We will visit you and talk about how the help is working',
		nextStepDue: c.dateOf(visit),
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-118877',
		openedAt: c.past(215, 11),
		decidedAt: c.past(200, 10),
		updatedAt: c.past(2, 11)
	});
	b.journey({
		key: J,
		citizen: 'Karl Nielsen',
		title: 'Hjælp i hjemmet',
		titleEn: 'Help at home',
		coordinator: 'Hanne Vestergaard',
		startedAt: c.past(240, 9),
		cases: ['karl-rehab', 'karl-care']
	});
	const home = 'Hjemme hos dig: Kirkevej 14, 1. tv., 9999 Sammenby';
	b.meeting({
		key: 'karl-m1',
		journey: J,
		title: 'Besøg i dit hjem',
		titleEn: 'Visit in your home',
		startsAt: c.past(208, 13),
		minutes: 60,
		location: home,
		agenda: 'Hvad har du brug for hjælp til i hverdagen?',
		organizer: 'Hanne Vestergaard',
		response: 'accepted',
		respondedAt: c.past(212, 10, 20),
		notes: 'Karl har svært ved at gå i bad alene og ved at gøre rent. Søger hjemmehjælp.',
		createdAt: c.past(214, 14),
		participants: [{ staff: 'Hanne Vestergaard', role: 'Visitator' }]
	});
	b.meeting({
		key: 'karl-next',
		journey: J,
		title: 'Besøg om din hjemmehjælp',
		titleEn: 'Visit about your home help',
		startsAt: visit,
		minutes: 60,
		location: home,
		agenda:
			'1. Hvordan fungerer hjælpen til bad?\n2. Rengøring om fredagen i stedet for om mandagen',
		whatToBring: 'Intet. Vi kommer hjem til dig.',
		organizer: 'Hanne Vestergaard',
		response: 'pending',
		createdAt: c.past(2, 11),
		participants: [{ staff: 'Hanne Vestergaard', role: 'Visitator' }]
	});

	const letters = [
		{
			key: 'karl-l1',
			daysAgo: 238,
			subject: 'Afgørelse: Du får genoptræning',
			body: 'Kære Karl Nielsen\n\nDu får genoptræning to gange om ugen i 12 uger på Sammenby Træningscenter. Vi ringer til dig og aftaler den første tid.\n\nEr du uenig, kan du klage inden fire uger. Ring til os, så hjælper vi dig.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 2
		},
		{
			key: 'karl-l2',
			daysAgo: 200,
			subject: 'Afgørelse: Du får hjemmehjælp',
			body: 'Kære Karl Nielsen\n\nDu får hjælp til bad to gange om ugen og hjælp til rengøring hver anden uge. Hjælpen starter mandag i næste uge.\n\nEr du uenig, kan du klage inden fire uger. Ring til os, så hjælper vi dig.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 2
		},
		{
			key: 'karl-l3',
			daysAgo: 70,
			subject: 'Din genoptræning er slut',
			body: 'Kære Karl Nielsen\n\nDin genoptræning er slut. Du kan nu gå længere ture med din rollator. Vi har sendt en øvelsesplan med, som du kan bruge derhjemme.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 1
		},
		{
			key: 'karl-l4',
			daysAgo: 2,
			subject: 'Vi kommer på besøg',
			body: `Kære Karl Nielsen\n\nVi kommer på besøg ${formatDanish(visit)}. Vi vil tale med dig om, hvordan hjemmehjælpen fungerer, og om rengøringen kan flyttes til fredag.\n\nPasser tiden ikke, så ring til os på telefon 12 34 50 40.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg`,
			pageCount: 1
		}
	];
	const posted = new Map<string, Date>();
	for (const l of letters) {
		posted.set(
			l.key,
			b.letter({
				key: l.key,
				citizen: 'Karl Nielsen',
				subject: l.subject,
				body: l.body,
				createdAt: c.past(l.daysAgo, 11),
				pageCount: l.pageCount
			})
		);
	}
	const postedEntry = (key: string, title: string, body: string) => {
		b.entry(J, {
			at: posted.get(key) ?? c.now,
			kind: 'letter',
			visibility: 'citizen',
			by: 'Hanne Vestergaard',
			letter: key,
			title,
			body
		});
	};

	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(240, 9, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Dit forløb er startet',
		body: 'Vi har samlet din genoptræning og din hjemmehjælp ét sted. Hanne Vestergaard er din kontaktperson. Du får alt fra os med posten.'
	});
	e({
		at: c.past(239, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Fritaget for Digital Post',
		body: 'Karl er fritaget for Digital Post. Alt skal sendes med posten. Han hører dårligt i telefonen: tal langsomt, og ring før besøg.'
	});
	e({
		at: c.past(238, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Afgørelse: Du får genoptræning',
		body: 'Du får genoptræning to gange om ugen i 12 uger.'
	});
	postedEntry('karl-l1', 'Afgørelsen er sendt med posten', 'Brev om din genoptræning.');
	e({
		at: c.past(225, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Træning i gang',
		body: 'Karl møder stabilt op. Kørsel til træning fungerer.'
	});
	e({
		at: c.past(215, 11, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Ansøgning om hjemmehjælp',
		body: 'Karl har ringet og søgt om hjælp til bad og rengøring. Besøg aftalt pr. telefon og bekræftet med brev.'
	});
	e({
		at: c.past(208, 14, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		meeting: 'karl-m1',
		title: 'Besøg i dit hjem',
		body: 'Vi besøgte dig og talte om, hvad du har brug for hjælp til.'
	});
	e({
		at: c.past(200, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Afgørelse: Du får hjemmehjælp',
		body: 'Du får hjælp til bad to gange om ugen og hjælp til rengøring hver anden uge.'
	});
	postedEntry('karl-l2', 'Afgørelsen er sendt med posten', 'Brev om din hjemmehjælp.');
	e({
		at: c.past(120, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Opfølgning på genoptræning',
		body: 'Karl går nu 500 meter med rollator. Forventet afslutning om 7 uger.'
	});
	e({
		at: c.past(70, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Din genoptræning er slut',
		body: 'Du har trænet i 12 uger. Du får en øvelsesplan, som du kan bruge derhjemme.'
	});
	postedEntry('karl-l3', 'Brevet er sendt med posten', 'Brev om, at din genoptræning er slut.');
	e({
		at: c.past(40, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Telefonopkald fra Karl',
		body: 'Hjælpen til bad fungerer godt. Karl vil gerne have rengøringen flyttet til fredag, fordi hans datter kommer om mandagen.'
	});
	e({
		at: c.past(2, 11),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		meeting: 'karl-next',
		title: 'Invitation: Vi kommer på besøg',
		body: `Vi kommer på besøg ${formatDanish(visit)} og taler om din hjemmehjælp.`
	});
	postedEntry('karl-l4', 'Invitationen er sendt med posten', 'Brev om vores besøg hos dig.');

	b.read('Hanne Vestergaard', 'Karl Nielsen', J, c.past(40, 11, 5), 'Telefonopkald fra borgeren');
	b.read('Hanne Vestergaard', 'Karl Nielsen', J, c.past(2, 10, 40), 'Planlægning af besøg');
}

/** Sofie Hansen, 15, represented by her father Henrik Hansen (parental custody). */
function sofie(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'sofie';
	b.rows.representatives.push({
		id: demoId('representative:sofie-henrik'),
		citizen_id: ids.citizen('Sofie Hansen'),
		representative_citizen_id: ids.citizen('Henrik Hansen'),
		scope: 'full',
		department_ids: null,
		basis: 'parental_custody',
		basis_reference: 'Forældremyndighed ifølge CPR-registeret',
		valid_from: c.date(-150),
		// Custody ends when Sofie turns 18.
		valid_to: c.date(3 * 365),
		registered_by_staff_id: ids.staff('Peter Holm'),
		created_at: c.past(150, 9),
		ended_at: null,
		ended_by_staff_id: null
	});
	b.case({
		key: 'sofie-investigation',
		citizen: 'Sofie Hansen',
		department: 'boern-og-familie',
		kle: '27.24.03',
		title: 'Undersøgelse af, hvilken støtte du har brug for',
		titleEn: 'Assessment of the support you need',
		status: 'closed',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310601',
		openedAt: c.past(160, 10),
		decidedAt: c.past(110, 10),
		closedAt: c.past(108, 10),
		updatedAt: c.past(108, 10)
	});
	b.case({
		key: 'sofie-contact',
		citizen: 'Sofie Hansen',
		department: 'boern-og-familie',
		kle: '27.27.24',
		title: 'Din kontaktperson',
		titleEn: 'Your contact person',
		status: 'decided',
		waitingOn: 'municipality',
		nextStep: 'Vi følger op på, hvordan det går med din kontaktperson',
		nextStepEn: 'We will follow up on how things are going with your contact person',
		nextStepDue: c.dueDate(30),
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310644',
		openedAt: c.past(108, 10),
		decidedAt: c.past(108, 11),
		updatedAt: c.past(20, 14)
	});
	b.case({
		key: 'sofie-costs',
		citizen: 'Sofie Hansen',
		department: 'boern-og-familie',
		kle: '32.18.04',
		title: 'Dækning af ekstra udgifter',
		titleEn: 'Cover of extra expenses',
		status: 'in_progress',
		waitingOn: 'citizen',
		nextStep: 'Send kvitteringerne for de ekstra udgifter',
		nextStepEn: 'Send the receipts for the extra expenses',
		nextStepDue: c.dueDate(14),
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310702',
		openedAt: c.past(40, 10),
		updatedAt: c.past(12, 10)
	});
	b.journey({
		key: J,
		citizen: 'Sofie Hansen',
		title: 'Sofies trivsel og skolegang',
		titleEn: "Sofie's well-being and school",
		coordinator: 'Peter Holm',
		startedAt: c.past(150, 9),
		cases: ['sofie-investigation', 'sofie-contact', 'sofie-costs']
	});
	b.meeting({
		key: 'sofie-m1',
		journey: J,
		title: 'Netværksmøde på skolen',
		titleEn: 'Network meeting at school',
		startsAt: c.past(100, 14),
		minutes: 60,
		location: 'Sammenby Skole, Skolegade 20, 9999 Sammenby',
		agenda: '1. Hvordan går det i skolen?\n2. Din kontaktperson\n3. Næste møde',
		organizer: 'Peter Holm',
		response: 'accepted',
		respondedAt: c.past(104, 19),
		notes: 'Sofie er glad for sin kontaktperson. Fraværet er faldet.',
		createdAt: c.past(106, 10),
		participants: [
			{ staff: 'Peter Holm', role: 'Sagsbehandler' },
			{ name: 'Sofies klasselærer', role: 'Lærer, Sammenby Skole' }
		]
	});
	b.task({
		key: 'sofie-receipts',
		citizen: 'Sofie Hansen',
		journey: J,
		case: 'sofie-costs',
		title: 'Send kvitteringer for de ekstra udgifter',
		titleEn: 'Send the receipts for the extra expenses',
		description: 'Send kvitteringer for de sidste tre måneder. Et billede af kvitteringen er nok.',
		dueDate: c.dueDate(14),
		createdBy: 'Peter Holm',
		createdAt: c.past(12, 10)
	});
	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(150, 9, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Dit forløb er startet',
		body: 'Peter Holm fra Børn og Familie er din sagsbehandler. Din far, Henrik Hansen, kan se og gøre det samme som dig her.'
	});
	e({
		at: c.past(140, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Samtale med Sofie og far',
		body: 'Sofie har meget fravær og føler sig alene i klassen. Far ønsker hjælp. Undersøgelse påbegyndt.'
	});
	e({
		at: c.past(110, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Afgørelse: Du får en kontaktperson',
		body: 'Du får en kontaktperson, som du ser en gang om ugen. Er I uenige, kan I klage inden fire uger.'
	});
	e({
		at: c.past(106, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Peter Holm',
		meeting: 'sofie-m1',
		title: 'Invitation til netværksmøde på skolen',
		body: 'Vi mødes på skolen med din klasselærer.'
	});
	e({
		at: c.past(100, 15, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Peter Holm',
		meeting: 'sofie-m1',
		title: 'Netværksmøde på skolen',
		body: 'Du er glad for din kontaktperson, og du er mindre væk fra skolen.'
	});
	e({
		at: c.past(60, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Status fra kontaktperson',
		body: 'Ugentlige møder fungerer. Sofie er begyndt til håndbold.'
	});
	e({
		at: c.past(40, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Vi har modtaget jeres ansøgning om ekstra udgifter',
		body: 'Vi behandler ansøgningen. Vi skriver, hvis vi mangler noget.'
	});
	e({
		at: c.past(12, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Peter Holm',
		task: 'sofie-receipts',
		title: 'Ny opgave: Send kvitteringer for de ekstra udgifter',
		body: 'Send kvitteringer for de sidste tre måneder.'
	});
	b.read('Peter Holm', 'Sofie Hansen', J, c.past(12, 9, 45), 'Behandling af ansøgning');
}

/** Ahmed Hassan prefers English: his cases, journey, tasks and timeline have English text. */
function ahmed(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'ahmed';
	const mentorMeeting = c.workdayAt(4, 14);
	b.case({
		key: 'ahmed-mentor',
		citizen: 'Ahmed Hassan',
		department: 'jobcenter',
		kle: '15.20.36',
		title: 'Din mentor',
		titleEn: 'Your mentor',
		status: 'in_progress',
		waitingOn: 'municipality',
		nextStep: 'Du møder din mentor på et videomøde',
		nextStepEn: 'You will meet your mentor in a video meeting',
		nextStepDue: c.dateOf(mentorMeeting),
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104902',
		openedAt: c.past(60, 10),
		decidedAt: c.past(60, 11),
		updatedAt: c.past(3, 10)
	});
	b.case({
		key: 'ahmed-placement',
		citizen: 'Ahmed Hassan',
		department: 'jobcenter',
		kle: '15.20.04',
		title: 'Din virksomhedspraktik',
		titleEn: 'Your work placement',
		status: 'received',
		waitingOn: 'municipality',
		nextStep: 'Vi leder efter en praktikplads inden for lager og logistik',
		nextStepEn: 'We are looking for a work placement in warehousing and logistics',
		nextStepDue: c.dueDate(21),
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104950',
		openedAt: c.past(20, 10),
		updatedAt: c.past(20, 10)
	});
	b.case({
		key: 'ahmed-expense',
		citizen: 'Ahmed Hassan',
		department: 'borgerservice',
		kle: '32.21.20',
		title: 'Din ansøgning om hjælp til en enkeltudgift',
		titleEn: 'Your application for help with a one-off expense',
		status: 'decided',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Kasper Dahl',
		externalRef: 'BS-550120',
		openedAt: c.past(45, 12),
		decidedAt: c.past(14, 10),
		updatedAt: c.past(14, 10)
	});
	b.journey({
		key: J,
		citizen: 'Ahmed Hassan',
		title: 'Din vej til job',
		titleEn: 'Your path to work',
		coordinator: 'Lone Madsen',
		startedAt: c.past(120, 10),
		cases: ['ahmed-mentor', 'ahmed-placement', 'ahmed-expense']
	});
	const consentNote = 'Givet på mødet. Samtykket er forklaret på engelsk.';
	b.consent(
		'Ahmed Hassan',
		'jobcenter',
		'granted',
		'meeting',
		'Lone Madsen',
		c.past(118, 10, 30),
		consentNote
	);
	b.consent(
		'Ahmed Hassan',
		'borgerservice',
		'granted',
		'meeting',
		'Lone Madsen',
		c.past(118, 10, 31),
		consentNote
	);
	b.goal(J, 1, {
		title: 'Et job inden for lager og logistik',
		titleEn: 'A job in warehousing and logistics',
		description: 'Ahmed har truckcertifikat og erfaring fra lager.',
		status: 'in_progress',
		progress: 20,
		department: 'jobcenter',
		targetDate: c.date(200),
		agreedAt: c.past(117, 10),
		updatedAt: c.past(20, 10)
	});
	b.goal(J, 2, {
		title: 'Tale mere dansk på arbejdet',
		titleEn: 'Speak more Danish at work',
		description: 'Danskundervisning to aftener om ugen.',
		status: 'in_progress',
		progress: 30,
		department: 'jobcenter',
		targetDate: c.date(200),
		agreedAt: c.past(117, 10),
		updatedAt: c.past(60, 10)
	});
	b.meeting({
		key: 'ahmed-m1',
		journey: J,
		title: 'Første samtale',
		titleEn: 'First meeting',
		startsAt: c.past(118, 10),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Dine erfaringer\n2. Dine mål\n3. Samtykke',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(121, 12),
		notes: 'Samtalen foregik på engelsk. Ahmed ønsker job på lager.',
		createdAt: c.past(122, 9),
		participants: [{ staff: 'Lone Madsen', role: 'Sagsbehandler' }]
	});
	b.meeting({
		key: 'ahmed-mentor-meeting',
		journey: J,
		title: 'Videomøde med din mentor',
		titleEn: 'Video meeting with your mentor',
		startsAt: mentorMeeting,
		minutes: 45,
		location: null,
		videoUrl: 'https://video.sammen-kommune.example/m/ahmed-mentor',
		agenda: '1. Hils på din mentor\n2. Hvad vil du gerne have hjælp til?',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(2, 18, 5),
		createdAt: c.past(3, 10),
		participants: [
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ name: 'Sara Lund', role: 'Mentor' }
		]
	});
	b.task({
		key: 'ahmed-diploma',
		citizen: 'Ahmed Hassan',
		journey: J,
		case: 'ahmed-placement',
		title: 'Send en kopi af dit uddannelsesbevis',
		titleEn: 'Send a copy of your diploma',
		description: 'En kopi er nok. Aflever den i Borgerservice, eller send den med posten.',
		dueDate: c.dueDate(10),
		createdBy: 'Lone Madsen',
		createdAt: c.past(6, 10)
	});
	b.message(
		J,
		'Lone Madsen',
		c.past(3, 10, 15),
		'Hi Ahmed. Your mentor is Sara Lund. The video meeting link is in the invitation. Best regards, Lone',
		c.past(3, 17)
	);
	b.message(J, 'Ahmed Hassan', c.past(2, 18, 10), 'Thank you. I will be there.', c.past(1, 8, 40));

	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(120, 10, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Dit forløb er startet',
		titleEn: 'Your plan has started',
		body: 'Lone Madsen fra Jobcentret er din koordinerende sagsbehandler. Du kan skrive til hende på engelsk.',
		bodyEn:
			'Lone Madsen from the Job Centre is your coordinating caseworker. You can write to her in English.'
	});
	e({
		at: c.past(118, 11, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'ahmed-m1',
		title: 'Første samtale',
		titleEn: 'First meeting',
		body: 'Vi talte om dine erfaringer og dine mål. Du vil gerne arbejde på et lager.',
		bodyEn: 'We talked about your experience and your goals. You would like to work in a warehouse.'
	});
	e({
		at: c.past(118, 10, 30),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Lone Madsen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		titleEn: 'You gave consent to the Job Centre',
		body: 'Jobcentret kan nu se noter fra de andre afdelinger i dit forløb. Du kan trække samtykket tilbage når som helst.',
		bodyEn:
			'The Job Centre can now see notes from the other departments in your plan. You can withdraw your consent at any time.'
	});
	e({
		at: c.past(118, 10, 31),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Lone Madsen',
		department: 'borgerservice',
		title: 'Du gav samtykke til Borgerservice',
		titleEn: 'You gave consent to Citizen Service',
		body: 'Borgerservice kan nu se noter fra de andre afdelinger i dit forløb. Du kan trække samtykket tilbage når som helst.',
		bodyEn:
			'Citizen Service can now see notes from the other departments in your plan. You can withdraw your consent at any time.'
	});
	e({
		at: c.past(117, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Din plan er lavet',
		titleEn: 'Your plan is ready',
		body: 'Du har to mål: et job inden for lager og logistik, og at tale mere dansk på arbejdet.',
		bodyEn:
			'You have two goals: a job in warehousing and logistics, and speaking more Danish at work.'
	});
	e({
		at: c.past(100, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Sprog og kompetencer',
		body: 'Ahmed taler godt engelsk og lidt dansk. Har truckcertifikat fra sit hjemland; skal have det godkendt.'
	});
	e({
		at: c.past(60, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Du får en mentor',
		titleEn: 'Decision: You will get a mentor',
		body: 'Du får en mentor i seks måneder. Mentoren hjælper dig med at finde og holde et job. Er du uenig, kan du klage inden fire uger.',
		bodyEn:
			'You will have a mentor for six months. The mentor will help you find and keep a job. If you disagree, you can appeal within four weeks.'
	});
	e({
		at: c.past(45, 12, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Kasper Dahl',
		title: 'Vi har modtaget din ansøgning',
		titleEn: 'We have received your application',
		body: 'Vi har modtaget din ansøgning om hjælp til en enkeltudgift. Vi svarer dig inden for fire uger.',
		bodyEn:
			'We have received your application for help with a one-off expense. We will reply within four weeks.'
	});
	e({
		at: c.past(20, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi leder efter en praktikplads til dig',
		titleEn: 'We are looking for a work placement for you',
		body: 'Vi kontakter virksomheder inden for lager og logistik.',
		bodyEn: 'We are contacting companies in warehousing and logistics.'
	});
	e({
		at: c.past(14, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Kasper Dahl',
		title: 'Afgørelse: Du får hjælp til udgiften',
		titleEn: 'Decision: You will get help with the expense',
		body: 'Du får 2.400 kr. til arbejdssko og arbejdstøj. Pengene kommer på din NemKonto inden for fem hverdage.',
		bodyEn:
			'You will get DKK 2,400 for work shoes and work clothes. The money will be paid to your NemKonto within five working days.'
	});
	e({
		at: c.past(6, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'ahmed-diploma',
		title: 'Ny opgave: Send en kopi af dit uddannelsesbevis',
		titleEn: 'New task: Send a copy of your diploma',
		body: 'En kopi er nok. Aflever den i Borgerservice, eller send den med posten.',
		bodyEn: 'A copy is enough. Hand it in at Citizen Service, or send it by post.'
	});
	e({
		at: c.past(3, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'ahmed-mentor-meeting',
		title: 'Invitation: Videomøde med din mentor',
		titleEn: 'Invitation: Video meeting with your mentor',
		body: `Du møder din mentor, Sara Lund, på video ${formatDanish(mentorMeeting)}.`,
		bodyEn: `You will meet your mentor, Sara Lund, by video on ${formatEnglish(mentorMeeting)}.`
	});
	e({
		at: c.past(3, 10, 15),
		kind: 'message',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Ny besked fra Lone Madsen',
		titleEn: 'New message from Lone Madsen',
		body: 'Du har fået en besked om din mentor. Læs den under Beskeder.',
		bodyEn: 'You have a message about your mentor. Read it under Messages.'
	});
	e({
		at: c.past(1, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Mentor bekræftet',
		body: 'Sara Lund har bekræftet videomødet. Hun taler engelsk og arabisk.'
	});
	b.read('Lone Madsen', 'Ahmed Hassan', J, c.past(6, 9, 50), 'Ny opgave');
	b.read('Kasper Dahl', 'Ahmed Hassan', J, c.past(14, 9, 30), 'Afgørelse om enkeltudgift');
}

/** Eva Andersen: her rehabilitation is decided and closed; a second case was decided recently. */
function eva(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'eva';
	b.case({
		key: 'eva-rehab',
		citizen: 'Eva Andersen',
		department: 'jobcenter',
		kle: '15.17.12',
		title: 'Din revalidering',
		titleEn: 'Your vocational rehabilitation',
		status: 'closed',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-103311',
		openedAt: c.past(270, 10),
		decidedAt: c.past(255, 10),
		closedAt: c.past(30, 10),
		updatedAt: c.past(30, 10)
	});
	b.case({
		key: 'eva-costs',
		citizen: 'Eva Andersen',
		department: 'socialforvaltningen',
		kle: '32.18.08',
		title: 'Dækning af merudgifter',
		titleEn: 'Cover of extra expenses',
		status: 'decided',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220417',
		openedAt: c.past(75, 10),
		decidedAt: c.past(14, 11),
		updatedAt: c.past(14, 11)
	});
	b.journey({
		key: J,
		citizen: 'Eva Andersen',
		title: 'Tilbage til arbejdet',
		titleEn: 'Back to work',
		coordinator: 'Jonas Friis',
		startedAt: c.past(260, 10),
		cases: ['eva-rehab', 'eva-costs']
	});
	b.consent(
		'Eva Andersen',
		'jobcenter',
		'granted',
		'paper',
		'Jonas Friis',
		c.past(258, 11),
		'Samtykkeerklæring på papir, scannet ind.'
	);
	b.consent(
		'Eva Andersen',
		'socialforvaltningen',
		'granted',
		'paper',
		'Jonas Friis',
		c.past(258, 11, 1),
		'Samtykkeerklæring på papir, scannet ind.'
	);
	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(260, 10, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Dit forløb er startet',
		body: 'Jonas Friis er din koordinerende sagsbehandler.'
	});
	e({
		at: c.past(255, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Du får revalidering',
		body: 'Du får revalidering, mens du tager en uddannelse som kontorassistent. Er du uenig, kan du klage inden fire uger.'
	});
	e({
		at: c.past(200, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Uddannelsen går godt',
		body: 'Eva har bestået første modul. Skolen melder godt fremmøde.'
	});
	e({
		at: c.past(75, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Vi har modtaget din ansøgning om merudgifter',
		body: 'Vi behandler din ansøgning. Vi skriver, hvis vi mangler noget.'
	});
	e({
		at: c.past(30, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Din revalidering er slut',
		body: 'Du har gennemført uddannelsen og har fået job. Tillykke! Vi har lukket sagen.'
	});
	e({
		at: c.past(14, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Afgørelse: Du får dækket dine merudgifter',
		body: 'Du får 850 kr. om måneden til dine merudgifter. Er du uenig, kan du klage inden fire uger.'
	});
	b.read('Jonas Friis', 'Eva Andersen', J, c.past(14, 10, 20), 'Afgørelse om merudgifter');
}

/** Jens Poulsen: one case in one department, no journey. */
function jens(b: DemoBuilder): void {
	const c = b.clock;
	b.case({
		key: 'jens-rehab',
		citizen: 'Jens Poulsen',
		department: 'sundhed-og-omsorg',
		kle: '27.36.16',
		title: 'Din genoptræning',
		titleEn: 'Your rehabilitation',
		status: 'in_progress',
		waitingOn: 'municipality',
		nextStep: 'Vi ringer og aftaler din første træningstid',
		nextStepEn: 'We will call you to book your first training session',
		nextStepDue: c.dueDate(3),
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-119450',
		openedAt: c.past(9, 11),
		updatedAt: c.past(9, 11)
	});
}

/** Lise Mortensen chose paper herself, then went back to digital (two rows of history). */
function lise(b: DemoBuilder): void {
	const c = b.clock;
	b.analog(
		'Lise Mortensen',
		true,
		'citizen_choice',
		'Lise Mortensen',
		c.past(150, 20, 5),
		'Vil hellere have breve med posten.'
	);
	b.letter({
		key: 'lise-l1',
		citizen: 'Lise Mortensen',
		subject: 'Vi har modtaget din henvendelse',
		body: 'Kære Lise Mortensen\n\nVi har modtaget din henvendelse om rådgivning. Jonas Friis ringer til dig inden for en uge.\n\nVenlig hilsen\nSocialforvaltningen\nTelefon 12 34 50 20',
		createdAt: c.past(140, 11),
		pageCount: 1
	});
	b.analog('Lise Mortensen', false, null, 'Lise Mortensen', c.past(60, 19, 30), null);
	b.case({
		key: 'lise-advice',
		citizen: 'Lise Mortensen',
		department: 'socialforvaltningen',
		kle: '27.12.04',
		title: 'Din sag om rådgivning',
		titleEn: 'Your case about advice',
		status: 'closed',
		waitingOn: null,
		nextStep: null,
		nextStepEn: null,
		nextStepDue: null,
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220366',
		openedAt: c.past(141, 10),
		closedAt: c.past(90, 10),
		updatedAt: c.past(90, 10)
	});
	b.case({
		key: 'lise-help',
		citizen: 'Lise Mortensen',
		department: 'borgerservice',
		kle: '32.21.20',
		title: 'Din ansøgning om hjælp til tandbehandling',
		titleEn: 'Your application for help with dental treatment',
		status: 'received',
		waitingOn: 'citizen',
		nextStep: 'Send et prisoverslag fra din tandlæge',
		nextStepEn: 'Send a cost estimate from your dentist',
		nextStepDue: c.dueDate(10),
		caseworker: 'Kasper Dahl',
		externalRef: 'BS-550377',
		openedAt: c.past(12, 10),
		updatedAt: c.past(12, 10)
	});
	b.task({
		key: 'lise-estimate',
		citizen: 'Lise Mortensen',
		case: 'lise-help',
		title: 'Send et prisoverslag fra din tandlæge',
		titleEn: 'Send a cost estimate from your dentist',
		description: 'Bed din tandlæge om et skriftligt prisoverslag, og send det til os.',
		dueDate: c.dueDate(10),
		createdBy: 'Kasper Dahl',
		createdAt: c.past(12, 10)
	});
}

/** Mikkel Thomsen withdrew his consent for the Jobcenter three weeks ago. */
function mikkel(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'mikkel';
	b.case({
		key: 'mikkel-placement',
		citizen: 'Mikkel Thomsen',
		department: 'jobcenter',
		kle: '15.20.04',
		title: 'Din virksomhedspraktik',
		titleEn: 'Your work placement',
		status: 'in_progress',
		waitingOn: 'municipality',
		nextStep: 'Vi evaluerer praktikken sammen med dig',
		nextStepEn: 'We will evaluate the work placement with you',
		nextStepDue: c.dueDate(12),
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104655',
		openedAt: c.past(125, 10),
		updatedAt: c.past(10, 10)
	});
	b.case({
		key: 'mikkel-advice',
		citizen: 'Mikkel Thomsen',
		department: 'socialforvaltningen',
		kle: '27.12.04',
		title: 'Din sag om rådgivning',
		titleEn: 'Your case about advice',
		status: 'in_progress',
		waitingOn: 'citizen',
		nextStep: 'Book en tid til din næste samtale',
		nextStepEn: 'Book a time for your next conversation',
		nextStepDue: c.dueDate(7),
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220502',
		openedAt: c.past(135, 10),
		updatedAt: c.past(20, 10)
	});
	b.journey({
		key: J,
		citizen: 'Mikkel Thomsen',
		title: 'Job og hverdag',
		titleEn: 'Work and everyday life',
		coordinator: 'Mette Larsen',
		startedAt: c.past(130, 10),
		cases: ['mikkel-placement', 'mikkel-advice']
	});
	b.consent('Mikkel Thomsen', 'jobcenter', 'granted', 'meeting', 'Mette Larsen', c.past(120, 10));
	b.consent(
		'Mikkel Thomsen',
		'socialforvaltningen',
		'granted',
		'meeting',
		'Mette Larsen',
		c.past(120, 10, 1)
	);
	b.consent(
		'Mikkel Thomsen',
		'jobcenter',
		'withdrawn',
		'portal',
		'Mikkel Thomsen',
		c.past(21, 21, 12)
	);
	b.meeting({
		key: 'mikkel-m1',
		journey: J,
		title: 'Opfølgning på praktikken',
		titleEn: 'Follow-up on the work placement',
		startsAt: c.past(45, 13),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Hvordan går praktikken?\n2. Din hverdag',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(48, 9),
		notes: 'Praktikken går godt. Mikkel ønsker færre møder.',
		createdAt: c.past(50, 10),
		participants: [
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' }
		]
	});
	const e = (spec: EntrySpec) => b.entry(J, spec);
	e({
		at: c.past(130, 10, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Dit forløb er startet',
		body: 'Mette Larsen er din koordinerende sagsbehandler.'
	});
	e({
		at: c.past(120, 10),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mette Larsen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		body: 'Du gav samtykke på mødet. Jobcentret kan nu se noter fra de andre afdelinger i dit forløb.'
	});
	e({
		at: c.past(120, 10, 1),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mette Larsen',
		department: 'socialforvaltningen',
		title: 'Du gav samtykke til Socialforvaltningen',
		body: 'Du gav samtykke på mødet. Socialforvaltningen kan nu se noter fra de andre afdelinger i dit forløb.'
	});
	e({
		at: c.past(118, 11),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er lavet',
		body: 'Dit mål er et fast job inden for et år og en hverdag med faste rutiner.'
	});
	e({
		at: c.past(100, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Praktik aftalt',
		body: 'Praktik i en cykelforretning, 20 timer om ugen.'
	});
	e({
		at: c.past(90, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Du er startet i praktik',
		body: 'Du er i praktik 20 timer om ugen i 13 uger.'
	});
	e({
		at: c.past(60, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Jonas Friis',
		title: 'Rådgivningssamtale',
		body: 'Mikkel har svært ved at sove og ønsker hjælp til rutiner. Henvist til søvnkursus.'
	});
	e({
		at: c.past(45, 14, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'mikkel-m1',
		title: 'Opfølgning på praktikken',
		body: 'Praktikken går godt. Vi holder færre møder fremover.'
	});
	e({
		at: c.past(21, 21, 12),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mikkel Thomsen',
		department: 'jobcenter',
		title: 'Du trak dit samtykke til Jobcentret tilbage',
		body: 'Jobcentret kan ikke længere se noter fra de andre afdelinger i dit forløb. Du kan give samtykke igen når som helst.'
	});
	e({
		at: c.past(20, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Samtykke trukket tilbage',
		body: 'Mikkel ønsker ikke, at Jobcentret ser noterne fra Socialforvaltningen. Lone Madsen er orienteret.'
	});
	e({
		at: c.past(10, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi planlægger evaluering af din praktik',
		body: 'Vi indkalder dig til en samtale om, hvordan praktikken er gået.'
	});
	b.read('Lone Madsen', 'Mikkel Thomsen', J, c.past(25, 9, 15), 'Opfølgning på praktik');
	b.read('Mette Larsen', 'Mikkel Thomsen', J, c.past(20, 9, 45), 'Samtykke trukket tilbage');
}

/** All rows of the demo for this `now`, in memory (exported for tests that only need the data). */
export function buildDemoRows(keys: CprKeys, now: Date): Rows {
	const builder = new DemoBuilder(new DemoClock(now), keys);
	builder.reference();
	maja(builder);
	karl(builder);
	sofie(builder);
	ahmed(builder);
	eva(builder);
	jens(builder);
	lise(builder);
	mikkel(builder);
	return builder.rows;
}

/**
 * Seeds the demo municipality into an empty database, in one transaction: one multi-row INSERT per
 * table, in foreign-key order (PGlite is slow per statement, not per row).
 */
export async function seedDemo(
	db: Kysely<Database>,
	keys: CprKeys,
	now: Date = clock.now()
): Promise<void> {
	const rows = buildDemoRows(keys, now);
	await db.transaction().execute((trx) => insertDemoRows(trx, rows, now));
}

/**
 * Seeds the demo into an empty database, once even when several app processes start together on
 * one PostgreSQL: the emptiness check and the seed run in one transaction under an advisory lock,
 * so the second process waits and then finds the data. Returns whether it seeded.
 */
export async function seedDemoIfEmpty(
	db: Kysely<Database>,
	keys: CprKeys,
	now: Date = clock.now()
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext('sammen:seed-demo'))`.execute(trx);
		if (!(await isDatabaseEmpty(trx))) return false;
		await insertDemoRows(trx, buildDemoRows(keys, now), now);
		return true;
	});
}

async function insertDemoRows(trx: Transaction<Database>, rows: Rows, now: Date): Promise<void> {
	// Audit rows must land in their monthly partition, not the default one: a default partition
	// holding rows of a month blocks creating that month's partition later.
	const auditTimes = rows.audit_events.map((a) => new Date(a.occurred_at ?? now).getTime());
	if (auditTimes.length > 0) {
		const earliest = new Date(Math.min(...auditTimes));
		const months =
			(now.getUTCFullYear() - earliest.getUTCFullYear()) * 12 +
			(now.getUTCMonth() - earliest.getUTCMonth()) +
			2;
		await sql`select audit_ensure_partitions(${earliest}::timestamptz, ${months}::integer)`.execute(
			trx
		);
	}
	if (rows.departments.length)
		await trx.insertInto('departments').values(rows.departments).execute();
	if (rows.staff_users.length)
		await trx.insertInto('staff_users').values(rows.staff_users).execute();
	if (rows.citizens.length) await trx.insertInto('citizens').values(rows.citizens).execute();
	if (rows.analog_flag_changes.length)
		await trx.insertInto('analog_flag_changes').values(rows.analog_flag_changes).execute();
	if (rows.cases.length) await trx.insertInto('cases').values(rows.cases).execute();
	if (rows.journeys.length) await trx.insertInto('journeys').values(rows.journeys).execute();
	if (rows.journey_cases.length)
		await trx.insertInto('journey_cases').values(rows.journey_cases).execute();
	if (rows.plan_goals.length) await trx.insertInto('plan_goals').values(rows.plan_goals).execute();
	if (rows.meetings.length) await trx.insertInto('meetings').values(rows.meetings).execute();
	if (rows.meeting_participants.length)
		await trx.insertInto('meeting_participants').values(rows.meeting_participants).execute();
	if (rows.tasks.length) await trx.insertInto('tasks').values(rows.tasks).execute();
	if (rows.messages.length) await trx.insertInto('messages').values(rows.messages).execute();
	if (rows.letters.length) await trx.insertInto('letters').values(rows.letters).execute();
	if (rows.timeline_entries.length)
		await trx.insertInto('timeline_entries').values(rows.timeline_entries).execute();
	if (rows.consents.length) await trx.insertInto('consents').values(rows.consents).execute();
	if (rows.representatives.length)
		await trx.insertInto('representatives').values(rows.representatives).execute();
	if (rows.audit_events.length)
		await trx.insertInto('audit_events').values(rows.audit_events).execute();
	// The migrations made the retention settings row, stamped by the database server's clock: the
	// demo's settings date from its own now, like everything else it holds.
	await trx.updateTable('retention_settings').set({ updated_at: now }).execute();
}

// Database types for Kysely, matching migrations/. Nullable columns are `T | null`, never optional.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type {
	AnalogReason,
	AuditAction,
	AuditActorType,
	CaseStatus,
	ConsentAction,
	ConsentChannel,
	DigitalChannel,
	GoalStatus,
	JourneyStatus,
	Language,
	LetterDelivery,
	LetterStatus,
	PostingStatus,
	LogoContentType,
	MeetingResponse,
	NotificationChannel,
	NotificationStatus,
	RepresentationBasis,
	RepresentationScope,
	StaffRole,
	TaskAssignee,
	TimelineKind,
	Visibility,
	WaitingOn
} from '../../domain';

// Every timestamp is written by the application from its one clock (src/lib/server/clock.ts), never
// by a database default: inserts must name it (docs/TIME.md).
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A PostgreSQL `date`, as 'YYYY-MM-DD' on both drivers (see connect.ts). */
type DateString = string;

export interface DepartmentsTable {
	id: Generated<string>;
	slug: string;
	name: string;
	name_en: string;
	kle_area: string;
	phone: string | null;
	email: string | null;
	address: string | null;
	opening_hours: string | null;
	created_at: Timestamp;
}

export interface StaffUsersTable {
	id: Generated<string>;
	oidc_subject: string | null;
	email: string;
	name: string;
	department_id: string | null;
	role: StaffRole;
	phone: string | null;
	active: Generated<boolean>;
	created_at: Timestamp;
}

export interface CitizensTable {
	id: Generated<string>;
	cpr_encrypted: string;
	cpr_hash: string;
	name: string;
	co_name: string | null;
	address_line: string | null;
	postal_code: string | null;
	city: string | null;
	preferred_language: Generated<Language>;
	email: string | null;
	phone: string | null;
	notify_by_email: Generated<boolean>;
	notify_by_sms: Generated<boolean>;
	created_at: Timestamp;
	updated_at: Timestamp;
	/** Name and address protection (navne- og adressebeskyttelse) in the CPR register. */
	address_protected: Generated<boolean>;
	/** When the stored address was last taken from the CPR register; null if never. */
	address_updated_at: Timestamp | null;
}

export interface AnalogFlagChangesTable {
	id: Generated<string>;
	citizen_id: string;
	analog: boolean;
	reason: AnalogReason | null;
	note: string | null;
	set_by_staff_id: string | null;
	set_by_citizen_id: string | null;
	changed_at: Timestamp;
}

export interface CasesTable {
	id: Generated<string>;
	citizen_id: string;
	department_id: string;
	kle_number: string;
	title: string;
	title_en: string | null;
	status: Generated<CaseStatus>;
	waiting_on: WaitingOn | null;
	next_step: string | null;
	next_step_en: string | null;
	next_step_due: DateString | null;
	caseworker_id: string | null;
	external_ref: string | null;
	opened_at: Timestamp;
	decided_at: Timestamp | null;
	closed_at: Timestamp | null;
	updated_at: Timestamp;
}

export interface JourneysTable {
	id: Generated<string>;
	citizen_id: string;
	title: string;
	title_en: string | null;
	coordinator_id: string | null;
	status: Generated<JourneyStatus>;
	started_at: Timestamp;
	closed_at: Timestamp | null;
	archived_at: Timestamp | null;
}

export interface JourneyCasesTable {
	journey_id: string;
	case_id: string;
	added_at: Timestamp;
	added_by_staff_id: string | null;
}

export interface PlanGoalsTable {
	id: Generated<string>;
	journey_id: string;
	title: string;
	title_en: string | null;
	description: string | null;
	status: Generated<GoalStatus>;
	progress: Generated<number>;
	responsible_department_id: string | null;
	target_date: DateString | null;
	agreed_at: Timestamp;
	sort_order: Generated<number>;
	updated_at: Timestamp;
}

export interface MeetingsTable {
	id: Generated<string>;
	journey_id: string;
	title: string;
	title_en: string | null;
	starts_at: Timestamp;
	ends_at: Timestamp;
	location: string | null;
	video_url: string | null;
	agenda: string | null;
	what_to_bring: string | null;
	organizer_staff_id: string | null;
	citizen_response: Generated<MeetingResponse>;
	citizen_response_reason: string | null;
	citizen_responded_at: Timestamp | null;
	minutes: string | null;
	cancelled_at: Timestamp | null;
	created_at: Timestamp;
	/** The department system that created the meeting through the API, with its own reference. */
	department_id: string | null;
	external_ref: string | null;
}

export interface MeetingParticipantsTable {
	id: Generated<string>;
	meeting_id: string;
	staff_user_id: string | null;
	department_id: string | null;
	name: string | null;
	role: string | null;
}

export interface TasksTable {
	id: Generated<string>;
	citizen_id: string;
	journey_id: string | null;
	case_id: string | null;
	assignee: TaskAssignee;
	assigned_staff_id: string | null;
	title: string;
	title_en: string | null;
	description: string | null;
	due_date: DateString | null;
	created_by_staff_id: string | null;
	created_at: Timestamp;
	done_at: Timestamp | null;
	done_comment: string | null;
}

export interface MessagesTable {
	id: Generated<string>;
	journey_id: string;
	author_citizen_id: string | null;
	author_staff_id: string | null;
	body: string;
	sent_at: Timestamp;
	read_by_citizen_at: Timestamp | null;
	read_by_staff_at: Timestamp | null;
}

export interface LettersTable {
	id: Generated<string>;
	citizen_id: string;
	subject: string;
	body: string;
	language: Generated<Language>;
	recipient_name: string;
	recipient_address: string;
	status: Generated<LetterStatus>;
	pdf: Uint8Array | null;
	page_count: number | null;
	idempotency_key: string | null;
	created_at: Timestamp;
	printed_at: Timestamp | null;
	posted_at: Timestamp | null;
	error: string | null;
	event_type: string | null;
	department_id: string | null;
	journey_id: string | null;
	timeline_entry_id: string | null;
	rendered_at: Timestamp | null;
	batch_id: string | null;
	returned_at: Timestamp | null;
	returned_by_staff_id: string | null;
	return_task_id: string | null;
	/** How it goes: the print queue, remote print or Digital Post (SF1601). */
	delivery: Generated<LetterDelivery>;
	/** A copy addressed to a representative; null when the letter is to the citizen. */
	recipient_citizen_id: string | null;
	/** When it may go at the earliest (bundling); null for the print queue. */
	send_after: Timestamp | null;
	/** The SF1601 request it went in. */
	posting_id: string | null;
	/** The recipient has name and address protection: no address is stored or shown. */
	address_protected: Generated<boolean>;
}

/** One SF1601 request: a MeMo message whose messageUUID is the id. */
export interface PostingsTable {
	id: string;
	citizen_id: string;
	recipient_citizen_id: string;
	delivery: Exclude<LetterDelivery, 'print_queue'>;
	kombi: 'Automatisk Valg' | 'Digital Post' | 'Fysisk Post';
	status: Generated<PostingStatus>;
	subject: string;
	language: Language;
	letter_count: number;
	pdf: Uint8Array | null;
	page_count: number | null;
	attempts: Generated<number>;
	claimed_until: Timestamp | null;
	next_attempt_at: Timestamp | null;
	transaction_id: string | null;
	error: string | null;
	created_at: Timestamp;
	sent_at: Timestamp | null;
}

export interface PrintBatchesTable {
	id: Generated<string>;
	created_at: Timestamp;
	created_by_staff_id: string;
	letter_count: number;
	handed_over_at: Timestamp | null;
	handed_over_by_staff_id: string | null;
}

export interface DemoOutboxTable {
	id: Generated<string>;
	notification_id: string;
	channel: DigitalChannel;
	recipient: string;
	subject: string | null;
	body: string;
	created_at: Timestamp;
}

export interface TimelineEntriesTable {
	id: Generated<string>;
	journey_id: string;
	kind: TimelineKind;
	visibility: Visibility;
	author_staff_id: string | null;
	author_citizen_id: string | null;
	department_id: string | null;
	title: string;
	title_en: string | null;
	body: Generated<string>;
	body_en: string | null;
	occurred_at: Timestamp;
	created_at: Timestamp;
	idempotency_key: string | null;
	corrects_entry_id: string | null;
	meeting_id: string | null;
	task_id: string | null;
	letter_id: string | null;
	posted_letter_at: Timestamp | null;
	external_ref: string | null;
}

export interface ConsentsTable {
	id: Generated<string>;
	citizen_id: string;
	department_id: string;
	action: ConsentAction;
	channel: ConsentChannel;
	recorded_by_citizen_id: string | null;
	recorded_by_staff_id: string | null;
	witness: string | null;
	note: string | null;
	occurred_at: Timestamp;
}

export interface RepresentativesTable {
	id: Generated<string>;
	citizen_id: string;
	representative_citizen_id: string;
	scope: RepresentationScope;
	/** null: every department. */
	department_ids: string[] | null;
	basis: RepresentationBasis;
	basis_reference: string | null;
	valid_from: DateString;
	valid_to: DateString | null;
	registered_by_staff_id: string | null;
	created_at: Timestamp;
	ended_at: Timestamp | null;
	ended_by_staff_id: string | null;
}

export interface NotificationsTable {
	id: Generated<string>;
	citizen_id: string;
	event_type: string;
	timeline_entry_id: string | null;
	channel: NotificationChannel;
	status: Generated<NotificationStatus>;
	bundle_id: string | null;
	letter_id: string | null;
	send_after: Timestamp;
	attempts: Generated<number>;
	sent_at: Timestamp | null;
	error: string | null;
	idempotency_key: string | null;
	created_at: Timestamp;
	claimed_at: Timestamp | null;
	provider: string | null;
	message_id: string | null;
	journey_id: string | null;
}

export interface SessionsTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	citizen_id: string | null;
	staff_user_id: string | null;
	acting_for_citizen_id: string | null;
	assurance_level: string | null;
	created_at: Timestamp;
	last_seen_at: Timestamp;
	expires_at: Timestamp;
}

export interface AuditEventsTable {
	id: Generated<string>;
	occurred_at: Timestamp;
	actor_type: AuditActorType;
	actor_staff_id: string | null;
	actor_citizen_id: string | null;
	actor_department_id: string | null;
	/** The staff member's role when they acted; null for citizens, representatives and the system. */
	actor_role: StaffRole | null;
	action: AuditAction;
	object_type: string;
	object_id: string | null;
	citizen_id: string | null;
	purpose: string | null;
	criterion: string | null;
	request_id: string | null;
}

export interface ApiKeysTable {
	id: Generated<string>;
	department_id: string;
	name: string;
	prefix: string;
	secret_hash: string;
	created_by_staff_id: string | null;
	created_at: Timestamp;
	last_used_at: Timestamp | null;
	revoked_at: Timestamp | null;
	revoked_by_staff_id: string | null;
}

export interface ApiIdempotencyTable {
	api_key_id: string;
	idempotency_key: string;
	method: string;
	path: string;
	request_hash: string;
	status_code: number | null;
	/** JSON, stored as jsonb. */
	response_body: unknown;
	created_at: Timestamp;
	completed_at: Timestamp | null;
}

export interface MunicipalitySettingsTable {
	id: Generated<boolean>;
	name: string | null;
	phone: string | null;
	email: string | null;
	address: string | null;
	opening_hours_da: string | null;
	opening_hours_en: string | null;
	accessibility_statement_url: string | null;
	primary_color: string | null;
	logo: Uint8Array | null;
	logo_content_type: LogoContentType | null;
	letterhead: string | null;
	updated_at: Timestamp;
	updated_by_staff_id: string | null;
}

export interface RetentionSettingsTable {
	id: Generated<boolean>;
	audit_months: Generated<number>;
	session_days: Generated<number>;
	notification_days: Generated<number>;
	idempotency_days: Generated<number>;
	journey_archive_days: Generated<number>;
	updated_at: Timestamp;
	updated_by_staff_id: string | null;
}

export interface RetentionRunsTable {
	id: Generated<string>;
	started_at: Timestamp;
	finished_at: Timestamp | null;
	audit_partitions_dropped: Generated<number>;
	sessions_deleted: Generated<number>;
	notifications_deleted: Generated<number>;
	idempotency_deleted: Generated<number>;
	journeys_archived: Generated<number>;
	error: string | null;
}

/** The rate limits' counters, written by rate-limiter-flexible (rate-limit-store.ts). */
export interface RateLimitsTable {
	/** The limiter's prefix and the key, such as "api-key:<key id>". */
	key: string;
	points: number;
	/** When the window ends, in milliseconds since 1970. */
	expire: number | null;
}

export interface Database {
	departments: DepartmentsTable;
	staff_users: StaffUsersTable;
	citizens: CitizensTable;
	analog_flag_changes: AnalogFlagChangesTable;
	cases: CasesTable;
	journeys: JourneysTable;
	journey_cases: JourneyCasesTable;
	plan_goals: PlanGoalsTable;
	meetings: MeetingsTable;
	meeting_participants: MeetingParticipantsTable;
	tasks: TasksTable;
	messages: MessagesTable;
	letters: LettersTable;
	postings: PostingsTable;
	timeline_entries: TimelineEntriesTable;
	consents: ConsentsTable;
	representatives: RepresentativesTable;
	notifications: NotificationsTable;
	print_batches: PrintBatchesTable;
	demo_outbox: DemoOutboxTable;
	sessions: SessionsTable;
	audit_events: AuditEventsTable;
	api_keys: ApiKeysTable;
	api_idempotency: ApiIdempotencyTable;
	rate_limits: RateLimitsTable;
	municipality_settings: MunicipalitySettingsTable;
	retention_settings: RetentionSettingsTable;
	retention_runs: RetentionRunsTable;
}

export type Citizen = Selectable<CitizensTable>;
export type NewCitizen = Insertable<CitizensTable>;
export type Department = Selectable<DepartmentsTable>;
export type StaffUser = Selectable<StaffUsersTable>;
/**
 * A row for one of the insert helpers that stamp the time themselves: the time columns may be left
 * out, and the helper then writes the application clock's now (never the database's).
 */
export type Stamped<T, K extends keyof Insertable<T>> = Omit<Insertable<T>, K> &
	Partial<Pick<Insertable<T>, K>>;
export type NewAuditEvent = Stamped<AuditEventsTable, 'occurred_at'>;

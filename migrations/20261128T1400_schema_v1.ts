// Schema v1: the whole domain. Frozen once landed: change the schema in a new migration.
// Migrations never import app code. Each statement runs on its own because PGlite's extended query
// protocol takes one statement at a time.
import { sql, type Kysely } from 'kysely';

const upStatements: string[] = [
	`create table departments (
		id uuid primary key default gen_random_uuid(),
		slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
		name text not null,
		name_en text not null,
		kle_area text not null check (kle_area ~ '^[0-9]{2}$'),
		phone text,
		email text,
		address text,
		opening_hours text,
		created_at timestamptz not null default now()
	)`,
	`create table staff_users (
		id uuid primary key default gen_random_uuid(),
		oidc_subject text unique,
		email text not null unique check (email = lower(email)),
		name text not null,
		department_id uuid references departments (id),
		role text not null check (role in ('caseworker', 'coordinator', 'admin', 'auditor')),
		phone text,
		active boolean not null default true,
		created_at timestamptz not null default now(),
		check (role in ('admin', 'auditor') or department_id is not null)
	)`,
	`create index staff_users_department_idx on staff_users (department_id)`,
	// The CPR number is stored only encrypted (AES-256-GCM) and found by its keyed hash (HMAC-SHA-256).
	`create table citizens (
		id uuid primary key default gen_random_uuid(),
		cpr_encrypted text not null,
		cpr_hash text not null unique,
		name text not null,
		co_name text,
		address_line text,
		postal_code text,
		city text,
		preferred_language text not null default 'da' check (preferred_language in ('da', 'en')),
		email text,
		phone text,
		notify_by_email boolean not null default false,
		notify_by_sms boolean not null default false,
		created_at timestamptz not null default now(),
		updated_at timestamptz not null default now()
	)`,
	`create index citizens_name_idx on citizens (lower(name))`,
	// The analog flag is the latest row per citizen; the rows before it are its history.
	`create table analog_flag_changes (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		analog boolean not null,
		reason text check (reason in ('digital_post_exempt', 'citizen_choice', 'no_digital_access', 'other')),
		note text,
		set_by_staff_id uuid references staff_users (id),
		set_by_citizen_id uuid references citizens (id),
		changed_at timestamptz not null default now(),
		check (not analog or reason is not null)
	)`,
	`create index analog_flag_changes_citizen_idx on analog_flag_changes (citizen_id, changed_at desc)`,
	`create table cases (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		department_id uuid not null references departments (id),
		kle_number text not null check (kle_number ~ '^[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}$'),
		title text not null,
		title_en text,
		status text not null default 'received'
			check (status in ('received', 'in_progress', 'decided', 'closed')),
		waiting_on text check (waiting_on in ('citizen', 'municipality', 'other_authority')),
		next_step text,
		next_step_en text,
		next_step_due date,
		caseworker_id uuid references staff_users (id),
		external_ref text,
		opened_at timestamptz not null default now(),
		decided_at timestamptz,
		closed_at timestamptz,
		updated_at timestamptz not null default now(),
		check ((status = 'closed') = (closed_at is not null))
	)`,
	// Citizen overview: all cases of one citizen.
	`create index cases_citizen_idx on cases (citizen_id, opened_at desc)`,
	// Caseload: a caseworker's open cases by due date.
	`create index cases_caseload_idx on cases (caseworker_id, next_step_due) where status <> 'closed'`,
	// Access rule 3: does this department have an open case for this citizen?
	`create index cases_open_department_idx on cases (department_id, citizen_id) where status <> 'closed'`,
	`create table journeys (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		title text not null,
		title_en text,
		coordinator_id uuid references staff_users (id),
		status text not null default 'active' check (status in ('active', 'paused', 'closed')),
		started_at timestamptz not null default now(),
		closed_at timestamptz
	)`,
	`create index journeys_citizen_idx on journeys (citizen_id)`,
	`create index journeys_coordinator_idx on journeys (coordinator_id) where status <> 'closed'`,
	`create table journey_cases (
		journey_id uuid not null references journeys (id) on delete cascade,
		case_id uuid not null unique references cases (id) on delete cascade,
		added_at timestamptz not null default now(),
		added_by_staff_id uuid references staff_users (id),
		primary key (journey_id, case_id)
	)`,
	`create table plan_goals (
		id uuid primary key default gen_random_uuid(),
		journey_id uuid not null references journeys (id) on delete cascade,
		title text not null,
		title_en text,
		description text,
		status text not null default 'not_started'
			check (status in ('not_started', 'in_progress', 'achieved', 'dropped')),
		progress smallint not null default 0 check (progress between 0 and 100),
		responsible_department_id uuid references departments (id),
		target_date date,
		agreed_at timestamptz not null default now(),
		sort_order integer not null default 0,
		updated_at timestamptz not null default now()
	)`,
	`create index plan_goals_journey_idx on plan_goals (journey_id, sort_order)`,
	`create table meetings (
		id uuid primary key default gen_random_uuid(),
		journey_id uuid not null references journeys (id) on delete cascade,
		title text not null,
		title_en text,
		starts_at timestamptz not null,
		ends_at timestamptz not null,
		location text,
		video_url text,
		agenda text,
		what_to_bring text,
		organizer_staff_id uuid references staff_users (id),
		citizen_response text not null default 'pending'
			check (citizen_response in ('pending', 'accepted', 'declined', 'reschedule_requested')),
		citizen_response_reason text,
		citizen_responded_at timestamptz,
		minutes text,
		cancelled_at timestamptz,
		created_at timestamptz not null default now(),
		check (ends_at > starts_at),
		check (location is not null or video_url is not null)
	)`,
	`create index meetings_journey_idx on meetings (journey_id, starts_at)`,
	`create table meeting_participants (
		id uuid primary key default gen_random_uuid(),
		meeting_id uuid not null references meetings (id) on delete cascade,
		staff_user_id uuid references staff_users (id),
		department_id uuid references departments (id),
		name text,
		role text,
		check (staff_user_id is not null or name is not null)
	)`,
	`create index meeting_participants_meeting_idx on meeting_participants (meeting_id)`,
	`create table tasks (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		journey_id uuid references journeys (id) on delete cascade,
		case_id uuid references cases (id) on delete cascade,
		assignee text not null check (assignee in ('citizen', 'staff')),
		assigned_staff_id uuid references staff_users (id),
		title text not null,
		title_en text,
		description text,
		due_date date,
		created_by_staff_id uuid references staff_users (id),
		created_at timestamptz not null default now(),
		done_at timestamptz,
		done_comment text,
		check (assignee = 'citizen' or assigned_staff_id is not null)
	)`,
	// Citizen overview: the citizen's open tasks by due date.
	`create index tasks_citizen_open_idx on tasks (citizen_id, due_date) where done_at is null`,
	`create index tasks_staff_open_idx on tasks (assigned_staff_id, due_date) where done_at is null`,
	`create table messages (
		id uuid primary key default gen_random_uuid(),
		journey_id uuid not null references journeys (id) on delete cascade,
		author_citizen_id uuid references citizens (id),
		author_staff_id uuid references staff_users (id),
		body text not null check (length(body) between 1 and 10000),
		sent_at timestamptz not null default now(),
		read_by_citizen_at timestamptz,
		read_by_staff_at timestamptz,
		check ((author_citizen_id is null) <> (author_staff_id is null))
	)`,
	`create index messages_journey_idx on messages (journey_id, sent_at desc)`,
	`create table letters (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		subject text not null,
		body text not null,
		language text not null default 'da' check (language in ('da', 'en')),
		recipient_name text not null,
		recipient_address text not null,
		status text not null default 'queued'
			check (status in ('queued', 'rendered', 'printed', 'posted', 'returned', 'failed')),
		pdf bytea,
		page_count integer,
		idempotency_key text unique,
		created_at timestamptz not null default now(),
		printed_at timestamptz,
		posted_at timestamptz,
		error text
	)`,
	`create index letters_citizen_idx on letters (citizen_id, created_at desc)`,
	`create index letters_queue_idx on letters (status, created_at) where status in ('queued', 'rendered')`,
	`create table timeline_entries (
		id uuid primary key default gen_random_uuid(),
		journey_id uuid not null references journeys (id) on delete cascade,
		kind text not null
			check (kind in ('note', 'meeting', 'decision', 'letter', 'message', 'status', 'task', 'consent', 'plan')),
		visibility text not null check (visibility in ('citizen', 'staff')),
		author_staff_id uuid references staff_users (id),
		author_citizen_id uuid references citizens (id),
		department_id uuid references departments (id),
		title text not null,
		title_en text,
		body text not null default '',
		body_en text,
		-- Millisecond precision, as in JavaScript, so a keyset cursor matches its row exactly.
		occurred_at timestamptz(3) not null default now(),
		created_at timestamptz not null default now(),
		idempotency_key text unique,
		corrects_entry_id uuid references timeline_entries (id),
		meeting_id uuid references meetings (id),
		task_id uuid references tasks (id),
		letter_id uuid references letters (id),
		posted_letter_at timestamptz
	)`,
	// A journey's timeline, newest first, keyset-paginated on (occurred_at, id): one index for staff,
	// a partial one for what the citizen may see.
	`create index timeline_entries_journey_idx on timeline_entries (journey_id, occurred_at desc, id desc)`,
	`create index timeline_entries_citizen_idx on timeline_entries (journey_id, occurred_at desc, id desc)
		where visibility = 'citizen'`,
	`create function reject_change() returns trigger language plpgsql as $$
	begin
		raise exception '% on % is not allowed: the table is append-only', tg_op, tg_table_name
			using errcode = 'insufficient_privilege';
	end
	$$`,
	// Entries are never edited: a correction is a new entry that refers to the old one.
	`create trigger timeline_entries_append_only before update or delete on timeline_entries
		for each row execute function reject_change()`,
	`create table consents (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		department_id uuid not null references departments (id),
		action text not null check (action in ('granted', 'withdrawn')),
		channel text not null check (channel in ('portal', 'paper', 'meeting', 'phone')),
		recorded_by_citizen_id uuid references citizens (id),
		recorded_by_staff_id uuid references staff_users (id),
		witness text,
		note text,
		occurred_at timestamptz not null default now(),
		check ((recorded_by_citizen_id is null) <> (recorded_by_staff_id is null))
	)`,
	// The consent in force is the latest row per (citizen, department).
	`create index consents_current_idx on consents (citizen_id, department_id, occurred_at desc)`,
	`create table representatives (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		representative_citizen_id uuid not null references citizens (id) on delete cascade,
		scope text not null check (scope in ('full', 'read_only')),
		department_ids uuid[],
		basis text not null check (basis in ('power_of_attorney', 'parental_custody', 'guardianship')),
		basis_reference text,
		valid_from date not null,
		valid_to date,
		registered_by_staff_id uuid references staff_users (id),
		created_at timestamptz not null default now(),
		ended_at timestamptz,
		ended_by_staff_id uuid references staff_users (id),
		check (citizen_id <> representative_citizen_id),
		check (valid_to is null or valid_to >= valid_from)
	)`,
	`create index representatives_representative_idx on representatives (representative_citizen_id)`,
	`create index representatives_citizen_idx on representatives (citizen_id)`,
	`create table notifications (
		id uuid primary key default gen_random_uuid(),
		citizen_id uuid not null references citizens (id) on delete cascade,
		event_type text not null,
		timeline_entry_id uuid references timeline_entries (id),
		channel text not null check (channel in ('email', 'sms', 'letter')),
		status text not null default 'pending'
			check (status in ('pending', 'bundled', 'sent', 'failed', 'cancelled')),
		bundle_id uuid references notifications (id),
		letter_id uuid references letters (id),
		send_after timestamptz not null default now(),
		attempts integer not null default 0,
		sent_at timestamptz,
		error text,
		idempotency_key text unique,
		created_at timestamptz not null default now()
	)`,
	`create index notifications_due_idx on notifications (send_after) where status = 'pending'`,
	`create index notifications_citizen_idx on notifications (citizen_id, created_at desc)`,
	`create table sessions (
		id text primary key,
		citizen_id uuid references citizens (id) on delete cascade,
		staff_user_id uuid references staff_users (id) on delete cascade,
		acting_for_citizen_id uuid references citizens (id) on delete cascade,
		assurance_level text,
		created_at timestamptz not null default now(),
		last_seen_at timestamptz not null default now(),
		expires_at timestamptz not null,
		check ((citizen_id is null) <> (staff_user_id is null))
	)`,
	`create index sessions_expires_idx on sessions (expires_at)`,
	// The audit trail. Rows are only ever inserted: the triggers below refuse UPDATE, DELETE and
	// TRUNCATE. The table is partitioned by month so that retention drops whole old partitions
	// (audit_drop_partitions_before), which neither updates nor deletes a row. Actor and object ids
	// carry no foreign keys: the trail must outlive the rows it speaks of.
	`create table audit_events (
		id uuid not null default gen_random_uuid(),
		occurred_at timestamptz not null default now(),
		actor_type text not null check (actor_type in ('staff', 'citizen', 'representative', 'system')),
		actor_staff_id uuid,
		actor_citizen_id uuid,
		actor_department_id uuid,
		action text not null
			check (action in ('read', 'search', 'create', 'update', 'delete', 'export', 'login', 'logout')),
		object_type text not null,
		object_id uuid,
		citizen_id uuid,
		purpose text,
		criterion text,
		request_id text,
		primary key (occurred_at, id)
	) partition by range (occurred_at)`,
	`create table audit_events_default partition of audit_events default`,
	`create index audit_events_citizen_idx on audit_events (citizen_id, occurred_at desc)`,
	`create index audit_events_actor_idx on audit_events (actor_staff_id, occurred_at desc)`,
	`create trigger audit_events_insert_only before update or delete on audit_events
		for each row execute function reject_change()`,
	`create trigger audit_events_no_truncate before truncate on audit_events
		for each statement execute function reject_change()`,
	`create trigger audit_events_default_no_truncate before truncate on audit_events_default
		for each statement execute function reject_change()`,
	// Creates the monthly partitions from the month of 'start' for 'months' months (the app calls it
	// at start, so the month ahead always has its partition). Rows outside them land in the default
	// partition, which is why a month's partition must exist before its first row arrives.
	`create function audit_ensure_partitions(start timestamptz, months integer) returns void
	language plpgsql as $$
	declare
		month_start date;
		part text;
	begin
		for i in 0 .. months - 1 loop
			month_start := (date_trunc('month', start at time zone 'UTC') + make_interval(months => i))::date;
			part := format('audit_events_%s', to_char(month_start, 'YYYY_MM'));
			if to_regclass(part) is null then
				execute format(
					'create table %I partition of audit_events for values from (%L) to (%L)',
					part, month_start::timestamp at time zone 'UTC',
					(month_start + interval '1 month')::timestamp at time zone 'UTC');
				execute format(
					'create trigger no_truncate before truncate on %I for each statement execute function reject_change()',
					part);
			end if;
		end loop;
	end
	$$`,
	// Retention: the one way to remove audit rows. Drops whole monthly partitions that end on or
	// before 'cutoff'; rows are never updated or deleted one by one.
	`create function audit_drop_partitions_before(cutoff timestamptz) returns integer
	language plpgsql as $$
	declare
		part record;
		dropped integer := 0;
	begin
		for part in
			select c.relname
			from pg_inherits i
			join pg_class c on c.oid = i.inhrelid
			join pg_class p on p.oid = i.inhparent
			where p.relname = 'audit_events' and c.relname ~ '^audit_events_[0-9]{4}_[0-9]{2}$'
		loop
			if (to_date(substr(part.relname, 14), 'YYYY_MM') + interval '1 month')::timestamp
					at time zone 'UTC' <= cutoff then
				execute format('drop table %I', part.relname);
				dropped := dropped + 1;
			end if;
		end loop;
		return dropped;
	end
	$$`,
	`select audit_ensure_partitions(now() - interval '1 month', 14)`
];

const downStatements: string[] = [
	'drop function if exists audit_drop_partitions_before(timestamptz)',
	'drop function if exists audit_ensure_partitions(timestamptz, integer)',
	'drop table if exists audit_events cascade',
	'drop table if exists sessions',
	'drop table if exists notifications',
	'drop table if exists representatives',
	'drop table if exists consents',
	'drop table if exists timeline_entries',
	'drop function if exists reject_change()',
	'drop table if exists letters',
	'drop table if exists messages',
	'drop table if exists tasks',
	'drop table if exists meeting_participants',
	'drop table if exists meetings',
	'drop table if exists plan_goals',
	'drop table if exists journey_cases',
	'drop table if exists journeys',
	'drop table if exists cases',
	'drop table if exists analog_flag_changes',
	'drop table if exists citizens',
	'drop table if exists staff_users',
	'drop table if exists departments'
];

async function run(db: Kysely<unknown>, statements: string[]): Promise<void> {
	for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
	await run(db, upStatements);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await run(db, downStatements);
}

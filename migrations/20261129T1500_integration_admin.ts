// Integration API, administration and retention: per-department API keys (only a hash of
// the secret is stored), the stored answers that make a retried API request apply once, the
// department systems' own references for cases, meetings and timeline entries, the municipality's
// settings and retention periods (one row each, edited by administrators), archived journeys, and a
// log of retention runs. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

const upStatements: string[] = [
	`create table api_keys (
		id uuid primary key default gen_random_uuid(),
		department_id uuid not null references departments (id),
		name text not null check (length(name) between 1 and 200),
		-- The first characters of the key, shown in lists so that an operator can tell keys apart.
		prefix text not null unique,
		-- SHA-256 of the whole key (hex). Keys are 256-bit random, so a slow hash adds nothing.
		secret_hash text not null unique,
		created_by_staff_id uuid references staff_users (id),
		created_at timestamptz not null default now(),
		last_used_at timestamptz,
		revoked_at timestamptz,
		revoked_by_staff_id uuid references staff_users (id)
	)`,
	'create index api_keys_department_idx on api_keys (department_id, created_at desc)',
	// One row per (key, Idempotency-Key). The request hash refuses a reused key with another body;
	// status_code is null while the first request is still running.
	`create table api_idempotency (
		api_key_id uuid not null references api_keys (id) on delete cascade,
		idempotency_key text not null check (length(idempotency_key) between 1 and 255),
		method text not null,
		path text not null,
		request_hash text not null,
		status_code integer,
		response_body jsonb,
		created_at timestamptz not null default now(),
		completed_at timestamptz,
		primary key (api_key_id, idempotency_key)
	)`,
	'create index api_idempotency_created_idx on api_idempotency (created_at)',
	`create unique index cases_department_external_ref_idx on cases (department_id, external_ref)
		where external_ref is not null`,
	'alter table meetings add column department_id uuid references departments (id)',
	'alter table meetings add column external_ref text',
	`create unique index meetings_department_external_ref_idx on meetings (department_id, external_ref)
		where external_ref is not null`,
	'alter table timeline_entries add column external_ref text',
	`create unique index timeline_entries_department_external_ref_idx
		on timeline_entries (department_id, external_ref) where external_ref is not null`,
	'alter table journeys add column archived_at timestamptz',
	"create index journeys_archivable_idx on journeys (closed_at) where status = 'closed' and archived_at is null",
	// The municipality's settings. Null columns fall back to the environment (README), so a new
	// installation works before an administrator has saved anything.
	`create table municipality_settings (
		id boolean primary key default true check (id),
		name text,
		phone text,
		email text,
		address text,
		opening_hours_da text,
		opening_hours_en text,
		accessibility_statement_url text,
		primary_color text check (primary_color ~ '^#[0-9a-f]{6}$'),
		logo bytea,
		logo_content_type text check (logo_content_type in ('image/png', 'image/jpeg', 'image/svg+xml')),
		letterhead text,
		updated_at timestamptz not null default now(),
		updated_by_staff_id uuid references staff_users (id),
		check ((logo is null) = (logo_content_type is null))
	)`,
	`create table retention_settings (
		id boolean primary key default true check (id),
		audit_months integer not null default 60 check (audit_months between 12 and 240),
		session_days integer not null default 30 check (session_days between 1 and 365),
		notification_days integer not null default 90 check (notification_days between 7 and 3650),
		idempotency_days integer not null default 7 check (idempotency_days between 1 and 365),
		journey_archive_days integer not null default 365
			check (journey_archive_days between 30 and 3650),
		updated_at timestamptz not null default now(),
		updated_by_staff_id uuid references staff_users (id)
	)`,
	'insert into retention_settings (id) values (true)',
	`create table retention_runs (
		id uuid primary key default gen_random_uuid(),
		started_at timestamptz not null default now(),
		finished_at timestamptz,
		audit_partitions_dropped integer not null default 0,
		sessions_deleted integer not null default 0,
		notifications_deleted integer not null default 0,
		idempotency_deleted integer not null default 0,
		journeys_archived integer not null default 0,
		error text
	)`,
	'create index retention_runs_started_idx on retention_runs (started_at desc)'
];

const downStatements: string[] = [
	'drop table if exists retention_runs',
	'drop table if exists retention_settings',
	'drop table if exists municipality_settings',
	'drop index if exists journeys_archivable_idx',
	'alter table journeys drop column if exists archived_at',
	'drop index if exists timeline_entries_department_external_ref_idx',
	'alter table timeline_entries drop column if exists external_ref',
	'drop index if exists meetings_department_external_ref_idx',
	'alter table meetings drop column if exists external_ref',
	'alter table meetings drop column if exists department_id',
	'drop index if exists cases_department_external_ref_idx',
	'drop table if exists api_idempotency',
	'drop table if exists api_keys'
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

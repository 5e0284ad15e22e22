// Notifications and letters: delivery state for e-mail and SMS (claimed while sending, so a
// worker that dies mid-send is never followed by a second message), print batches for the letters
// of analog citizens, returned letters, and the demo outbox that shows what would have been sent
// when no SMTP or SMS provider is configured. The job queue itself (pg-boss) keeps its own schema,
// created by migrateToLatest. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

const upStatements: string[] = [
	// 'sending': claimed by a worker that is talking to the provider right now. 'uncertain': that
	// worker stopped before it could record the outcome, so the message may have been delivered;
	// it is never re-sent automatically, an administrator decides.
	'alter table notifications drop constraint notifications_status_check',
	`alter table notifications add constraint notifications_status_check check (status in
		('pending', 'bundled', 'sending', 'sent', 'failed', 'uncertain', 'cancelled'))`,
	'alter table notifications add column claimed_at timestamptz',
	'alter table notifications add column provider text',
	'alter table notifications add column message_id text',
	'alter table notifications add column journey_id uuid references journeys (id) on delete set null',
	`create index notifications_open_idx on notifications (citizen_id, channel, send_after)
		where status in ('pending', 'sending')`,
	`create index notifications_dead_idx on notifications (created_at desc)
		where status in ('failed', 'uncertain')`,
	`create table print_batches (
		id uuid primary key default gen_random_uuid(),
		created_at timestamptz not null default now(),
		created_by_staff_id uuid not null references staff_users (id),
		letter_count integer not null,
		handed_over_at timestamptz,
		handed_over_by_staff_id uuid references staff_users (id)
	)`,
	'alter table letters add column event_type text',
	'alter table letters add column department_id uuid references departments (id)',
	'alter table letters add column journey_id uuid references journeys (id) on delete set null',
	`alter table letters add column timeline_entry_id uuid
		references timeline_entries (id) on delete set null`,
	'alter table letters add column rendered_at timestamptz',
	'alter table letters add column batch_id uuid references print_batches (id)',
	'alter table letters add column returned_at timestamptz',
	'alter table letters add column returned_by_staff_id uuid references staff_users (id)',
	'alter table letters add column return_task_id uuid references tasks (id) on delete set null',
	'create index letters_batch_idx on letters (batch_id)',
	`create table demo_outbox (
		id uuid primary key default gen_random_uuid(),
		notification_id uuid not null references notifications (id) on delete cascade,
		channel text not null check (channel in ('email', 'sms')),
		recipient text not null,
		subject text,
		body text not null,
		created_at timestamptz not null default now()
	)`,
	'create index demo_outbox_created_idx on demo_outbox (created_at desc)'
];

const downStatements: string[] = [
	'drop table if exists demo_outbox',
	'drop index if exists letters_batch_idx',
	'alter table letters drop column if exists return_task_id',
	'alter table letters drop column if exists returned_by_staff_id',
	'alter table letters drop column if exists returned_at',
	'alter table letters drop column if exists batch_id',
	'alter table letters drop column if exists rendered_at',
	'alter table letters drop column if exists timeline_entry_id',
	'alter table letters drop column if exists journey_id',
	'alter table letters drop column if exists department_id',
	'alter table letters drop column if exists event_type',
	'drop table if exists print_batches',
	'drop index if exists notifications_dead_idx',
	'drop index if exists notifications_open_idx',
	'alter table notifications drop column if exists journey_id',
	'alter table notifications drop column if exists message_id',
	'alter table notifications drop column if exists provider',
	'alter table notifications drop column if exists claimed_at',
	"update notifications set status = 'failed' where status in ('sending', 'uncertain')",
	'alter table notifications drop constraint notifications_status_check',
	`alter table notifications add constraint notifications_status_check
		check (status in ('pending', 'bundled', 'sent', 'failed', 'cancelled'))`
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

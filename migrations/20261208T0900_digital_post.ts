// Digital Post and remote print through Serviceplatformen SF1601 (docs/DIGITAL-POST.md):
// - postings: one SF1601 request each, a MeMo message whose messageUUID is the row's id, so a send
//   repeated after a crash is the same message to the service and never a second letter;
// - letters: how each goes (the print queue as before, remote print or Digital Post), when it may
//   go (bundling), the posting it went in, and the copy to a representative;
// - citizens: name and address protection, and when the stored address was last taken from the
//   CPR register.
// Migrations never import app code.
import { sql, type Kysely } from 'kysely';

const upStatements = [
	`alter table citizens add column address_protected boolean not null default false`,
	`alter table citizens add column address_updated_at timestamptz`,
	`create table postings (
		id uuid primary key,
		citizen_id uuid not null references citizens (id) on delete cascade,
		recipient_citizen_id uuid not null references citizens (id) on delete cascade,
		delivery text not null check (delivery in ('remote_print', 'digital_post')),
		kombi text not null check (kombi in ('Automatisk Valg', 'Digital Post', 'Fysisk Post')),
		status text not null default 'sending' check (status in ('sending', 'sent', 'failed')),
		subject text not null,
		language text not null check (language in ('da', 'en')),
		letter_count integer not null check (letter_count >= 1),
		pdf bytea,
		page_count integer,
		attempts integer not null default 0,
		claimed_until timestamptz,
		next_attempt_at timestamptz,
		transaction_id uuid,
		error text,
		created_at timestamptz not null,
		sent_at timestamptz
	)`,
	`create index postings_citizen_idx on postings (citizen_id, created_at desc)`,
	`create index postings_open_idx on postings (next_attempt_at) where status = 'sending'`,
	`create index postings_recent_idx on postings (created_at desc)`,
	`alter table letters add column delivery text not null default 'print_queue'
		check (delivery in ('print_queue', 'remote_print', 'digital_post'))`,
	`alter table letters add column recipient_citizen_id uuid references citizens (id) on delete cascade`,
	`alter table letters add column send_after timestamptz`,
	`alter table letters add column posting_id uuid references postings (id) on delete set null`,
	`alter table letters add column address_protected boolean not null default false`,
	`alter table letters drop constraint letters_status_check`,
	`alter table letters add constraint letters_status_check
		check (status in ('queued', 'rendered', 'printed', 'sending', 'posted', 'returned', 'failed'))`,
	// The post job's claim: a recipient's queued letters of one delivery, by when they may go.
	`create index letters_post_idx on letters (citizen_id, send_after)
		where status = 'queued' and delivery <> 'print_queue'`,
	`create index letters_posting_idx on letters (posting_id) where posting_id is not null`,
	`create index letters_entry_idx on letters (timeline_entry_id) where timeline_entry_id is not null`
];

export async function up(db: Kysely<unknown>): Promise<void> {
	for (const statement of upStatements) await sql.raw(statement).execute(db);
}

const downStatements = [
	`drop index if exists letters_entry_idx`,
	`drop index if exists letters_posting_idx`,
	`drop index if exists letters_post_idx`,
	`alter table letters drop constraint letters_status_check`,
	`update letters set status = 'failed' where status = 'sending'`,
	`alter table letters add constraint letters_status_check
			check (status in ('queued', 'rendered', 'printed', 'posted', 'returned', 'failed'))`,
	`alter table letters drop column address_protected`,
	`alter table letters drop column posting_id`,
	`alter table letters drop column send_after`,
	`alter table letters drop column recipient_citizen_id`,
	`alter table letters drop column delivery`,
	`drop table if exists postings`,
	`alter table citizens drop column address_updated_at`,
	`alter table citizens drop column address_protected`
];

export async function down(db: Kysely<unknown>): Promise<void> {
	for (const statement of downStatements) await sql.raw(statement).execute(db);
}

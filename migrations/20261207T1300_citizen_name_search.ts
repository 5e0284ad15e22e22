// Staff find a citizen by part of the name (lower(name) LIKE '%text%'): a trigram index answers
// that without reading every citizen of the municipality. pg_trgm ships with PostgreSQL (contrib)
// and is a trusted extension: the database's owner may create it. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create extension if not exists pg_trgm`.execute(db);
	await sql`create index citizens_name_trgm_idx on citizens using gin (lower(name) gin_trgm_ops)`.execute(
		db
	);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop index if exists citizens_name_trgm_idx`.execute(db);
}

// The rate limits' counters (login, API), shared by every app node on the same PostgreSQL, in the
// table rate-limiter-flexible's Postgres limiter uses (src/lib/server/rate-limit-store.ts). On
// PGlite the app is one process and counts in memory. Migrations never import app code.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`create table rate_limits (
		key varchar(255) primary key,
		points integer not null default 0,
		expire bigint
	)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`drop table if exists rate_limits`.execute(db);
}

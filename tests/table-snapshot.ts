// A snapshot of every row of every table of the app and of the job queue, to show that requests
// the app refused changed nothing (tests/resilience/fuzz.spec.ts, tests/e2e/raw-http.spec.ts).
// Left out is what a refused request may write without changing anyone's data: the sessions
// (logging in writes them), the rate limits' counters (a refused request counts against its limit
// too), an API key's last use (written at most once a minute), and the audit rows of the actions
// named by the caller (a refused form is shown again with its page, and a member of staff reading
// a page or searching is audited: docs/RULES.md, access rule 6). Any other audit row counts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/lib/server/db/schema';
import { JOB_SCHEMA } from '../src/lib/server/jobs/queue';

export async function tableSnapshot(
	db: Kysely<Database>,
	auditActionsLeftOut: readonly string[]
): Promise<Record<string, string>> {
	const tables = await sql<{ schema: string; name: string }>`
		select table_schema as schema, table_name as name from information_schema.tables
		where table_schema in ('public', ${JOB_SCHEMA}) and table_type = 'BASE TABLE'
			and table_name not in ('sessions', 'rate_limits')
		order by 1, 2
	`.execute(db);
	const rows: Record<string, string> = {};
	for (const { schema, name } of tables.rows) {
		const audit = name.startsWith('audit_events') && auditActionsLeftOut.length > 0;
		const found = await sql<{ rows: unknown }>`
			select coalesce(json_agg(r order by r), '[]'::json) as rows
			from (
				select (to_jsonb(t) - 'last_used_at')::text as r
				from ${sql.table(`${schema}.${name}`)} t
				${audit ? sql`where t.action not in (${sql.join(auditActionsLeftOut)})` : sql``}
			) rows
		`.execute(db);
		rows[`${schema}.${name}`] = JSON.stringify(found.rows[0]?.rows);
	}
	return rows;
}

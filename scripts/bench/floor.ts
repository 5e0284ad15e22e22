// The benchmark's floor: what a page would cost with nothing but its SQL. The statements the
// overview and the journey page run for one request (the session look-up included) are recorded
// here by calling the app's own query functions with a recording logger, then replayed per
// request by a bare node:http server on `pg` (floor-server.ts) that answers a small HTML string.
// The report prints Sammen's req/s over the floor's, in the same run on the same database.
import fs from 'node:fs';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { citizenScope, citizenTimelineFilter } from '../../src/lib/server/access/policy';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { loadJourneyAccess } from '../../src/lib/server/db/access-facts';
import { findCitizenJourneyWithPlan } from '../../src/lib/server/db/journeys';
import { citizenOverview } from '../../src/lib/server/db/overview';
import type { Database } from '../../src/lib/server/db/schema';
import { listTimeline } from '../../src/lib/server/db/timeline';

export interface Statement {
	sql: string;
	parameters: readonly unknown[];
}

/** Per floor path, the statements of one request: the first runs alone, the rest together. */
export type FloorScript = Record<string, Statement[]>;

/** The session token in a cookie header (the plain-http cookie the benchmark's app sets). */
export function sessionToken(cookie: string): string {
	const token = /(?:^|;\s*)(?:__Host-)?sammen_session=([^;]+)/.exec(cookie)?.[1];
	if (!token) throw new Error('No session cookie to record the floor with');
	return decodeURIComponent(token);
}

/**
 * Records the statements of the overview and of a journey's first page for the citizen whose
 * session `token` is, as the pages run them (journey page: the timeline at 15 entries).
 */
export async function recordFloorScript(
	databaseUrl: string,
	token: string,
	journeyId: string
): Promise<FloorScript> {
	let recorded: Statement[] = [];
	const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
	const db = new Kysely<Database>({
		dialect: new PostgresDialect({ pool }),
		log: (event: LogEvent) => {
			// A session is touched once a minute, not per request: the floor leaves that out.
			if (/^update "sessions"/.test(event.query.sql)) return;
			recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
		}
	});
	const take = () => {
		const statements = recorded;
		recorded = [];
		return statements;
	};
	try {
		const session = await validateSessionToken(db, token);
		if (!session?.citizen) throw new Error('The floor needs a citizen session');
		const scope = citizenScope({
			loggedInCitizenId: session.citizen.id,
			actingForCitizenId: null,
			representation: null
		});
		if (!scope) throw new Error('No scope for the floor’s citizen');
		take();

		await validateSessionToken(db, token);
		await citizenOverview(db, scope);
		const overview = take();

		await validateSessionToken(db, token);
		await loadJourneyAccess(db, journeyId);
		await findCitizenJourneyWithPlan(db, journeyId, scope.citizenId);
		await listTimeline(db, journeyId, { filter: citizenTimelineFilter(null), limit: 15 });
		const journey = take();
		return { '/overview': overview, '/journey': journey };
	} finally {
		await db.destroy();
	}
}

export function writeFloorScript(file: string, script: FloorScript): void {
	fs.writeFileSync(file, JSON.stringify(script));
}

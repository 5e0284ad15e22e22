// Numbers for /metrics, read when Prometheus scrapes: counts only, never a row's content.
import { sql } from 'kysely';
import { JOB_SCHEMA } from '../jobs/queue';
import type { Executor } from './executor';

/**
 * Jobs waiting per pg-boss queue: created (due or scheduled) or waiting for a retry. Active jobs
 * are being worked on and finished ones are history, so neither counts.
 */
export async function jobQueueDepths(db: Executor): Promise<Map<string, number>> {
	const result = await sql<{ name: string; depth: number | string }>`
		select name, count(*) as depth
		from ${sql.table(`${JOB_SCHEMA}.job`)}
		where state in ('created', 'retry')
		group by name
	`.execute(db);
	return new Map(result.rows.map((row) => [row.name, Number(row.depth)]));
}

/** Letters queued for rendering or rendered and waiting for the print batch (not yet exported). */
export async function lettersWaiting(db: Executor): Promise<number> {
	const row = await db
		.selectFrom('letters')
		.select((eb) => eb.fn.countAll<number | string>().as('waiting'))
		.where('status', 'in', ['queued', 'rendered'])
		.where('delivery', '=', 'print_queue')
		.executeTakeFirstOrThrow();
	return Number(row.waiting);
}

/**
 * SF1601 postings not yet accepted by the service (being sent, or waiting for a retry), by
 * delivery; postings_open_idx holds exactly these.
 */
export async function postingsUnsent(db: Executor): Promise<Map<string, number>> {
	const rows = await db
		.selectFrom('postings')
		.select(['delivery', (eb) => eb.fn.countAll<number | string>().as('n')])
		.where('status', '=', 'sending')
		.groupBy('delivery')
		.execute();
	return new Map(rows.map((row) => [row.delivery, Number(row.n)]));
}

// The benchmark's query report: the app records every statement while the pages are loaded
// (src/lib/server/db/query-profile.ts, switched on by BENCH_QUERY_PROFILE); afterwards the five
// slowest on average are run once more under EXPLAIN (ANALYZE, BUFFERS) with the parameters of
// their slowest call, and the plans are written to a file for whoever tunes the next index.
import fs from 'node:fs';
import path from 'node:path';
import { CompiledQuery } from 'kysely';
import { connect } from '../../src/lib/server/db/connect';
import type { QueryStat } from '../../src/lib/server/db/query-profile';

export interface QuerySummary {
	sql: string;
	calls: number;
	meanMs: number;
	maxMs: number;
	totalMs: number;
}

/** Statements worth explaining: reads and writes, not transaction control or the job queue's. */
function explainable(stat: QueryStat): boolean {
	return (
		/^\s*(select|with|insert|update|delete)\b/i.test(stat.sql) && !/\bpgboss\./i.test(stat.sql)
	);
}

/** JSON turned Buffers into { type, data }; everything else goes back as it was written. */
function revive(value: unknown): unknown {
	if (value && typeof value === 'object' && 'type' in value && value.type === 'Buffer') {
		return Buffer.from((value as unknown as { data: number[] }).data);
	}
	return value;
}

export function readProfile(file: string): QueryStat[] {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as QueryStat[];
}

export function slowest(stats: QueryStat[], n: number): QueryStat[] {
	return stats
		.filter(explainable)
		.sort((a, b) => b.totalMs / b.calls - a.totalMs / a.calls)
		.slice(0, n);
}

export function summary(stat: QueryStat): QuerySummary {
	return {
		sql: stat.sql,
		calls: stat.calls,
		meanMs: Math.round((stat.totalMs / stat.calls) * 10) / 10,
		maxMs: Math.round(stat.maxMs * 10) / 10,
		totalMs: Math.round(stat.totalMs)
	};
}

/**
 * Runs EXPLAIN (ANALYZE, BUFFERS) on each statement in a transaction that is rolled back, so an
 * explained write changes nothing, and writes the plans to `file`.
 */
export async function explainToFile(
	stats: QueryStat[],
	database: { databaseUrl?: string; dataDir: string },
	file: string
): Promise<void> {
	const handle = await connect(database);
	const parts: string[] = [];
	try {
		for (const [index, stat] of stats.entries()) {
			const s = summary(stat);
			let plan: string;
			try {
				plan = await handle.db.transaction().execute(async (trx) => {
					const result = await trx.executeQuery<Record<string, string>>(
						CompiledQuery.raw(
							`explain (analyze, buffers) ${stat.sql}`,
							stat.slowestParameters.map(revive)
						)
					);
					throw new Rollback(result.rows.map((row) => Object.values(row)[0]).join('\n'));
				});
			} catch (error) {
				plan = error instanceof Rollback ? error.plan : `(not explained: ${String(error)})`;
			}
			parts.push(
				[
					`-- ${index + 1}. mean ${s.meanMs} ms, max ${s.maxMs} ms, ${s.calls} calls, ${s.totalMs} ms in all`,
					stat.sql,
					`-- parameters of the slowest call: ${JSON.stringify(stat.slowestParameters)}`,
					plan,
					''
				].join('\n')
			);
		}
	} finally {
		await handle.close();
	}
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, parts.join('\n'));
}

/** Carries the plan out of the transaction, which it rolls back. */
class Rollback extends Error {
	constructor(readonly plan: string) {
		super('rollback');
	}
}

// A query profile for the benchmark (docs/DEPLOY.md, "Benchmark"): every statement the app runs,
// grouped by its SQL text, with calls, total and slowest time, and the parameters of its slowest
// call so that the benchmark can run EXPLAIN (ANALYZE, BUFFERS) on exactly that call afterwards.
// It holds parameters, so it is only ever switched on for the demo's made-up people (see
// queryProfilePath in ../config.ts), never for a real municipality.
import fs from 'node:fs';
import path from 'node:path';
import type { LogEvent } from 'kysely';

export interface QueryStat {
	sql: string;
	calls: number;
	totalMs: number;
	maxMs: number;
	/** The parameters of the slowest call. */
	slowestParameters: readonly unknown[];
}

export class QueryProfile {
	private readonly stats = new Map<string, QueryStat>();

	/** Kysely's `log` option: records each query's duration, whether it succeeded or failed. */
	readonly log = (event: LogEvent): void => {
		const ms = event.queryDurationMillis;
		const text = event.query.sql;
		const stat = this.stats.get(text);
		if (!stat) {
			this.stats.set(text, {
				sql: text,
				calls: 1,
				totalMs: ms,
				maxMs: ms,
				slowestParameters: event.query.parameters
			});
			return;
		}
		stat.calls += 1;
		stat.totalMs += ms;
		if (ms > stat.maxMs) {
			stat.maxMs = ms;
			stat.slowestParameters = event.query.parameters;
		}
	};

	/** Every statement, most total time first. */
	list(): QueryStat[] {
		return [...this.stats.values()].sort((a, b) => b.totalMs - a.totalMs);
	}

	/** Writes the profile as JSON (parameters as JSON values: dates become ISO strings). */
	write(file: string): void {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, JSON.stringify(this.list(), null, '\t'));
	}
}

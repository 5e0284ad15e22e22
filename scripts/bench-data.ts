// npm run bench:data -- --citizens 100000 [--seed 1]
//
// Fills a database with the benchmark's municipality (scripts/bench/scale-data.ts): the demo, then
// `--citizens` residents with their cases, journeys, timelines, messages, meetings, consents,
// representatives and audit rows. On PostgreSQL when BENCH_DATABASE_URL is set (a database the
// benchmark may fill), else on PGlite in BENCH_DATA_DIR (default ./data-bench). The CPR key is
// CPR_KEY, else the one kept in the data directory, as for the app; the benchmark's server must
// use the same one. A database that already holds this seed's citizens is left as it is.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadCprKeys } from '../src/lib/server/crypto/cpr';
import * as clock from '../src/lib/server/clock';
import { connect } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { isDatabaseEmpty, seedDemo } from '../src/lib/server/seed/demo';
import { generateScaleData, scaleId } from './bench/scale-data';
import { sql } from 'kysely';

const { values } = parseArgs({
	options: {
		citizens: { type: 'string', default: '100000' },
		seed: { type: 'string', default: '1' }
	}
});
const citizens = Number(values.citizens);
const seed = Number(values.seed);
if (!Number.isInteger(citizens) || citizens < 1 || citizens > 360_000) {
	console.error('--citizens must be a whole number from 1 to 360000');
	process.exit(2);
}
if (!Number.isInteger(seed) || seed < 0) {
	console.error('--seed must be a whole number, 0 or more');
	process.exit(2);
}

const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const dataDir = path.resolve(process.env.BENCH_DATA_DIR || './data-bench');
const keys = loadCprKeys({ envKey: process.env.CPR_KEY, dataDir, allowGenerated: true });
const handle = await connect({ databaseUrl, dataDir });

/** One line per step, rewritten in place on a terminal; elsewhere a line at every quarter. */
function progressBar() {
	const tty = process.stderr.isTTY;
	let shown = '';
	return (step: string, done: number) => {
		const percent = Math.floor(done * 100);
		const filled = Math.round(done * 30);
		const line = `${step.padEnd(34)} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${String(percent).padStart(3)} %`;
		if (tty) {
			process.stderr.write(`\r${line}${done >= 1 ? '\n' : ''}`);
		} else {
			const mark = `${step}:${Math.floor(percent / 25)}`;
			if (mark !== shown) process.stderr.write(`${line}\n`);
			shown = mark;
		}
	};
}

try {
	const started = performance.now();
	await migrateToLatest(handle.db);
	if (await isDatabaseEmpty(handle.db)) {
		await seedDemo(handle.db, keys);
		console.log('Demo municipality seeded');
	}
	const first = await handle.db
		.selectFrom('citizens')
		.select('id')
		.where('id', '=', scaleId(seed, 'citizen', 1))
		.executeTakeFirst();
	if (first) {
		console.log(`This database already holds the citizens of seed ${seed}: nothing added`);
	} else {
		const counts = await generateScaleData(handle.db, keys, {
			citizens,
			seed,
			now: clock.now(),
			onProgress: progressBar()
		});
		// Statistics as autovacuum would have them after a load this size, so the planner's first
		// choices are the ones a running municipality gets.
		await sql`analyze`.execute(handle.db);
		console.log(
			`Filled ${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`} in ${((performance.now() - started) / 1000).toFixed(0)} s:`
		);
		for (const [name, count] of Object.entries(counts)) {
			console.log(`  ${name.padEnd(16)} ${count.toLocaleString('en')}`);
		}
	}
} catch (error) {
	console.error(error);
	process.exitCode = 1;
} finally {
	await handle.close();
}

// The durable job queue: pg-boss, in the same PostgreSQL as everything else (its own schema,
// `pgboss`). pg-boss was the first choice and runs on both databases: it accepts a `db` object with
// one executeSql method, which we give it over Kysely (db/connect.ts sqlExecutor), so on PGlite it
// shares the one connection and on PostgreSQL the pool. The same mechanism lets a job be written in
// the caller's transaction (enqueue below): an event is never stored without its job, nor a job
// without its event.
import PgBoss from 'pg-boss';
import type { Kysely, Transaction } from 'kysely';
import { sqlExecutor } from '../db/connect';
import type { Database } from '../db/schema';

export const JOB_SCHEMA = 'pgboss';

/** Every queue Sammen uses. Created (idempotently) with the schema by migrateToLatest. */
export const QUEUES = {
	/** Send a citizen's pending e-mail or SMS notifications, bundled: { citizenId, channel }. */
	deliver: 'notify-deliver',
	/** Render an analog citizen's letter into the print queue: { letterId }. */
	letter: 'letter-render',
	/** Periodic upkeep: stale deliveries, letters waiting too long. */
	sweep: 'notify-sweep'
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

// A sender that never talks to a database of its own: every send passes the caller's executor.
let sender: PgBoss | undefined;
function jobSender(): PgBoss {
	sender ??= new PgBoss({
		schema: JOB_SCHEMA,
		db: {
			executeSql() {
				throw new Error('The job sender needs the caller\u2019s transaction');
			}
		}
	});
	return sender;
}

export interface EnqueueOptions {
	startAfter?: Date;
	retryLimit?: number;
	retryDelay?: number;
	retryBackoff?: boolean;
	singletonKey?: string;
}

/** Puts a job on a queue inside the caller's transaction: it exists only if the transaction commits. */
export async function enqueue(
	trx: Transaction<Database> | Kysely<Database>,
	queue: QueueName,
	data: object,
	options: EnqueueOptions = {}
): Promise<string | null> {
	return jobSender().send(queue, data, { ...options, db: sqlExecutor(trx) });
}

/** A pg-boss instance that works over the application's database. */
export function createBoss(db: Kysely<Database>, options: Partial<PgBoss.ConstructorOptions> = {}) {
	return new PgBoss({
		schema: JOB_SCHEMA,
		db: sqlExecutor(db),
		...options
	} as PgBoss.ConstructorOptions);
}

/**
 * Creates or upgrades pg-boss's schema and our queues. pg-boss takes an advisory lock while it
 * migrates, so several app nodes starting at once are safe.
 */
export async function ensureJobSchema(db: Kysely<Database>): Promise<void> {
	const boss = createBoss(db, { supervise: false, schedule: false, migrate: true });
	boss.on('error', () => {});
	await boss.start();
	try {
		for (const name of Object.values(QUEUES)) await boss.createQueue(name);
	} finally {
		await boss.stop({ graceful: false, wait: true, close: false });
	}
}

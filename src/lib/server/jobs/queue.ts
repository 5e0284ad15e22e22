// The durable job queue: pg-boss, in the same PostgreSQL as everything else (its own schema,
// `pgboss`). pg-boss was the first choice and runs on both databases: it accepts a `db` object with
// one executeSql method, which we give it over Kysely (db/connect.ts sqlExecutor), so on PGlite it
// shares the one connection and on PostgreSQL the pool. The same mechanism lets a job be written in
// the caller's transaction (enqueue below): an event is never stored without its job, nor a job
// without its event.
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Kysely, type Transaction } from 'kysely';
import { isEmbedded, sqlExecutor, type SqlExecutor } from '../db/connect';
import type { Database } from '../db/schema';

export const JOB_SCHEMA = 'pgboss';

/** Every queue Sammen uses. Created (idempotently) with the schema by migrateToLatest. */
export const QUEUES = {
	/** Send a citizen's pending e-mail or SMS notifications, bundled: { citizenId, channel }. */
	deliver: 'notify-deliver',
	/** Render an analog citizen's letter into the print queue: { letterId }. */
	letter: 'letter-render',
	/**
	 * Send letters through SF1601 (docs/DIGITAL-POST.md): a recipient's due letters as one posting,
	 * { citizenId, recipientCitizenId, delivery }, or another attempt at a posting, { postingId }.
	 */
	post: 'digital-post',
	/** Periodic upkeep: stale deliveries, letters waiting too long. */
	sweep: 'notify-sweep',
	/** Retention: delete what has outlived its period, archive closed journeys (daily, or "run now"). */
	retention: 'retention'
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
	/**
	 * Seconds from now before the job may run. Relative on purpose: pg-boss compares an absolute
	 * start with the database server's clock, which is not the application's when it is pinned.
	 */
	startAfterSeconds?: number;
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
	const { startAfterSeconds, ...rest } = options;
	return jobSender().send(queue, data, {
		...rest,
		...(startAfterSeconds !== undefined && {
			startAfter: Math.max(0, Math.ceil(startAfterSeconds))
		}),
		db: sqlExecutor(trx)
	});
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
 * Creates or upgrades pg-boss's schema and our queues. On PostgreSQL several app nodes may start at
 * once: the install runs on one connection under a session advisory lock, so the second node waits
 * and then finds everything in place (pg-boss's own lock does not cover two first installs). A
 * script that fails is rolled back on its connection before the connection goes back to the pool.
 */
export async function ensureJobSchema(db: Kysely<Database>): Promise<void> {
	if (isEmbedded(db)) {
		await installJobSchema(sqlExecutor(db));
		return;
	}
	await db.connection().execute(async (conn) => {
		const lock = sql`select pg_advisory_lock(hashtext('sammen:job-schema'))`;
		await lock.execute(conn);
		try {
			await installJobSchema({
				async executeSql(text, values = []) {
					try {
						const result = await conn.executeQuery(CompiledQuery.raw(text, values));
						return { rows: result.rows as unknown[] };
					} catch (error) {
						if (values.length === 0) {
							await conn.executeQuery(CompiledQuery.raw('rollback', [])).catch(() => {});
						}
						throw error;
					}
				}
			});
		} finally {
			await sql`select pg_advisory_unlock(hashtext('sammen:job-schema'))`.execute(conn);
		}
	});
}

async function installJobSchema(executor: SqlExecutor): Promise<void> {
	const boss = new PgBoss({
		schema: JOB_SCHEMA,
		db: executor,
		supervise: false,
		schedule: false,
		migrate: true
	} as PgBoss.ConstructorOptions);
	boss.on('error', () => {});
	await boss.start();
	try {
		for (const name of Object.values(QUEUES)) await boss.createQueue(name);
	} finally {
		await boss.stop({ graceful: false, wait: true, close: false });
	}
}

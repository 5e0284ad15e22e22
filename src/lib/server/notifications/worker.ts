// The notification worker: pg-boss workers for delivery, letters and the periodic sweep. It runs in
// every app process unless JOBS=off; pg-boss hands each job to one worker across all processes.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DigitalChannel } from '../../domain';
import { createBoss, QUEUES } from '../jobs/queue';
import { log } from '../log';
import { runRetention } from '../retention/run';
import type { Channels } from './channels';
import { deliverDue, renderLetter, sweep } from './deliver';
import { notificationSettings } from './settings';
import { resumeStrandedPosts, runPostJob, type PostDeps, type PostJob } from '../digital-post/post';
import * as clock from '../clock';

export interface Logger {
	info(message: string): void;
	warn(message: string): void;
	error(message: string): void;
}

export interface WorkerOptions {
	channels: Channels;
	log?: Logger;
	/** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
	pollingIntervalSeconds?: number;
	/**
	 * How many e-mails and SMS this process sends at once (default 1). pg-boss waits a polling
	 * interval after each fetch, so one sender sends one message per interval; each sender here
	 * fetches one job and starts it at once, so a process killed mid-send leaves at most this many
	 * claims, and no fetched job waits behind another (a batch would strand the rest).
	 */
	deliveryConcurrency?: number;
	/** Letters through SF1601 (LETTER_DELIVERY=sf1601); absent: the print queue only. */
	post?: PostDeps;
	/**
	 * When retention runs by itself: a cron expression in a time zone, or null for never (it still
	 * runs when an administrator asks). Omitted: no schedule is touched.
	 */
	retentionSchedule?: { cron: string; tz: string } | null;
}

export interface NotificationWorker {
	stop(): Promise<void>;
	/** Runs the sweep now (it also runs at start and every minute). */
	sweepNow(): Promise<void>;
}

const appLog: Logger = {
	info: (m) => log.info(m),
	warn: (m) => log.warn(m),
	error: (m) => log.error(m)
};

export async function startNotificationWorker(
	db: Kysely<Database>,
	options: WorkerOptions
): Promise<NotificationWorker> {
	const log = options.log ?? appLog;
	const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };
	const boss = createBoss(db, { supervise: true, schedule: true, migrate: false });
	// pg-boss reports failures of its own queries here; they carry no personal data.
	boss.on('error', (error) => log.error(`Job queue: ${error.message}`));
	await boss.start();

	const runSweep = async () => {
		const settings = notificationSettings();
		const result = await sweep(db, clock.now(), settings);
		if (result.interrupted > 0) {
			log.warn(
				`${result.interrupted} notification(s) were interrupted between sending and recording; ` +
					'they are listed as uncertain under /staff/drift and will not be sent again by themselves'
			);
		}
		if (options.post) result.resumed += await resumeStrandedPosts(db, clock.now(), settings);
		if (result.resumed > 0) {
			log.info(
				`${result.resumed} notification(s) or letter(s) whose job was lost were given a new job`
			);
		}
		if (result.lettersWaiting > 0) {
			log.warn(
				`ALERT: ${result.lettersWaiting} letter(s) have waited more than ` +
					`${settings.letterAlertHours} hours without being handed to the post (/staff/post)`
			);
		}
	};

	for (let sender = 0; sender < Math.max(1, options.deliveryConcurrency ?? 1); sender++) {
		await boss.work<{ citizenId: string; channel: DigitalChannel }>(
			QUEUES.deliver,
			polling,
			async (jobs) => {
				for (const job of jobs) await deliverDue(db, options.channels, job.data);
			}
		);
	}
	await boss.work<{ letterId: string }>(QUEUES.letter, polling, async (jobs) => {
		for (const job of jobs) await renderLetter(db, job.data.letterId);
	});
	if (options.post) {
		const post = options.post;
		await boss.work<PostJob>(QUEUES.post, polling, async (jobs) => {
			for (const job of jobs) await runPostJob(db, post, job.data);
		});
	}
	await boss.work(QUEUES.sweep, polling, runSweep);
	// pg-boss runs a schedule once per minute across all processes.
	await boss.schedule(QUEUES.sweep, '* * * * *');
	await runSweep().catch((error: Error) => log.error(`Notification sweep: ${error.message}`));

	// Retention: one job at a time per process; across processes its steps take turns under an
	// advisory lock (retention/run.ts). The counts name no person.
	await boss.work(QUEUES.retention, polling, async () => {
		const result = await runRetention(db, clock.now());
		const summary =
			`Retention: ${result.auditPartitionsDropped} audit partition(s) dropped, ` +
			`${result.sessionsDeleted} session(s), ${result.notificationsDeleted} notification(s), ` +
			`${result.idempotencyDeleted} idempotency record(s) deleted, ` +
			`${result.journeysArchived} journey(s) archived`;
		if (result.error) log.error(`${summary}; failed: ${result.error}`);
		else log.info(summary);
	});
	if (options.retentionSchedule === null) {
		await boss.unschedule(QUEUES.retention);
	} else if (options.retentionSchedule) {
		const { cron, tz } = options.retentionSchedule;
		try {
			// One schedule row per queue, shared by every node: the last node to start wins, and
			// pg-boss sends one job per tick across all of them.
			await boss.schedule(QUEUES.retention, cron, {}, { tz });
		} catch (error) {
			log.error(
				`ALERT: retention is not scheduled: RETENTION_CRON '${cron}' (${tz}) was refused: ` +
					(error instanceof Error ? error.message : String(error))
			);
		}
	}

	return {
		async stop() {
			await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
		},
		sweepNow: runSweep
	};
}

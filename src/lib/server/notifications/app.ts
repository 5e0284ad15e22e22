// The worker as the app starts it: channels from the environment, and a clear warning for every
// channel that will not deliver (operations/channels-status.ts), never a silent one.
import type { Kysely } from 'kysely';
import { isDemo } from '../config';
import { log } from '../log';
import type { Database } from '../db/schema';
import { channelStatus, startupWarnings } from '../operations/channels-status';
import { channelsFromEnvironment } from './channels';
import { startNotificationWorker, type NotificationWorker } from './worker';
import { startDigitalPost, stopDigitalPost } from '../digital-post/app';

export async function startAppWorker(db: Kysely<Database>): Promise<NotificationWorker> {
	const demo = isDemo();
	const status = channelStatus(undefined, demo);
	for (const line of startupWarnings(status)) log.warn(`WARNING: ${line}`);
	if (status.email === 'demo' || status.sms === 'demo') {
		log.info('Unconfigured e-mail and SMS go to the demo outbox at /staff/drift/demo');
	}
	const polling = Number(process.env.NOTIFY_POLL_SECONDS ?? '2');
	const concurrency = Number(process.env.NOTIFY_CONCURRENCY ?? '5');
	// Letters through SF1601 (LETTER_DELIVERY=sf1601), or the print queue when it returns null.
	const post = await startDigitalPost(db, demo);
	if (post?.simulator) {
		log.info(`Letters go to the local SF1601 simulator at ${post.simulator.url} (/staff/drift)`);
	} else if (post) {
		const { agreement } = post.deps.settings;
		log.info(
			'Letters go through Serviceplatformen SF1601 (remote print and Digital Post); ' +
				`service agreement ${agreement.serviceAgreementUuid ?? 'not given'}, ` +
				`user system ${agreement.userSystemUuid ?? 'not given'}, user ${agreement.userUuid ?? 'not given'}`
		);
	}
	const worker = await startNotificationWorker(db, {
		channels: channelsFromEnvironment(db, demo),
		pollingIntervalSeconds: Number.isFinite(polling) && polling >= 0.5 ? polling : 2,
		deliveryConcurrency: Number.isInteger(concurrency) && concurrency >= 1 ? concurrency : 5,
		retentionSchedule: retentionSchedule(),
		post: post?.deps
	});
	return {
		...worker,
		async stop() {
			await worker.stop();
			await stopDigitalPost();
		}
	};
}

/** Retention runs daily at 02:30 Danish time unless RETENTION_CRON says otherwise ('off': never). */
export const DEFAULT_RETENTION_CRON = '30 2 * * *';
export const RETENTION_TZ = 'Europe/Copenhagen';

export function retentionSchedule(
	env: Record<string, string | undefined> = process.env
): { cron: string; tz: string } | null {
	const cron = env.RETENTION_CRON?.trim() || DEFAULT_RETENTION_CRON;
	if (cron.toLowerCase() === 'off') return null;
	return { cron, tz: env.RETENTION_TZ?.trim() || RETENTION_TZ };
}

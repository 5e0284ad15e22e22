// The worker as the app (and `npm run worker`) starts it: channels from the environment, a clear
// warning for every channel that is not configured, never a silent one.
import type { Kysely } from 'kysely';
import { isDemo } from '../config';
import type { Database } from '../db/schema';
import { channelsFromEnvironment } from './channels';
import { startNotificationWorker, type NotificationWorker } from './worker';

export async function startAppWorker(db: Kysely<Database>): Promise<NotificationWorker> {
	const demo = isDemo();
	const channels = channelsFromEnvironment(db, demo);
	for (const [name, variable] of [
		['email', 'SMTP_URL'],
		['sms', 'SMS_HTTP_URL']
	] as const) {
		const provider = channels[name].provider;
		if (provider === 'missing') {
			console.warn(
				`WARNING: ${variable} is not set: ${name} notifications will fail and appear in the ` +
					'dead-letter list at /staff/drift'
			);
		} else if (provider === 'demo') {
			console.log(
				`${variable} is not set: ${name} notifications go to the demo outbox at /staff/drift/demo`
			);
		}
	}
	console.log(
		'Digital Post (Serviceplatformen SF1601) is not connected: analog citizens get letters through the print queue'
	);
	const polling = Number(process.env.NOTIFY_POLL_SECONDS ?? '2');
	return startNotificationWorker(db, {
		channels,
		pollingIntervalSeconds: Number.isFinite(polling) && polling >= 0.5 ? polling : 2
	});
}

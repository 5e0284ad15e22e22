// What became of the notifications of a scenario's entries: each delivered exactly once (sent, or
// bundled into a message that was sent), or marked uncertain when its process died between
// sending and recording. Sends are counted in the demo outbox, which the demo's channels write to
// before the notification is recorded as sent (notifications/channels.ts).
import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/lib/server/db/schema';

export interface NotificationOutcome {
	/** The entries' references, as stored. */
	entries: string[];
	created: number;
	delivered: number;
	uncertain: number;
	sentTwice: number;
	lost: number;
	problems: string[];
}

/** The notifications of the entries whose external_ref is like `refPattern`. */
export async function notificationOutcome(
	db: Kysely<Database>,
	refPattern: string
): Promise<NotificationOutcome> {
	const entries = await db
		.selectFrom('timeline_entries')
		.select(['id', 'external_ref'])
		.where('external_ref', 'like', refPattern)
		.execute();
	const outcome: NotificationOutcome = {
		entries: entries.map((e) => e.external_ref!),
		created: 0,
		delivered: 0,
		uncertain: 0,
		sentTwice: 0,
		lost: 0,
		problems: []
	};
	if (entries.length === 0) return outcome;
	const notifications = await db
		.selectFrom('notifications')
		.select(['id', 'timeline_entry_id', 'channel', 'status', 'bundle_id'])
		.where(
			'timeline_entry_id',
			'in',
			entries.map((e) => e.id)
		)
		.execute();
	outcome.created = notifications.length;
	// A bundle's head may be a notification of an event outside the scenario: read every head.
	const heads = new Map(
		(
			await db
				.selectFrom('notifications')
				.select(['id', 'status'])
				.where('id', 'in', [...new Set(notifications.map((n) => n.bundle_id ?? n.id))])
				.execute()
		).map((h) => [h.id, h.status])
	);
	const sends = new Map(
		(
			await db
				.selectFrom('demo_outbox')
				.select(['notification_id', sql<number>`count(*)::int`.as('n')])
				.where('notification_id', 'in', [...heads.keys()])
				.groupBy('notification_id')
				.execute()
		).map((r) => [r.notification_id, r.n])
	);
	for (const [head, n] of sends) {
		if (n > 1) {
			outcome.sentTwice += 1;
			outcome.problems.push(`notification ${head}: sent ${n} times`);
		}
	}
	const perEntry = new Map<string, string[]>();
	for (const n of notifications) {
		perEntry.set(n.timeline_entry_id!, [...(perEntry.get(n.timeline_entry_id!) ?? []), n.channel]);
		const head = n.bundle_id ?? n.id;
		const status = heads.get(head);
		const sent = sends.get(head) ?? 0;
		if (status === 'sent' && sent === 1) outcome.delivered += 1;
		else if (status === 'uncertain' && sent <= 1) outcome.uncertain += 1;
		else {
			outcome.lost += 1;
			outcome.problems.push(
				`notification ${n.id}: ${n.status}, its message ${status}, sent ${sent}`
			);
		}
	}
	for (const entry of entries) {
		const channels = (perEntry.get(entry.id) ?? []).sort().join(' ');
		if (channels !== 'email sms') {
			outcome.problems.push(`entry ${entry.external_ref}: notifications '${channels}'`);
		}
	}
	return outcome;
}

/** Waits until no delivery or letter job is waiting, as the server's /metrics tells. */
export async function waitForQueuesEmpty(url: string): Promise<void> {
	const depth = async () => {
		const text = await (await fetch(`${url}/metrics`)).text();
		let sum = 0;
		for (const queue of ['notify-deliver', 'letter-render']) {
			const match = new RegExp(`^sammen_job_queue_depth\\{queue="${queue}"\\} (\\d+)`, 'm').exec(
				text
			);
			if (!match) throw new Error(`/metrics has no depth for ${queue}`);
			sum += Number(match[1]);
		}
		return sum;
	};
	// Empty twice, a second apart: a job running at the first look has finished by the second.
	const twice = async () => {
		const first = await depth();
		await new Promise((resolve) => setTimeout(resolve, 1000));
		return first + (await depth());
	};
	await expect.poll(twice, { timeout: 60_000, interval: 500 }).toBe(0);
}

// The server both retention specs run on (retention.spec.ts over HTTP, retention.browser.spec.ts in
// Chromium): the demo plus a message sent long ago and Maja's journey closed long ago, for the
// clean-up run to delete and archive.
import { expect } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { startSeededServer, type SeededServer } from './seeded-server';

export const URL_PATH = '/staff/admin/opbevaring';
export const OLD_SENT = '0d000000-0000-4000-8000-000000000001';
export const JOURNEY = demoIds.journey('maja');
export const JOURNEY_PATH = `/staff/forloeb/${JOURNEY}`;
// The same calendar as the seed's: the server's clock goes on from this process's.
export const demo = new DemoClock(clock.now());

export function startRetentionServer(): Promise<SeededServer> {
	return startSeededServer(async (db) => {
		// A message sent 200 days ago: the first run deletes it.
		const longAgo = demo.past(200, 10);
		await db
			.insertInto('notifications')
			.values({
				id: OLD_SENT,
				citizen_id: demoIds.citizen('Maja Jensen'),
				event_type: 'meeting_invite',
				timeline_entry_id: null,
				channel: 'email',
				status: 'sent',
				bundle_id: null,
				letter_id: null,
				send_after: longAgo,
				sent_at: longAgo,
				created_at: longAgo,
				idempotency_key: 'retention-e2e:1',
				error: null,
				claimed_at: null
			})
			.execute();
		// Maja's journey closed 800 days ago: a run archives it, on the default period (365 days) as
		// on the 730 days retention.spec.ts saves.
		await db
			.updateTable('journeys')
			.set({ status: 'closed', closed_at: demo.past(800, 10) })
			.where('id', '=', JOURNEY)
			.execute();
	});
}

/**
 * After a run was asked for: reads the retention page's text (`load`) until it lists a finished
 * run, within a bounded wait (the job queue runs it), and returns the last text read.
 */
export async function untilRunFinished(load: () => Promise<string>): Promise<string> {
	const deadline = performance.now() + 30_000;
	let body = '';
	while (performance.now() < deadline) {
		body = await load();
		if (body.includes('De seneste 10 kørsler af oprydningen') && body.includes('Færdig')) break;
		await new Promise((r) => setTimeout(r, 300));
	}
	return body;
}

/**
 * What the audit trail of a stopped retention server must say: `saves` saved periods, and when
 * `run`, one run asked for and at least one run done, all by Anders (the runs by the system).
 */
export async function expectRetentionAudit(
	server: SeededServer,
	expected: { saves: number; run: boolean }
): Promise<void> {
	const anders = demoIds.staff('Anders Berg');
	const rows = await server.stopAndInspect((db) =>
		db
			.selectFrom('audit_events')
			.select(['actor_type', 'actor_staff_id', 'action', 'object_type', 'citizen_id'])
			.where('object_type', 'in', ['retention_settings', 'retention_job', 'retention_run'])
			.execute()
	);
	const settings = rows.filter((r) => r.object_type === 'retention_settings');
	expect(settings.length).toBe(expected.saves);
	for (const r of settings) {
		expect(r).toEqual({
			actor_type: 'staff',
			actor_staff_id: anders,
			action: 'update',
			object_type: 'retention_settings',
			citizen_id: null
		});
	}
	expect(rows.filter((r) => r.object_type === 'retention_job')).toEqual(
		expected.run
			? [
					{
						actor_type: 'staff',
						actor_staff_id: anders,
						action: 'create',
						object_type: 'retention_job',
						citizen_id: null
					}
				]
			: []
	);
	const runs = rows.filter((r) => r.object_type === 'retention_run');
	if (expected.run) expect(runs.length).toBeGreaterThanOrEqual(1);
	for (const r of runs) {
		expect(r).toMatchObject({ actor_type: 'system', actor_staff_id: null, action: 'delete' });
	}
}

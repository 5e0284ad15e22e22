import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenOverview } from '../../src/lib/server/db/overview';
import { citizenScope } from '../../src/lib/server/access/policy';
import * as clock from '../../src/lib/server/clock';
import { demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();

describe.each(testDialects())('the citizen overview on %s', (dialect) => {
	let t: TestDatabase;
	const maja = demoIds.citizen('Maja Jensen');

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	const own = (citizenId: string) =>
		citizenScope({ loggedInCitizenId: citizenId, actingForCitizenId: null, representation: null })!;

	it("shows Maja's cases in three departments, what waits on her first", async () => {
		const overview = await citizenOverview(t.db, own(maja), now);
		expect(new Set(overview.cases.map((c) => c.departmentName))).toEqual(
			new Set(['Jobcenter', 'Socialforvaltningen', 'Børn og Familie'])
		);
		expect(overview.cases[0]?.waitingOn).toBe('citizen');
		expect(overview.tasks.map((task) => task.title)).toContain(
			'Send dine lønsedler for de sidste tre måneder'
		);
		expect(overview.nextMeeting?.response).toBe('pending');
		expect(overview.nextMeeting!.startsAt.getTime()).toBeGreaterThan(now.getTime());
		// The joint meeting the seed plans "next week" (seed/demo.ts: maja-next).
		expect(overview.nextMeeting!.startsAt.getTime()).toBe(new DemoClock(now).nextWeek().getTime());
		expect(overview.journeys).toHaveLength(1);
		expect(overview.journeys[0]?.coordinatorName).toBe('Mette Larsen');
		expect(overview.journeys[0]?.unreadMessages).toBe(2);
		// The parts come from one statement as json: timestamps are Dates again, dates stay days.
		for (const c of overview.cases) {
			for (const at of [c.decidedAt, c.closedAt]) if (at !== null) expect(at).toBeInstanceOf(Date);
			if (c.nextStepDue !== null) expect(c.nextStepDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
		expect(overview.cases.some((c) => c.decidedAt !== null)).toBe(true);
		expect(overview.nextMeeting!.endsAt).toBeInstanceOf(Date);
	});

	it("never shows another citizen's cases", async () => {
		const karl = await citizenOverview(t.db, own(demoIds.citizen('Karl Nielsen')), now);
		const majaCases = new Set((await citizenOverview(t.db, own(maja), now)).cases.map((c) => c.id));
		expect(karl.cases.length).toBeGreaterThan(0);
		expect(karl.cases.some((c) => majaCases.has(c.id))).toBe(false);
	});

	it('keeps a representation limited to one department to that department', async () => {
		const jobcenter = demoIds.department('jobcenter');
		const scope = citizenScope({
			loggedInCitizenId: demoIds.citizen('Henrik Hansen'),
			actingForCitizenId: maja,
			representation: { scope: 'read_only', departmentIds: [jobcenter] }
		})!;
		const overview = await citizenOverview(t.db, scope, now);
		expect(overview.cases.length).toBeGreaterThan(0);
		expect(overview.cases.every((c) => c.departmentId === jobcenter)).toBe(true);
		expect(overview.nextMeeting).toBeNull();
		expect(overview.journeys).toEqual([]);
	});
});

// What the staff journey page and the new-entry page share: the timeline's filter from the policy,
// the writer's own cases, the colleagues a task can go to, and the entries the writer may correct.
import type { JourneyCase } from '../db/staff-timeline';
import { can, timelineFilter, type TimelineFilter } from '../access/policy';
import type { StaffJourneyContext } from '../access/staff';
import type { Visibility } from '../../domain';

/** The policy's filter for this reader; the guard has let them read the journey, so never null. */
export function readerFilter(context: StaffJourneyContext): TimelineFilter {
	const filter = timelineFilter(context.actor, context.citizen, context.journey);
	if (!filter) throw new Error('staffJourney let a reader in whom timelineFilter refuses');
	return filter;
}

/** May the reader write entries on this journey (in their own department's name)? */
export function mayWriteEntries(context: StaffJourneyContext): boolean {
	return can(context.actor, 'write', {
		kind: 'timelineEntry',
		citizen: context.citizen,
		journey: context.journey,
		departmentId: context.actor.departmentId,
		visibility: 'staff'
	});
}

/** The reader's department's open cases on the journey: the ones a status change can be about. */
export function ownOpenCases(context: StaffJourneyContext, cases: JourneyCase[]): JourneyCase[] {
	return cases.filter(
		(c) =>
			c.status !== 'closed' &&
			can(context.actor, 'write', {
				kind: 'case',
				citizen: context.citizen,
				departmentId: c.departmentId
			})
	);
}

/** Entries the reader may correct: their own department's, visible to them. */
export function mayCorrect(
	context: StaffJourneyContext,
	entry: { departmentId: string | null; visibility: Visibility }
): boolean {
	return (
		entry.departmentId !== null &&
		entry.departmentId === context.actor.departmentId &&
		can(context.actor, 'write', {
			kind: 'timelineEntry',
			citizen: context.citizen,
			journey: context.journey,
			departmentId: entry.departmentId,
			visibility: entry.visibility
		}) &&
		can(context.actor, 'read', {
			kind: 'timelineEntry',
			citizen: context.citizen,
			journey: context.journey,
			departmentId: entry.departmentId,
			visibility: entry.visibility
		})
	);
}

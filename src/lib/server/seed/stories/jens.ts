import type { DemoBuilder } from '../builder';

/** Jens Poulsen: one case in one department, no journey. */
export function jens(b: DemoBuilder): void {
	const c = b.clock;
	b.case({
		key: 'jens-rehab',
		citizen: 'Jens Poulsen',
		type: 'rehabilitation',
		status: 'in_progress',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi ringer og aftaler din første træningstid',
				'We will call you to book your first training session'
			],
			due: c.dueDate(3)
		},
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-119450',
		at: { opened: c.past(9, 11), updated: c.past(9, 11) }
	});
}

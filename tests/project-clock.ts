// The instant a Vitest project's test processes start their clock at, for global setups that seed
// on the project's behalf. A global setup runs in Vitest's main process, whose clock is not the
// tests' clock: a project may pin its own SAMMEN_NOW (the hard-date projects in vite.config.ts).
import type { TestProject } from 'vitest/node';
import { createClock, pinnedInstant } from '../src/lib/server/clock';

export function projectNow(project: TestProject): Date {
	const pinned = project.config.env?.SAMMEN_NOW ?? process.env.SAMMEN_NOW;
	return createClock(
		pinnedInstant(typeof pinned === 'string' ? pinned : undefined, { production: false })
	).now();
}

// Makes (or shares) the project's template databases (tests/templates.ts): every test file copies
// them instead of migrating or seeding on its own.
//
// This runs in Vitest's main process, whose clock is not the tests' clock: a project may pin its
// own SAMMEN_NOW (the hard-date projects in vite.config.ts), and the demo dates everything from
// its `now`. So the demo is seeded at the instant the project pins, which is what a test file's
// first clock.now() shows, and so what it would have seeded with itself.
import type { TestProject } from 'vitest/node';
import { projectNow } from '../project-clock';
import { acquireTemplates } from '../templates';

export async function setup(project: TestProject) {
	const { templates, release } = await acquireTemplates(projectNow(project));
	project.provide('templates', templates);
	return release;
}

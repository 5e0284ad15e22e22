// The resilience suite (docs/SECURITY.md, "Evidence"): the built app and the seeded templates
// (tests/templates.ts) that every scenario's server starts on a copy of. No demo server, no browser.
import type { TestProject } from 'vitest/node';
import { ensureBuild } from '../../scripts/build-if-needed.js';
import { projectNow } from '../project-clock';
import { acquireTemplates } from '../templates';

export async function setup(project: TestProject) {
	ensureBuild();
	const { templates, release } = await acquireTemplates(projectNow(project));
	project.provide('templates', templates);
	return release;
}

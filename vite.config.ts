import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { DATE_SENSITIVE_SPECS, HARD_DATES, todayAtTen } from './tests/pinned-clock.js';

// Tests run on a pinned clock (tests/pinned-clock.js, docs/TIME.md): SAMMEN_NOW when given, else
// 10.00 Danish time today. Only under Vitest: the dev server and the build keep the system clock.
if (process.env.VITEST) process.env.SAMMEN_NOW ??= todayAtTen();

type ProjectTest = NonNullable<TestProjectInlineConfiguration['test']>;

// The database and browser test files of a project share their worker's loaded modules instead of
// loading them again for each file (measured: the database project took 87 s instead of 57 s, the
// whole run 1050 s instead of 900 s). No file relies on module state another left: each works on
// its own database copy or server. The clock runs on across a worker's files (docs/TIME.md).
const db: ProjectTest = {
	globalSetup: ['tests/db/global-setup.ts'],
	isolate: false,
	environment: 'node',
	testTimeout: 60_000,
	hookTimeout: 120_000
};
// The actions tier (tests/actions/app.ts): loads and actions in the test's process, each file on
// its own copy of the seeded demo, as the database tests.
// Request lines at info would fill the output; warnings and errors still show.
const actions: ProjectTest = { ...db, env: { LOG_LEVEL: 'warn' } };
const e2e: ProjectTest = {
	globalSetup: ['tests/e2e/global-setup.ts'],
	isolate: false,
	environment: 'node',
	testTimeout: 60_000,
	hookTimeout: 180_000
};

// The resilience suite (tests/resilience, `npm run test:resilience`): load, faults and bad input
// against the built app. It is not part of `npm test` (CI runs it after); its files run one at a
// time, since each loads the machine on purpose.
const resilience: ProjectTest = {
	globalSetup: ['tests/resilience/global-setup.ts'],
	isolate: false,
	environment: 'node',
	fileParallelism: false,
	testTimeout: 600_000,
	hookTimeout: 180_000
};
const resilienceProjects: TestProjectInlineConfiguration[] =
	process.env.RESILIENCE === '1'
		? [
				{
					extends: true,
					test: { ...resilience, name: 'resilience', include: ['tests/resilience/**/*.spec.ts'] }
				}
			]
		: [];

// The date-sensitive specs again on each hard date, as projects of their own (their SAMMEN_NOW
// differs, and with it the demo they start from).
const hardDateProjects: TestProjectInlineConfiguration[] = HARD_DATES.flatMap(({ name, now }) =>
	(['db', 'actions', 'e2e'] as const).flatMap((kind) => {
		if (DATE_SENSITIVE_SPECS[kind].length === 0) return [];
		const base = { db, actions, e2e }[kind];
		const project: TestProjectInlineConfiguration = {
			extends: true,
			test: {
				...base,
				name: `${kind} on ${name}`,
				include: DATE_SENSITIVE_SPECS[kind],
				env: { ...base.env, SAMMEN_NOW: now, HARD_DATE: '1' }
			}
		};
		return [project];
	})
);

export default defineConfig({
	plugins: [sveltekit()],
	css: {
		preprocessorOptions: {
			// Det Fælles Designsystem's SCSS uses Sass's if() function, deprecated in Dart Sass 1.9x.
			scss: { silenceDeprecations: ['if-function'] }
		}
	},
	server: { host: '127.0.0.1' },
	preview: { host: '127.0.0.1' },
	test: {
		// Every project in one pool of two test files at a time, as many as the machine has cores: a
		// browser test file keeps about one core busy (its Chromium, its server and the test), and
		// a database test file waits on its database as much as it computes. Vitest runs projects
		// that share a sequence.groupOrder (here all) together, longest files first.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
					environment: 'node',
					// As for db and e2e: a worker loads the modules once for all its files (the unit
					// project took 5 s instead of 14 s). No unit test mocks a module.
					isolate: false
				}
			},
			{ extends: true, test: { ...db, name: 'db', include: ['tests/db/**/*.spec.ts'] } },
			{
				extends: true,
				test: { ...actions, name: 'actions', include: ['tests/actions/**/*.spec.ts'] }
			},
			{ extends: true, test: { ...e2e, name: 'e2e', include: ['tests/e2e/**/*.spec.ts'] } },
			...hardDateProjects,
			...resilienceProjects
		]
	}
});

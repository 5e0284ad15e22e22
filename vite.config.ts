import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { DATE_SENSITIVE_SPECS, HARD_DATES, todayAtTen } from './tests/pinned-clock.js';

// Tests run on a pinned clock (tests/pinned-clock.js, docs/TIME.md): SAMMEN_NOW when given, else
// 10.00 Danish time today. Only under Vitest: the dev server and the build keep the system clock.
if (process.env.VITEST) process.env.SAMMEN_NOW ??= todayAtTen();

type ProjectTest = NonNullable<TestProjectInlineConfiguration['test']>;

const db: ProjectTest = {
	globalSetup: ['tests/db/global-setup.ts'],
	environment: 'node',
	testTimeout: 60_000,
	hookTimeout: 120_000
};
const e2e: ProjectTest = {
	globalSetup: ['tests/e2e/global-setup.ts'],
	environment: 'node',
	testTimeout: 60_000,
	hookTimeout: 180_000,
	// One Chromium and one server at a time: the machine has two cores.
	fileParallelism: false
};

// The date-sensitive specs again on each hard date, one project after the other: Vitest runs
// groups by ascending sequence.groupOrder, and a group's projects must share their maxWorkers, so
// every hard-date project has a group of its own (the db ones 1–5, the browser ones 6–10). The
// main e2e project (one file at a time, groupOrder 0) runs after all numbered groups.
const hardDateProjects: TestProjectInlineConfiguration[] = HARD_DATES.flatMap(({ name, now }, i) =>
	(['db', 'e2e'] as const).map((kind) => ({
		extends: true,
		test: {
			...(kind === 'db' ? db : e2e),
			name: `${kind} on ${name}`,
			include: DATE_SENSITIVE_SPECS[kind],
			env: { SAMMEN_NOW: now },
			sequence: { groupOrder: (kind === 'db' ? 1 : 1 + HARD_DATES.length) + i }
		}
	}))
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
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{ extends: true, test: { ...db, name: 'db', include: ['tests/db/**/*.spec.ts'] } },
			{ extends: true, test: { ...e2e, name: 'e2e', include: ['tests/e2e/**/*.spec.ts'] } },
			...hardDateProjects
		]
	}
});

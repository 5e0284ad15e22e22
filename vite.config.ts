import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
			{
				extends: true,
				test: {
					name: 'db',
					include: ['tests/db/**/*.spec.ts'],
					globalSetup: ['tests/db/global-setup.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.spec.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 180_000,
					// One Chromium and one server at a time: the machine has two cores.
					fileParallelism: false
				}
			}
		]
	}
});

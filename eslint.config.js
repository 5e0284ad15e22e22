import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import appConfig from './svelte.config.js';

// ESLint's cache serialises its options, and kit.typescript.config is a function: the Svelte parser
// needs neither it nor anything else that is one.
const kit = { ...appConfig.kit };
delete kit.typescript;
const svelteConfig = { ...appConfig, kit };

const DATABASE_DRIVERS = ['kysely', 'pg', '@electric-sql/pglite', 'kysely-pglite-dialect'].map(
	(name) => ({
		name,
		message:
			'Routes and components never use the database driver: call a function in src/lib/server (docs/ARCHITECTURE.md).'
	})
);

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'data/', 'node_modules/', 'static/', '.e2e-build-*/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, with better knowledge of types.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		// One clock (src/lib/server/clock.ts, docs/TIME.md): nothing else reads the date. Durations on
		// this machine use performance.now().
		files: [
			'src/**/*.ts',
			'src/**/*.svelte',
			'tests/**/*.ts',
			'scripts/**/*.ts',
			'scripts/**/*.js',
			'tests/**/*.js'
		],
		ignores: ['src/lib/server/clock.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message:
						"Read the time through the app's clock: clock.now() from src/lib/server/clock.ts (docs/TIME.md)."
				},
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message:
						"Read the time through the app's clock (clock.now()), or measure a duration with performance.now()."
				}
			]
		}
	},
	{
		// The layers (docs/ARCHITECTURE.md): pages and components never talk to the database
		// themselves; they call services and database functions that take the connection.
		files: ['src/routes/**', 'src/lib/components/**', 'src/hooks.*.ts', 'src/service-worker.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', { paths: DATABASE_DRIVERS }]
		}
	},
	{
		// The UI speaks in domain codes (src/lib/domain), not in the database's table types.
		files: ['**/*.svelte', 'src/lib/components/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: DATABASE_DRIVERS,
					patterns: [
						{
							group: ['$lib/server/db/schema', '**/server/db/schema'],
							message:
								'Import domain codes and their types from $lib/domain, not the database schema (docs/ARCHITECTURE.md).'
						}
					]
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);

import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

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

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

const DATABASE_SCHEMA = {
	group: ['$lib/server/db/schema', '**/server/db/schema'],
	message:
		'Import domain codes and their types from $lib/domain, not the database schema (docs/ARCHITECTURE.md).'
};

/** An i18n area (src/lib/i18n/<area>/) that some client code must not import. */
const i18nArea = (area, message, allowTypeImports = false) => ({
	group: [`$lib/i18n/${area}`, `$lib/i18n/${area}/*`, `**/i18n/${area}`, `**/i18n/${area}/*`],
	message: `${message} (docs/ARCHITECTURE.md, "Texts by area").`,
	allowTypeImports
});
const ALL_TEXTS = i18nArea(
	'all',
	'Client code imports t() from its own area; $lib/i18n/all (every text) is for server code and tests',
	true
);
const STAFF_TEXTS = i18nArea(
	'staff',
	"A citizen page or shared component never loads the staff workspace's texts"
);
const ADMIN_TEXTS = i18nArea(
	'admin',
	'Only administration and operations pages load the admin texts'
);
const PORTAL_TEXTS = i18nArea(
	'portal',
	"The layout, the error page, the form kit and the staff pages never load the citizen pages' texts: use $lib/i18n/common, or take the text as a prop"
);

/** The components every page shows (the root layout's and error page's) and those both sides use: common only. */
const SHARED_COMPONENTS = [
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/lib/components/{ContactDetails,ErrorPage,Footer,Header,Icon,LanguageSwitch,Notice,PortalNav,SessionBar,UpdateNotice}.svelte',
	'src/lib/components/{form,settings}/**'
];

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
		// The UI speaks in domain codes (src/lib/domain), not in the database's table types, and
		// loads only its area's texts, never every text at once.
		files: [
			'**/*.svelte',
			'src/lib/components/**',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts'
		],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ paths: DATABASE_DRIVERS, patterns: [DATABASE_SCHEMA, ALL_TEXTS] }
			]
		}
	},
	{
		// Texts by area: the citizen's pages and their components load the portal and common texts,
		// never the staff or admin ones. (For the same files a later block's options replace an
		// earlier one's, so each block repeats the restrictions before it.)
		files: [
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts',
			'src/lib/components/*.svelte',
			'src/lib/components/{consent,form,mydata,settings}/**'
		],
		ignores: ['src/routes/staff/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: DATABASE_DRIVERS,
					patterns: [DATABASE_SCHEMA, ALL_TEXTS, STAFF_TEXTS, ADMIN_TEXTS]
				}
			]
		}
	},
	{
		// The staff workspace's pages and components load the staff texts (with the common ones);
		// administration and operations pages add the admin texts.
		files: [
			'src/routes/staff/**/*.svelte',
			'src/lib/components/{print,staff,staff-audit,staff-caseload,staff-journey}/**'
		],
		ignores: ['src/routes/staff/admin/**', 'src/routes/staff/drift/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: DATABASE_DRIVERS,
					patterns: [DATABASE_SCHEMA, ALL_TEXTS, ADMIN_TEXTS, PORTAL_TEXTS]
				}
			]
		}
	},
	{
		// What every page shows, citizen or staff, uses the common texts only.
		files: SHARED_COMPONENTS,
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{
					paths: DATABASE_DRIVERS,
					patterns: [DATABASE_SCHEMA, ALL_TEXTS, STAFF_TEXTS, ADMIN_TEXTS, PORTAL_TEXTS]
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

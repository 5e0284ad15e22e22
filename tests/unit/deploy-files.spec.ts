// The deployment files, checked without a Docker engine: the compose file and publiccode.yml parse
// and say what they must, the Dockerfile is multi-stage, Node 22 and non-root, its build commands
// are the ones docs/DEPLOY.md documents, and every environment variable the code reads is documented.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** The fenced block right under a heading of a Markdown file, as lines. */
function blockUnder(markdown: string, heading: string): string[] {
	const at = markdown.indexOf(`\n${heading}\n`);
	expect(at, `the heading "${heading}"`).toBeGreaterThanOrEqual(0);
	const block = /```[a-z]*\n([\s\S]*?)```/.exec(markdown.slice(at));
	expect(block, `a fenced block under "${heading}"`).toBeTruthy();
	return (block?.[1] ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'));
}

interface Instruction {
	keyword: string;
	args: string;
}

/** The Dockerfile's instructions, continuation lines joined and comments left out. */
function dockerfile(): Instruction[] {
	return read('Dockerfile')
		.replace(/\\\n/g, ' ')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => {
			const [keyword = '', ...rest] = line.split(/\s+/);
			return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
		});
}

/** A CMD in exec form (JSON array) or shell form, as the command line it runs. */
function commandLine(args: string): string {
	return args.startsWith('[') ? (JSON.parse(args) as string[]).join(' ') : args;
}

describe('Dockerfile', () => {
	const instructions = dockerfile();
	const stages = instructions.filter((i) => i.keyword === 'FROM');

	it('is a multi-stage build on Node 22', () => {
		expect(stages.length).toBeGreaterThanOrEqual(2);
		for (const stage of stages) expect(stage.args).toMatch(/^node:22[-.\w]*(\s+AS\s+\w+)?$/i);
		const runtime = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
		expect(runtime.some((i) => i.keyword === 'COPY' && i.args.startsWith('--from='))).toBe(true);
	});

	it('runs the last stage as a non-root user, in production, on all interfaces, with a health check', () => {
		const runtime = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
		const users = runtime.filter((i) => i.keyword === 'USER');
		expect(users.length).toBeGreaterThan(0);
		expect(users.at(-1)!.args).not.toMatch(/^(root|0)(:|$)/);
		const env = runtime
			.filter((i) => i.keyword === 'ENV')
			.map((i) => i.args)
			.join(' ');
		expect(env).toMatch(/\bNODE_ENV=production\b/);
		expect(env).toMatch(/\bHOST=0\.0\.0\.0\b/);
		expect(runtime.some((i) => i.keyword === 'EXPOSE' && i.args === '3000')).toBe(true);
		const health = runtime.find((i) => i.keyword === 'HEALTHCHECK');
		expect(health?.args).toContain('/healthz');
		expect(health?.args).not.toContain('curl');
	});

	it('builds and starts with the commands docs/DEPLOY.md documents for a production build', () => {
		const documented = blockUnder(read('docs/DEPLOY.md'), '## Production build');
		const run = instructions
			.filter((i) => i.keyword === 'RUN' && /^npm\s/.test(i.args))
			.map((i) => i.args.replace(/\s+/g, ' '));
		const cmd = instructions.filter((i) => i.keyword === 'CMD').at(-1);
		expect(run).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
		expect([...run, commandLine(cmd!.args)]).toEqual(documented);
		// The README shows the same block, and it must agree too.
		expect(blockUnder(read('README.md'), '## Production build')).toEqual(documented);
	});

	it('keeps local state and secrets out of the build context', () => {
		const ignored = read('.dockerignore').split('\n');
		for (const entry of ['node_modules', 'build', 'data', '.env', '.git']) {
			expect(ignored).toContain(entry);
		}
	});
});

describe('docker-compose.yml', () => {
	const compose = parse(read('docker-compose.yml'));

	it('runs the app on PostgreSQL 17 with a named volume and a health check', () => {
		const postgres = compose.services.postgres;
		expect(postgres.image).toBe('postgres:17');
		const volume = String(postgres.volumes[0]).split(':')[0];
		expect(Object.keys(compose.volumes)).toContain(volume);
		expect(JSON.stringify(postgres.healthcheck.test)).toContain('pg_isready');
	});

	it('starts the app from this repository once PostgreSQL is healthy', () => {
		const app = compose.services.app;
		expect(app.build).toBeTruthy();
		expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
		const env = app.environment as Record<string, string>;
		expect(env.NODE_ENV).toBe('production');
		expect(env.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
		for (const name of [
			'ORIGIN',
			'CPR_KEY',
			'CITIZEN_OIDC_ISSUER',
			'STAFF_OIDC_ISSUER',
			'SMTP_URL'
		]) {
			expect(Object.keys(env)).toContain(name);
		}
	});

	it('holds no secrets: they come from the environment', () => {
		const app = compose.services.app.environment as Record<string, string>;
		for (const name of ['CPR_KEY', 'CITIZEN_OIDC_CLIENT_SECRET', 'STAFF_OIDC_CLIENT_SECRET']) {
			expect(app[name]).toMatch(/^\$\{[A-Z_]+(:[?-][^}]*)?\}$/);
		}
		expect(compose.services.postgres.environment.POSTGRES_PASSWORD).toMatch(/^\$\{/);
		expect(app.DATABASE_URL).toContain('${POSTGRES_PASSWORD');
	});
});

describe('publiccode.yml', () => {
	const code = parse(read('publiccode.yml'));

	it('follows standard 0.4 with the required keys', () => {
		expect(code.publiccodeYmlVersion).toBe('0.4');
		expect(code.name).toBe('Sammen');
		expect(code.url).toMatch(/^https:\/\//);
		expect(code.platforms).toContain('web');
		expect(code.categories.length).toBeGreaterThan(0);
		expect(['concept', 'development', 'beta', 'stable', 'obsolete']).toContain(
			code.developmentStatus
		);
		expect(code.softwareType).toBe('standalone/web');
		expect(code.legal.license).toBe('MPL-2.0');
		expect(['internal', 'contract', 'community', 'none']).toContain(code.maintenance.type);
		expect(code.maintenance.contacts.length).toBeGreaterThan(0);
		expect(code.localisation.localisationReady).toBe(true);
		expect(code.localisation.availableLanguages).toEqual(['da', 'en']);
		for (const language of ['da', 'en']) {
			expect(code.description[language].shortDescription.length).toBeLessThanOrEqual(150);
			expect(code.description[language].longDescription.length).toBeGreaterThanOrEqual(150);
			expect(code.description[language].features.length).toBeGreaterThan(0);
		}
		const postgres = code.dependsOn.open.find((d: { name: string }) => d.name === 'PostgreSQL');
		expect(postgres.versionMin).toBe('15');
	});

	it('states the licence the package and LICENSE state', () => {
		expect(JSON.parse(read('package.json')).license).toBe(code.legal.license);
		expect(read('LICENSE')).toContain('Mozilla Public License Version 2.0');
	});
});

describe('docs/DEPLOY.md', () => {
	/** Source files of the app and its scripts, without tests. */
	function sources(dir: string): string[] {
		return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const file = path.join(dir, entry.name);
			if (entry.isDirectory()) return sources(file);
			return /\.(ts|js|svelte)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [file] : [];
		});
	}

	/**
	 * Every variable read: process.env.X, process.env['X'], env.X (a passed-in environment), and a
	 * name given as a literal to a reading helper (env('X'), required('X'), number('X'), …FromEnv('X')).
	 */
	function variablesRead(): Map<string, string> {
		const found = new Map<string, string>();
		const patterns = [
			/process\.env\.([A-Z][A-Z0-9_]+)/g,
			/process\.env\[\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\]/g,
			/\benv\.([A-Z][A-Z0-9_]+)/g,
			/\b(?:env|required|number|\w*[Ee]nv\w*)\(\s*['"]([A-Z][A-Z0-9_]+)['"]/g
		];
		for (const file of [...sources('src'), ...sources('scripts')]) {
			const text = read(file);
			for (const pattern of patterns) {
				for (const match of text.matchAll(pattern)) if (match[1]) found.set(match[1], file);
			}
		}
		return found;
	}

	it('documents every environment variable the code reads', () => {
		const read = variablesRead();
		// The scan finds what it should: a sample from each kind of reader.
		for (const name of [
			'DATABASE_URL',
			'CPR_KEY',
			'JOBS',
			'CITIZEN_OIDC_ISSUER',
			'AUDIT_SHOW_STAFF_NAMES',
			'SESSION_IDLE_MINUTES',
			'NOTIFY_MAX_ATTEMPTS',
			'LOG_LEVEL',
			'METRICS_TOKEN'
		]) {
			expect(read.has(name), name).toBe(true);
		}
		const deploy = fs.readFileSync('docs/DEPLOY.md', 'utf8');
		const missing = [...read].filter(([name]) => !deploy.includes(`\`${name}\``));
		expect(missing.map(([name, file]) => `${name} (${file})`)).toEqual([]);
	});

	it('documents the redirect URIs of the login routes that exist', () => {
		const deploy = read('docs/DEPLOY.md');
		for (const kind of ['citizen', 'staff']) {
			expect(fs.existsSync(`src/routes/auth/${kind}/callback/+server.ts`)).toBe(true);
			expect(deploy).toContain(`https://<your host>/auth/${kind}/callback`);
		}
		for (const provider of ['Idura', 'Signicat', 'OS2faktor']) expect(deploy).toContain(provider);
	});
});

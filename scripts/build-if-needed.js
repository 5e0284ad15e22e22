// Builds the app with Vite unless build/ already holds a build of exactly these sources: the stamp
// is a hash of every source file's path, size and modification time (cheap, and any edit changes it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inputs = [
	'src',
	'static',
	'migrations',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json',
	'scripts/build-if-needed.js'
];
const stampFile = path.join(root, 'build', '.source-stamp');

/**
 * @param {string} entry
 * @param {import('node:crypto').Hash} hash
 */
function walk(entry, hash) {
	const full = path.join(root, entry);
	if (!fs.existsSync(full)) return;
	const stat = fs.statSync(full);
	if (stat.isDirectory()) {
		for (const child of fs.readdirSync(full).sort()) walk(path.join(entry, child), hash);
	} else {
		hash.update(`${entry}\0${stat.size}\0${stat.mtimeMs}\n`);
	}
}

export function sourceStamp() {
	const hash = createHash('sha256');
	for (const input of inputs) walk(input, hash);
	return hash.digest('hex');
}

export function ensureBuild({ log = console.log, force = false } = {}) {
	const stamp = sourceStamp();
	if (!force && fs.existsSync(path.join(root, 'build', 'index.js')) && fs.existsSync(stampFile)) {
		if (fs.readFileSync(stampFile, 'utf8') === stamp) return false;
	}
	log('Building Sammen (vite build)…');
	const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit',
		// A test runner's NODE_ENV=test would make Vite compile Svelte in development mode.
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) throw new Error('vite build failed');
	fs.writeFileSync(stampFile, stamp);
	return true;
}

// `npm run build` runs this with --force: it always builds, and stamps the result.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureBuild({ force: process.argv.includes('--force') });
}

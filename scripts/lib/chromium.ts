// Which Chromium to drive and how to launch it, for the browser tests (tests/e2e/browser.ts) and
// the benchmark's page weight (scripts/bench/weight.ts): Debian's packages, as browser downloads
// are not possible here.
import fs from 'node:fs';

/**
 * The Chromium to drive: CHROMIUM_PATH, else Debian's headless shell (the package
 * chromium-headless-shell: the same Blink and V8 as the chromium package, without the desktop
 * browser around them, as Playwright itself runs headless Chromium), else Debian's chromium. A run
 * of the browser tests took 274 s on the shell and about 450 s on the full browser (2 cores).
 */
export function chromiumPath(): string {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
	const shell = '/usr/bin/chromium-headless-shell';
	return fs.existsSync(shell) ? shell : '/usr/bin/chromium';
}

/** Running as root needs --no-sandbox; the rest keeps Chromium off the (closed) network. */
export const CHROMIUM_ARGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];

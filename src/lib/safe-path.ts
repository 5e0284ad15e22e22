/**
 * Returns `target` when it is a path on this site, otherwise '/'. The language switch sends the
 * citizen back to where they were; anything that could leave the site (an absolute URL, a
 * protocol-relative '//host' or a '/\host' that browsers read the same way) is an open redirect.
 */
export function safePath(target: unknown): string {
	if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return '/';
	if (!target.startsWith('/') || target.startsWith('//')) return '/';
	// Browsers treat a backslash as a slash, and control characters are stripped before parsing.
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(target)) return '/';
	const base = 'http://sammen.invalid';
	let url: URL;
	try {
		url = new URL(target, base);
	} catch {
		return '/';
	}
	if (url.origin !== base) return '/';
	// Dot segments are resolved only now: '/.//evil.example' and '/a/..//evil.example' become
	// '//evil.example', which a browser reads as another host.
	const path = url.pathname + url.search;
	if (path.startsWith('//')) return '/';
	return path;
}

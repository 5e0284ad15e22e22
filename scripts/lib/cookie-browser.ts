// A browser reduced to what an OpenID Connect login needs: cookies per origin and redirects
// followed by hand, so each step of a login can be observed or tampered with. The browser tests
// (tests/e2e/oidc-flow.ts) and the benchmark (scripts/bench/login.ts) log in with it.
export class CookieBrowser {
	private readonly jars = new Map<string, Map<string, string>>();

	/** Requests to an https origin that the server behind it only serves on plain http (tests). */
	constructor(private readonly httpsAliases: string[] = []) {}

	private target(url: string): URL {
		const parsed = new URL(url);
		if (parsed.protocol === 'https:' && this.httpsAliases.includes(parsed.host)) {
			parsed.protocol = 'http:';
		}
		return parsed;
	}

	private jar(url: URL): Map<string, string> {
		let jar = this.jars.get(url.host);
		if (!jar) this.jars.set(url.host, (jar = new Map()));
		return jar;
	}

	cookie(url: string, name: string): string | undefined {
		return this.jar(this.target(url)).get(name);
	}

	setCookie(url: string, name: string, value: string): void {
		this.jar(this.target(url)).set(name, value);
	}

	/** Every cookie held for the host of `url`, to hand to a real browser. */
	cookies(url: string): { name: string; value: string }[] {
		return [...this.jar(this.target(url))].map(([name, value]) => ({ name, value }));
	}

	async go(url: string, init: RequestInit = {}): Promise<Response> {
		const target = this.target(url);
		const jar = this.jar(target);
		const headers = new Headers(init.headers);
		if (jar.size) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '));
		// Browsers send Origin with a form post; here every form posts to the page's own origin.
		if (init.method && init.method !== 'GET' && !headers.has('origin')) {
			headers.set('origin', target.origin);
		}
		const response = await fetch(target, { ...init, headers, redirect: 'manual' });
		for (const header of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const gone = attributes.some((a) => /max-age=0\b|expires=Thu, 01 Jan 1970/i.test(a));
			if (gone || value === '') jar.delete(name);
			else jar.set(name, value);
		}
		return response;
	}
}

// The MitID simulator: a real OpenID Provider (oidc-provider) that stands in for a MitID broker in
// the demo and in tests, so that the demo, the tests and production share one login code path.
// It issues ID tokens with the claim names of the broker chosen by `preset`, and its login page
// lets the user pick a fictitious person and the level of assurance (sikringsniveau).
//
// This module runs the HTTP server and routes its requests; the accounts and claims, the
// provider's configuration, the login pages' handlers and the app's proxy have modules of their
// own, re-exported here.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import Provider from 'oidc-provider';

import { PRESETS, type ClaimPreset, type DemoAccount } from './claims';
import { providerConfiguration, type DemoClient } from './configuration';
import { interactionHandler, methodNotAllowed, notFound, sendHtml } from './interactions';
import { STYLESHEET, messagePage } from './pages';

export type { Provider };
export type { LoaLevel } from './pages';
export { PRESETS, isStaffClient, type ClaimPreset, type DemoAccount } from './claims';
export type { DemoClient } from './configuration';
export { proxyToDemoIdp } from './proxy';

export interface DemoIdpOptions {
	issuer: string;
	clients: DemoClient[];
	accounts: DemoAccount[];
	preset: ClaimPreset;
	cookieKeys?: string[];
	title?: string;
}

export interface StartDemoIdpOptions extends Omit<DemoIdpOptions, 'issuer'> {
	/** Public URL of the provider. Default: the server's own URL (plus mountPath), known once listening. */
	issuer?: string;
	host?: string;
	port?: number;
	/** Path prefix the requests arrive with when the app proxies to the provider, e.g. '/demo-idp'. */
	mountPath?: string;
}

export interface RunningDemoIdp {
	/** Base URL of the internal server, without mountPath. */
	url: string;
	port: number;
	issuer: string;
	provider: Provider;
	close(): Promise<void>;
}

function normalizeMountPath(mountPath: string | undefined): string {
	if (!mountPath || mountPath === '/') return '';
	const withSlash = mountPath.startsWith('/') ? mountPath : `/${mountPath}`;
	return withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}

function originOf(uri: string): string | undefined {
	try {
		return new URL(uri).origin;
	} catch {
		return undefined;
	}
}

export async function startDemoIdp(options: StartDemoIdpOptions): Promise<RunningDemoIdp> {
	const host = options.host ?? '127.0.0.1';
	const mountPath = normalizeMountPath(options.mountPath);
	const preset = PRESETS[options.preset];
	const title = options.title ?? 'MitID-simulator';
	const cssHref = `${mountPath}/assets/idp.css`;
	const accounts = new Map(options.accounts.map((account) => [account.sub, account]));

	// Forms post to the simulator and then redirect (via the provider) to the clients, and browsers
	// apply form-action to every hop of that redirect chain.
	const formTargets = new Set<string>(["'self'"]);
	for (const client of options.clients) {
		for (const uri of [...client.redirect_uris, ...(client.post_logout_redirect_uris ?? [])]) {
			const origin = originOf(uri);
			if (origin) formTargets.add(origin);
		}
	}
	const csp = [
		"default-src 'none'",
		"style-src 'self'",
		`form-action ${[...formTargets].join(' ')}`,
		"frame-ancestors 'none'",
		"base-uri 'none'"
	].join('; ');

	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const url = `http://${host}:${port}`;
	const issuer = options.issuer ?? `${url}${mountPath}`;

	const configuration = await providerConfiguration({
		clients: options.clients,
		accounts,
		preset,
		cookieKeys: options.cookieKeys,
		mountPath,
		title,
		cssHref,
		csp
	});

	const provider = new Provider(issuer, configuration);
	// Behind the app's proxy, X-Forwarded-Proto/Host say which URL the browser used.
	if (mountPath) provider.proxy = true;
	const callback = provider.callback();

	const interaction = interactionHandler({
		provider,
		preset,
		accounts: options.accounts,
		accountsBySub: accounts,
		mountPath,
		title,
		cssHref,
		csp
	});

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const fullUrl = req.url ?? '/';
		let path = fullUrl;
		if (mountPath) {
			const rest = fullUrl.slice(mountPath.length);
			if (!fullUrl.startsWith(mountPath) || (rest !== '' && !/^[/?]/.test(rest))) {
				return notFound(res);
			}
			path = rest.startsWith('/') ? rest : `/${rest}`;
		}
		const pathname = path.split('?')[0] ?? '/';

		if (pathname === '/assets/idp.css') {
			if (req.method !== 'GET' && req.method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
			res.statusCode = 200;
			res.setHeader('Content-Type', 'text/css; charset=utf-8');
			res.setHeader('Cache-Control', 'public, max-age=300');
			res.setHeader('X-Content-Type-Options', 'nosniff');
			res.end(req.method === 'HEAD' ? undefined : STYLESHEET);
			return;
		}

		const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?\/?$/.exec(pathname);
		if (match?.[1]) {
			return interaction(req, res, match[1], match[2]);
		}

		// oidc-provider derives its mount path from originalUrl minus url.
		(req as IncomingMessage & { originalUrl?: string }).originalUrl = fullUrl;
		req.url = path;
		await callback(req, res);
	}

	server.on('request', (req: IncomingMessage, res: ServerResponse) => {
		handle(req, res).catch(() => {
			if (!res.headersSent) {
				sendHtml(
					res,
					csp,
					500,
					messagePage({
						cssHref,
						title: `Fejl – ${title} (demo)`,
						heading: 'Der skete en fejl',
						paragraphs: ['MitID-simulatoren fejlede. Prøv igen om lidt.']
					})
				);
			} else {
				res.destroy();
			}
		});
	});

	return {
		url,
		port,
		issuer,
		provider,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			})
	};
}

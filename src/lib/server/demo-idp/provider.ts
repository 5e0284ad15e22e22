// The MitID simulator: a real OpenID Provider (oidc-provider) that stands in for a MitID broker in
// the demo and in tests, so that the demo, the tests and production share one login code path.
// It issues ID tokens with the claim names of the broker chosen by `preset`, and its login page
// lets the user pick a fictitious person and the level of assurance (sikringsniveau).
import { generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';

import Provider, { type Configuration, type Interaction } from 'oidc-provider';

import { createMemoryAdapter } from './memory-adapter';
import {
	LOA_LEVELS,
	STYLESHEET,
	loginPage,
	logoutPage,
	messagePage,
	type LoaLevel,
	type PageAccount
} from './pages';

export type { Provider };
export type { LoaLevel };

export type ClaimPreset = 'demo' | 'idura' | 'signicat' | 'nemlogin';

export interface DemoAccount {
	sub: string;
	name: string;
	cpr?: string;
	email?: string;
	kind: 'citizen' | 'staff';
}

export interface DemoClient {
	client_id: string;
	client_secret: string;
	redirect_uris: string[];
	post_logout_redirect_uris?: string[];
	/** How the client authenticates at the token endpoint; openid-client 6 defaults to post. */
	token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic';
}

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

interface PresetClaims {
	/** Claim that carries the CPR number. */
	cpr: string;
	/** Claim that carries the level of assurance; 'acr' is filled by oidc-provider itself. */
	loa: string;
	/** Value of the LoA claim and of `acr` for each level, in the broker's vocabulary. */
	values: Record<LoaLevel, string>;
	/** The scope that releases the CPR number; 'openid' means always, as NemLog-in does. */
	cprScope: 'ssn' | 'nin' | 'openid';
}

const NSIS_LOA = 'https://data.gov.dk/concept/core/nsis/loa';
const IDURA_VALUES: Record<LoaLevel, string> = {
	low: 'urn:grn:authn:dk:mitid:low',
	substantial: 'urn:grn:authn:dk:mitid:substantial',
	high: 'urn:grn:authn:dk:mitid:high'
};

/** Claim names and values as the real brokers send them. */
export const PRESETS: Record<ClaimPreset, PresetClaims> = {
	demo: { cpr: 'cprNumberIdentifier', loa: 'acr', values: IDURA_VALUES, cprScope: 'ssn' },
	idura: { cpr: 'cprNumberIdentifier', loa: 'acr', values: IDURA_VALUES, cprScope: 'ssn' },
	signicat: {
		cpr: 'nin',
		loa: 'mitid_loa',
		values: { low: 'low', substantial: 'substantial', high: 'high' },
		cprScope: 'nin'
	},
	nemlogin: {
		cpr: 'https://data.gov.dk/model/core/eid/cprNumber',
		loa: NSIS_LOA,
		values: {
			low: `${NSIS_LOA}/Low`,
			substantial: `${NSIS_LOA}/Substantial`,
			high: `${NSIS_LOA}/High`
		},
		cprScope: 'openid'
	}
};

function levelOf(preset: PresetClaims, acr: unknown): LoaLevel | undefined {
	return LOA_LEVELS.find((level) => preset.values[level] === acr);
}

/** A client whose id ends with "staff" is the staff portal; every other client is for citizens. */
export function isStaffClient(clientId: string): boolean {
	return clientId.endsWith('staff');
}

const generateKeyPairAsync = promisify(generateKeyPair);

async function signingKeys(): Promise<Record<string, unknown>[]> {
	// Fresh keys at every start: tokens of a previous run must not verify. RS256 is every client's
	// default; ES256 is there for clients registered with id_token_signed_response_alg ES256.
	const rsa = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
	const ec = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
	const jwk = (key: KeyObject, alg: string) => ({
		...key.export({ format: 'jwk' }),
		alg,
		use: 'sig',
		kid: `demo-${alg.toLowerCase()}-${randomBytes(6).toString('hex')}`
	});
	return [jwk(rsa.privateKey, 'RS256'), jwk(ec.privateKey, 'ES256')];
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

interface OidcContext {
	type: string;
	body: string;
	status: number;
	set(name: string, value: string): void;
	oidc: {
		client?: { clientId: string };
		params?: Record<string, unknown>;
		session: { accountId?: string; grantIdFor(clientId: string): string | undefined };
		result?: { consent?: { grantId?: string } };
		provider: Provider;
	};
}

const MAX_BODY_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new Error('form body too large');
		chunks.push(buffer);
	}
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
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

	function sendHtml(res: ServerResponse, status: number, html: string): void {
		res.statusCode = status;
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.setHeader('Cache-Control', 'no-store');
		res.setHeader('Content-Security-Policy', csp);
		res.setHeader('X-Content-Type-Options', 'nosniff');
		res.end(html);
	}

	function renderContextPage(ctx: OidcContext, html: string): void {
		ctx.type = 'html';
		ctx.set('Content-Security-Policy', csp);
		ctx.body = html;
	}

	const configuration: Configuration = {
		adapter: createMemoryAdapter(),
		clients: options.clients.map((client) => ({
			client_id: client.client_id,
			client_secret: client.client_secret,
			redirect_uris: client.redirect_uris,
			post_logout_redirect_uris: client.post_logout_redirect_uris ?? [],
			grant_types: ['authorization_code'],
			response_types: ['code'],
			token_endpoint_auth_method: client.token_endpoint_auth_method ?? 'client_secret_post',
			application_type: 'web'
		})),
		clientAuthMethods: ['client_secret_post', 'client_secret_basic'],
		responseTypes: ['code'],
		pkce: { required: () => true },
		jwks: { keys: await signingKeys() },
		cookies: {
			keys: options.cookieKeys?.length
				? options.cookieKeys
				: [randomBytes(32).toString('base64url')],
			// Own names and path, so the simulator's cookies never collide with the app's when both
			// share an origin in the demo.
			names: {
				session: 'demo_idp_session',
				interaction: 'demo_idp_interaction',
				resume: 'demo_idp_resume'
			},
			long: { httpOnly: true, sameSite: 'lax', path: mountPath || '/' },
			short: { httpOnly: true, sameSite: 'lax' }
		},
		// acr_values_supported: without any, oidc-provider drops the acr claim altogether.
		acrValues: LOA_LEVELS.map((level) => preset.values[level]),
		scopes: ['openid', 'profile', 'email', 'ssn', 'nin', 'mitid'],
		claims: {
			acr: null,
			sid: null,
			auth_time: null,
			iss: null,
			// Real brokers always state the level of assurance, whatever the scope. Even `acr` needs
			// this: oidc-provider otherwise includes it only when the client sent acr_values.
			openid: preset.cprScope === 'openid' ? ['sub', preset.loa, preset.cpr] : ['sub', preset.loa],
			profile: ['name'],
			email: ['email'],
			// 'ssn' (Idura's name) releases the CPR number under every preset; 'nin' is Signicat's.
			ssn: [preset.cpr],
			nin: [preset.cpr],
			mitid: [preset.loa]
		},
		// Claims go into the ID token even when an access token for userinfo is issued too: the app
		// reads the identity from the ID token alone, as it does with the real brokers.
		conformIdTokenClaims: false,
		async findAccount(_ctx: unknown, sub: string, token?: { acr?: string }) {
			const account = accounts.get(sub);
			if (!account) return undefined;
			return {
				accountId: sub,
				// oidc-provider masks the result by the granted scopes; `token` is the authorization
				// code at the token endpoint and carries the acr chosen on the login page.
				async claims() {
					const claims: Record<string, unknown> = { sub, name: account.name };
					if (account.email) claims.email = account.email;
					if (account.kind === 'citizen') {
						if (account.cpr) claims[preset.cpr] = account.cpr;
						const level = levelOf(preset, token?.acr);
						if (level && preset.loa !== 'acr') claims[preset.loa] = preset.values[level];
					}
					return claims;
				}
			};
		},
		// A simulator asks for no consent: grant whatever scopes the client asked for.
		async loadExistingGrant(ctx: OidcContext) {
			const { oidc } = ctx;
			const clientId = oidc.client?.clientId;
			const accountId = oidc.session.accountId;
			if (!clientId || !accountId) return undefined;
			const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
			const grant =
				(grantId ? await oidc.provider.Grant.find(grantId) : undefined) ??
				new oidc.provider.Grant({ clientId, accountId });
			const scope = oidc.params?.scope;
			if (typeof scope === 'string') grant.addOIDCScope(scope);
			await grant.save();
			return grant;
		},
		interactions: {
			url: (_ctx: unknown, interaction: { uid: string }) =>
				`${mountPath}/interaction/${interaction.uid}`
		},
		features: {
			devInteractions: { enabled: false },
			claimsParameter: { enabled: false },
			userinfo: { enabled: true },
			revocation: { enabled: true },
			rpInitiatedLogout: {
				enabled: true,
				async logoutSource(ctx: OidcContext, form: string) {
					renderContextPage(ctx, logoutPage(cssHref, form));
				},
				async postLogoutSuccessSource(ctx: OidcContext) {
					renderContextPage(
						ctx,
						messagePage({
							cssHref,
							title: `Du er logget ud – ${title} (demo)`,
							heading: 'Du er logget ud',
							paragraphs: ['Du er logget ud af MitID-simulatoren. Du kan lukke vinduet.']
						})
					);
				}
			}
		},
		async renderError(ctx: OidcContext, out: Record<string, unknown>) {
			const code = typeof out.error === 'string' ? out.error : 'server_error';
			const description =
				typeof out.error_description === 'string' ? out.error_description : undefined;
			renderContextPage(
				ctx,
				messagePage({
					cssHref,
					title: `Fejl – ${title} (demo)`,
					heading: 'Login kunne ikke gennemføres',
					paragraphs: [
						'MitID-simulatoren kunne ikke behandle anmodningen. Gå tilbage til tjenesten, og prøv igen.',
						`Teknisk fejlkode: ${code}${description ? ` (${description})` : ''}`
					]
				})
			);
		},
		clientBasedCORS: () => false,
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			IdToken: 600,
			Session: 600,
			Interaction: 600,
			Grant: 600
		}
	};

	const provider = new Provider(issuer, configuration);
	// Behind the app's proxy, X-Forwarded-Proto/Host say which URL the browser used.
	if (mountPath) provider.proxy = true;
	const callback = provider.callback();

	function accountsFor(clientId: string): { citizens: PageAccount[]; staff: PageAccount[] } {
		const staffClient = isStaffClient(clientId);
		const pick = (kind: DemoAccount['kind']) =>
			options.accounts
				.filter((account) => account.kind === kind)
				.map((account) => ({ sub: account.sub, name: account.name }));
		return staffClient
			? { citizens: [], staff: pick('staff') }
			: { citizens: pick('citizen'), staff: [] };
	}

	function requestedLevel(interaction: Interaction): LoaLevel {
		const acrValues = interaction.params.acr_values;
		if (typeof acrValues === 'string') {
			for (const value of acrValues.split(' ')) {
				const level = levelOf(preset, value) ?? LOA_LEVELS.find((l) => l === value);
				if (level) return level;
			}
		}
		return 'substantial';
	}

	function renderLogin(
		res: ServerResponse,
		interaction: Interaction,
		status = 200,
		error?: string
	) {
		const clientId = String(interaction.params.client_id ?? '');
		const base = `${mountPath}/interaction/${encodeURIComponent(interaction.uid)}`;
		sendHtml(
			res,
			status,
			loginPage({
				title: `Log ind – ${title} (demo)`,
				cssHref,
				loginAction: `${base}/login`,
				abortAction: `${base}/abort`,
				clientName: isStaffClient(clientId) ? 'Sammen for medarbejdere' : 'Sammen',
				level: requestedLevel(interaction),
				error,
				...accountsFor(clientId)
			})
		);
	}

	function renderExpired(res: ServerResponse): void {
		sendHtml(
			res,
			400,
			messagePage({
				cssHref,
				title: `Login er udløbet – ${title} (demo)`,
				heading: 'Login er udløbet',
				paragraphs: [
					'Siden er for gammel, eller login er allerede brugt. Gå tilbage til tjenesten, og start login igen.'
				]
			})
		);
	}

	async function interaction(
		req: IncomingMessage,
		res: ServerResponse,
		uid: string,
		action: string | undefined
	): Promise<void> {
		let details: Interaction;
		try {
			details = await provider.interactionDetails(req, res);
		} catch {
			renderExpired(res);
			return;
		}
		// The interaction cookie names the login in progress; a URL for another one is stale.
		if (details.uid !== uid) {
			renderExpired(res);
			return;
		}
		const method = req.method ?? 'GET';

		if (action === undefined) {
			if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
			if (details.prompt.name === 'consent') {
				// Not expected (loadExistingGrant grants everything), but never leave a user stuck.
				const accountId = details.session?.accountId;
				const clientId = String(details.params.client_id ?? '');
				if (!accountId) return renderExpired(res);
				const grant = new provider.Grant({ clientId, accountId });
				grant.addOIDCScope(String(details.params.scope ?? 'openid'));
				const grantId = await grant.save();
				await provider.interactionFinished(req, res, { consent: { grantId } });
				return;
			}
			renderLogin(res, details);
			return;
		}

		if (method !== 'POST') return methodNotAllowed(res, 'POST');
		if (action === 'abort') {
			await provider.interactionFinished(
				req,
				res,
				{ error: 'access_denied', error_description: 'Brugeren afbrød login.' },
				{ mergeWithLastSubmission: false }
			);
			return;
		}

		let form: URLSearchParams;
		try {
			form = await readForm(req);
		} catch {
			return renderLogin(res, details, 413, 'Formularen var for stor. Prøv igen.');
		}
		const clientId = String(details.params.client_id ?? '');
		const allowed = accountsFor(clientId);
		const accountId = form.get('account') ?? '';
		const account = accounts.get(accountId);
		const permitted = [...allowed.citizens, ...allowed.staff].some((a) => a.sub === accountId);
		if (!account || !permitted) {
			return renderLogin(res, details, 400, 'Vælg en af personerne på listen.');
		}
		const login: { accountId: string; acr?: string; amr: string[] } = {
			accountId,
			amr: ['pwd']
		};
		if (account.kind === 'citizen') {
			const level = LOA_LEVELS.find((l) => l === form.get('loa'));
			if (!level) return renderLogin(res, details, 400, 'Vælg et sikringsniveau.');
			// oidc-provider stores acr on the session and the authorization code and puts it in
			// the ID token; findAccount maps it to the preset's own LoA claim.
			login.acr = preset.values[level];
			login.amr = ['mitid'];
		}
		await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
	}

	function methodNotAllowed(res: ServerResponse, allow: string): void {
		res.statusCode = 405;
		res.setHeader('Allow', allow);
		res.end();
	}

	function notFound(res: ServerResponse): void {
		res.statusCode = 404;
		res.setHeader('Content-Type', 'text/plain; charset=utf-8');
		res.end('Not found');
	}

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

/** Headers that describe one connection or an encoding that fetch has already undone. */
const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'upgrade',
	'content-length',
	'content-encoding',
	'host'
]);

/**
 * Forwards a request that reached the app under the provider's mountPath to the in-process provider
 * and returns its answer unchanged (redirects, several Set-Cookie headers and all).
 */
export async function proxyToDemoIdp(request: Request, target: { url: string }): Promise<Response> {
	const incoming = new URL(request.url);
	const destination = new URL(`${incoming.pathname}${incoming.search}`, target.url);

	const headers = new Headers();
	request.headers.forEach((value, name) => {
		if (!HOP_BY_HOP.has(name) && name !== 'accept-encoding') headers.set(name, value);
	});
	headers.set('x-forwarded-host', incoming.host);
	headers.set('x-forwarded-proto', incoming.protocol.slice(0, -1));

	const method = request.method.toUpperCase();
	const hasBody = method !== 'GET' && method !== 'HEAD';
	const upstream = await fetch(destination, {
		method,
		headers,
		body: hasBody ? await request.arrayBuffer() : undefined,
		redirect: 'manual'
	});

	const responseHeaders = new Headers();
	upstream.headers.forEach((value, name) => {
		if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) responseHeaders.set(name, value);
	});
	for (const cookie of upstream.headers.getSetCookie())
		responseHeaders.append('set-cookie', cookie);

	const empty = method === 'HEAD' || [101, 204, 205, 304].includes(upstream.status);
	return new Response(empty ? null : await upstream.arrayBuffer(), {
		status: upstream.status,
		statusText: upstream.statusText,
		headers: responseHeaders
	});
}

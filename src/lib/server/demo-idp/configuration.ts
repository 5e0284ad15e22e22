// oidc-provider's configuration for the simulator: the registered clients, fresh signing keys,
// cookies of its own, the claims per scope of the chosen preset, and pages for logout and errors.
import { generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

import type { Configuration, Provider } from 'oidc-provider';

import { accountFinder, type DemoAccount, type PresetClaims } from './claims';
import { createMemoryAdapter } from './memory-adapter';
import { LOA_LEVELS, logoutPage, messagePage } from './pages';

export interface DemoClient {
	client_id: string;
	client_secret: string;
	redirect_uris: string[];
	post_logout_redirect_uris?: string[];
	/** How the client authenticates at the token endpoint; openid-client 6 defaults to post. */
	token_endpoint_auth_method?: 'client_secret_post' | 'client_secret_basic';
}

/** The part of oidc-provider's (Koa) context that the simulator's hooks use. */
export interface OidcContext {
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

export interface ConfigurationOptions {
	clients: DemoClient[];
	accounts: ReadonlyMap<string, DemoAccount>;
	preset: PresetClaims;
	cookieKeys?: string[];
	/** '' or a path prefix without a trailing slash. */
	mountPath: string;
	title: string;
	cssHref: string;
	csp: string;
}

export async function providerConfiguration(options: ConfigurationOptions): Promise<Configuration> {
	const { mountPath, preset, title, cssHref, csp } = options;

	function renderContextPage(ctx: OidcContext, html: string): void {
		ctx.type = 'html';
		ctx.set('Content-Security-Policy', csp);
		ctx.body = html;
	}

	return {
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
		findAccount: accountFinder(options.accounts, preset),
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
}

// OpenID Connect for citizens (a MitID broker) and staff (the municipality's identity provider),
// with openid-client: authorization code flow with PKCE, state and nonce. openid-client checks the
// issuer, the audience, the nonce and the state of every answer; this module decides what the
// answer means (which CPR claim, which level of assurance) per provider preset.
import * as client from 'openid-client';
import { isDemo } from '../config';

export type Loa = 'low' | 'substantial' | 'high';
export const LOA_ORDER: readonly Loa[] = ['low', 'substantial', 'high'];
export type CitizenPreset = 'idura' | 'signicat' | 'nemlogin' | 'demo';

interface PresetDefinition {
	cprClaim: string;
	loaClaim: string;
	/** The provider's value for each level. */
	levels: Record<Loa, string>;
	scopes: string;
	acrValues: string | null;
}

const iduraLevels: Record<Loa, string> = {
	low: 'urn:grn:authn:dk:mitid:low',
	substantial: 'urn:grn:authn:dk:mitid:substantial',
	high: 'urn:grn:authn:dk:mitid:high'
};

export const CITIZEN_PRESETS: Record<CitizenPreset, PresetDefinition> = {
	idura: {
		cprClaim: 'cprNumberIdentifier',
		loaClaim: 'acr',
		levels: iduraLevels,
		scopes: 'openid profile ssn',
		acrValues: iduraLevels.substantial
	},
	signicat: {
		cprClaim: 'nin',
		loaClaim: 'mitid_loa',
		levels: { low: 'low', substantial: 'substantial', high: 'high' },
		scopes: 'openid profile nin',
		acrValues: null
	},
	nemlogin: {
		cprClaim: 'https://data.gov.dk/model/core/eid/cprNumber',
		loaClaim: 'https://data.gov.dk/concept/core/nsis/loa',
		levels: {
			low: 'https://data.gov.dk/concept/core/nsis/loa/Low',
			substantial: 'https://data.gov.dk/concept/core/nsis/loa/Substantial',
			high: 'https://data.gov.dk/concept/core/nsis/loa/High'
		},
		scopes: 'openid profile',
		acrValues: null
	},
	// The in-process simulator speaks like Idura.
	demo: {
		cprClaim: 'cprNumberIdentifier',
		loaClaim: 'acr',
		levels: iduraLevels,
		scopes: 'openid profile ssn',
		acrValues: iduraLevels.substantial
	}
};

export interface ProviderSettings {
	/** Set when the in-process demo simulator is the provider: the app's origin. */
	demoOrigin: string | null;
	issuer: string;
	clientId: string;
	clientSecret: string;
	scopes: string;
	acrValues: string | null;
}

export interface CitizenSettings extends ProviderSettings {
	preset: CitizenPreset;
	cprClaim: string;
	loaClaim: string;
	levels: Record<Loa, string>;
	minLoa: Loa;
}

export interface StaffSettings extends ProviderSettings {
	matchClaim: string;
}

export class OidcConfigurationError extends Error {}

function env(name: string): string | undefined {
	const value = process.env[name]?.trim();
	return value ? value : undefined;
}

function required(name: string, demoDefault: string | undefined): string {
	const value = env(name) ?? demoDefault;
	if (!value) throw new OidcConfigurationError(`${name} is not set`);
	return value;
}

const demoSecret = () => env('DEMO_IDP_CLIENT_SECRET') ?? 'demo-secret';

/** Whether logins go to the in-process simulator (the demo without a configured provider). */
export function usesDemoIdp(kind: 'citizen' | 'staff'): boolean {
	return isDemo() && !env(kind === 'citizen' ? 'CITIZEN_OIDC_ISSUER' : 'STAFF_OIDC_ISSUER');
}

export function citizenSettings(origin: string): CitizenSettings {
	const demo = usesDemoIdp('citizen');
	const presetName = env('CITIZEN_OIDC_PRESET') ?? (demo ? 'demo' : undefined);
	if (!presetName || !(presetName in CITIZEN_PRESETS)) {
		throw new OidcConfigurationError(
			'CITIZEN_OIDC_PRESET must be one of idura, signicat, nemlogin, demo'
		);
	}
	const preset = CITIZEN_PRESETS[presetName as CitizenPreset];
	const minLoa = env('CITIZEN_MIN_LOA') ?? 'substantial';
	if (!(LOA_ORDER as readonly string[]).includes(minLoa)) {
		throw new OidcConfigurationError('CITIZEN_MIN_LOA must be low, substantial or high');
	}
	return {
		preset: presetName as CitizenPreset,
		demoOrigin: demo ? origin : null,
		issuer: required('CITIZEN_OIDC_ISSUER', demo ? `${origin}/demo-idp` : undefined),
		clientId: required('CITIZEN_OIDC_CLIENT_ID', demo ? 'sammen-citizen' : undefined),
		clientSecret: required('CITIZEN_OIDC_CLIENT_SECRET', demo ? demoSecret() : undefined),
		scopes: env('CITIZEN_OIDC_SCOPES') ?? preset.scopes,
		acrValues: env('CITIZEN_OIDC_ACR_VALUES') ?? preset.acrValues,
		cprClaim: env('CITIZEN_OIDC_CPR_CLAIM') ?? preset.cprClaim,
		loaClaim: env('CITIZEN_OIDC_LOA_CLAIM') ?? preset.loaClaim,
		levels: preset.levels,
		minLoa: minLoa as Loa
	};
}

export function staffSettings(origin: string): StaffSettings {
	const demo = usesDemoIdp('staff');
	return {
		demoOrigin: demo ? origin : null,
		issuer: required('STAFF_OIDC_ISSUER', demo ? `${origin}/demo-idp` : undefined),
		clientId: required('STAFF_OIDC_CLIENT_ID', demo ? 'sammen-staff' : undefined),
		clientSecret: required('STAFF_OIDC_CLIENT_SECRET', demo ? demoSecret() : undefined),
		scopes: env('STAFF_OIDC_SCOPES') ?? 'openid profile email',
		acrValues: null,
		matchClaim: env('STAFF_OIDC_MATCH_CLAIM') ?? 'email'
	};
}

/** Plain http is allowed only for a provider on this machine (the demo and tests). */
function isLoopback(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const configurations = new Map<string, Promise<client.Configuration>>();

async function discover(settings: ProviderSettings): Promise<client.Configuration> {
	const issuer = new URL(settings.issuer);
	const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
	const options: client.DiscoveryRequestOptions = {
		execute: insecure ? [client.allowInsecureRequests] : []
	};
	if (settings.demoOrigin) {
		// The simulator runs in this process: talk to it directly, not through our own public URL.
		// Imported only then, so production never loads the simulator.
		const { createDemoIdpFetch } = await import('../demo-idp/instance');
		options[client.customFetch] = createDemoIdpFetch(settings.demoOrigin);
	}
	return client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, options);
}

/** The provider's discovered configuration, fetched once per issuer and client. */
export async function providerConfiguration(
	settings: ProviderSettings
): Promise<client.Configuration> {
	const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
	let pending = configurations.get(key);
	if (!pending) {
		pending = discover(settings);
		configurations.set(key, pending);
		// A failed discovery (provider down) must not stick: the next login tries again.
		pending.catch(() => configurations.delete(key));
	}
	return pending;
}

/** What the browser keeps between the start of a login and its callback (in an HttpOnly cookie). */
export interface LoginState {
	state: string;
	nonce: string;
	codeVerifier: string;
	returnTo: string;
}

export async function startLogin(
	settings: ProviderSettings,
	redirectUri: string,
	returnTo: string
): Promise<{ url: URL; loginState: LoginState }> {
	const config = await providerConfiguration(settings);
	const codeVerifier = client.randomPKCECodeVerifier();
	const loginState: LoginState = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		codeVerifier,
		returnTo
	};
	const parameters: Record<string, string> = {
		redirect_uri: redirectUri,
		scope: settings.scopes,
		code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state: loginState.state,
		nonce: loginState.nonce,
		// Always a fresh login at the provider: phones and library computers are shared, and a
		// session left at the broker must not log the next person in as someone else.
		prompt: 'login'
	};
	if (settings.acrValues) parameters.acr_values = settings.acrValues;
	return { url: client.buildAuthorizationUrl(config, parameters), loginState };
}

/** Exchanges the code; throws if the issuer, audience, state, nonce or PKCE do not match. */
export async function finishLogin(
	settings: ProviderSettings,
	callbackUrl: URL,
	loginState: LoginState
): Promise<Record<string, unknown>> {
	const config = await providerConfiguration(settings);
	const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
		pkceCodeVerifier: loginState.codeVerifier,
		expectedState: loginState.state,
		expectedNonce: loginState.nonce,
		idTokenExpected: true
	});
	const claims = tokens.claims();
	if (!claims) throw new Error('No ID token');
	return claims as Record<string, unknown>;
}

/** The level of assurance the provider says it achieved, or null when it says nothing known. */
export function readLoa(settings: CitizenSettings, claims: Record<string, unknown>): Loa | null {
	const value = claims[settings.loaClaim];
	return LOA_ORDER.find((level) => settings.levels[level] === value) ?? null;
}

export function meetsMinimum(loa: Loa | null, minimum: Loa): boolean {
	return loa !== null && LOA_ORDER.indexOf(loa) >= LOA_ORDER.indexOf(minimum);
}

export function readString(claims: Record<string, unknown>, name: string): string | null {
	const value = claims[name];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function encodeLoginState(state: LoginState): string {
	return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeLoginState(value: string | undefined): LoginState | null {
	if (!value) return null;
	try {
		const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		const ok =
			typeof parsed.state === 'string' &&
			typeof parsed.nonce === 'string' &&
			typeof parsed.codeVerifier === 'string' &&
			typeof parsed.returnTo === 'string';
		return ok ? (parsed as LoginState) : null;
	} catch {
		return null;
	}
}

// The in-process MitID simulator of the demo, reached through the app at /demo-idp. One provider per
// public origin, started on first use. Relative imports: command-line scripts (tsx) may use this
// module, and they do not know SvelteKit's $lib alias.
import type { CustomFetch } from 'openid-client';

import { DEMO_CITIZENS, DEMO_STAFF } from '../seed/demo-data';
import {
	startDemoIdp,
	type ClaimPreset,
	type DemoAccount,
	type DemoClient,
	type RunningDemoIdp
} from './provider';

export const DEMO_IDP_PATH = '/demo-idp';
export const CITIZEN_CLIENT_ID = 'sammen-citizen';
export const STAFF_CLIENT_ID = 'sammen-staff';

const PRESETS: readonly ClaimPreset[] = ['demo', 'idura', 'signicat', 'nemlogin'];
// The origin comes from the request (Host header when ORIGIN is unset): cap how many providers a
// stream of made-up hosts could start.
const MAX_ORIGINS = 4;

export function demoIdpClientSecret(): string {
	const value = process.env.DEMO_IDP_CLIENT_SECRET?.trim();
	return value ? value : 'demo-secret';
}

/** DEMO_IDP_PRESET picks whose claim names the simulator imitates; default 'demo' (as Idura). */
export function demoIdpPreset(): ClaimPreset {
	const value = process.env.DEMO_IDP_PRESET?.trim();
	return PRESETS.find((preset) => preset === value) ?? 'demo';
}

/** Lower-case ASCII slug of a name, e.g. "Søren Ærø" → "soeren-aeroe". */
export function slug(name: string): string {
	return name
		.toLowerCase()
		.replaceAll('æ', 'ae')
		.replaceAll('ø', 'oe')
		.replaceAll('å', 'aa')
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export function citizenSub(name: string): string {
	return `demo-citizen-${slug(name)}`;
}

export function staffSub(name: string): string {
	return `demo-staff-${slug(name)}`;
}

export function demoIdpAccounts(): DemoAccount[] {
	const citizens = Object.entries(DEMO_CITIZENS).map(([name, cpr]): DemoAccount => ({
		sub: citizenSub(name),
		name,
		cpr,
		kind: 'citizen'
	}));
	const staff = Object.entries(DEMO_STAFF).map(([name, email]): DemoAccount => ({
		sub: staffSub(name),
		name,
		email,
		kind: 'staff'
	}));
	return [...citizens, ...staff];
}

export function demoIdpClients(origin: string): DemoClient[] {
	const secret = demoIdpClientSecret();
	return [
		{
			client_id: CITIZEN_CLIENT_ID,
			client_secret: secret,
			redirect_uris: [`${origin}/auth/citizen/callback`],
			post_logout_redirect_uris: [`${origin}/`]
		},
		{
			client_id: STAFF_CLIENT_ID,
			client_secret: secret,
			redirect_uris: [`${origin}/auth/staff/callback`],
			post_logout_redirect_uris: [`${origin}/`]
		}
	];
}

const instances = new Map<string, Promise<RunningDemoIdp>>();

/** The simulator for the app at `origin` (e.g. http://127.0.0.1:3000), started on first use. */
export function getDemoIdp(origin: string): Promise<RunningDemoIdp> {
	const existing = instances.get(origin);
	if (existing) return existing;
	if (instances.size >= MAX_ORIGINS) {
		return Promise.reject(new Error('demo identity provider: too many origins'));
	}
	const started = startDemoIdp({
		issuer: `${origin}${DEMO_IDP_PATH}`,
		mountPath: DEMO_IDP_PATH,
		clients: demoIdpClients(origin),
		accounts: demoIdpAccounts(),
		preset: demoIdpPreset()
	});
	if (instances.size === 0) {
		// The simulator's server would keep the process alive after adapter-node's shutdown.
		process.once('sveltekit:shutdown', () => void stopDemoIdps());
	}
	instances.set(origin, started);
	// A failed start must not stick: the next request tries again.
	started.catch(() => instances.delete(origin));
	return started;
}

/**
 * A fetch for openid-client's customFetch on the app's server side: requests to the simulator's
 * public URL go straight to the in-process server, with the forwarding headers the app's proxy
 * would add. Without it the app would call itself over the network, which fails behind a TLS
 * terminator, and SvelteKit's CSRF check (production builds) refuses form posts without Origin.
 */
export function createDemoIdpFetch(origin: string): CustomFetch {
	const prefix = `${origin}${DEMO_IDP_PATH}`;
	return async (url, options) => {
		// openid-client's body types are all valid fetch bodies; TypeScript's DOM and Node typings
		// disagree only about Uint8Array's buffer type.
		const init = options as RequestInit;
		if (url !== prefix && !url.startsWith(`${prefix}/`) && !url.startsWith(`${prefix}?`)) {
			return fetch(url, init);
		}
		const idp = await getDemoIdp(origin);
		const publicUrl = new URL(url);
		const headers = new Headers(options.headers);
		headers.set('x-forwarded-host', publicUrl.host);
		headers.set('x-forwarded-proto', publicUrl.protocol.slice(0, -1));
		return fetch(new URL(`${publicUrl.pathname}${publicUrl.search}`, idp.url), {
			...init,
			headers
		});
	};
}

/** Stops every simulator started by getDemoIdp (tests, shutdown). */
export async function stopDemoIdps(): Promise<void> {
	const running = [...instances.values()];
	instances.clear();
	await Promise.all(
		running.map(async (started) => {
			const idp = await started.catch(() => undefined);
			await idp?.close();
		})
	);
}

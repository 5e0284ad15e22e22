// The simulator's people and what it says about them: the fictitious accounts, and the claim names
// and level-of-assurance values of the broker the `preset` imitates.
import { LOA_LEVELS, type LoaLevel, type PageAccount } from './pages';

export type ClaimPreset = 'demo' | 'idura' | 'signicat' | 'nemlogin';

export interface DemoAccount {
	sub: string;
	name: string;
	cpr?: string;
	email?: string;
	kind: 'citizen' | 'staff';
}

export interface PresetClaims {
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

export function levelOf(preset: PresetClaims, acr: unknown): LoaLevel | undefined {
	return LOA_LEVELS.find((level) => preset.values[level] === acr);
}

/** A client whose id ends with "staff" is the staff portal; every other client is for citizens. */
export function isStaffClient(clientId: string): boolean {
	return clientId.endsWith('staff');
}

/** The people the login page offers a client: staff to the staff portal, citizens to the rest. */
export function accountsFor(
	accounts: readonly DemoAccount[],
	clientId: string
): { citizens: PageAccount[]; staff: PageAccount[] } {
	const staffClient = isStaffClient(clientId);
	const pick = (kind: DemoAccount['kind']) =>
		accounts
			.filter((account) => account.kind === kind)
			.map((account) => ({ sub: account.sub, name: account.name }));
	return staffClient
		? { citizens: [], staff: pick('staff') }
		: { citizens: pick('citizen'), staff: [] };
}

/** oidc-provider's findAccount: the account's claims in the preset's vocabulary. */
export function accountFinder(accounts: ReadonlyMap<string, DemoAccount>, preset: PresetClaims) {
	return async function findAccount(_ctx: unknown, sub: string, token?: { acr?: string }) {
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
	};
}

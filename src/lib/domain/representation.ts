// A representative acting for a citizen: how much they may do, and on what legal basis.
import type { MessageKey } from '../i18n/all';

export const REPRESENTATION_SCOPES = ['full', 'read_only'] as const;
export type RepresentationScope = (typeof REPRESENTATION_SCOPES)[number];

export const REPRESENTATION_BASES = [
	'power_of_attorney',
	'parental_custody',
	'guardianship'
] as const;
export type RepresentationBasis = (typeof REPRESENTATION_BASES)[number];

export const REPRESENTATION_SCOPE_LABELS = {
	staff: { full: 'saRepScopeFull', read_only: 'saRepScopeReadOnly' }
} as const satisfies Record<string, Record<RepresentationScope, MessageKey>>;

/** The staff pages' words, and the printable "my data" page's. */
export const REPRESENTATION_BASIS_LABELS = {
	staff: {
		power_of_attorney: 'saRepBasisPowerOfAttorney',
		parental_custody: 'saRepBasisParentalCustody',
		guardianship: 'saRepBasisGuardianship'
	},
	dataPrint: {
		power_of_attorney: 'dataPrintBasisPowerOfAttorney',
		parental_custody: 'dataPrintBasisParentalCustody',
		guardianship: 'dataPrintBasisGuardianship'
	}
} as const satisfies Record<string, Record<RepresentationBasis, MessageKey>>;

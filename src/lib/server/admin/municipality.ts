// The municipality as the app shows it: the administrator's saved settings over the environment's
// defaults (config.ts). Read on every page, so each app process keeps it for CACHE_MS; a change
// made on one app node reaches the others within that time, and at once on the node that saved it.
import type { Kysely } from 'kysely';
import { municipality as envMunicipality, type MunicipalityConfig } from '../config';
import { readMunicipalitySettings } from '../db/municipality-settings';
import type { Database } from '../db/schema';

export const CACHE_MS = 30_000;

export interface Municipality extends MunicipalityConfig {
	/** The brand colour (#rrggbb), or null for DKFDS's own. */
	primaryColor: string | null;
	/** Lines printed under the name on letters; null when none are set. */
	letterhead: string | null;
	/** A version of the stored logo (for the URL, so a new logo is fetched at once), or null. */
	logoVersion: string | null;
}

let cached: { value: Municipality; until: number } | null = null;

/** Forgets the cached settings (after a save, and in tests). */
export function clearMunicipalityCache(): void {
	cached = null;
}

export async function getMunicipality(
	db: Kysely<Database>,
	// A cache lifetime is a duration on this machine, not a date: the monotonic clock fits it.
	now = performance.now()
): Promise<Municipality> {
	if (cached && cached.until > now) return cached.value;
	const stored = await readMunicipalitySettings(db);
	const env = envMunicipality();
	const value: Municipality = {
		name: stored.name ?? env.name,
		phone: stored.phone ?? env.phone,
		email: stored.email ?? env.email,
		address: stored.address ?? env.address,
		openingHours: {
			da: stored.openingHoursDa ?? env.openingHours.da,
			en: stored.openingHoursEn ?? env.openingHours.en
		},
		accessibilityStatementUrl: stored.accessibilityStatementUrl ?? env.accessibilityStatementUrl,
		primaryColor: stored.primaryColor,
		letterhead: stored.letterhead,
		logoVersion:
			stored.logoContentType && stored.updatedAt ? stored.updatedAt.getTime().toString(36) : null
	};
	cached = { value, until: now + CACHE_MS };
	return value;
}

/**
 * The municipality's name where no database is at hand (text built synchronously): the name this
 * process last read, else the environment's. Pages and letters refresh the cache often.
 */
export function knownMunicipalityName(): string {
	return cached?.value.name ?? envMunicipality().name;
}

/** Only the contact details (for exports whose shape is documented without the rest). */
export function municipalityContact(value: Municipality): MunicipalityConfig {
	return {
		name: value.name,
		phone: value.phone,
		email: value.email,
		address: value.address,
		openingHours: value.openingHours,
		accessibilityStatementUrl: value.accessibilityStatementUrl
	};
}

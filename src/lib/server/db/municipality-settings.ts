// The municipality's settings: one row; a null column falls back to the environment
// (config.ts). The logo is stored in the row and served by /kommune/logo.
import type { MunicipalitySettingsTable } from './schema';
import * as clock from '../clock';
import type { Executor } from './executor';

export type LogoContentType = NonNullable<MunicipalitySettingsTable['logo_content_type']>;

export interface StoredMunicipalitySettings {
	name: string | null;
	phone: string | null;
	email: string | null;
	address: string | null;
	openingHoursDa: string | null;
	openingHoursEn: string | null;
	accessibilityStatementUrl: string | null;
	primaryColor: string | null;
	letterhead: string | null;
	/** The logo's type when there is one (the bytes are read separately). */
	logoContentType: LogoContentType | null;
	updatedAt: Date | null;
}

const EMPTY: StoredMunicipalitySettings = {
	name: null,
	phone: null,
	email: null,
	address: null,
	openingHoursDa: null,
	openingHoursEn: null,
	accessibilityStatementUrl: null,
	primaryColor: null,
	letterhead: null,
	logoContentType: null,
	updatedAt: null
};

export async function readMunicipalitySettings(db: Executor): Promise<StoredMunicipalitySettings> {
	const row = await db
		.selectFrom('municipality_settings')
		.select([
			'name',
			'phone',
			'email',
			'address',
			'opening_hours_da',
			'opening_hours_en',
			'accessibility_statement_url',
			'primary_color',
			'letterhead',
			'logo_content_type',
			'updated_at'
		])
		.executeTakeFirst();
	if (!row) return EMPTY;
	return {
		name: row.name,
		phone: row.phone,
		email: row.email,
		address: row.address,
		openingHoursDa: row.opening_hours_da,
		openingHoursEn: row.opening_hours_en,
		accessibilityStatementUrl: row.accessibility_statement_url,
		primaryColor: row.primary_color,
		letterhead: row.letterhead,
		logoContentType: row.logo_content_type,
		updatedAt: row.updated_at
	};
}

export type MunicipalityTextSettings = Omit<
	StoredMunicipalitySettings,
	'logoContentType' | 'updatedAt'
>;

/**
 * Saves the text settings (null: use the environment's value). `logo` undefined keeps the stored
 * logo, null removes it.
 */
export async function saveMunicipalitySettings(
	db: Executor,
	input: MunicipalityTextSettings & {
		logo?: { bytes: Uint8Array; contentType: LogoContentType } | null;
	},
	staffId: string | null
): Promise<void> {
	const values = {
		name: input.name,
		phone: input.phone,
		email: input.email,
		address: input.address,
		opening_hours_da: input.openingHoursDa,
		opening_hours_en: input.openingHoursEn,
		accessibility_statement_url: input.accessibilityStatementUrl,
		primary_color: input.primaryColor,
		letterhead: input.letterhead,
		updated_at: clock.now(),
		updated_by_staff_id: staffId,
		...(input.logo === undefined
			? {}
			: {
					logo: input.logo?.bytes ?? null,
					logo_content_type: input.logo?.contentType ?? null
				})
	};
	await db
		.insertInto('municipality_settings')
		.values({ id: true, ...values })
		.onConflict((oc) => oc.column('id').doUpdateSet(values))
		.execute();
}

export async function readMunicipalityLogo(
	db: Executor
): Promise<{ bytes: Uint8Array; contentType: LogoContentType; updatedAt: Date } | null> {
	const row = await db
		.selectFrom('municipality_settings')
		.select(['logo', 'logo_content_type', 'updated_at'])
		.executeTakeFirst();
	if (!row?.logo || !row.logo_content_type) return null;
	return { bytes: row.logo, contentType: row.logo_content_type, updatedAt: row.updated_at };
}

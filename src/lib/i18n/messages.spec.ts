import { describe, expect, it } from 'vitest';
import { adminTexts, t as adminT } from './admin';
import { areas, catalogues, documentTitle, format, localized, t } from './all';
import { commonTexts, t as commonT } from './common';
import { LOCALES, otherLocale } from './locale';
import { portalTexts, t as portalT } from './portal';
import { staffTexts, t as staffT } from './staff';

const placeholders = (message: string) =>
	[...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
	it('have exactly the same keys in every language', () => {
		const danish = Object.keys(catalogues.da).sort();
		for (const locale of LOCALES) expect(Object.keys(catalogues[locale]).sort()).toEqual(danish);
	});

	it('keep each key in one catalogue only, so no feature overrides another', () => {
		const seen = new Map<string, string>();
		for (const [area, parts] of Object.entries(areas)) {
			for (const [feature, catalogue] of Object.entries(parts)) {
				const name = `${area}/${feature}`;
				for (const key of Object.keys(catalogue.da)) {
					expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
					seen.set(key, name);
				}
			}
		}
		// Every key of the full catalogue comes from exactly one area's catalogue.
		expect([...seen.keys()].sort()).toEqual(Object.keys(catalogues.da).sort());
	});

	it('have no empty messages', () => {
		for (const locale of LOCALES) {
			for (const [key, message] of Object.entries(catalogues[locale])) {
				expect(message.trim(), `${locale}.${key}`).not.toBe('');
			}
		}
	});

	it('use the same placeholders in every language', () => {
		for (const [key, message] of Object.entries(catalogues.da)) {
			const english = catalogues.en[key as keyof typeof catalogues.en];
			expect(placeholders(english), key).toEqual(placeholders(message));
		}
	});

	it('t() returns the catalogue of the language asked for', () => {
		expect(t('da').skipLink).toBe('Gå til sideindhold');
		expect(t('en').skipLink).toBe('Skip to content');
	});
});

describe('areas', () => {
	const keysOf = (...parts: Record<string, { da: object }>[]) =>
		parts.flatMap((part) => Object.values(part).flatMap((c) => Object.keys(c.da))).sort();

	// What each area's t() holds: its own catalogues and those of the areas it builds on.
	const expected = {
		common: { texts: commonTexts, keys: keysOf(areas.common) },
		portal: { texts: portalTexts, keys: keysOf(areas.common, areas.portal) },
		staff: { texts: staffTexts, keys: keysOf(areas.common, areas.staff) },
		admin: { texts: adminTexts, keys: keysOf(areas.common, areas.staff, areas.admin) }
	};

	for (const [area, { texts, keys }] of Object.entries(expected)) {
		it(`${area}: holds exactly its catalogues' keys, complete in every language`, () => {
			for (const locale of LOCALES) {
				expect(Object.keys(texts[locale]).sort(), `${area} ${locale}`).toEqual(keys);
				for (const [key, message] of Object.entries(texts[locale])) {
					expect(message, `${area} ${locale}.${key}`).toBe(
						catalogues[locale][key as keyof typeof catalogues.da]
					);
				}
			}
		});
	}

	it('portal holds no staff or admin text, and staff no admin text', () => {
		const portal = new Set(Object.keys(portalTexts.da));
		for (const key of keysOf(areas.staff, areas.admin)) expect(portal.has(key), key).toBe(false);
		const staff = new Set(Object.keys(staffTexts.da));
		for (const key of keysOf(areas.admin)) expect(staff.has(key), key).toBe(false);
	});

	it("each area's t() returns the language asked for, with the common texts", () => {
		for (const area of [commonT, portalT, staffT, adminT]) {
			expect(area('da').skipLink).toBe('Gå til sideindhold');
			expect(area('en').skipLink).toBe('Skip to content');
		}
		expect(portalT('da').navOverview).toBe('Mit overblik');
		expect(staffT('da').staffNavCaseload).toBe('Mine borgere');
		expect(adminT('da').staffNavCaseload).toBe('Mine borgere');
	});
});

describe('format', () => {
	it('fills in placeholders and leaves unknown ones alone', () => {
		expect(format('Ring til {name} på {phone}', { name: 'Sammen Kommune' })).toBe(
			'Ring til Sammen Kommune på {phone}'
		);
		expect(format('Fejlkode: {status}', { status: 404 })).toBe('Fejlkode: 404');
	});
});

describe('documentTitle', () => {
	it('names the service and the municipality', () => {
		expect(documentTitle('Sammen Kommune')).toBe('Sammen – Sammen Kommune');
		expect(documentTitle('Sammen Kommune', 'Du er ikke på nettet')).toBe(
			'Du er ikke på nettet – Sammen – Sammen Kommune'
		);
	});
});

describe('otherLocale', () => {
	it('offers the other language', () => {
		expect(otherLocale('da')).toBe('en');
		expect(otherLocale('en')).toBe('da');
	});
});

describe('texts stored in two languages', () => {
	it('shows the English text in English, and Danish where there is no translation', () => {
		expect(localized('en', 'Din sag', 'Your case')).toBe('Your case');
		expect(localized('en', 'Din sag', null)).toBe('Din sag');
		expect(localized('da', 'Din sag', 'Your case')).toBe('Din sag');
	});
});

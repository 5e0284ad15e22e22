import { describe, expect, it } from 'vitest';
import {
	catalogues,
	coreCatalogue,
	documentTitle,
	featureCatalogues,
	format,
	localized,
	t
} from './messages';
import { LOCALES, otherLocale } from './locale';

const placeholders = (message: string) =>
	[...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
	it('have exactly the same keys in every language', () => {
		const danish = Object.keys(catalogues.da).sort();
		for (const locale of LOCALES) expect(Object.keys(catalogues[locale]).sort()).toEqual(danish);
	});

	it('keep each key in one catalogue only, so no feature overrides another', () => {
		const seen = new Map<string, string>();
		const parts = { core: coreCatalogue, ...featureCatalogues };
		for (const [name, catalogue] of Object.entries(parts)) {
			for (const key of Object.keys(catalogue.da)) {
				expect(seen.get(key), `${key} in ${name}`).toBeUndefined();
				seen.set(key, name);
			}
		}
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

// The helpers every area's texts are used with. They know no message, so they weigh nothing on a
// page: each area's index.ts re-exports them next to its t().
import type { Locale } from './locale';

/** Fills in {name} placeholders; a placeholder without a value is left as it is. */
export function format(message: string, values: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in values ? String(values[name]) : placeholder
	);
}

/** The document title: "<page> – Sammen – <municipality>", or without a page on the front page. */
export function documentTitle(municipality: string, page?: string): string {
	return page ? `${page} – Sammen – ${municipality}` : `Sammen – ${municipality}`;
}

/** A text stored in Danish with an optional English translation; Danish when there is none yet. */
export function localized(locale: Locale, da: string, en: string | null | undefined): string {
	return locale === 'en' && en ? en : da;
}

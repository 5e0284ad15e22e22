// A letter to an analog citizen as a printable PDF, for the print queue.
import type { Locale } from '../../i18n/locale';
import type { MunicipalityConfig } from '../config';
import { format, t } from '../../i18n/all';
import { renderPdf, type RenderOptions } from '../pdf/document';

export interface PrintLetter {
	/** Printed on the letter, so that a letter the post returns can be found again. */
	reference: string;
	language: Locale;
	recipientName: string;
	/** Address lines, separated by line breaks. */
	recipientAddress: string;
	subject: string;
	body: string;
	/** Letters bundled into this one, each a section after the table of contents in `body`. */
	sections?: { heading: string; lines: string[] }[];
	date: Date;
	/** The department that sends it, and how to reach it; null when none is known. */
	department: { name: string; phone: string | null; email: string | null } | null;
	municipality: MunicipalityConfig & { letterhead?: string | null };
}

export interface RenderedLetter {
	pdf: Uint8Array;
	pageCount: number;
}

/** The short reference of a letter: the first eight hex digits of its id, as "ABCD-1234". */
export function letterReference(letterId: string): string {
	const hex = letterId.replace(/-/g, '').slice(0, 8).toUpperCase();
	return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}

/** The administrator's letterhead text as lines (none when it is not set). */
export function letterheadLines(text: string | null | undefined): string[] {
	return (text ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

function countPages(pdf: Uint8Array): number {
	const text = Buffer.from(pdf).toString('latin1');
	return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

/**
 * Renders a letter for printing and a window envelope: the municipality's letterhead, the address
 * in the envelope's window, the sending department's contact details (the municipality's when no
 * department is known), the date, the reference, the subject and the text, page numbers. Every
 * fixed text is in the letter's language.
 */
export async function renderPrintLetter(
	letter: PrintLetter,
	options: RenderOptions = {}
): Promise<RenderedLetter> {
	const m = t(letter.language);
	const contact = letter.department ?? {
		name: letter.municipality.name,
		phone: letter.municipality.phone,
		email: letter.municipality.email
	};
	const sender = [
		contact.name,
		letter.department ? null : letter.municipality.address,
		contact.phone ? `${m.contactPhone}: ${contact.phone}` : null,
		contact.email ? `${m.contactEmail}: ${contact.email}` : null
	].filter((line): line is string => !!line);
	const pdf = await renderPdf(
		{
			language: letter.language,
			title: letter.subject,
			letterhead: letter.municipality.name,
			letterheadLines: letterheadLines(letter.municipality.letterhead),
			layout: 'window',
			sender,
			recipient: [
				letter.recipientName,
				...letter.recipientAddress.split('\n').filter((line) => line.trim() !== '')
			],
			date: letter.date,
			body: letter.body,
			sections: letter.sections,
			reference: [format(m.pqLetterReference, { reference: letter.reference })],
			footer: format(m.pqLetterFooter, { reference: letter.reference }),
			author: letter.department
				? `${letter.municipality.name}, ${letter.department.name}`
				: letter.municipality.name
		},
		options
	);
	return { pdf, pageCount: countPages(pdf) };
}

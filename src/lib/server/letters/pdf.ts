// A letter to an analog citizen as a printable PDF, for the print queue.
import type { Locale } from '../../i18n/locale';
import type { MunicipalityConfig } from '../config';
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
	date: Date;
	/** The department that sends it, and how to reach it; null when none is known. */
	department: { name: string; phone: string | null; email: string | null } | null;
	municipality: MunicipalityConfig;
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

function countPages(pdf: Uint8Array): number {
	const text = Buffer.from(pdf).toString('latin1');
	return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}

export async function renderPrintLetter(
	letter: PrintLetter,
	options: RenderOptions = {}
): Promise<RenderedLetter> {
	const sender = letter.department
		? [letter.department.name, letter.department.phone, letter.department.email].filter(
				(line): line is string => !!line
			)
		: [letter.municipality.address, letter.municipality.phone, letter.municipality.email];
	const pdf = await renderPdf(
		{
			language: letter.language,
			title: letter.subject,
			letterhead: letter.municipality.name,
			sender,
			recipient: [letter.recipientName, ...letter.recipientAddress.split('\n')],
			date: letter.date,
			body: letter.body,
			note: letter.reference,
			author: letter.municipality.name
		},
		options
	);
	return { pdf, pageCount: countPages(pdf) };
}

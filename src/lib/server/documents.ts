// The citizen's letters and decisions as PDF files: what goes into each document, a file name
// that says what it is, and the HTTP response that delivers it.
import type { Locale } from '../i18n/locale';
import { format, localized, t } from '../i18n/all';
import { formatDateWithYear, todayInDenmark } from '../format';
import type { MunicipalityConfig as BaseConfig } from './config';
import { letterheadLines } from './letters/pdf';
import type { CitizenDecision, CitizenLetter } from './db/documents';
import { renderPdf, type PdfDocumentSpec, type RenderOptions } from './pdf/document';
import * as clock from './clock';

/** The municipality's details, with the administrator's letterhead text when there is one. */
type MunicipalityConfig = BaseConfig & { letterhead?: string | null };

const DANISH_LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/** Lower-case ASCII words joined by hyphens: "Afgørelse: Boligstøtte" → "afgoerelse-boligstoette". */
export function slugify(text: string, maxLength = 60): string {
	const ascii = text
		.toLowerCase()
		.replace(/[æøå]/g, (c) => DANISH_LETTERS[c] ?? c)
		// é → e, ü → u: the letter without its accent.
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (ascii.length <= maxLength) return ascii;
	const cut = ascii.slice(0, maxLength + 1);
	const lastHyphen = cut.lastIndexOf('-');
	return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * A file name that says what the document is: its kind, its subject and its date, e.g.
 * "afgoerelse-du-faar-boligstoette-2026-11-03.pdf". A subject that starts with the kind
 * ("Afgørelse: …") does not repeat it.
 */
export function documentFileName(kind: string, subject: string, date: Date): string {
	const prefix = slugify(kind) || 'dokument';
	let rest = slugify(subject);
	if (rest === prefix) rest = '';
	else if (rest.startsWith(`${prefix}-`)) rest = rest.slice(prefix.length + 1);
	return [prefix, rest, todayInDenmark(date)].filter(Boolean).join('-') + '.pdf';
}

export interface PdfFile {
	fileName: string;
	bytes: Uint8Array;
	title: string;
}

function addressLines(name: string, address: string): string[] {
	return [name, ...address.split('\n').filter((line) => line.trim() !== '')];
}

/** A letter's content as a PDF document (the letter is in its own language). */
export function letterDocument(
	letter: CitizenLetter,
	municipality: MunicipalityConfig
): PdfDocumentSpec {
	const m = t(letter.language);
	return {
		language: letter.language,
		title: letter.subject,
		letterhead: municipality.name,
		letterheadLines: letterheadLines(municipality.letterhead),
		sender: [municipality.address, `${m.contactPhone} ${municipality.phone}`, municipality.email],
		recipient: addressLines(letter.recipientName, letter.recipientAddress),
		date: letter.createdAt,
		body: letter.body,
		note: letter.postedAt
			? format(m.documentsPdfLetterNote, {
					date: formatDateWithYear(letter.postedAt, letter.language)
				})
			: format(m.documentsPdfLetterCopy, { municipality: municipality.name }),
		author: municipality.name
	};
}

/**
 * A decision from the timeline as a PDF document, in the reader's language when the decision
 * has an English text, otherwise in Danish (and then marked as Danish).
 */
export function decisionDocument(
	decision: CitizenDecision,
	locale: Locale,
	municipality: MunicipalityConfig,
	now: Date = clock.now()
): PdfDocumentSpec {
	const language: Locale = locale === 'en' && decision.titleEn ? 'en' : 'da';
	const m = t(language);
	const department = decision.departmentName
		? localized(language, decision.departmentName, decision.departmentNameEn)
		: null;
	const contact = [
		department ? format(m.documentsPdfContactText, { department }) : null,
		decision.departmentPhone ? `${m.contactPhone}: ${decision.departmentPhone}` : null,
		decision.departmentEmail ? `${m.contactEmail}: ${decision.departmentEmail}` : null,
		decision.departmentAddress ? `${m.contactAddress}: ${decision.departmentAddress}` : null,
		decision.departmentHours ? `${m.contactHours}: ${decision.departmentHours}` : null
	].filter((line): line is string => line !== null);
	const body = localized(language, decision.body, decision.bodyEn);
	const decidedBy =
		decision.authorName && department
			? format(m.documentsPdfDecidedBy, { name: decision.authorName, department })
			: null;
	return {
		language,
		title: localized(language, decision.title, decision.titleEn),
		letterhead: municipality.name,
		letterheadLines: letterheadLines(municipality.letterhead),
		sender: [
			department,
			decision.departmentAddress,
			decision.departmentPhone ? `${m.contactPhone} ${decision.departmentPhone}` : null
		].filter((line): line is string => !!line),
		recipient: [decision.citizenName],
		date: decision.occurredAt,
		body: decidedBy ? `${body}\n\n${decidedBy}` : body,
		sections: contact.length ? [{ heading: m.documentsPdfContactHeading, lines: contact }] : [],
		note: format(m.documentsPdfDecisionNote, {
			municipality: municipality.name,
			date: formatDateWithYear(now, language)
		}),
		author: department ? `${municipality.name}, ${department}` : municipality.name
	};
}

/** A letter's PDF: the stored one when the letter was rendered for print, else made now. */
export async function letterPdf(
	letter: CitizenLetter,
	municipality: MunicipalityConfig,
	options?: RenderOptions
): Promise<PdfFile> {
	const fileName = documentFileName(
		t(letter.language).kindLetter,
		letter.subject,
		letter.createdAt
	);
	if (letter.pdf && letter.pdf.byteLength > 0) {
		return { fileName, bytes: letter.pdf, title: letter.subject };
	}
	return {
		fileName,
		bytes: await renderPdf(letterDocument(letter, municipality), options),
		title: letter.subject
	};
}

export async function decisionPdf(
	decision: CitizenDecision,
	locale: Locale,
	municipality: MunicipalityConfig,
	options?: RenderOptions
): Promise<PdfFile> {
	const spec = decisionDocument(decision, locale, municipality);
	return {
		fileName: documentFileName(t(spec.language).kindDecision, spec.title, decision.occurredAt),
		bytes: await renderPdf(spec, options),
		title: spec.title
	};
}

/**
 * The response that delivers a PDF: to save ("attachment", the default) or to show in the
 * browser ("inline"). Never cached: it is personal.
 */
export function pdfResponse(file: PdfFile, disposition: 'attachment' | 'inline'): Response {
	// The file name is ASCII by construction (slugify), so no RFC 5987 filename* is needed.
	return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `${disposition}; filename="${file.fileName}"`,
			'Cache-Control': 'no-store',
			'X-Content-Type-Options': 'nosniff'
		}
	});
}

// MeMo messages for Digital Post (SF1601 KombiPostAfsend), following MeMo version 1.2, the Danish
// public sector message format published by Digitaliseringsstyrelsen (namespace
// https://DigitalPost.dk/MeMo-1).
//
// The rules are checked in code, not against the official XSD: the schema cannot be fetched at test
// time here, and from version 1.2 on the format is no longer validated by a published schema at all
// (the memoSchVersion attribute is gone from the root element). validateMemo therefore checks, for
// the elements this module builds, what the MeMo documentation says about them: the root element,
// its namespace and memoVersion, which elements are required, the order the sequences prescribe,
// the code lists (messageType, idType, postType), the formats of UUIDs, CVR and CPR numbers, booleans,
// dates and files. Elements MeMo defines that we do not build (actions, reply data, attention data
// and the like) are accepted in their place in the sequence, but their content is not checked.
//
// A kombi_request wraps the MeMo message with a KombiValgKode (the channel choice) and, for physical
// mail, a ForsendelseI in the remote print format (urn:oio:fjernprint:1.0.0): the recipient's CPR
// number and postal address and the letter as a PDF.
//
// CPR numbers are personal data: no error message here ever contains one, and every message passes
// through redact() before it leaves the module.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const MEMO_VERSION = '1.2';
export const MEMO_NAMESPACE = 'https://DigitalPost.dk/MeMo-1';
/** The namespace of the remote print (fjernprint) elements in a kombi_request. */
export const FJERNPRINT_NAMESPACE = 'urn:oio:fjernprint:1.0.0';

/**
 * The longest label (the title in the recipient's inbox) this module sends. The MeMo material
 * available here states no limit for labels; 150 characters is the limit it states for the text of a
 * notification, and it is applied to labels too as a conservative cap.
 */
export const MEMO_LABEL_MAX_LENGTH = 150;
/** The longest notification text: the limit stated for the text sent as a NemSMS notification. */
export const MEMO_NOTIFICATION_MAX_LENGTH = 150;

export interface MemoFile {
	filename: string;
	language: 'da' | 'en';
	encodingFormat: 'application/pdf';
	content: Uint8Array;
}
export interface MemoDocument {
	id: string;
	label: string;
	files: MemoFile[];
}
export interface MemoMessage {
	/** Lower-case UUID. */
	messageUuid: string;
	/** Our short letter reference, e.g. "ABCD-1234". */
	messageId?: string;
	/** The subject shown in the inbox. */
	label: string;
	/** The text of the notification (optional). */
	notification?: string;
	mandatory: boolean;
	legalNotification: boolean;
	postType: 'MYNDIGHEDSPOST';
	sender: { cvr: string; label: string; contactPoint?: { id: string; label: string } };
	recipient: { cpr: string; label?: string };
	caseId?: { caseId: string; caseSystem: string };
	createdAt: Date;
	mainDocument: MemoDocument;
	additionalDocuments?: MemoDocument[];
}

export type KombiValgKode = 'Automatisk Valg' | 'Digital Post' | 'Fysisk Post';
export const KOMBI_VALG_KODER: readonly KombiValgKode[] = [
	'Automatisk Valg',
	'Digital Post',
	'Fysisk Post'
];

export interface PrintRecipient {
	name: string;
	co?: string | null;
	/** Street and house number ("Testvej 3"); a trailing house number is sent as its own element. */
	street: string;
	postcode: string;
	city: string;
	country?: 'DK';
}

export interface PrintOrder {
	cpr: string;
	recipient: PrintRecipient;
	pdf: Uint8Array;
	/** Our reference for the dispatch (AfsendelseIdentifikator): 1 to 38 characters. */
	reference: string;
	/** The dispatch type number the print provider has assigned (ForsendelseTypeIdentifikator). */
	forsendelseTypeId?: number;
}

export interface ParsedKombiRequest {
	kode: KombiValgKode;
	messageUuid: string;
	recipientCpr: string;
	label: string;
	documentCount: number;
	hasPrint: boolean;
	printAddress: PrintRecipient | null;
}

/** Thrown by buildMemo and buildKombiRequest when the input breaks a rule. */
export class MemoError extends Error {
	override name = 'MemoError';
	constructor(
		message: string,
		readonly problems: string[] = []
	) {
		super(redact(message));
	}
}

// ---------------------------------------------------------------------------------------------
// Value rules shared by the builder and the validator
// ---------------------------------------------------------------------------------------------

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const LOWER_CASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CVR = /^\d{8}$/;
// The format only: modern CPR numbers need not pass the old modulus 11 check.
const CPR = /^\d{10}$/;
const MESSAGE_TYPES = ['DIGITALPOST', 'NEMSMS'];
const POST_TYPES = ['MYNDIGHEDSPOST', 'VIRKSOMHEDSPOST'];
const POSTCODE = /^\d{4}$/;
// StreetBuildingIdentifier: 1 to 999, optionally followed by one capital letter.
const HOUSE_NUMBER = /^[1-9]\d{0,2}[A-Z]?$/;
const STREET_WITH_NUMBER = /^(.*\S)\s+([1-9]\d{0,2}[A-Z]?)$/;

/** The file types this module knows, with the file name extensions that go with each. */
const FILE_TYPES: Record<string, readonly string[]> = {
	'application/pdf': ['pdf'],
	'text/plain': ['txt'],
	'text/html': ['html', 'htm'],
	'image/png': ['png'],
	'image/jpeg': ['jpg', 'jpeg'],
	'image/gif': ['gif'],
	'image/tiff': ['tif', 'tiff'],
	'application/msword': ['doc'],
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
	'application/vnd.ms-excel': ['xls'],
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx']
};

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** An ISO 639-1 code: two lower-case letters that name a language. */
function isLanguageCode(value: string): boolean {
	return /^[a-z]{2}$/.test(value) && LANGUAGE_NAMES.of(value) !== undefined;
}

/** Characters XML 1.0 cannot carry, not even escaped. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function length(value: string): number {
	return Array.from(value).length;
}

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIME_ZONE = /^(Z|[+-](\d{2}):(\d{2}))?$/;

function validTimeZone(zone: string | undefined): boolean {
	const match = TIME_ZONE.exec(zone ?? '');
	if (!match) return false;
	if (match[2] === undefined) return true;
	const hours = Number(match[2]);
	const minutes = Number(match[3]);
	return minutes <= 59 && (hours < 14 || (hours === 14 && minutes === 0));
}

function validDate(
	year: string | undefined,
	month: string | undefined,
	day: string | undefined
): boolean {
	const m = Number(month);
	const d = Number(day);
	return Number(year) !== 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m);
}

const DATE_TIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(.*)$/;
const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})(.*)$/;

/** xs:dateTime, as the XML Schema datatypes define it. */
function isXsDateTime(value: string): boolean {
	const match = DATE_TIME.exec(value);
	if (!match) return false;
	const [, year, month, day, hour, minute, second, fraction, zone] = match;
	if (!validDate(year, month, day) || !validTimeZone(zone)) return false;
	const h = Number(hour);
	const min = Number(minute);
	const s = Number(second);
	if (h === 24) return min === 0 && s === 0 && !/[1-9]/.test(fraction ?? '');
	return h <= 23 && min <= 59 && s <= 59;
}

/** xs:date. */
function isXsDate(value: string): boolean {
	const match = DATE.exec(value);
	return match !== null && validDate(match[1], match[2], match[3]) && validTimeZone(match[4]);
}

/** xs:base64Binary with at least one byte: whitespace is allowed between the characters. */
function isNonEmptyBase64(value: string): boolean {
	const compact = value.replace(/[\s]+/g, '');
	return (
		compact.length > 0 &&
		compact.length % 4 === 0 &&
		/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/.test(compact)
	);
}

/** Replaces anything that looks like a CPR number (with or without the hyphen). */
function redact(text: string): string {
	return text.replace(/(?<!\d)\d{6}-?\d{4}(?!\d)/g, '[redacted]');
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

/** Escapes text for element content and attribute values. A carriage return is kept as &#13;. */
function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;')
		.replace(/\r/g, '&#13;');
}

function memo(name: string, content: string): string {
	return `<memo:${name}>${content}</memo:${name}>`;
}

function memoText(name: string, value: string): string {
	return memo(name, escapeXml(value));
}

function base64(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** xs:dateTime in UTC, to the second, as the MeMo examples write it. */
function formatDateTime(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Checks what the XML itself cannot: types, characters XML cannot carry, and the parts of our own
 * contract that are stricter than MeMo (lower-case UUID, PDF files, Danish or English).
 */
function inputProblems(message: MemoMessage): string[] {
	const problems: string[] = [];
	const strings: [string, unknown][] = [
		['messageUuid', message.messageUuid],
		['label', message.label],
		['sender.cvr', message.sender?.cvr],
		['sender.label', message.sender?.label],
		['recipient.cpr', message.recipient?.cpr]
	];
	const optional: [string, unknown][] = [
		['messageId', message.messageId],
		['notification', message.notification],
		['sender.contactPoint.id', message.sender?.contactPoint?.id],
		['sender.contactPoint.label', message.sender?.contactPoint?.label],
		['recipient.label', message.recipient?.label],
		['caseId.caseId', message.caseId?.caseId],
		['caseId.caseSystem', message.caseId?.caseSystem]
	];
	const documents = [
		['mainDocument', message.mainDocument] as const,
		...(message.additionalDocuments ?? []).map(
			(document, index) => [`additionalDocuments[${index}]`, document] as const
		)
	];
	for (const [where, document] of documents) {
		if (!document || !Array.isArray(document.files)) {
			problems.push(`${where} must be a document with a list of files`);
			continue;
		}
		strings.push([`${where}.id`, document.id], [`${where}.label`, document.label]);
		document.files.forEach((file, index) => {
			const at = `${where}.files[${index}]`;
			strings.push([`${at}.filename`, file?.filename]);
			if (file?.encodingFormat !== 'application/pdf') {
				problems.push(`${at}.encodingFormat must be application/pdf`);
			}
			if (file?.language !== 'da' && file?.language !== 'en') {
				problems.push(`${at}.language must be da or en`);
			}
			if (!(file?.content instanceof Uint8Array)) {
				problems.push(`${at}.content must be a Uint8Array`);
			}
		});
	}
	const present = optional.filter(([, value]) => value !== undefined);
	for (const [name, value] of [...strings, ...present]) {
		if (typeof value !== 'string') problems.push(`${name} must be a string`);
		else if (NOT_XML_CHAR.test(value)) {
			problems.push(`${name} contains a character XML cannot carry`);
		}
	}
	if (typeof message.messageUuid === 'string' && !LOWER_CASE_UUID.test(message.messageUuid)) {
		problems.push('messageUuid must be a lower-case UUID');
	}
	if (typeof message.mandatory !== 'boolean') problems.push('mandatory must be a boolean');
	if (typeof message.legalNotification !== 'boolean') {
		problems.push('legalNotification must be a boolean');
	}
	if (message.postType !== 'MYNDIGHEDSPOST') problems.push('postType must be MYNDIGHEDSPOST');
	if (!(message.createdAt instanceof Date) || Number.isNaN(message.createdAt.getTime())) {
		problems.push('createdAt must be a valid Date');
	}
	return problems;
}

function documentXml(kind: 'MainDocument' | 'AdditionalDocument', document: MemoDocument): string {
	const idElement = kind === 'MainDocument' ? 'mainDocumentID' : 'additionalDocumentID';
	const files = document.files.map((file) =>
		memo(
			'File',
			memoText('encodingFormat', file.encodingFormat) +
				memoText('filename', file.filename) +
				memoText('language', file.language) +
				memo('content', base64(file.content))
		)
	);
	return memo(
		kind,
		memoText(idElement, document.id) + memoText('label', document.label) + files.join('')
	);
}

/**
 * The memo:Message element (no XML declaration) for a Digital Post letter. Throws a MemoError,
 * listing every rule the input breaks, when the result would not pass validateMemo.
 */
export function buildMemo(message: MemoMessage): string {
	const problems = inputProblems(message);
	if (problems.length > 0) {
		throw new MemoError(`The MeMo message is invalid: ${problems.join('; ')}`, problems);
	}
	const { sender, recipient } = message;
	const header =
		memoText('messageType', 'DIGITALPOST') +
		memoText('messageUUID', message.messageUuid) +
		(message.messageId !== undefined ? memoText('messageID', message.messageId) : '') +
		memoText('label', message.label) +
		(message.notification !== undefined ? memoText('notification', message.notification) : '') +
		memoText('mandatory', String(message.mandatory)) +
		memoText('legalNotification', String(message.legalNotification)) +
		memoText('postType', message.postType) +
		memo(
			'Sender',
			memoText('senderID', sender.cvr) +
				memoText('idType', 'CVR') +
				memoText('label', sender.label) +
				(sender.contactPoint
					? memo(
							'ContactPoint',
							memoText('contactPointID', sender.contactPoint.id) +
								memoText('label', sender.contactPoint.label)
						)
					: '')
		) +
		memo(
			'Recipient',
			memoText('recipientID', recipient.cpr) +
				memoText('idType', 'CPR') +
				(recipient.label !== undefined ? memoText('label', recipient.label) : '')
		) +
		(message.caseId
			? memo(
					'ContentData',
					memo(
						'CaseID',
						memoText('caseID', message.caseId.caseId) +
							memoText('caseSystem', message.caseId.caseSystem)
					)
				)
			: '');
	const body =
		memoText('createdDateTime', formatDateTime(message.createdAt)) +
		documentXml('MainDocument', message.mainDocument) +
		(message.additionalDocuments ?? [])
			.map((document) => documentXml('AdditionalDocument', document))
			.join('');
	const xml =
		`<memo:Message xmlns:memo="${MEMO_NAMESPACE}" memoVersion="${MEMO_VERSION}">` +
		memo('MessageHeader', header) +
		memo('MessageBody', body) +
		'</memo:Message>';
	const errors = validateMemo(xml);
	if (errors.length > 0) {
		throw new MemoError(`The MeMo message is invalid: ${errors.join('; ')}`, errors);
	}
	return xml;
}

// ---------------------------------------------------------------------------------------------
// Parsing: fast-xml-parser reads the text, and a small pass on its tree resolves namespaces
// ---------------------------------------------------------------------------------------------

interface XmlElement {
	/** The name as written, with its prefix. */
	qname: string;
	prefix: string;
	local: string;
	/** The namespace URI, null for no namespace. */
	ns: string | null;
	/** The attributes other than namespace declarations, by their written names. */
	attrs: Record<string, string>;
	children: XmlElement[];
	/** The element's own text (and CDATA), concatenated. */
	text: string;
}

type OrderedNode = Record<string, unknown>;

const PARSER = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	ignoreDeclaration: true,
	ignorePiTags: true,
	cdataPropName: '#cdata',
	// For numeric character references. HTML's named entities never reach the parser: the lexical
	// check refuses every named entity but XML's own five.
	htmlEntities: true
});

const PREDEFINED_ENTITY = /&(?!(?:amp|lt|gt|quot|apos);|#\d+;|#x[0-9a-fA-F]+;)/;
const CHARACTER_REFERENCE = /&#(x[0-9a-fA-F]+|\d+);/g;

/** Lexical checks fast-xml-parser leaves to the caller: DTDs, undefined entities, bad references. */
function lexicalProblems(xml: string): string[] {
	const problems: string[] = [];
	if (/<!DOCTYPE/i.test(xml)) problems.push('A document type declaration (DTD) is not allowed');
	const markup = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
	if (PREDEFINED_ENTITY.test(markup)) {
		problems.push(
			'The XML refers to an entity XML does not define (only &amp; &lt; &gt; &quot; &apos;)'
		);
	}
	for (const [, reference = ''] of markup.matchAll(CHARACTER_REFERENCE)) {
		const code = reference.startsWith('x') ? parseInt(reference.slice(1), 16) : Number(reference);
		if (code > 0x10ffff || NOT_XML_CHAR.test(String.fromCodePoint(code))) {
			problems.push('The XML has a character reference to a character XML cannot carry');
			break;
		}
	}
	if (NOT_XML_CHAR.test(xml)) problems.push('The XML contains a character XML cannot carry');
	return problems;
}

function toElement(
	node: OrderedNode,
	scope: ReadonlyMap<string, string>,
	errors: string[]
): XmlElement | null {
	const qname = Object.keys(node).find((key) => key !== ':@');
	if (qname === undefined || qname.startsWith('#')) return null;
	const rawAttrs = (node[':@'] ?? {}) as Record<string, string>;
	const inner = new Map(scope);
	const attrs: Record<string, string> = {};
	for (const [name, value] of Object.entries(rawAttrs)) {
		if (name === 'xmlns') inner.set('', value);
		else if (name.startsWith('xmlns:')) inner.set(name.slice(6), value);
		else attrs[name] = String(value);
	}
	const colon = qname.indexOf(':');
	const prefix = colon === -1 ? '' : qname.slice(0, colon);
	const local = colon === -1 ? qname : qname.slice(colon + 1);
	let ns = inner.get(prefix) ?? null;
	if (ns === '') ns = null;
	if (prefix !== '' && ns === null) {
		const error = `The namespace prefix ${prefix} is used but not declared`;
		if (!errors.includes(error)) errors.push(error);
	}
	const element: XmlElement = { qname, prefix, local, ns, attrs, children: [], text: '' };
	for (const child of (node[qname] ?? []) as OrderedNode[]) {
		if ('#text' in child) element.text += String(child['#text']);
		else if ('#cdata' in child) {
			for (const part of child['#cdata'] as OrderedNode[])
				element.text += String(part['#text'] ?? '');
		} else {
			const sub = toElement(child, inner, errors);
			if (sub) element.children.push(sub);
		}
	}
	return element;
}

/** Parses one XML document into an element tree with namespaces resolved. */
function parseDocument(xml: unknown): { root: XmlElement | null; errors: string[] } {
	if (typeof xml !== 'string' || xml.trim() === '') {
		return { root: null, errors: ['The XML is empty'] };
	}
	const lexical = lexicalProblems(xml);
	if (lexical.length > 0) return { root: null, errors: lexical };
	const wellFormed = XMLValidator.validate(xml);
	if (wellFormed !== true) {
		const { msg, line } = wellFormed.err;
		return { root: null, errors: [`The XML is not well-formed: ${msg} (line ${line})`] };
	}
	const errors: string[] = [];
	const nodes = PARSER.parse(xml) as OrderedNode[];
	const roots: XmlElement[] = [];
	for (const node of nodes) {
		if ('#text' in node) {
			if (String(node['#text']).trim() !== '')
				errors.push('There is text outside the root element');
			continue;
		}
		const element = toElement(node, new Map(), errors);
		if (element) roots.push(element);
	}
	if (roots.length !== 1) {
		errors.push(`The XML must have exactly one root element, it has ${roots.length}`);
		return { root: null, errors };
	}
	return { root: roots[0] ?? null, errors };
}

// ---------------------------------------------------------------------------------------------
// Structure rules
// ---------------------------------------------------------------------------------------------

interface ChildRule {
	name: string;
	ns: string | null;
	min: number;
	max: number;
}

const many = Number.POSITIVE_INFINITY;

function rule(
	name: string,
	min: number,
	max: number,
	ns: string | null = MEMO_NAMESPACE
): ChildRule {
	return { name, ns, min, max };
}

function display(ns: string | null, name: string): string {
	if (ns === MEMO_NAMESPACE) return `memo:${name}`;
	if (ns === null) return name;
	return `{${ns}}${name}`;
}

/** The validator's working state: the errors so far, without duplicates. */
class Report {
	readonly errors: string[] = [];
	add(error: string): void {
		const clean = redact(error);
		if (!this.errors.includes(clean)) this.errors.push(clean);
	}
}

/**
 * Checks an element's children against a sequence: every child known, in the order of the rules,
 * as often as they allow, and no text between them. Children in other namespaces are skipped when
 * `foreign` is true (MeMo lets some elements carry data from other vocabularies). Returns the
 * children by name.
 */
function sequence(
	parent: XmlElement,
	path: string,
	rules: ChildRule[],
	report: Report,
	foreign = false
): Map<string, XmlElement[]> {
	const found = new Map<string, XmlElement[]>(rules.map((r) => [r.name, []]));
	if (parent.text.trim() !== '') report.add(`${path} must not contain text between its elements`);
	let position = 0;
	let previous: ChildRule | null = null;
	for (const child of parent.children) {
		const index = rules.findIndex((r) => r.name === child.local && r.ns === child.ns);
		if (index === -1) {
			if (foreign && child.ns !== MEMO_NAMESPACE && child.ns !== parent.ns) continue;
			report.add(`${path} contains an unknown element ${display(child.ns, child.local)}`);
			continue;
		}
		const current = rules[index];
		if (!current) continue;
		if (index < position && previous) {
			report.add(
				`${path}: ${display(current.ns, current.name)} must come before ${display(previous.ns, previous.name)}`
			);
		} else {
			position = index;
			previous = current;
		}
		found.get(current.name)?.push(child);
		checkPrefixAndAttributes(child, `${path}/${child.local}`, report);
	}
	for (const r of rules) {
		const count = found.get(r.name)?.length ?? 0;
		if (count < r.min)
			report.add(`${path} is missing the required element ${display(r.ns, r.name)}`);
		if (count > r.max) {
			report.add(
				`${path} may contain ${display(r.ns, r.name)} at most ${r.max} time(s), found ${count}`
			);
		}
	}
	return found;
}

function checkPrefixAndAttributes(element: XmlElement, path: string, report: Report): void {
	if (element.ns === MEMO_NAMESPACE && element.prefix !== 'memo') {
		report.add(`${path}: MeMo elements must use the namespace prefix memo`);
	}
	if (element.ns === MEMO_NAMESPACE && element.local !== 'Message') {
		for (const name of Object.keys(element.attrs)) {
			report.add(`${path} has an attribute (${name}) MeMo does not define`);
		}
	}
}

/** The text of a simple element, or null (reported) when it has child elements. */
function textOf(element: XmlElement | undefined, path: string, report: Report): string | null {
	if (!element) return null;
	if (element.children.length > 0) {
		report.add(`${path} must contain text, not elements`);
		return null;
	}
	return element.text;
}

function first(found: Map<string, XmlElement[]>, name: string): XmlElement | undefined {
	return found.get(name)?.[0];
}

/** A required-or-optional text value that must not be blank and may have a maximum length. */
function checkLabel(
	value: string | null,
	path: string,
	report: Report,
	max = MEMO_LABEL_MAX_LENGTH
): void {
	if (value === null) return;
	if (value.trim() === '') report.add(`${path} must not be empty`);
	else if (length(value) > max) report.add(`${path} must be at most ${max} characters`);
}

function checkBoolean(value: string | null, path: string, report: Report): void {
	if (value !== null && value !== 'true' && value !== 'false') {
		report.add(`${path} must be true or false`);
	}
}

const HEADER = [
	rule('messageType', 1, 1),
	rule('messageUUID', 1, 1),
	rule('messageID', 0, 1),
	rule('messageCode', 0, 1),
	rule('label', 1, 1),
	rule('notification', 0, 1),
	rule('additionalNotification', 0, 1),
	rule('reply', 0, 1),
	rule('replyByDateTime', 0, 1),
	rule('doNotDeliverUntilDate', 0, 1),
	rule('mandatory', 1, 1),
	rule('legalNotification', 1, 1),
	rule('postType', 0, 1),
	rule('Sender', 1, 1),
	rule('Recipient', 1, 1),
	rule('ContentData', 0, 1),
	rule('ForwardData', 0, 1),
	rule('ReplyData', 0, many)
];
const SENDER = [
	rule('senderID', 1, 1),
	rule('idType', 1, 1),
	rule('label', 1, 1),
	rule('AttentionData', 0, 1),
	rule('ContactPoint', 0, 1),
	rule('Representative', 0, 1)
];
const RECIPIENT = [
	rule('recipientID', 1, 1),
	rule('idType', 1, 1),
	rule('label', 0, 1),
	rule('AttentionData', 0, 1),
	rule('ContactPoint', 0, 1)
];
const CONTACT_POINT = [
	rule('contactGroup', 0, 1),
	rule('contactPointID', 1, 1),
	rule('label', 1, 1),
	rule('ContactInfo', 0, many)
];
const CONTENT_DATA = [rule('CaseID', 0, 1), rule('AdditionalContentData', 0, many)];
const CASE_ID = [rule('caseID', 1, 1), rule('caseSystem', 1, 1)];
const BODY = [
	rule('createdDateTime', 1, 1),
	rule('MainDocument', 1, 1),
	rule('AdditionalDocument', 0, many),
	rule('TechnicalDocument', 0, many)
];
const documentRules = (idElement: string) => [
	rule(idElement, 0, 1),
	rule('label', 0, 1),
	rule('File', 1, many),
	rule('Action', 0, many)
];
const FILE = [
	rule('encodingFormat', 1, 1),
	rule('filename', 1, 1),
	rule('language', 1, 1),
	rule('content', 1, 1)
];

interface MemoSummary {
	messageType: string | null;
	messageUuid: string | null;
	recipientCpr: string | null;
	label: string | null;
	documentCount: number;
}

function checkContactPoint(element: XmlElement, path: string, report: Report): void {
	const found = sequence(element, path, CONTACT_POINT, report);
	checkLabel(
		textOf(first(found, 'contactPointID'), `${path}/contactPointID`, report),
		`${path}/contactPointID`,
		report
	);
	checkLabel(textOf(first(found, 'label'), `${path}/label`, report), `${path}/label`, report);
}

function checkFile(element: XmlElement, path: string, report: Report): void {
	const found = sequence(element, path, FILE, report);
	const format = textOf(first(found, 'encodingFormat'), `${path}/encodingFormat`, report);
	const filename = textOf(first(found, 'filename'), `${path}/filename`, report);
	const language = textOf(first(found, 'language'), `${path}/language`, report);
	const content = textOf(first(found, 'content'), `${path}/content`, report);
	const extensions = format === null ? undefined : FILE_TYPES[format];
	if (format !== null && !extensions) {
		report.add(
			`${path}/encodingFormat must be one of the known file types (${Object.keys(FILE_TYPES).join(', ')})`
		);
	}
	if (filename !== null) {
		const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
		if (filename.trim() === '') report.add(`${path}/filename must not be empty`);
		else if (/[/\\]/.test(filename)) report.add(`${path}/filename must be a file name, not a path`);
		else if (!extension) report.add(`${path}/filename must have an extension`);
		else if (extensions && !extensions.includes(extension)) {
			report.add(`${path}/filename must end in .${extensions.join(' or .')} to match ${format}`);
		}
	}
	if (language !== null && !isLanguageCode(language)) {
		report.add(`${path}/language must be an ISO 639-1 language code (two lower-case letters)`);
	}
	if (content !== null && !isNonEmptyBase64(content)) {
		report.add(`${path}/content must be non-empty base64`);
	}
}

function checkDocument(element: XmlElement, path: string, idElement: string, report: Report): void {
	const found = sequence(element, path, documentRules(idElement), report);
	const id = first(found, idElement);
	if (id) checkLabel(textOf(id, `${path}/${idElement}`, report), `${path}/${idElement}`, report);
	const label = first(found, 'label');
	if (label) checkLabel(textOf(label, `${path}/label`, report), `${path}/label`, report);
	(found.get('File') ?? []).forEach((file, index) =>
		checkFile(file, `${path}/File[${index + 1}]`, report)
	);
}

/** Checks a memo:Message element and returns what a caller needs to know about it. */
function checkMessage(message: XmlElement, report: Report): MemoSummary | null {
	if (message.ns !== MEMO_NAMESPACE || message.local !== 'Message') {
		report.add(
			`The MeMo root element must be Message in the namespace ${MEMO_NAMESPACE}, found ${display(message.ns, message.local)}`
		);
		return null;
	}
	const root = 'memo:Message';
	checkPrefixAndAttributes(message, root, report);
	const version = message.attrs.memoVersion;
	if (version === undefined)
		report.add(`${root} must have the attribute memoVersion="${MEMO_VERSION}"`);
	else if (version !== MEMO_VERSION) {
		report.add(
			`${root}: memoVersion must be ${MEMO_VERSION} (this module follows MeMo ${MEMO_VERSION})`
		);
	}
	if (message.attrs.memoSchVersion !== undefined) {
		report.add(`${root}: memoSchVersion is not part of MeMo ${MEMO_VERSION}`);
	}
	const parts = sequence(
		message,
		root,
		[rule('MessageHeader', 1, 1), rule('MessageBody', 0, 1)],
		report
	);
	const summary: MemoSummary = {
		messageType: null,
		messageUuid: null,
		recipientCpr: null,
		label: null,
		documentCount: 0
	};
	const headerElement = first(parts, 'MessageHeader');
	if (headerElement) checkHeader(headerElement, summary, report);
	const bodyElement = first(parts, 'MessageBody');
	if (summary.messageType === 'DIGITALPOST' && !bodyElement) {
		report.add(`${root}: a DIGITALPOST message must have a memo:MessageBody`);
	}
	if (bodyElement) {
		const path = 'MessageBody';
		const body = sequence(bodyElement, path, BODY, report);
		const created = textOf(first(body, 'createdDateTime'), `${path}/createdDateTime`, report);
		if (created !== null && !isXsDateTime(created)) {
			report.add(`${path}/createdDateTime must be an xs:dateTime (such as 2024-05-03T12:00:00Z)`);
		}
		const main = first(body, 'MainDocument');
		if (main) checkDocument(main, `${path}/MainDocument`, 'mainDocumentID', report);
		const additional = body.get('AdditionalDocument') ?? [];
		additional.forEach((document, index) =>
			checkDocument(
				document,
				`${path}/AdditionalDocument[${index + 1}]`,
				'additionalDocumentID',
				report
			)
		);
		summary.documentCount = (main ? 1 : 0) + additional.length;
	}
	return summary;
}

function checkHeader(element: XmlElement, summary: MemoSummary, report: Report): void {
	const path = 'MessageHeader';
	const header = sequence(element, path, HEADER, report);
	const text = (name: string) => textOf(first(header, name), `${path}/${name}`, report);

	const messageType = text('messageType');
	if (messageType !== null && !MESSAGE_TYPES.includes(messageType)) {
		report.add(`${path}/messageType must be one of ${MESSAGE_TYPES.join(', ')}`);
	}
	summary.messageType = messageType;
	const uuid = text('messageUUID');
	if (uuid !== null && !UUID.test(uuid)) report.add(`${path}/messageUUID must be a UUID`);
	summary.messageUuid = uuid;
	const messageId = text('messageID');
	if (messageId !== null && messageId.trim() === '')
		report.add(`${path}/messageID must not be empty`);
	const label = text('label');
	checkLabel(label, `${path}/label`, report);
	summary.label = label;
	const notification = text('notification');
	checkLabel(notification, `${path}/notification`, report, MEMO_NOTIFICATION_MAX_LENGTH);
	checkBoolean(text('reply'), `${path}/reply`, report);
	const replyBy = text('replyByDateTime');
	if (replyBy !== null && !isXsDateTime(replyBy)) {
		report.add(`${path}/replyByDateTime must be an xs:dateTime`);
	}
	const notBefore = text('doNotDeliverUntilDate');
	if (notBefore !== null && !isXsDate(notBefore)) {
		report.add(`${path}/doNotDeliverUntilDate must be an xs:date`);
	}
	checkBoolean(text('mandatory'), `${path}/mandatory`, report);
	checkBoolean(text('legalNotification'), `${path}/legalNotification`, report);
	const postType = text('postType');
	if (postType !== null && !POST_TYPES.includes(postType)) {
		report.add(`${path}/postType must be one of ${POST_TYPES.join(', ')}`);
	}

	const senderElement = first(header, 'Sender');
	if (senderElement) {
		const at = `${path}/Sender`;
		const sender = sequence(senderElement, at, SENDER, report);
		const id = textOf(first(sender, 'senderID'), `${at}/senderID`, report);
		const idType = textOf(first(sender, 'idType'), `${at}/idType`, report);
		if (idType !== null && idType !== 'CVR') report.add(`${at}/idType must be CVR`);
		if (id !== null && !CVR.test(id)) report.add(`${at}/senderID must be a CVR number of 8 digits`);
		checkLabel(textOf(first(sender, 'label'), `${at}/label`, report), `${at}/label`, report);
		const contactPoint = first(sender, 'ContactPoint');
		if (contactPoint) checkContactPoint(contactPoint, `${at}/ContactPoint`, report);
	}

	const recipientElement = first(header, 'Recipient');
	if (recipientElement) {
		const at = `${path}/Recipient`;
		const recipient = sequence(recipientElement, at, RECIPIENT, report);
		const id = textOf(first(recipient, 'recipientID'), `${at}/recipientID`, report);
		const idType = textOf(first(recipient, 'idType'), `${at}/idType`, report);
		if (idType !== null && idType !== 'CPR') report.add(`${at}/idType must be CPR`);
		if (id !== null && !CPR.test(id))
			report.add(`${at}/recipientID must be a CPR number of 10 digits`);
		summary.recipientCpr = id;
		const recipientLabel = first(recipient, 'label');
		if (recipientLabel)
			checkLabel(textOf(recipientLabel, `${at}/label`, report), `${at}/label`, report);
		const contactPoint = first(recipient, 'ContactPoint');
		if (contactPoint) checkContactPoint(contactPoint, `${at}/ContactPoint`, report);
		// Our own rule, not MeMo's: the inbox title and the notification are shown where the letter
		// itself is not (lists, lock screens, text messages), so they never carry the CPR number.
		if (id !== null && CPR.test(id)) {
			if (label?.includes(id))
				report.add(`${path}/label must not contain the recipient's CPR number`);
			if (notification?.includes(id)) {
				report.add(`${path}/notification must not contain the recipient's CPR number`);
			}
		}
	}

	const contentData = first(header, 'ContentData');
	if (contentData) {
		const at = `${path}/ContentData`;
		const content = sequence(contentData, at, CONTENT_DATA, report, true);
		const caseElement = first(content, 'CaseID');
		if (caseElement) {
			const caseId = sequence(caseElement, `${at}/CaseID`, CASE_ID, report);
			for (const name of ['caseID', 'caseSystem']) {
				checkLabel(
					textOf(first(caseId, name), `${at}/CaseID/${name}`, report),
					`${at}/CaseID/${name}`,
					report
				);
			}
		}
	}
}

/**
 * Checks a memo:Message element (as buildMemo writes it, with or without an XML declaration).
 * Returns [] when it is valid, otherwise one human-readable line per rule it breaks. The lines never
 * contain a CPR number.
 */
export function validateMemo(xml: string): string[] {
	const { root, errors } = parseDocument(xml);
	const report = new Report();
	errors.forEach((error) => report.add(error));
	if (root) checkMessage(root, report);
	return report.errors;
}

// ---------------------------------------------------------------------------------------------
// The kombi_request
// ---------------------------------------------------------------------------------------------

const DKAL_NAMESPACE = 'urn:oio:dkal:1.0.0';
const DAGPENGE_NAMESPACE = 'urn:oio:adir:dagpenge:2009.07.01';
const ITST_NAMESPACE = 'http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/';
const DKCC_2003_NAMESPACE = 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/';
const DKCC_2005_NAMESPACE = 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/';

const FORSENDELSE_I = [
	rule('AfsendelseIdentifikator', 1, 1, FJERNPRINT_NAMESPACE),
	rule('ForsendelseTypeIdentifikator', 0, 1, FJERNPRINT_NAMESPACE),
	rule('ForsendelseModtager', 1, 1, FJERNPRINT_NAMESPACE),
	rule('FilformatNavn', 1, 1, DKAL_NAMESPACE),
	rule('MeddelelseIndholdData', 1, 1, DKAL_NAMESPACE),
	rule('TransaktionsParametreI', 0, 1, FJERNPRINT_NAMESPACE),
	rule('DokumentParametre', 1, 1, FJERNPRINT_NAMESPACE),
	rule('KanalUafhaengigeParametreI', 0, 1, FJERNPRINT_NAMESPACE),
	rule('PrintParametre', 0, 1, FJERNPRINT_NAMESPACE),
	rule('DigitalPostParametre', 0, 1, FJERNPRINT_NAMESPACE),
	rule('PostParametre', 0, 1, FJERNPRINT_NAMESPACE),
	rule('BilagSamling', 0, 1, FJERNPRINT_NAMESPACE)
];
const FORSENDELSE_MODTAGER = [
	rule('AfsendelseModtager', 1, 1, DKAL_NAMESPACE),
	rule('ModtagerAdresse', 1, 1, FJERNPRINT_NAMESPACE)
];
const AFSENDELSE_MODTAGER = [rule('CPRnummerIdentifikator', 1, 1, DAGPENGE_NAMESPACE)];
const MODTAGER_ADRESSE = [
	rule('PersonName', 1, 1, ITST_NAMESPACE),
	rule('CoNavn', 0, 1, FJERNPRINT_NAMESPACE),
	rule('StreetName', 1, 1, DKCC_2005_NAMESPACE),
	rule('StreetBuildingIdentifier', 0, 1, DKCC_2003_NAMESPACE),
	rule('FloorIdentifier', 0, 1, DKCC_2003_NAMESPACE),
	rule('SuiteIdentifier', 0, 1, DKCC_2003_NAMESPACE),
	rule('MailDeliverySublocationIdentifier', 0, 1, DKCC_2003_NAMESPACE),
	rule('PostCodeIdentifier', 1, 1, DKCC_2005_NAMESPACE),
	rule('DistrictSubdivisionIdentifier', 1, 1, DKCC_2005_NAMESPACE),
	rule('CountryIdentificationCode', 1, 1, DKCC_2003_NAMESPACE)
];

/** Length limits of the remote print elements we send. */
const PRINT_LIMITS = {
	reference: 38,
	name: 130,
	co: 130,
	street: 40,
	city: 34
};

function printProblems(print: PrintOrder, memoCpr: string | null): string[] {
	const problems: string[] = [];
	const recipient = print.recipient ?? ({} as PrintRecipient);
	const text = (name: string, value: unknown, max: number, optional = false) => {
		if (optional && (value === undefined || value === null)) return;
		if (typeof value !== 'string' || value.trim() === '')
			problems.push(`${name} must not be empty`);
		else if (NOT_XML_CHAR.test(value))
			problems.push(`${name} contains a character XML cannot carry`);
		else if (length(value) > max) problems.push(`${name} must be at most ${max} characters`);
	};
	if (typeof print.cpr !== 'string' || !CPR.test(print.cpr)) {
		problems.push('print.cpr must be a CPR number of 10 digits');
	} else if (memoCpr !== null && print.cpr !== memoCpr) {
		problems.push("print.cpr must be the MeMo recipient's CPR number");
	}
	text('print.reference', print.reference, PRINT_LIMITS.reference);
	text('print.recipient.name', recipient.name, PRINT_LIMITS.name);
	text('print.recipient.co', recipient.co, PRINT_LIMITS.co, true);
	if (typeof recipient.street === 'string') {
		text('print.recipient.street', splitStreet(recipient.street).name, PRINT_LIMITS.street);
	} else problems.push('print.recipient.street must not be empty');
	if (typeof recipient.postcode !== 'string' || !POSTCODE.test(recipient.postcode)) {
		problems.push('print.recipient.postcode must be 4 digits');
	}
	text('print.recipient.city', recipient.city, PRINT_LIMITS.city);
	if (recipient.country !== undefined && recipient.country !== 'DK') {
		problems.push('print.recipient.country must be DK');
	}
	if (!(print.pdf instanceof Uint8Array) || print.pdf.byteLength === 0) {
		problems.push('print.pdf must be a non-empty Uint8Array');
	}
	if (
		print.forsendelseTypeId !== undefined &&
		(!Number.isInteger(print.forsendelseTypeId) || print.forsendelseTypeId < 0)
	) {
		problems.push('print.forsendelseTypeId must be a non-negative integer');
	}
	return problems;
}

/** Splits "Testvej 3" into the street name and the house number the address elements want. */
function splitStreet(street: string): { name: string; number: string | null } {
	const [, name, number] = STREET_WITH_NUMBER.exec(street.trim()) ?? [];
	if (name !== undefined && number !== undefined && length(name) <= PRINT_LIMITS.street) {
		return { name, number };
	}
	return { name: street.trim(), number: null };
}

function forsendelseXml(print: PrintOrder): string {
	const { recipient } = print;
	const street = splitStreet(recipient.street);
	const e = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
	const address =
		e('itst:PersonName', recipient.name) +
		(recipient.co ? e('CoNavn', recipient.co) : '') +
		e('dkcc2:StreetName', street.name) +
		(street.number ? e('dkcc:StreetBuildingIdentifier', street.number) : '') +
		e('dkcc2:PostCodeIdentifier', recipient.postcode) +
		e('dkcc2:DistrictSubdivisionIdentifier', recipient.city) +
		'<dkcc:CountryIdentificationCode scheme="iso3166-alpha2">DK</dkcc:CountryIdentificationCode>';
	return (
		`<ForsendelseISamling xmlns="${FJERNPRINT_NAMESPACE}">` +
		`<ForsendelseI xmlns:dkal="${DKAL_NAMESPACE}" xmlns:dp="${DAGPENGE_NAMESPACE}"` +
		` xmlns:itst="${ITST_NAMESPACE}" xmlns:dkcc="${DKCC_2003_NAMESPACE}" xmlns:dkcc2="${DKCC_2005_NAMESPACE}">` +
		e('AfsendelseIdentifikator', print.reference) +
		(print.forsendelseTypeId !== undefined
			? e('ForsendelseTypeIdentifikator', String(print.forsendelseTypeId))
			: '') +
		'<ForsendelseModtager>' +
		`<dkal:AfsendelseModtager>${e('dp:CPRnummerIdentifikator', print.cpr)}</dkal:AfsendelseModtager>` +
		`<ModtagerAdresse>${address}</ModtagerAdresse>` +
		'</ForsendelseModtager>' +
		e('dkal:FilformatNavn', 'pdf') +
		`<dkal:MeddelelseIndholdData>${base64(print.pdf)}</dkal:MeddelelseIndholdData>` +
		'<TransaktionsParametreI/>' +
		'<DokumentParametre/>' +
		'</ForsendelseI>' +
		'</ForsendelseISamling>'
	);
}

function stripDeclaration(xml: string): string {
	return xml.trim().replace(/^<\?xml[^?]*\?>\s*/, '');
}

/** Whether a channel choice needs the letter for remote print. */
function needsPrint(kode: KombiValgKode): boolean {
	return kode !== 'Digital Post';
}

/**
 * The kombi_request body for SF1601 KombiPostAfsend:
 * <kombi_request><KombiValgKode/><memo:Message/>[<ForsendelseISamling/>]</kombi_request>.
 * 'Fysisk Post' and 'Automatisk Valg' need `print` (the letter for remote print, to the same CPR
 * number as the MeMo recipient); 'Digital Post' must not have it. Throws a MemoError when a rule
 * is broken.
 */
export function buildKombiRequest(
	kode: KombiValgKode,
	memoXml: string,
	print?: PrintOrder
): string {
	if (!KOMBI_VALG_KODER.includes(kode)) {
		throw new MemoError(`KombiValgKode must be one of ${KOMBI_VALG_KODER.join(', ')}`);
	}
	const memoElement = typeof memoXml === 'string' ? stripDeclaration(memoXml) : '';
	const { root, errors } = parseDocument(memoElement);
	const report = new Report();
	errors.forEach((error) => report.add(error));
	const summary = root ? checkMessage(root, report) : null;
	if (report.errors.length > 0) {
		throw new MemoError(`The MeMo message is invalid: ${report.errors.join('; ')}`, report.errors);
	}
	if (summary?.messageType !== 'DIGITALPOST') {
		throw new MemoError('A kombi_request needs a MeMo message of type DIGITALPOST');
	}
	if (needsPrint(kode) && !print) {
		throw new MemoError(`KombiValgKode ${kode} needs the letter for remote print (ForsendelseI)`);
	}
	if (!needsPrint(kode) && print) {
		throw new MemoError(`KombiValgKode ${kode} must not carry a letter for remote print`);
	}
	if (print) {
		const problems = printProblems(print, summary.recipientCpr);
		if (problems.length > 0) {
			throw new MemoError(
				`The letter for remote print is invalid: ${problems.join('; ')}`,
				problems
			);
		}
	}
	const xml =
		`<kombi_request><KombiValgKode>${escapeXml(kode)}</KombiValgKode>` +
		memoElement +
		(print ? forsendelseXml(print) : '') +
		'</kombi_request>';
	const check = parseKombiRequest(xml);
	if (check.errors.length > 0) {
		throw new MemoError(`The kombi_request is invalid: ${check.errors.join('; ')}`, check.errors);
	}
	return xml;
}

function checkForsendelse(
	element: XmlElement,
	report: Report
): { cpr: string | null; address: PrintRecipient | null } {
	const path = 'ForsendelseI';
	const found = sequence(element, path, FORSENDELSE_I, report);
	const text = (name: string) => textOf(first(found, name), `${path}/${name}`, report);
	const reference = text('AfsendelseIdentifikator');
	if (
		reference !== null &&
		(reference.trim() === '' || length(reference) > PRINT_LIMITS.reference)
	) {
		report.add(`${path}/AfsendelseIdentifikator must be 1 to ${PRINT_LIMITS.reference} characters`);
	}
	const type = text('ForsendelseTypeIdentifikator');
	if (type !== null && !/^\d+$/.test(type)) {
		report.add(`${path}/ForsendelseTypeIdentifikator must be a whole number`);
	}
	const format = text('FilformatNavn');
	if (format !== null && format !== 'pdf') report.add(`${path}/FilformatNavn must be pdf`);
	const data = text('MeddelelseIndholdData');
	if (data !== null && !isNonEmptyBase64(data)) {
		report.add(`${path}/MeddelelseIndholdData must be non-empty base64`);
	}
	let cpr: string | null = null;
	let address: PrintRecipient | null = null;
	const modtagerElement = first(found, 'ForsendelseModtager');
	if (modtagerElement) {
		const at = `${path}/ForsendelseModtager`;
		const modtager = sequence(modtagerElement, at, FORSENDELSE_MODTAGER, report);
		const afsendelseModtager = first(modtager, 'AfsendelseModtager');
		if (afsendelseModtager) {
			const ids = sequence(
				afsendelseModtager,
				`${at}/AfsendelseModtager`,
				AFSENDELSE_MODTAGER,
				report
			);
			const where = `${at}/AfsendelseModtager/CPRnummerIdentifikator`;
			cpr = textOf(first(ids, 'CPRnummerIdentifikator'), where, report);
			if (cpr !== null && !CPR.test(cpr)) report.add(`${where} must be a CPR number of 10 digits`);
		}
		const adresse = first(modtager, 'ModtagerAdresse');
		if (adresse) address = checkAddress(adresse, `${at}/ModtagerAdresse`, report);
	}
	return { cpr, address };
}

function checkAddress(element: XmlElement, path: string, report: Report): PrintRecipient | null {
	const found = sequence(element, path, MODTAGER_ADRESSE, report);
	const text = (name: string, max: number | null) => {
		const value = textOf(first(found, name), `${path}/${name}`, report);
		if (value !== null && max !== null && (value.trim() === '' || length(value) > max)) {
			report.add(`${path}/${name} must be 1 to ${max} characters`);
		}
		return value;
	};
	const name = text('PersonName', PRINT_LIMITS.name);
	const co = text('CoNavn', PRINT_LIMITS.co);
	const street = text('StreetName', PRINT_LIMITS.street);
	const number = text('StreetBuildingIdentifier', null);
	if (number !== null && !HOUSE_NUMBER.test(number)) {
		report.add(
			`${path}/StreetBuildingIdentifier must be a house number from 1 to 999, with an optional capital letter`
		);
	}
	const postcode = text('PostCodeIdentifier', null);
	if (postcode !== null && !POSTCODE.test(postcode))
		report.add(`${path}/PostCodeIdentifier must be 4 digits`);
	const city = text('DistrictSubdivisionIdentifier', PRINT_LIMITS.city);
	const countryElement = first(found, 'CountryIdentificationCode');
	const country = text('CountryIdentificationCode', null);
	if (country !== null && country !== 'DK') {
		report.add(
			`${path}/CountryIdentificationCode must be DK (only Danish addresses are supported)`
		);
	}
	if (countryElement && countryElement.attrs.scheme !== 'iso3166-alpha2') {
		report.add(`${path}/CountryIdentificationCode must have scheme="iso3166-alpha2"`);
	}
	if (name === null || street === null || postcode === null || city === null) return null;
	return {
		name,
		co: co ?? null,
		street: number ? `${street} ${number}` : street,
		postcode,
		city,
		country: 'DK'
	};
}

/**
 * Parses and checks a whole kombi_request, as a simulator of SF1601 receives it: the structure, the
 * KombiValgKode, the MeMo message (the rules of validateMemo), and a ForsendelseI exactly when the
 * channel choice needs one. `errors` is [] when the request is valid. `request` holds what could be
 * read even when there are errors (null when not even that could), so check `errors` first.
 */
export function parseKombiRequest(xml: string): {
	request: ParsedKombiRequest | null;
	errors: string[];
} {
	const { root, errors } = parseDocument(xml);
	const report = new Report();
	errors.forEach((error) => report.add(error));
	if (!root) return { request: null, errors: report.errors };
	if (root.local !== 'kombi_request' || root.ns !== null) {
		report.add(
			`The root element must be kombi_request (no namespace), found ${display(root.ns, root.local)}`
		);
		return { request: null, errors: report.errors };
	}
	const found = sequence(
		root,
		'kombi_request',
		[
			rule('KombiValgKode', 1, 1, null),
			rule('Message', 1, 1),
			rule('ForsendelseISamling', 0, 1, FJERNPRINT_NAMESPACE)
		],
		report
	);
	const kodeText = textOf(first(found, 'KombiValgKode'), 'kombi_request/KombiValgKode', report);
	let kode: KombiValgKode | null = null;
	if (kodeText !== null) {
		if ((KOMBI_VALG_KODER as readonly string[]).includes(kodeText))
			kode = kodeText as KombiValgKode;
		else report.add(`kombi_request/KombiValgKode must be one of ${KOMBI_VALG_KODER.join(', ')}`);
	}
	const messageElement = first(found, 'Message');
	const summary = messageElement ? checkMessage(messageElement, report) : null;
	if (summary && summary.messageType !== null && summary.messageType !== 'DIGITALPOST') {
		report.add('kombi_request: the MeMo message must be of type DIGITALPOST');
	}

	const samling = first(found, 'ForsendelseISamling');
	let print: { cpr: string | null; address: PrintRecipient | null } | null = null;
	if (samling) {
		const inner = sequence(
			samling,
			'ForsendelseISamling',
			[rule('ForsendelseI', 1, 1, FJERNPRINT_NAMESPACE)],
			report
		);
		const forsendelse = first(inner, 'ForsendelseI');
		if (forsendelse) print = checkForsendelse(forsendelse, report);
	}
	if (kode !== null) {
		if (needsPrint(kode) && !samling) {
			report.add(
				`kombi_request: KombiValgKode ${kode} needs a ForsendelseI (the letter for remote print)`
			);
		}
		if (!needsPrint(kode) && samling) {
			report.add(`kombi_request: KombiValgKode ${kode} must not carry a ForsendelseI`);
		}
	}
	if (print?.cpr && summary?.recipientCpr && print.cpr !== summary.recipientCpr) {
		report.add("ForsendelseI: the CPR number must be the MeMo recipient's");
	}

	if (
		kode === null ||
		!summary?.messageUuid ||
		summary.recipientCpr === null ||
		summary.label === null
	) {
		return { request: null, errors: report.errors };
	}
	return {
		request: {
			kode,
			messageUuid: summary.messageUuid,
			recipientCpr: summary.recipientCpr,
			label: summary.label,
			documentCount: summary.documentCount,
			hasPrint: samling !== undefined,
			printAddress: print?.address ?? null
		},
		errors: report.errors
	};
}

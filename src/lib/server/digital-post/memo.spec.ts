import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
	MEMO_LABEL_MAX_LENGTH,
	MEMO_NAMESPACE,
	MEMO_NOTIFICATION_MAX_LENGTH,
	MEMO_VERSION,
	MemoError,
	buildKombiRequest,
	buildMemo,
	parseKombiRequest,
	validateMemo,
	type KombiValgKode,
	type MemoMessage,
	type PrintOrder
} from './memo';

const CPR = '0101901234';
const UUID = '8c2ea15d-61fb-4ba9-9366-42f8b194c114';
const PDF = new TextEncoder().encode('%PDF-1.4 a letter');

function letter(overrides: Partial<MemoMessage> = {}): MemoMessage {
	return {
		messageUuid: UUID,
		messageId: 'ABCD-1234',
		label: 'Afgørelse om hjælpemidler',
		notification: 'Du har fået post fra kommunen',
		mandatory: false,
		legalNotification: false,
		postType: 'MYNDIGHEDSPOST',
		sender: {
			cvr: '29189846',
			label: 'Sammen Kommune',
			contactPoint: { id: 'cp-borgerservice', label: 'Borgerservice' }
		},
		recipient: { cpr: CPR, label: 'Mette Hansen' },
		caseId: { caseId: 'SAG-2025-17', caseSystem: 'Sammen' },
		createdAt: new Date('2025-03-04T10:11:12.345Z'),
		mainDocument: {
			id: 'doc-1',
			label: 'Afgørelse',
			files: [
				{
					filename: 'afgoerelse.pdf',
					language: 'da',
					encodingFormat: 'application/pdf',
					content: PDF
				}
			]
		},
		additionalDocuments: [
			{
				id: 'doc-2',
				label: 'Klagevejledning',
				files: [
					{ filename: 'klage.pdf', language: 'da', encodingFormat: 'application/pdf', content: PDF }
				]
			},
			{
				id: 'doc-3',
				label: 'Guidance in English',
				files: [
					{ filename: 'guide.pdf', language: 'en', encodingFormat: 'application/pdf', content: PDF }
				]
			}
		],
		...overrides
	};
}

function printOrder(overrides: Partial<PrintOrder> = {}): PrintOrder {
	return {
		cpr: CPR,
		recipient: {
			name: 'Mette Hansen',
			co: 'c/o Jens Hansen',
			street: 'Østergade 12B',
			postcode: '8000',
			city: 'Aarhus C',
			country: 'DK'
		},
		pdf: PDF,
		reference: 'ABCD-1234',
		...overrides
	};
}

const VALID = buildMemo(letter());

/** validateMemo on the valid message after a textual change, which must apply. */
function errorsAfter(from: string | RegExp, to: string, xml = VALID): string[] {
	const changed = xml.replace(from, to);
	expect(changed, `the change ${String(from)} applies`).not.toBe(xml);
	return validateMemo(changed);
}

function kombi(kode: KombiValgKode, message = letter()): string {
	return buildKombiRequest(
		kode,
		buildMemo(message),
		kode === 'Digital Post' ? undefined : printOrder()
	);
}

function kombiErrorsAfter(xml: string, from: string | RegExp, to: string): string[] {
	const changed = xml.replace(from, to);
	expect(changed, `the change ${String(from)} applies`).not.toBe(xml);
	return parseKombiRequest(changed).errors;
}

describe('buildMemo', () => {
	it('writes a MeMo 1.2 message in the MeMo namespace with the memo prefix', () => {
		expect(MEMO_VERSION).toBe('1.2');
		expect(MEMO_NAMESPACE).toBe('https://DigitalPost.dk/MeMo-1');
		expect(
			VALID.startsWith(`<memo:Message xmlns:memo="${MEMO_NAMESPACE}" memoVersion="1.2">`)
		).toBe(true);
		expect(VALID).not.toContain('memoSchVersion');
		expect(VALID).not.toContain('<?xml');
		expect(validateMemo(VALID)).toEqual([]);
	});

	it('writes the header and body elements in the order of the MeMo sequences', () => {
		const order = (names: string[]) => names.map((name) => VALID.indexOf(`<memo:${name}>`));
		const header = order([
			'messageType',
			'messageUUID',
			'messageID',
			'label',
			'notification',
			'mandatory',
			'legalNotification',
			'postType',
			'Sender',
			'Recipient',
			'ContentData'
		]);
		expect(header.every((at) => at >= 0)).toBe(true);
		expect([...header].sort((a, b) => a - b)).toEqual(header);
		const body = order(['createdDateTime', 'MainDocument', 'AdditionalDocument']);
		expect([...body].sort((a, b) => a - b)).toEqual(body);
		expect(VALID).toContain('<memo:createdDateTime>2025-03-04T10:11:12Z</memo:createdDateTime>');
		expect(VALID).toContain(`<memo:content>${Buffer.from(PDF).toString('base64')}</memo:content>`);
	});

	it('leaves out the optional elements it has no value for', () => {
		const xml = buildMemo(
			letter({
				messageId: undefined,
				notification: undefined,
				sender: { cvr: '29189846', label: 'Sammen Kommune' },
				recipient: { cpr: CPR },
				caseId: undefined,
				additionalDocuments: undefined
			})
		);
		expect(validateMemo(xml)).toEqual([]);
		for (const name of [
			'messageID',
			'notification',
			'ContactPoint',
			'ContentData',
			'AdditionalDocument'
		]) {
			expect(xml).not.toContain(`<memo:${name}>`);
		}
	});

	it('escapes XML special characters, and they and Danish letters survive the round trip', () => {
		const label = `Svar på "ansøgning" <nr. 5> & 'bilag' – æøå ÆØÅ`;
		const xml = buildMemo(
			letter({
				label,
				sender: { cvr: '29189846', label: 'Børn & Unge <Århus>' },
				recipient: { cpr: CPR, label: `Søren "Sø" O'Brien & Co` }
			})
		);
		expect(xml).toContain('&amp;');
		expect(xml).toContain('&lt;nr. 5&gt;');
		expect(xml).not.toContain('<nr. 5>');
		expect(validateMemo(xml)).toEqual([]);
		const parsed = parseKombiRequest(buildKombiRequest('Digital Post', xml));
		expect(parsed.errors).toEqual([]);
		expect(parsed.request?.label).toBe(label);
	});

	it('keeps any label text XML can carry, exactly (property)', () => {
		const xmlChar = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
		fc.assert(
			fc.property(
				fc
					.string({ unit: 'binary', minLength: 1, maxLength: MEMO_LABEL_MAX_LENGTH })
					.filter((text) => xmlChar.test(text) && text.trim() !== '' && !text.includes(CPR)),
				(label) => {
					const xml = buildMemo(letter({ label }));
					const parsed = parseKombiRequest(buildKombiRequest('Digital Post', xml));
					expect(parsed.errors).toEqual([]);
					expect(parsed.request?.label).toBe(label);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('throws a MemoError naming the broken rule, never the CPR number', () => {
		const cases: [Partial<MemoMessage>, RegExp][] = [
			[{ messageUuid: UUID.toUpperCase() }, /messageUuid must be a lower-case UUID/],
			[{ messageUuid: 'not-a-uuid' }, /messageUuid must be a lower-case UUID/],
			[{ recipient: { cpr: CPR.slice(0, 9) } }, /recipientID must be a CPR number of 10 digits/],
			[{ recipient: { cpr: `${CPR}5` } }, /recipientID must be a CPR number of 10 digits/],
			[
				{ sender: { cvr: '1234567', label: 'Kommune' } },
				/senderID must be a CVR number of 8 digits/
			],
			[{ label: '   ' }, /label must not be empty/],
			[{ label: 'x'.repeat(MEMO_LABEL_MAX_LENGTH + 1) }, /label must be at most 150 characters/],
			[{ label: 'bell \u0007' }, /label contains a character XML cannot carry/],
			[{ label: `Brev til ${CPR}` }, /label must not contain the recipient's CPR number/],
			[{ createdAt: new Date('nonsense') }, /createdAt must be a valid Date/],
			[
				{ mainDocument: { id: 'd', label: 'Brev', files: [] } },
				/MainDocument is missing the required element memo:File/
			],
			[
				{
					mainDocument: {
						id: 'd',
						label: 'Brev',
						files: [
							{
								filename: 'brev.pdf',
								language: 'da',
								encodingFormat: 'application/pdf',
								content: new Uint8Array()
							}
						]
					}
				},
				/content must be non-empty base64/
			],
			[
				{
					mainDocument: {
						id: 'd',
						label: 'Brev',
						files: [
							{
								filename: 'brev.doc',
								language: 'da',
								encodingFormat: 'application/pdf',
								content: PDF
							}
						]
					}
				},
				/filename must end in \.pdf/
			]
		];
		for (const [overrides, expected] of cases) {
			let thrown: unknown;
			try {
				buildMemo(letter(overrides));
			} catch (error) {
				thrown = error;
			}
			expect(thrown, String(expected)).toBeInstanceOf(MemoError);
			const message = (thrown as MemoError).message;
			expect(message).toMatch(expected);
			expect(message).not.toContain(CPR);
			expect(message).not.toContain(CPR.slice(0, 9));
		}
	});
});

describe('validateMemo: every rule has a failing case', () => {
	const cases: [string, string | RegExp, string, RegExp][] = [
		['an XML declaration is fine', /^/, '<?xml version="1.0" encoding="UTF-8"?>\n', /^$/],
		['not well-formed', '</memo:Message>', '', /not well-formed/],
		['a DTD', /^/, '<!DOCTYPE x [<!ENTITY e "e">]>', /document type declaration/],
		[
			'an entity XML does not define',
			'Afgørelse om',
			'Afgørelse&nbsp;om',
			/entity XML does not define/
		],
		[
			'a reference to a character XML cannot carry',
			'Afgørelse om',
			'Afgørelse&#1;om',
			/character reference/
		],
		['two root elements', /$/, '<memo:Message/>', /exactly one root element/],
		[
			'text outside the root',
			/$/,
			'trailing',
			/Extra text at the end|text outside the root element/
		],
		[
			'the wrong namespace',
			MEMO_NAMESPACE,
			'https://DigitalPost.dk/MeMo-2',
			/root element must be Message in the namespace/
		],
		[
			'the wrong root element',
			/memo:Message(?=[ >])/g,
			'memo:Letter',
			/root element must be Message/
		],
		[
			'another prefix for the MeMo namespace',
			/memo(?=:|=)/g,
			'm',
			/must use the namespace prefix memo/
		],
		['an undeclared prefix', 'xmlns:memo=', 'xmlns:other=', /prefix memo is used but not declared/],
		['no memoVersion', ' memoVersion="1.2"', '', /must have the attribute memoVersion="1.2"/],
		['memoVersion 1.1', 'memoVersion="1.2"', 'memoVersion="1.1"', /memoVersion must be 1\.2/],
		[
			'memoSchVersion',
			'memoVersion="1.2"',
			'memoVersion="1.2" memoSchVersion="1.1.0"',
			/memoSchVersion is not part of MeMo 1\.2/
		],
		[
			'no MessageHeader',
			/<memo:MessageHeader>.*<\/memo:MessageHeader>/,
			'',
			/missing the required element memo:MessageHeader/
		],
		[
			'no MessageBody',
			/<memo:MessageBody>.*<\/memo:MessageBody>/,
			'',
			/DIGITALPOST message must have a memo:MessageBody/
		],
		[
			'an unknown messageType',
			'>DIGITALPOST<',
			'>LETTER<',
			/messageType must be one of DIGITALPOST, NEMSMS/
		],
		[
			'a messageUUID that is no UUID',
			UUID,
			'8c2ea15d-61fb-4ba9-9366-42f8b194c11',
			/messageUUID must be a UUID/
		],
		[
			'label before messageUUID',
			/(<memo:messageUUID>.*?<\/memo:messageUUID>)(<memo:messageID>.*?<\/memo:messageID>)(<memo:label>.*?<\/memo:label>)/,
			'$3$1$2',
			/memo:messageUUID must come before memo:label/
		],
		[
			'Recipient before Sender',
			/(<memo:Sender>.*<\/memo:Sender>)(<memo:Recipient>.*<\/memo:Recipient>)/,
			'$2$1',
			/memo:Sender must come before memo:Recipient/
		],
		[
			'postType after Sender',
			/(<memo:postType>.*?<\/memo:postType>)(<memo:Sender>.*<\/memo:Sender>)/,
			'$2$1',
			/memo:postType must come before memo:Sender/
		],
		[
			'MainDocument after AdditionalDocument',
			/(<memo:MainDocument>.*?<\/memo:MainDocument>)(<memo:AdditionalDocument>.*?<\/memo:AdditionalDocument>)/,
			'$2$1',
			/memo:MainDocument must come before memo:AdditionalDocument/
		],
		[
			'File children out of order',
			/(<memo:encodingFormat>.*?<\/memo:encodingFormat>)(<memo:filename>.*?<\/memo:filename>)/,
			'$2$1',
			/memo:encodingFormat must come before memo:filename/
		],
		[
			'no label',
			/<memo:label>Afgørelse om hjælpemidler<\/memo:label>/,
			'',
			/MessageHeader is missing the required element memo:label/
		],
		[
			'two labels',
			'<memo:label>Afgørelse om hjælpemidler</memo:label>',
			'<memo:label>a</memo:label><memo:label>b</memo:label>',
			/memo:label at most 1 time/
		],
		['an empty label', 'Afgørelse om hjælpemidler', '', /MessageHeader\/label must not be empty/],
		[
			'a label that is too long',
			'Afgørelse om hjælpemidler',
			'x'.repeat(MEMO_LABEL_MAX_LENGTH + 1),
			/MessageHeader\/label must be at most 150 characters/
		],
		[
			'a notification that is too long',
			'Du har fået post fra kommunen',
			'x'.repeat(MEMO_NOTIFICATION_MAX_LENGTH + 1),
			/notification must be at most 150 characters/
		],
		[
			'the CPR number in the notification',
			'Du har fået post fra kommunen',
			`Post til ${CPR}`,
			/notification must not contain the recipient's CPR number/
		],
		[
			'mandatory that is no boolean',
			'<memo:mandatory>false',
			'<memo:mandatory>yes',
			/mandatory must be true or false/
		],
		[
			'legalNotification as 0',
			'<memo:legalNotification>false',
			'<memo:legalNotification>0',
			/legalNotification must be true or false/
		],
		[
			'an unknown postType',
			'MYNDIGHEDSPOST',
			'BORGERPOST',
			/postType must be one of MYNDIGHEDSPOST, VIRKSOMHEDSPOST/
		],
		[
			'a sender that is no CVR number',
			'<memo:idType>CVR',
			'<memo:idType>CPR',
			/Sender\/idType must be CVR/
		],
		[
			'a CVR number of 7 digits',
			'29189846',
			'2918984',
			/senderID must be a CVR number of 8 digits/
		],
		[
			'no sender label',
			'<memo:label>Sammen Kommune</memo:label>',
			'',
			/Sender is missing the required element memo:label/
		],
		[
			'a recipient that is no CPR number',
			'<memo:idType>CPR',
			'<memo:idType>CVR',
			/Recipient\/idType must be CPR/
		],
		[
			'a CPR number of 9 digits',
			`>${CPR}<`,
			`>${CPR.slice(0, 9)}<`,
			/recipientID must be a CPR number of 10 digits/
		],
		[
			'a CPR number of 11 digits',
			`>${CPR}<`,
			`>${CPR}5<`,
			/recipientID must be a CPR number of 10 digits/
		],
		[
			'a CPR number with a hyphen',
			`>${CPR}<`,
			`>010190-1234<`,
			/recipientID must be a CPR number of 10 digits/
		],
		[
			'a contact point without id',
			/<memo:contactPointID>.*?<\/memo:contactPointID>/,
			'',
			/ContactPoint is missing the required element memo:contactPointID/
		],
		[
			'a case without caseSystem',
			/<memo:caseSystem>.*?<\/memo:caseSystem>/,
			'',
			/CaseID is missing the required element memo:caseSystem/
		],
		[
			'an impossible createdDateTime',
			'2025-03-04T10:11:12Z',
			'2025-02-30T10:11:12Z',
			/createdDateTime must be an xs:dateTime/
		],
		[
			'a createdDateTime that is no date',
			'2025-03-04T10:11:12Z',
			'yesterday',
			/createdDateTime must be an xs:dateTime/
		],
		[
			'no MainDocument',
			/<memo:MainDocument>.*?<\/memo:MainDocument>/,
			'',
			/MessageBody is missing the required element memo:MainDocument/
		],
		[
			'a MainDocument without File',
			/(<memo:MainDocument>.*?)<memo:File>.*?<\/memo:File>/,
			'$1',
			/MainDocument is missing the required element memo:File/
		],
		[
			'an AdditionalDocument without File',
			/(<memo:AdditionalDocument>.*?)<memo:File>.*?<\/memo:File>/,
			'$1',
			/AdditionalDocument\[1\] is missing the required element memo:File/
		],
		[
			'an unknown encodingFormat',
			'<memo:encodingFormat>application/pdf',
			'<memo:encodingFormat>application/x-msdownload',
			/encodingFormat must be one of the known file types/
		],
		[
			'a filename that does not match',
			'afgoerelse.pdf',
			'afgoerelse.docx',
			/filename must end in \.pdf to match application\/pdf/
		],
		[
			'a filename without extension',
			'afgoerelse.pdf',
			'afgoerelse',
			/filename must have an extension/
		],
		[
			'a path as filename',
			'afgoerelse.pdf',
			'../afgoerelse.pdf',
			/filename must be a file name, not a path/
		],
		[
			'a language that is no ISO 639-1 code',
			'<memo:language>da',
			'<memo:language>dk',
			/language must be an ISO 639-1 language code/
		],
		[
			'an upper-case language',
			'<memo:language>da',
			'<memo:language>DA',
			/language must be an ISO 639-1 language code/
		],
		[
			'empty content',
			/<memo:content>[^<]*<\/memo:content>/,
			'<memo:content></memo:content>',
			/MainDocument\/File\[1\]\/content must be non-empty base64/
		],
		[
			'content that is no base64',
			/<memo:content>[^<]*<\/memo:content>/,
			'<memo:content>not base64!</memo:content>',
			/content must be non-empty base64/
		],
		[
			'a broken file in an additional document',
			'klage.pdf',
			'klage.txt',
			/AdditionalDocument\[1\]\/File\[1\]\/filename must end in \.pdf/
		],
		[
			'an unknown MeMo element',
			'<memo:mandatory>',
			'<memo:urgent>true</memo:urgent><memo:mandatory>',
			/MessageHeader contains an unknown element memo:urgent/
		],
		[
			'an unknown element in a File',
			'<memo:content>',
			'<memo:size>3</memo:size><memo:content>',
			/contains an unknown element memo:size/
		],
		[
			'an element from another namespace in the header',
			'<memo:mandatory>',
			'<x:extra xmlns:x="urn:x"/><memo:mandatory>',
			/unknown element \{urn:x\}extra/
		],
		[
			'text between elements',
			'<memo:mandatory>',
			'stray text<memo:mandatory>',
			/MessageHeader must not contain text between its elements/
		],
		[
			'elements inside a text element',
			/<memo:label>Afgørelse om hjælpemidler<\/memo:label>/,
			'<memo:label><memo:b>x</memo:b></memo:label>',
			/MessageHeader\/label must contain text, not elements/
		],
		[
			'an attribute MeMo does not define',
			'<memo:label>Afgørelse om',
			'<memo:label lang="da">Afgørelse om',
			/attribute \(lang\) MeMo does not define/
		]
	];

	it.each(cases)('%s', (_name, from, to, expected) => {
		const errors = errorsAfter(from, to);
		if (expected.source === '^$') expect(errors).toEqual([]);
		else
			expect(
				errors.some((error) => expected.test(error)),
				errors.join('\n')
			).toBe(true);
		for (const error of errors) expect(error).not.toContain(CPR);
	});

	it('accepts the MeMo elements it does not build, in their place, and other vocabularies in ContentData', () => {
		const xml = VALID.replace(
			'<memo:mandatory>',
			'<memo:reply>true</memo:reply><memo:replyByDateTime>2025-04-01T12:00:00+02:00</memo:replyByDateTime>' +
				'<memo:doNotDeliverUntilDate>2025-03-10</memo:doNotDeliverUntilDate><memo:mandatory>'
		).replace(
			'<memo:CaseID>',
			'<grd:CVRdata xmlns:grd="https://data.gov.dk/model/core/"><grd:cvrNumber>12345678</grd:cvrNumber></grd:CVRdata><memo:CaseID>'
		);
		expect(validateMemo(xml)).toEqual([]);
		expect(validateMemo(xml.replace('>true</memo:reply>', '>maybe</memo:reply>'))).toEqual([
			'MessageHeader/reply must be true or false'
		]);
		expect(validateMemo(xml.replace('2025-03-10', '2025-13-10'))).toEqual([
			'MessageHeader/doNotDeliverUntilDate must be an xs:date'
		]);
	});

	it('accepts an upper-case messageUUID and a NEMSMS without body', () => {
		expect(errorsAfter(UUID, UUID.toUpperCase())).toEqual([]);
		const sms = VALID.replace('>DIGITALPOST<', '>NEMSMS<').replace(
			/<memo:MessageBody>.*<\/memo:MessageBody>/,
			''
		);
		expect(validateMemo(sms)).toEqual([]);
	});

	it('never puts the CPR number in an error, not even from a broken document', () => {
		const broken = [
			'',
			`<a${CPR}>`,
			`<memo:Message xmlns:memo="${MEMO_NAMESPACE}" memoVersion="${CPR}"/>`,
			VALID.replace(`>${CPR}<`, `>${CPR}5<`),
			VALID.replace('Afgørelse om hjælpemidler', `Til ${CPR}`),
			VALID.replace('<memo:idType>CPR', `<memo:idType>${CPR}`),
			VALID.replace('</memo:Recipient>', `</memo:Recipient${CPR}>`)
		];
		for (const xml of broken) {
			const errors = validateMemo(xml);
			expect(errors.length, xml.slice(0, 60)).toBeGreaterThan(0);
			for (const error of errors) {
				expect(error).not.toContain(CPR);
				expect(error).not.toContain('010190-1234');
			}
		}
	});
});

describe('buildKombiRequest and parseKombiRequest', () => {
	it.each(['Digital Post', 'Fysisk Post', 'Automatisk Valg'] as const)(
		'round-trips a full message with KombiValgKode %s',
		(kode) => {
			const xml = kombi(kode);
			expect(
				xml.startsWith(`<kombi_request><KombiValgKode>${kode}</KombiValgKode><memo:Message `)
			).toBe(true);
			const { request, errors } = parseKombiRequest(xml);
			expect(errors).toEqual([]);
			const print = kode !== 'Digital Post';
			expect(
				xml.includes('<ForsendelseISamling xmlns="urn:oio:fjernprint:1.0.0"><ForsendelseI')
			).toBe(print);
			expect(request).toEqual({
				kode,
				messageUuid: UUID,
				recipientCpr: CPR,
				label: 'Afgørelse om hjælpemidler',
				documentCount: 3,
				hasPrint: print,
				printAddress: print
					? {
							name: 'Mette Hansen',
							co: 'c/o Jens Hansen',
							street: 'Østergade 12B',
							postcode: '8000',
							city: 'Aarhus C',
							country: 'DK'
						}
					: null
			});
		}
	);

	it('writes the remote print letter in the ForsendelseI order, with the PDF in base64', () => {
		const xml = kombi('Fysisk Post');
		const names = [
			'AfsendelseIdentifikator',
			'ForsendelseModtager',
			'dp:CPRnummerIdentifikator',
			'ModtagerAdresse',
			'itst:PersonName',
			'CoNavn',
			'dkcc2:StreetName',
			'dkcc:StreetBuildingIdentifier',
			'dkcc2:PostCodeIdentifier',
			'dkcc2:DistrictSubdivisionIdentifier',
			'dkcc:CountryIdentificationCode',
			'dkal:FilformatNavn',
			'dkal:MeddelelseIndholdData',
			'TransaktionsParametreI',
			'DokumentParametre'
		].map((name) => xml.indexOf(`<${name}`));
		expect(names.every((at) => at > 0)).toBe(true);
		expect([...names].sort((a, b) => a - b)).toEqual(names);
		expect(xml).toContain('<dkcc2:StreetName>Østergade</dkcc2:StreetName>');
		expect(xml).toContain('<dkcc:StreetBuildingIdentifier>12B</dkcc:StreetBuildingIdentifier>');
		expect(xml).toContain(
			`<dkal:MeddelelseIndholdData>${Buffer.from(PDF).toString('base64')}</dkal:MeddelelseIndholdData>`
		);
	});

	it('keeps an address line it cannot split, escapes it, and leaves out an empty c/o', () => {
		const xml = buildKombiRequest(
			'Automatisk Valg',
			buildMemo(letter()),
			printOrder({
				recipient: {
					name: 'Søren & <Ane>',
					co: null,
					street: 'Åboulevarden 3, 2. th.',
					postcode: '8000',
					city: 'Aarhus C'
				},
				forsendelseTypeId: 265
			})
		);
		expect(xml).not.toContain('CoNavn');
		expect(xml).toContain('<ForsendelseTypeIdentifikator>265</ForsendelseTypeIdentifikator>');
		const { request, errors } = parseKombiRequest(xml);
		expect(errors).toEqual([]);
		expect(request?.printAddress).toEqual({
			name: 'Søren & <Ane>',
			co: null,
			street: 'Åboulevarden 3, 2. th.',
			postcode: '8000',
			city: 'Aarhus C',
			country: 'DK'
		});
	});

	it('refuses what breaks a rule, with an error that names it and not the CPR number', () => {
		const memoXml = buildMemo(letter());
		const cases: [() => string, RegExp][] = [
			[() => buildKombiRequest('Fysisk Post', memoXml), /needs the letter for remote print/],
			[() => buildKombiRequest('Automatisk Valg', memoXml), /needs the letter for remote print/],
			[() => buildKombiRequest('Digital Post', memoXml, printOrder()), /must not carry a letter/],
			[() => buildKombiRequest('NemSMS' as KombiValgKode, memoXml), /KombiValgKode must be one of/],
			[
				() => buildKombiRequest('Digital Post', memoXml.replace(UUID, 'no-uuid')),
				/messageUUID must be a UUID/
			],
			[
				() => buildKombiRequest('Fysisk Post', memoXml, printOrder({ cpr: '0202902345' })),
				/print\.cpr must be the MeMo recipient's CPR number/
			],
			[
				() => buildKombiRequest('Fysisk Post', memoXml, printOrder({ cpr: CPR.slice(1) })),
				/print\.cpr must be a CPR number of 10 digits/
			],
			[
				() =>
					buildKombiRequest(
						'Fysisk Post',
						memoXml,
						printOrder({ recipient: { ...printOrder().recipient, postcode: '800' } })
					),
				/postcode must be 4 digits/
			],
			[
				() => buildKombiRequest('Fysisk Post', memoXml, printOrder({ pdf: new Uint8Array() })),
				/print\.pdf must be a non-empty Uint8Array/
			],
			[
				() => buildKombiRequest('Fysisk Post', memoXml, printOrder({ reference: 'x'.repeat(39) })),
				/print\.reference must be at most 38 characters/
			]
		];
		for (const [build, expected] of cases) {
			expect(build).toThrow(MemoError);
			expect(build).toThrow(expected);
			try {
				build();
			} catch (error) {
				expect((error as Error).message).not.toContain(CPR);
			}
		}
	});

	it('accepts an XML declaration and the memo prefix declared on kombi_request', () => {
		const xml = kombi('Digital Post');
		expect(parseKombiRequest(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`).errors).toEqual([]);
		const moved = xml
			.replace('<kombi_request>', `<kombi_request xmlns:memo="${MEMO_NAMESPACE}">`)
			.replace(` xmlns:memo="${MEMO_NAMESPACE}" memoVersion`, ' memoVersion');
		expect(parseKombiRequest(moved).errors).toEqual([]);
	});

	const digital = kombi('Digital Post');
	const physical = kombi('Fysisk Post');
	const failing: [string, string, string | RegExp, string, RegExp][] = [
		[
			'ForsendelseI missing for Fysisk Post',
			digital,
			'>Digital Post<',
			'>Fysisk Post<',
			/Fysisk Post needs a ForsendelseI/
		],
		[
			'ForsendelseI missing for Automatisk Valg',
			digital,
			'>Digital Post<',
			'>Automatisk Valg<',
			/Automatisk Valg needs a ForsendelseI/
		],
		[
			'ForsendelseI present for Digital Post',
			physical,
			'>Fysisk Post<',
			'>Digital Post<',
			/Digital Post must not carry a ForsendelseI/
		],
		[
			'an unknown KombiValgKode',
			digital,
			'>Digital Post<',
			'>NemSMS<',
			/KombiValgKode must be one of Automatisk Valg, Digital Post, Fysisk Post/
		],
		[
			'a KombiValgKode in the wrong case',
			digital,
			'>Digital Post<',
			'>digital post<',
			/KombiValgKode must be one of/
		],
		[
			'no KombiValgKode',
			digital,
			'<KombiValgKode>Digital Post</KombiValgKode>',
			'',
			/missing the required element KombiValgKode/
		],
		[
			'the MeMo message before the KombiValgKode',
			digital,
			/(<KombiValgKode>.*?<\/KombiValgKode>)(<memo:Message .*<\/memo:Message>)/,
			'$2$1',
			/KombiValgKode must come before memo:Message/
		],
		[
			'no MeMo message',
			digital,
			/<memo:Message .*<\/memo:Message>/,
			'',
			/missing the required element memo:Message/
		],
		[
			'an unknown element',
			digital,
			'</kombi_request>',
			'<Extra/></kombi_request>',
			/kombi_request contains an unknown element Extra/
		],
		[
			'the wrong root element',
			digital,
			/kombi_request>/g,
			'kombi>',
			/root element must be kombi_request/
		],
		['an invalid MeMo inside', digital, UUID, 'not-a-uuid', /messageUUID must be a UUID/],
		['a NEMSMS inside', digital, '>DIGITALPOST<', '>NEMSMS<', /must be of type DIGITALPOST/],
		[
			'another CPR number in ForsendelseI',
			physical,
			`<dp:CPRnummerIdentifikator>${CPR}`,
			'<dp:CPRnummerIdentifikator>0202902345',
			/CPR number must be the MeMo recipient's/
		],
		[
			'a CPR number of 9 digits in ForsendelseI',
			physical,
			`<dp:CPRnummerIdentifikator>${CPR}`,
			`<dp:CPRnummerIdentifikator>${CPR.slice(0, 9)}`,
			/CPRnummerIdentifikator must be a CPR number of 10 digits/
		],
		[
			'a file format other than pdf',
			physical,
			'>pdf</dkal:FilformatNavn>',
			'>docx</dkal:FilformatNavn>',
			/FilformatNavn must be pdf/
		],
		[
			'an empty letter',
			physical,
			/<dkal:MeddelelseIndholdData>[^<]*</,
			'<dkal:MeddelelseIndholdData><',
			/MeddelelseIndholdData must be non-empty base64/
		],
		[
			'no address',
			physical,
			/<ModtagerAdresse>.*<\/ModtagerAdresse>/,
			'',
			/missing the required element \{urn:oio:fjernprint:1\.0\.0\}ModtagerAdresse/
		],
		['a postcode of 3 digits', physical, '>8000<', '>800<', /PostCodeIdentifier must be 4 digits/],
		[
			'a foreign country',
			physical,
			'iso3166-alpha2">DK<',
			'iso3166-alpha2">SE<',
			/CountryIdentificationCode must be DK/
		],
		['no country scheme', physical, ' scheme="iso3166-alpha2"', '', /scheme="iso3166-alpha2"/],
		[
			'a bad house number',
			physical,
			'>12B<',
			'>12b<',
			/StreetBuildingIdentifier must be a house number/
		],
		[
			'the address out of order',
			physical,
			/(<itst:PersonName>.*?<\/itst:PersonName>)(<CoNavn>.*?<\/CoNavn>)/,
			'$2$1',
			/PersonName must come before/
		],
		[
			'no AfsendelseIdentifikator',
			physical,
			/<AfsendelseIdentifikator>.*?<\/AfsendelseIdentifikator>/,
			'',
			/missing the required element \{urn:oio:fjernprint:1\.0\.0\}AfsendelseIdentifikator/
		],
		[
			'two ForsendelseI',
			physical,
			/(<ForsendelseI .*<\/ForsendelseI>)/,
			'$1$1',
			/ForsendelseI at most 1 time/
		],
		[
			'ForsendelseISamling in no namespace',
			physical,
			' xmlns="urn:oio:fjernprint:1.0.0"',
			'',
			/unknown element ForsendelseISamling/
		]
	];

	it.each(failing)('reports %s', (_name, xml, from, to, expected) => {
		const errors = kombiErrorsAfter(xml, from, to);
		expect(
			errors.some((error) => expected.test(error)),
			errors.join('\n')
		).toBe(true);
		for (const error of errors) expect(error).not.toContain(CPR);
	});

	it('returns no request for a document it cannot read', () => {
		expect(parseKombiRequest('<kombi_request>')).toEqual({
			request: null,
			errors: [expect.stringMatching(/not well-formed/)]
		});
		expect(parseKombiRequest('').request).toBeNull();
	});

	it('still reads what it can from a request with errors', () => {
		const { request, errors } = parseKombiRequest(
			digital.replace('>Digital Post<', '>Fysisk Post<')
		);
		expect(errors.length).toBe(1);
		expect(request?.messageUuid).toBe(UUID);
		expect(request?.hasPrint).toBe(false);
	});
});

// The API's request and response shapes, as zod schemas. The same schemas validate requests
// (handler.ts) and produce the OpenAPI document (openapi.ts), so the two cannot drift apart.
import { z } from 'zod';
import {
	API_ENTRY_KINDS,
	CASE_STATUSES,
	LANGUAGES,
	MEETING_RESPONSES,
	VISIBILITIES,
	WAITING_ON
} from '../../domain';
import { normalizeCpr } from '../crypto/cpr';

/**
 * A department system's own reference: URL-safe, 1–64 characters, starting with a letter or digit.
 * A reference that could be a CPR number is refused, so a CPR number never ends up in a URL.
 */
export const EXTERNAL_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Ten digits in a row, or six and four around one separator, anywhere in the value. */
const CPR_LIKE = /(?<!\d)\d{6}[-._]?\d{4}(?!\d)/;

export function looksLikeCpr(value: string): boolean {
	return CPR_LIKE.test(value);
}

export const ExternalRef = z
	.string()
	.regex(
		EXTERNAL_REF_PATTERN,
		'Use 1-64 of A-Z, a-z, 0-9, ".", "_" and "-", starting with a letter or digit'
	)
	.refine((value) => !looksLikeCpr(value), 'A reference must not be a CPR number')
	.meta({
		description:
			"The department system's own reference. 1-64 URL-safe characters; a value that looks like a CPR number is refused.",
		example: 'JOB-104417'
	});

const Uuid = z.uuid().meta({ example: '3f1c2b1a-8d5e-4c7b-9a41-2f0e6d1c9b77' });

const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().min(1).max(max).nullable().default(null);

export const IsoDate = z.iso.date().meta({ example: '2026-12-15' });

export const Language = z.enum(LANGUAGES).meta({ id: 'Language' });
export const CaseStatus = z.enum(CASE_STATUSES).meta({
	id: 'CaseStatus'
});
export const WaitingOn = z.enum(WAITING_ON).meta({
	id: 'WaitingOn',
	description: 'Whom the case is waiting for; null when nobody.'
});
export const EntryKind = z.enum(API_ENTRY_KINDS).meta({
	id: 'EntryKind',
	description: 'What the entry records.'
});
export const Visibility = z.enum(VISIBILITIES).meta({
	id: 'Visibility',
	description: 'citizen: the citizen sees the entry and is told about it; staff: staff only.'
});

// ---------------------------------------------------------------------------------------------
// Citizens

export const CitizenInput = z
	.strictObject({
		cpr: z
			.string()
			.refine((value) => normalizeCpr(value) !== null, 'Not a valid CPR number')
			.meta({
				description: 'The CPR number, 10 digits with or without a dash. Only ever sent in a body.',
				example: '010190-1234'
			}),
		name: Text(200),
		coName: OptionalText(200),
		addressLine: OptionalText(200),
		postalCode: z
			.string()
			.regex(/^\d{4}$/, 'Four digits')
			.nullable()
			.default(null),
		city: OptionalText(100),
		preferredLanguage: Language.optional().meta({
			description: 'Set only when given; a new citizen gets Danish.'
		})
	})
	.meta({ id: 'CitizenInput' });

export const CitizenRef = z
	.object({
		citizenId: Uuid,
		created: z.boolean().meta({ description: 'True when the citizen was new to Sammen.' })
	})
	.meta({ id: 'CitizenRef' });

export const Citizen = z
	.object({
		citizenId: Uuid,
		name: z.string(),
		coName: z.string().nullable(),
		addressLine: z.string().nullable(),
		postalCode: z.string().nullable(),
		city: z.string().nullable(),
		preferredLanguage: Language,
		analog: z.boolean().meta({ description: 'The citizen receives everything on paper.' })
	})
	.meta({
		id: 'Citizen',
		description: 'A citizen as the department may see them. Never the CPR number.'
	});

export const CitizenParams = z.object({ citizenId: Uuid });

// ---------------------------------------------------------------------------------------------
// Cases

export const CaseInput = z
	.strictObject({
		citizenId: Uuid,
		kleNumber: z
			.string()
			.regex(/^\d{2}\.\d{2}\.\d{2}$/, 'A KLE number such as 15.20.02')
			.meta({ example: '15.20.02' }),
		title: Text(200),
		titleEn: OptionalText(200),
		status: CaseStatus,
		caseworkerEmail: z
			.email()
			.nullable()
			.default(null)
			.meta({ description: "A member of staff in the key's department, or null." }),
		nextStep: OptionalText(200),
		nextStepEn: OptionalText(200),
		nextStepDue: IsoDate.nullable().default(null),
		waitingOn: WaitingOn.nullable().default(null)
	})
	.meta({ id: 'CaseInput' });

export const Case = z
	.object({
		externalRef: ExternalRef,
		caseId: Uuid,
		citizenId: Uuid,
		kleNumber: z.string(),
		title: z.string(),
		titleEn: z.string().nullable(),
		status: CaseStatus,
		caseworkerEmail: z.string().nullable(),
		nextStep: z.string().nullable(),
		nextStepEn: z.string().nullable(),
		nextStepDue: z.string().nullable(),
		waitingOn: WaitingOn.nullable(),
		journeyIds: z.array(Uuid).meta({ description: 'The journeys the case is part of.' }),
		openedAt: z.iso.datetime(),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'Case' });

export const CaseParams = z.object({ externalRef: ExternalRef });

// ---------------------------------------------------------------------------------------------
// Timeline entries

export const EntryInput = z
	.strictObject({
		externalRef: ExternalRef,
		kind: EntryKind,
		visibility: Visibility,
		title: Text(200),
		titleEn: OptionalText(200),
		body: Text(4000),
		bodyEn: OptionalText(4000),
		occurredAt: z.iso
			.datetime({ offset: true })
			.optional()
			.meta({ description: 'When it happened in the department system; default now.' })
	})
	.meta({ id: 'EntryInput' });

export const Entry = z
	.object({
		externalRef: ExternalRef,
		entryId: Uuid,
		journeyId: Uuid,
		kind: EntryKind,
		visibility: Visibility,
		title: z.string(),
		titleEn: z.string().nullable(),
		body: z.string(),
		bodyEn: z.string().nullable(),
		occurredAt: z.iso.datetime()
	})
	.meta({ id: 'Entry' });

export const EntryList = z.object({ entries: z.array(Entry) }).meta({ id: 'EntryList' });

// ---------------------------------------------------------------------------------------------
// Meetings

export const MeetingInput = z
	.strictObject({
		title: Text(200),
		titleEn: OptionalText(200),
		startsAt: z.iso.datetime({ offset: true }),
		endsAt: z.iso.datetime({ offset: true }),
		location: OptionalText(300),
		videoUrl: z
			.url({ protocol: /^https$/ })
			.max(500)
			.nullable()
			.default(null),
		agenda: OptionalText(4000),
		whatToBring: OptionalText(2000),
		cancelled: z
			.boolean()
			.default(false)
			.meta({ description: 'true cancels the meeting; a cancelled meeting cannot be changed.' })
	})
	.refine((m) => new Date(m.endsAt) > new Date(m.startsAt), {
		path: ['endsAt'],
		message: 'Must be after startsAt'
	})
	.refine((m) => m.location !== null || m.videoUrl !== null, {
		path: ['location'],
		message: 'Give a location or a videoUrl'
	})
	.meta({ id: 'MeetingInput' });

export const Meeting = z
	.object({
		externalRef: ExternalRef,
		meetingId: Uuid,
		journeyId: Uuid,
		title: z.string(),
		titleEn: z.string().nullable(),
		startsAt: z.iso.datetime(),
		endsAt: z.iso.datetime(),
		location: z.string().nullable(),
		videoUrl: z.string().nullable(),
		agenda: z.string().nullable(),
		whatToBring: z.string().nullable(),
		cancelled: z.boolean(),
		citizenResponse: z.enum(MEETING_RESPONSES)
	})
	.meta({ id: 'Meeting' });

export const MeetingParams = z.object({ externalRef: ExternalRef, meetingRef: ExternalRef });

// ---------------------------------------------------------------------------------------------
// Problems (RFC 9457)

export const Problem = z
	.object({
		type: z.string().meta({ example: 'urn:sammen:problem:validation' }),
		title: z.string(),
		status: z.int(),
		detail: z.string(),
		errors: z
			.array(
				z.object({
					pointer: z.string().meta({ description: 'JSON pointer to the field', example: '/title' }),
					detail: z.string()
				})
			)
			.optional()
	})
	.meta({ id: 'Problem' });

export type CitizenInput = z.infer<typeof CitizenInput>;
export type CaseInput = z.infer<typeof CaseInput>;
export type EntryInput = z.infer<typeof EntryInput>;
export type MeetingInput = z.infer<typeof MeetingInput>;
export type CaseOutput = z.infer<typeof Case>;
export type EntryOutput = z.infer<typeof Entry>;
export type MeetingOutput = z.infer<typeof Meeting>;
export type CitizenOutput = z.infer<typeof Citizen>;

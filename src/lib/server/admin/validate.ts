// Parsing of the administration forms: explicit, errors as message keys by field id, so bad input
// is explained in the field and in the error summary and changes nothing.
import { formText, tooLong, type FieldErrors } from '../../forms';
import type { AdminKey } from '../../i18n/admin';
import { isUuid } from '../../uuid';
import type { DepartmentInput, StaffUserInput } from '../db/admin';
import type { LogoContentType, MunicipalityTextSettings } from '../db/municipality-settings';
import { STAFF_ROLES, type StaffRole } from '../../domain';
import { EMAIL_MAX, isPlausibleEmail } from '../settings/validate';
import { HEX_COLOR, accessibleBrandColor, whiteContrast } from './contrast';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Roles that work on cases belong to a department. */
export const ROLES_WITH_DEPARTMENT: readonly StaffRole[] = ['caseworker', 'coordinator'];
export const LOGO_MAX_BYTES = 200 * 1024;

type Parsed<T> = { ok: true; input: T } | { ok: false; errors: FieldErrors<AdminKey> };

function optional(value: string): string | null {
	return value === '' ? null : value;
}

function checkLength(
	errors: FieldErrors<AdminKey>,
	field: string,
	value: string,
	max: number
): void {
	const long = tooLong(value, max);
	if (long && !errors[field]) errors[field] = long;
}

export function departmentValues(data: FormData) {
	return {
		slug: formText(data, 'slug').toLowerCase(),
		name: formText(data, 'name'),
		nameEn: formText(data, 'nameEn'),
		kleArea: formText(data, 'kleArea'),
		phone: formText(data, 'phone'),
		email: formText(data, 'email').toLowerCase(),
		address: formText(data, 'address'),
		openingHours: formText(data, 'openingHours')
	};
}

export function parseDepartment(
	values: ReturnType<typeof departmentValues>
): Parsed<DepartmentInput> {
	const errors: FieldErrors<AdminKey> = {};
	if (values.slug === '') errors.slug = 'adErrSlugMissing';
	else if (!SLUG_PATTERN.test(values.slug)) errors.slug = 'adErrSlugPattern';
	checkLength(errors, 'slug', values.slug, 60);
	if (values.name === '') errors.name = 'adErrNameMissing';
	checkLength(errors, 'name', values.name, 200);
	if (values.nameEn === '') errors.nameEn = 'adErrNameEnMissing';
	checkLength(errors, 'nameEn', values.nameEn, 200);
	if (!/^\d{2}$/.test(values.kleArea)) errors.kleArea = 'adErrKleArea';
	checkLength(errors, 'phone', values.phone, 40);
	if (values.email !== '' && !isPlausibleEmail(values.email)) errors.email = 'adErrEmail';
	checkLength(errors, 'email', values.email, EMAIL_MAX);
	checkLength(errors, 'address', values.address, 300);
	checkLength(errors, 'openingHours', values.openingHours, 300);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		input: {
			slug: values.slug,
			name: values.name,
			nameEn: values.nameEn,
			kleArea: values.kleArea,
			phone: optional(values.phone),
			email: optional(values.email),
			address: optional(values.address),
			openingHours: optional(values.openingHours)
		}
	};
}

export function staffValues(data: FormData) {
	return {
		name: formText(data, 'name'),
		email: formText(data, 'email').toLowerCase(),
		role: formText(data, 'role'),
		departmentId: formText(data, 'departmentId'),
		phone: formText(data, 'phone')
	};
}

/** `departmentIds`: the departments that exist. `withEmail`: false when editing (e-mail is fixed). */
export function parseStaffUser(
	values: ReturnType<typeof staffValues>,
	departmentIds: ReadonlySet<string>,
	withEmail = true
): Parsed<StaffUserInput> {
	const errors: FieldErrors<AdminKey> = {};
	if (values.name === '') errors.name = 'adErrStaffNameMissing';
	checkLength(errors, 'name', values.name, 200);
	if (withEmail) {
		if (values.email === '') errors.email = 'adErrEmailMissing';
		else if (!isPlausibleEmail(values.email)) errors.email = 'adErrEmail';
		checkLength(errors, 'email', values.email, EMAIL_MAX);
	}
	const role = STAFF_ROLES.find((r) => r === values.role);
	if (!role) errors.role = 'adErrRole';
	let departmentId: string | null = null;
	if (values.departmentId !== '') {
		if (isUuid(values.departmentId) && departmentIds.has(values.departmentId)) {
			departmentId = values.departmentId;
		} else errors.departmentId = 'adErrDepartmentUnknown';
	} else if (role && ROLES_WITH_DEPARTMENT.includes(role)) {
		errors.departmentId = 'adErrDepartmentRequired';
	}
	checkLength(errors, 'phone', values.phone, 40);
	if (Object.keys(errors).length > 0 || !role) return { ok: false, errors };
	return {
		ok: true,
		input: {
			name: values.name,
			email: values.email,
			role,
			departmentId,
			phone: optional(values.phone)
		}
	};
}

export function settingsValues(data: FormData) {
	return {
		name: formText(data, 'name'),
		phone: formText(data, 'phone'),
		email: formText(data, 'email').toLowerCase(),
		address: formText(data, 'address'),
		openingHoursDa: formText(data, 'openingHoursDa'),
		openingHoursEn: formText(data, 'openingHoursEn'),
		accessibilityStatementUrl: formText(data, 'accessibilityStatementUrl'),
		primaryColor: formText(data, 'primaryColor').toLowerCase(),
		letterhead: formText(data, 'letterhead')
	};
}

function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
	} catch {
		return false;
	}
}

export function parseSettings(
	values: ReturnType<typeof settingsValues>
): Parsed<MunicipalityTextSettings> {
	const errors: FieldErrors<AdminKey> = {};
	checkLength(errors, 'name', values.name, 200);
	checkLength(errors, 'phone', values.phone, 40);
	if (values.email !== '' && !isPlausibleEmail(values.email)) errors.email = 'adErrEmail';
	checkLength(errors, 'email', values.email, EMAIL_MAX);
	checkLength(errors, 'address', values.address, 300);
	checkLength(errors, 'openingHoursDa', values.openingHoursDa, 300);
	checkLength(errors, 'openingHoursEn', values.openingHoursEn, 300);
	if (values.accessibilityStatementUrl !== '' && !isHttpsUrl(values.accessibilityStatementUrl)) {
		errors.accessibilityStatementUrl = 'adErrUrlHttps';
	}
	checkLength(errors, 'accessibilityStatementUrl', values.accessibilityStatementUrl, 500);
	if (values.primaryColor !== '') {
		if (!HEX_COLOR.test(values.primaryColor)) errors.primaryColor = 'adErrColorFormat';
		else if (!accessibleBrandColor(values.primaryColor)) {
			errors.primaryColor = {
				key: 'adErrColorContrast',
				values: { ratio: whiteContrast(values.primaryColor).toFixed(2) }
			};
		}
	}
	checkLength(errors, 'letterhead', values.letterhead, 500);
	if (values.letterhead.split('\n').length > 5 && !errors.letterhead) {
		errors.letterhead = 'adErrLetterheadLines';
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		input: {
			name: optional(values.name),
			phone: optional(values.phone),
			email: optional(values.email),
			address: optional(values.address),
			openingHoursDa: optional(values.openingHoursDa),
			openingHoursEn: optional(values.openingHoursEn),
			accessibilityStatementUrl: optional(values.accessibilityStatementUrl),
			primaryColor: optional(values.primaryColor),
			letterhead: optional(values.letterhead)
		}
	};
}

/**
 * The uploaded logo: PNG or JPEG, recognised by its first bytes rather than the browser's word.
 * SVG is refused: it can carry script, and a raster logo is all a header and a letter need.
 * undefined: no file chosen (keep the stored logo).
 */
export async function parseLogo(
	data: FormData
): Promise<
	| { ok: true; logo: { bytes: Uint8Array; contentType: LogoContentType } | undefined }
	| { ok: false; errors: FieldErrors<AdminKey> }
> {
	const file = data.getAll('logo').find((v): v is File => typeof v !== 'string');
	if (!file || file.size === 0) return { ok: true, logo: undefined };
	if (file.size > LOGO_MAX_BYTES) return { ok: false, errors: { logo: 'adErrLogoSize' } };
	const bytes = new Uint8Array(await file.arrayBuffer());
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b);
	const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
	if (!png && !jpeg) return { ok: false, errors: { logo: 'adErrLogoType' } };
	return { ok: true, logo: { bytes, contentType: png ? 'image/png' : 'image/jpeg' } };
}

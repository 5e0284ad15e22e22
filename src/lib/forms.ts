// Form handling shared by every page with a form: explicit parsing of FormData and errors as
// message keys, so the same failure is shown in Danish or English (docs/RULES.md: bad input gets a
// clear message in the field and in an error summary, and changes nothing).
//
// The keys are typed by area: a citizen page's action answers with FieldErrors<PortalKey>, a
// staff page's with FieldErrors<StaffKey>, so a page can only be sent errors its own area's t()
// can put into words. The page turns them into texts (errorTexts) for the shared form kit, which
// knows only the common area.
import type { MessageKey } from './i18n/all';
import type { CommonKey } from './i18n/common';
import { format } from './i18n/format';

/** A field's error: a message key, with values for its placeholders when it has any. */
export type FieldError<K extends string = MessageKey> =
	K | { key: K; values: Record<string, string | number> };

/** Errors by field id (the id of the input, so the error summary can link to it). */
export type FieldErrors<K extends string = MessageKey> = Record<string, FieldError<K>>;

/** Errors in words, by field id: what the form kit shows. */
export type ErrorTexts = Record<string, string>;

/** One error in words, from the messages of the page's area. */
export function errorText<K extends string>(
	m: Readonly<Record<K, string>>,
	error: FieldError<NoInfer<K>>
): string {
	return typeof error === 'string' ? m[error] : format(m[error.key], error.values);
}

/** Every error in words, by field id, for the form kit (ErrorSummary, TextField, FieldError…). */
export function errorTexts<K extends string>(
	m: Readonly<Record<K, string>>,
	errors: FieldErrors<NoInfer<K>> | null | undefined
): ErrorTexts | null {
	if (!errors) return null;
	return Object.fromEntries(Object.entries(errors).map(([id, error]) => [id, errorText(m, error)]));
}

/**
 * A text field's value: trimmed, line breaks normalised, '' when absent. A file or a repeated
 * field (a tampered form) reads as its first text value, never as an exception.
 */
export function formText(data: FormData, name: string): string {
	const value = data.getAll(name).find((v): v is string => typeof v === 'string');
	return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

/** An error when `value` is longer than `max` characters, else null. */
export function tooLong(value: string, max: number): FieldError<CommonKey> | null {
	const length = [...value].length;
	return length > max ? { key: 'fieldTooLong', values: { max, length } } : null;
}

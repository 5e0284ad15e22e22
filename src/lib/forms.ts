// Form handling shared by every page with a form: explicit parsing of FormData and errors as
// message keys, so the same failure is shown in Danish or English (docs/RULES.md: bad input gets a
// clear message in the field and in an error summary, and changes nothing).
import type { MessageKey, Messages } from './i18n/messages';
import { format } from './i18n/messages';

/** A field's error: a message key, with values for its placeholders when it has any. */
export type FieldError = MessageKey | { key: MessageKey; values: Record<string, string | number> };

/** Errors by field id (the id of the input, so the error summary can link to it). */
export type FieldErrors = Record<string, FieldError>;

export function errorText(m: Messages, error: FieldError): string {
	return typeof error === 'string' ? m[error] : format(m[error.key], error.values);
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
export function tooLong(value: string, max: number): FieldError | null {
	const length = [...value].length;
	return length > max ? { key: 'fieldTooLong', values: { max, length } } : null;
}

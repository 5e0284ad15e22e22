/** Narrows a value from a form or a query string to one of a code list's codes. */
export function isOneOf<T extends string>(codes: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

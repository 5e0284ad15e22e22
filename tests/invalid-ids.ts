// Ids that name no object, for the access tests of both sides (tests/portal-routes.ts,
// tests/staff-routes.ts): one well-formed but made up, and some that are not ids at all.
export const madeUp = '00000000-0000-4000-8000-000000000000';
/** Not ids at all: a word, SQL, a NUL byte (each as it would stand in a URL's path). */
export const malformed = [
	'not-a-uuid',
	"1'%20or%20'1'='1",
	"1'%3B%20drop%20table%20x%3B%20--",
	'%00'
];

// One feature's texts: Danish as the source, English typed by the Danish keys, so a key missing
// from (or added only to) one language is a compile error. Each area's index.ts merges its
// features with the common area's; all.ts merges every area for server code and tests.
export interface Catalogue<K extends string> {
	da: Record<K, string>;
	en: Record<K, string>;
}

export function defineCatalogue<const T extends Record<string, string>>(
	da: T,
	en: Record<keyof T, string>
): Catalogue<Extract<keyof T, string>> {
	return { da, en } as Catalogue<Extract<keyof T, string>>;
}

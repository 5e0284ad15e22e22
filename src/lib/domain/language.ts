// The languages a citizen can choose and a letter can be written in.
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

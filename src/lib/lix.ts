// The Danish readability index LIX (Björnsson): average sentence length plus the share of long
// words. Below 25 is very easy, 25–34 easy, 35–44 medium, 45–54 hard, 55 and above very hard. Sammen
// asks staff to keep citizen-visible text at 40 or below (docs/RULES.md: klarsprog). Pure, so the form can
// compute it live in the browser and the server the same way for the preview without JavaScript.

export interface LixResult {
	/** Rounded to a whole number; null when the text has no words. */
	lix: number | null;
	words: number;
	sentences: number;
	longWords: number;
}

/** Above this the form shows a plain-language tip. */
export const LIX_TIP_THRESHOLD = 40;

// A word is a run of letters (any script, Danish æøå included) and digits; hyphenated words count
// as one ("e-mail"), and so do numbers such as 10.30. Punctuation around it is not part of it.
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+|[.,:]\p{N}+)*/gu;
// A sentence ends at . : ! or ? (LIX counts the colon too), however many there are in a row.
const SENTENCE_END = /[.:!?]+(?=\s|$)/gu;

export function lix(text: string): LixResult {
	const words = text.match(WORD) ?? [];
	if (words.length === 0) return { lix: null, words: 0, sentences: 0, longWords: 0 };
	const longWords = words.filter((w) => [...w.replace(/[-'’.,:]/g, '')].length > 6).length;
	const trimmed = text.trim();
	let sentences = (trimmed.match(SENTENCE_END) ?? []).length;
	// Text after the last full stop (or a text without one) is a sentence too.
	if (!/[.:!?]$/u.test(trimmed)) sentences += 1;
	sentences = Math.max(sentences, 1);
	const value = words.length / sentences + (100 * longWords) / words.length;
	return { lix: Math.round(value), words: words.length, sentences, longWords };
}

export type LixLevel = 'veryEasy' | 'easy' | 'medium' | 'hard' | 'veryHard';

export function lixLevel(value: number): LixLevel {
	if (value < 25) return 'veryEasy';
	if (value < 35) return 'easy';
	if (value < 45) return 'medium';
	if (value < 55) return 'hard';
	return 'veryHard';
}

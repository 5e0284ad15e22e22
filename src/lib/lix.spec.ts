import { describe, expect, it } from 'vitest';
import { lix, lixLevel } from './lix';

describe('lix', () => {
	it('counts words, sentences and words of more than six letters', () => {
		// 7 words, 2 sentences, 1 long word ("lønsedler", 9 letters): 7/2 + 100·1/7 = 17.8 → 18.
		const result = lix('Send dine lønsedler. Vi ringer til dig.');
		expect(result).toEqual({ lix: 18, words: 7, sentences: 2, longWords: 1 });
	});

	it('gives a long sentence of long words a high index', () => {
		const text =
			'Kommunalbestyrelsens beslutning vedrørende ressourceforløbsydelse forudsætter dokumentation af arbejdsevnen ifølge lovgivningen';
		const result = lix(text);
		expect(result.words).toBe(10);
		expect(result.sentences).toBe(1);
		expect(result.longWords).toBe(8);
		// 10/1 + 100·8/10 = 90
		expect(result.lix).toBe(90);
		expect(lixLevel(result.lix!)).toBe('veryHard');
	});

	it('counts a text without a full stop as one sentence, and colons as sentence ends', () => {
		expect(lix('Husk mødet').sentences).toBe(1);
		expect(lix('Husk: mødet er i morgen.').sentences).toBe(2);
		expect(lix('Hvad nu?! Ring til os.').sentences).toBe(2);
	});

	it('does not split on decimal points or times, and counts hyphenated words once', () => {
		const result = lix('Mødet er kl. 10.30 om e-mail');
		// "kl." followed by a space ends a sentence in LIX's naive counting; 10.30 does not.
		expect(result.words).toBe(6);
		expect(result.sentences).toBe(2);
	});

	it('has no index for a text without words', () => {
		expect(lix('')).toEqual({ lix: null, words: 0, sentences: 0, longWords: 0 });
		expect(lix(' … ').lix).toBeNull();
	});

	it('rates a known easy text (the opening of "Prinsessen på ærten") as easy', () => {
		// 18 words, 1 sentence, 2 long words ("prinsesse", 9 letters; "engang" has only 6).
		const text =
			'Der var engang en prins, han ville have sig en prinsesse, men det skulle være en rigtig prinsesse.';
		const result = lix(text);
		expect(result.words).toBe(18);
		expect(result.longWords).toBe(2);
		// 18/1 + 100·2/18 = 18 + 11.1 = 29
		expect(result.lix).toBe(29);
		expect(lixLevel(29)).toBe('easy');
	});

	it('places the levels at the usual bounds', () => {
		expect(lixLevel(24)).toBe('veryEasy');
		expect(lixLevel(25)).toBe('easy');
		expect(lixLevel(40)).toBe('medium');
		expect(lixLevel(45)).toBe('hard');
		expect(lixLevel(55)).toBe('veryHard');
	});
});

import { format, type MessageKey, type Messages } from '$lib/i18n/messages';
import { lixLevel, type LixLevel } from '$lib/lix';

const LEVELS: Record<LixLevel, MessageKey> = {
	veryEasy: 'sjLixVeryEasy',
	easy: 'sjLixEasy',
	medium: 'sjLixMedium',
	hard: 'sjLixHard',
	veryHard: 'sjLixVeryHard'
};

/** A LIX value in words, the same in the writing hint and in the preview. */
export function lixText(m: Messages, lix: number): string {
	return format(m.sjLixValue, { lix, level: m[LEVELS[lixLevel(lix)]] });
}

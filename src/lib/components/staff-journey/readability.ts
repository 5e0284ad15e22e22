import { format } from '$lib/i18n/format';
import type { StaffKey, StaffMessages } from '$lib/i18n/staff';
import { lixLevel, type LixLevel } from '$lib/lix';

const LEVELS: Record<LixLevel, StaffKey> = {
	veryEasy: 'sjLixVeryEasy',
	easy: 'sjLixEasy',
	medium: 'sjLixMedium',
	hard: 'sjLixHard',
	veryHard: 'sjLixVeryHard'
};

/** A LIX value in words, the same in the writing hint and in the preview. */
export function lixText(m: StaffMessages, lix: number): string {
	return format(m.sjLixValue, { lix, level: m[LEVELS[lixLevel(lix)]] });
}

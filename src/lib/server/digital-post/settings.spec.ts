// When a letter may go (the working day's cut-off in Danish time, weekends, urgent invitations),
// and the settings' checks. Fixed instants: the functions take the time as an argument.
import { describe, expect, it } from 'vitest';
import { digitalPostSettings, isUrgent, letterSendAfter } from './settings';

const at = (iso: string) => new Date(iso);
const cutoff = { bundleCutoff: { hour: 15, minute: 0 } };

describe('letterSendAfter', () => {
	it('waits for the cut-off of the working day the letter is written on', () => {
		// Tuesday 8 December 2026, 10:00 in Copenhagen (UTC+1).
		expect(letterSendAfter(at('2026-12-08T09:00:00Z'), cutoff)).toEqual(at('2026-12-08T14:00:00Z'));
	});

	it('goes at the next working day’s cut-off after the cut-off, and over a weekend', () => {
		// Tuesday 15:30 → Wednesday 15:00.
		expect(letterSendAfter(at('2026-12-08T14:30:00Z'), cutoff)).toEqual(at('2026-12-09T14:00:00Z'));
		// Friday 16:00 → Monday 15:00; Saturday → Monday.
		expect(letterSendAfter(at('2026-12-11T15:00:00Z'), cutoff)).toEqual(at('2026-12-14T14:00:00Z'));
		expect(letterSendAfter(at('2026-12-12T10:00:00Z'), cutoff)).toEqual(at('2026-12-14T14:00:00Z'));
	});

	it('uses Danish summer time when it applies', () => {
		// Wednesday 1 July 2026, 09:00 in Copenhagen (UTC+2): the cut-off is 13:00 UTC.
		expect(letterSendAfter(at('2026-07-01T07:00:00Z'), cutoff)).toEqual(at('2026-07-01T13:00:00Z'));
	});

	it('sends at once when urgent or when bundling is off', () => {
		const now = at('2026-12-08T09:00:00Z');
		expect(letterSendAfter(now, cutoff, true)).toEqual(now);
		expect(letterSendAfter(now, { bundleCutoff: null })).toEqual(now);
	});
});

describe('isUrgent', () => {
	const now = at('2026-12-08T09:00:00Z');
	const settings = { urgentDays: 5 };
	it('is an invitation, move or cancellation with less notice than the urgent days', () => {
		const soon = at('2026-12-10T09:00:00Z');
		for (const type of ['meeting_invite', 'meeting_moved', 'meeting_cancelled']) {
			expect(isUrgent({ type, meetingStartsAt: soon }, now, settings)).toBe(true);
		}
		expect(isUrgent({ type: 'note', meetingStartsAt: soon }, now, settings)).toBe(false);
		expect(
			isUrgent(
				{ type: 'meeting_invite', meetingStartsAt: at('2026-12-20T09:00:00Z') },
				now,
				settings
			)
		).toBe(false);
		expect(isUrgent({ type: 'meeting_invite' }, now, settings)).toBe(false);
	});
});

describe('digitalPostSettings', () => {
	it('defaults to the print queue, a 15:00 cut-off, 5 days and decisions', () => {
		const settings = digitalPostSettings({});
		expect(settings).toMatchObject({
			mode: 'print-queue',
			bundleCutoff: { hour: 15, minute: 0 },
			urgentDays: 5,
			addressSource: 'stored'
		});
		expect([...settings.digitalPostEvents]).toEqual(['decision']);
	});

	it('reads every setting and refuses what it cannot use, naming the variable', () => {
		const settings = digitalPostSettings({
			LETTER_DELIVERY: 'sf1601',
			LETTER_BUNDLE_CUTOFF: 'none',
			LETTER_URGENT_DAYS: '0',
			DIGITAL_POST_EVENTS: 'decision, meeting_invite',
			ADDRESS_SOURCE: 'sf1520',
			DIGITAL_POST_CHOICE: 'automatic',
			MUNICIPALITY_CVR: '11223344',
			SF1601_SERVICE_AGREEMENT_UUID: 'B7E0C1D2-3A4B-4C5D-8E6F-7A8B9C0D1E2F'
		});
		expect(settings).toMatchObject({
			mode: 'sf1601',
			bundleCutoff: null,
			urgentDays: 0,
			addressSource: 'sf1520',
			digitalChoice: 'automatic',
			senderCvr: '11223344',
			agreement: { serviceAgreementUuid: 'b7e0c1d2-3a4b-4c5d-8e6f-7a8b9c0d1e2f' }
		});
		expect([...settings.digitalPostEvents]).toEqual(['decision', 'meeting_invite']);
		for (const [name, value] of [
			['LETTER_DELIVERY', 'eboks'],
			['LETTER_BUNDLE_CUTOFF', '25:00'],
			['LETTER_URGENT_DAYS', '-1'],
			['ADDRESS_SOURCE', 'cpr'],
			['DIGITAL_POST_CHOICE', 'nemsms'],
			['MUNICIPALITY_CVR', '1234'],
			['SF1601_USER_UUID', 'not-a-uuid']
		]) {
			expect(() => digitalPostSettings({ [name!]: value }), name).toThrow(name);
		}
	});
});

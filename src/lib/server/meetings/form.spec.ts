// The meeting form's date: the same typed forms as every other staff form, combined with the
// Danish wall-clock time into an instant. The rest of the form, and planning and moving meetings,
// are tested against the database in tests/db/staff-meetings.spec.ts.
import { describe, expect, it } from 'vitest';
import { checkMeetingForm, checkTimePlace, type MeetingFormValues } from './form';

// Passed in, so the checks do not read the clock.
const now = new Date(Date.UTC(2026, 1, 1, 9));

function values(date: string): MeetingFormValues {
	return {
		title: 'Fællesmøde om din plan',
		date,
		start: '10.00',
		end: '11:30',
		location: 'Rådhuset, mødelokale 3',
		videoUrl: '',
		agenda: 'Status',
		whatToBring: '',
		participants: [],
		externals: []
	};
}

const check = (date: string) => checkMeetingForm(values(date), new Set(), now);

describe('the meeting form’s date', () => {
	it('takes every format the other staff forms take, as 10.00 Danish time that day', () => {
		for (const date of ['3.3.2026', '03.03.2026', '3-3-2026', '03/03/2026', '2026-03-03']) {
			const { errors, input } = check(date);
			expect(errors, date).toEqual({});
			// March 3rd is winter time (CET): 10.00 in Copenhagen is 09.00 UTC.
			expect(input?.startsAt.toISOString(), date).toBe('2026-03-03T09:00:00.000Z');
			expect(input?.endsAt.toISOString(), date).toBe('2026-03-03T10:30:00.000Z');
		}
		// Summer time (CEST) is two hours ahead.
		expect(check('15.6.2026').input?.startsAt.toISOString()).toBe('2026-06-15T08:00:00.000Z');
	});

	it('takes the same years as the other staff forms, and whitespace around the date', () => {
		expect(check('3.3.2150').input?.startsAt.toISOString()).toBe('2150-03-03T09:00:00.000Z');
		const errors = {};
		const untrimmed = checkTimePlace(values(' 3.3.2026 '), errors, now);
		expect(errors).toEqual({});
		expect(untrimmed?.startsAt.toISOString()).toBe('2026-03-03T09:00:00.000Z');
	});

	it('keeps its own messages for dates it cannot read, for none and for the past', () => {
		for (const date of ['31.4.2026', '29.2.2027', '3.3-2026', '2026-3-33', '3.3.26', 'i morgen']) {
			expect(check(date).errors, date).toEqual({ date: 'smErrorDate' });
		}
		expect(check('').errors).toEqual({ date: 'smErrorDateMissing' });
		expect(check('31.1.2026').errors).toEqual({ date: 'smErrorPast' });
	});
});

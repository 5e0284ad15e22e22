// The entry form's dates: the same typed forms as every other staff form, stored as 'YYYY-MM-DD'.
// The rest of the form is tested against the database in tests/db/staff-journey.spec.ts.
import { describe, expect, it } from 'vitest';
import { parseEntry, type EntryValues } from './entry';

const caseId = '4b6f2a0e-8c1d-4e5f-9a7b-2c3d4e5f6a7b';
const colleagueId = '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';
// Passed in, as the route passes Denmark's today: the checks do not read the clock.
const today = '2026-03-02';
const allowed = {
	ownCases: [{ id: caseId }],
	colleagueIds: [colleagueId],
	correctable: () => false,
	today
};

function values(overrides: Partial<EntryValues>): EntryValues {
	return {
		type: '',
		synlighed: 'citizen',
		titel: 'Titel',
		tekst: 'Tekst',
		titelEn: '',
		tekstEn: '',
		sag: '',
		status: '',
		venterPaa: '',
		naesteSkridt: '',
		frist: '',
		modtager: '',
		opgaveFrist: '',
		retter: '',
		token: '',
		...overrides
	};
}

const status = (frist: string) =>
	parseEntry(values({ type: 'status', sag: caseId, status: 'in_progress', frist }), allowed);
const task = (opgaveFrist: string) =>
	parseEntry(values({ type: 'task', modtager: 'citizen', opgaveFrist }), allowed);

describe('parseEntry’s dates', () => {
	it('takes a next-step deadline typed the Danish way, as the other staff forms do', () => {
		for (const frist of ['3.3.2026', '03-03-2026', '3/3/2026', '2026-03-03']) {
			const parsed = status(frist);
			expect(parsed.ok ? parsed.entry.status?.nextStepDue : parsed, frist).toBe('2026-03-03');
		}
		const none = status('');
		expect(none.ok && none.entry.status?.nextStepDue).toBeNull();
	});

	it('takes a task deadline typed the Danish way, and still refuses one in the past', () => {
		for (const opgaveFrist of ['3.3.2026', '03.03.2026', '3-3-2026', '2026-03-03']) {
			const parsed = task(opgaveFrist);
			expect(parsed.ok ? parsed.entry.taskDue : parsed, opgaveFrist).toBe('2026-03-03');
		}
		const onToday = task('2.3.2026');
		expect(onToday.ok && onToday.entry.taskDue).toBe(today);
		expect(task('1.3.2026')).toEqual({ ok: false, errors: { opgaveFrist: 'sjErrorDuePast' } });
		// Compared as days, not as the typed text, which sorts before '2026-03-02' as a string.
		expect(task('1.4.2026')).toMatchObject({ ok: true, entry: { taskDue: '2026-04-01' } });
	});

	it('keeps its own messages for dates it cannot read', () => {
		for (const bad of ['31.4.2026', '29.2.2027', '3.3.26', 'i morgen']) {
			expect(status(bad), bad).toEqual({ ok: false, errors: { frist: 'sjErrorDate' } });
			expect(task(bad), bad).toEqual({ ok: false, errors: { opgaveFrist: 'sjErrorDate' } });
		}
		expect(task('')).toEqual({ ok: false, errors: { opgaveFrist: 'sjErrorDue' } });
	});
});

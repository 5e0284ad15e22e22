// A plan goal's target date: the same typed forms as every other staff form, stored as
// 'YYYY-MM-DD'. Adding and changing goals is tested against the database in
// tests/db/staff-meetings.spec.ts.
import { describe, expect, it } from 'vitest';
import { checkGoalForm, type GoalFormValues } from './coordination';

function goal(targetDate: string): GoalFormValues {
	return {
		title: 'Kørekort',
		description: '',
		status: 'not_started',
		progress: '0',
		department: '',
		targetDate,
		sortOrder: ''
	};
}

const check = (targetDate: string) => checkGoalForm(goal(targetDate), new Set());

describe('the goal form’s target date', () => {
	it('takes every format and year the other staff forms take', () => {
		for (const date of ['3.3.2026', '03-03-2026', '3/3/2026', '2026-03-03']) {
			expect(check(date).input?.targetDate, date).toBe('2026-03-03');
		}
		expect(check('31.12.2150').input?.targetDate).toBe('2150-12-31');
		expect(check('').input?.targetDate).toBeNull();
	});

	it('keeps its own message for dates it cannot read', () => {
		for (const date of ['31.4.2026', '3.3.26', 'z']) {
			expect(check(date).errors, date).toEqual({ targetDate: 'smErrorDate' });
		}
	});
});

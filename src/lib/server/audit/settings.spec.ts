import { describe, expect, it } from 'vitest';
import { auditShowsStaffNames } from './settings';

describe('AUDIT_SHOW_STAFF_NAMES', () => {
	it('is off unless the municipality turns it on', () => {
		expect(auditShowsStaffNames({})).toBe(false);
		expect(auditShowsStaffNames({ AUDIT_SHOW_STAFF_NAMES: '' })).toBe(false);
		expect(auditShowsStaffNames({ AUDIT_SHOW_STAFF_NAMES: 'false' })).toBe(false);
		expect(auditShowsStaffNames({ AUDIT_SHOW_STAFF_NAMES: '0' })).toBe(false);
		expect(auditShowsStaffNames({ AUDIT_SHOW_STAFF_NAMES: 'nej' })).toBe(false);
	});

	it('accepts true, 1 and yes in any case', () => {
		for (const value of ['true', 'TRUE', ' True ', '1', 'yes']) {
			expect(auditShowsStaffNames({ AUDIT_SHOW_STAFF_NAMES: value })).toBe(true);
		}
	});
});

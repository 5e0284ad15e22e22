import { describe, expect, it } from 'vitest';
import { auditSentence, auditWhat, auditWho, auditWhy, type AuditRowForText } from './audit-text';
import { t } from './i18n/portal';

const da = t('da');
const en = t('en');

const staffRead: AuditRowForText = {
	actorType: 'staff',
	action: 'read',
	objectType: 'journey',
	purpose: 'Forberedelse af fællesmøde',
	department: { name: 'Jobcenter', nameEn: 'Job Centre' },
	staffName: null,
	staffRole: 'caseworker',
	representativeName: null
};

describe('audit rows in the citizen’s words', () => {
	it('says which department read what, in Danish and English', () => {
		expect(auditSentence(da, 'da', staffRead)).toBe('En medarbejder i Jobcenter læste dit forløb.');
		expect(auditSentence(en, 'en', staffRead)).toBe(
			'A member of staff at Job Centre read your journey.'
		);
	});

	it('names the member of staff only when the row carries the name', () => {
		expect(auditWho(da, 'da', { ...staffRead, staffName: 'Lone Madsen' })).toBe(
			'Lone Madsen fra Jobcenter'
		);
		expect(auditWho(da, 'da', { ...staffRead, department: null, staffRole: 'auditor' })).toBe(
			'En revisor i kommunen'
		);
	});

	it('names the representative, whom the citizen knows', () => {
		const row = {
			...staffRead,
			actorType: 'representative' as const,
			department: null,
			staffRole: null,
			representativeName: 'Henrik Hansen',
			action: 'export' as const,
			objectType: 'citizen_data'
		};
		expect(auditSentence(da, 'da', row)).toBe(
			'Din repræsentant Henrik Hansen hentede alle dine data.'
		);
		expect(auditSentence(en, 'en', row)).toBe(
			'Your representative Henrik Hansen downloaded all your data.'
		);
	});

	it('describes searches, changes and downloads in plain words', () => {
		expect(auditWhat(da, 'search', 'citizen')).toBe('søgte efter dig');
		expect(auditWhat(da, 'update', 'task')).toBe('ændrede en opgave');
		expect(auditWhat(da, 'export', 'document')).toBe('hentede et dokument');
		expect(auditWhat(en, 'update', 'acting_for')).toBe('started acting for you');
	});

	it('never shows an unknown code', () => {
		for (const type of ['kle_magic', 'constructor', '__proto__', 'toString']) {
			expect(auditWhat(da, 'read', type)).toBe('læste oplysninger om dig');
		}
		expect(auditWhat(da, 'logout', 'session')).toBe('brugte oplysninger om dig');
	});

	it('shows purposes staff wrote, and system codes only in words', () => {
		expect(auditWhy(da, staffRead)).toBe('Forberedelse af fællesmøde');
		expect(auditWhy(da, { purpose: 'loa_too_low' })).toBe('Login var ikke sikkert nok.');
		expect(auditWhy(da, { purpose: 'loa:substantial' })).toBeNull();
		expect(auditWhy(da, { purpose: '  ' })).toBeNull();
		expect(auditWhy(da, { purpose: null })).toBeNull();
	});
});

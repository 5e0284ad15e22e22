import { describe, expect, it } from 'vitest';
import { t } from '$lib/i18n/portal';
import { channelText, receiptNumber, recordedByText, stateText, type RecordedBy } from './describe';

const maja = {
	actorId: 'maja',
	subjectId: 'maja',
	subjectName: 'Maja Jensen',
	representing: false
};
const henrikForSofie = {
	actorId: 'henrik',
	subjectId: 'sofie',
	subjectName: 'Sofie Hansen',
	representing: true
};
const byCitizen = (id: string, name: string): RecordedBy => ({
	recordedByCitizenId: id,
	recordedByCitizenName: name,
	recordedByStaff: false,
	recordedByStaffDepartmentName: null,
	recordedByStaffDepartmentNameEn: null
});
const byStaff: RecordedBy = {
	recordedByCitizenId: null,
	recordedByCitizenName: null,
	recordedByStaff: true,
	recordedByStaffDepartmentName: 'Jobcenter',
	recordedByStaffDepartmentNameEn: 'Job Centre'
};

describe('how a consent change reads', () => {
	const da = t('da');
	const en = t('en');

	it('names who recorded it from the viewer’s point of view', () => {
		expect(recordedByText(da, 'da', byCitizen('maja', 'Maja Jensen'), maja)).toBe('Dig');
		expect(recordedByText(da, 'da', byCitizen('henrik', 'Henrik Hansen'), henrikForSofie)).toBe(
			'Dig, på vegne af Sofie Hansen'
		);
		expect(recordedByText(da, 'da', byCitizen('sofie', 'Sofie Hansen'), henrikForSofie)).toBe(
			'Sofie Hansen'
		);
		expect(recordedByText(da, 'da', byCitizen('henrik', 'Henrik Hansen'), maja)).toBe(
			'Henrik Hansen, som handler på dine vegne'
		);
		expect(recordedByText(en, 'en', byStaff, maja)).toBe('A member of staff at Job Centre');
		// A receipt names people, whoever looks at it.
		const names = { names: true };
		expect(recordedByText(da, 'da', byCitizen('maja', 'Maja Jensen'), maja, names)).toBe(
			'Maja Jensen'
		);
		expect(
			recordedByText(da, 'da', byCitizen('henrik', 'Henrik Hansen'), henrikForSofie, names)
		).toBe('Henrik Hansen, som handler på vegne af Sofie Hansen');
		expect(
			recordedByText(da, 'da', byCitizen('sofie', 'Sofie Hansen'), henrikForSofie, names)
		).toBe('Sofie Hansen');
		expect(
			recordedByText(da, 'da', { ...byStaff, recordedByStaffDepartmentName: null }, maja)
		).toBe('En medarbejder i kommunen');
	});

	it('says what applies now, with the date and year', () => {
		const at = new Date('2026-04-03T10:00:00Z');
		expect(stateText(da, 'da', { action: 'granted', occurredAt: at }, maja)).toBe(
			'Du har givet samtykke 3. april 2026.'
		);
		expect(stateText(da, 'da', { action: 'withdrawn', occurredAt: at }, maja)).toBe(
			'Du trak dit samtykke tilbage 3. april 2026.'
		);
		expect(stateText(da, 'da', null, maja)).toBe('Du har ikke givet samtykke.');
		expect(stateText(da, 'da', null, henrikForSofie)).toBe('Sofie Hansen har ikke givet samtykke.');
		expect(stateText(en, 'en', { action: 'granted', occurredAt: at }, maja)).toBe(
			'You gave consent on 3 April 2026.'
		);
	});

	it('names the channel in plain words and makes a short receipt number', () => {
		expect(channelText(da, 'paper')).toBe('På papir');
		expect(channelText(en, 'meeting')).toBe('At a meeting');
		expect(receiptNumber('3f2a9c1e-0000-4000-8000-000000000000')).toBe('3F2A9C1E');
	});
});

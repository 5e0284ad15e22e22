// How every section of the printable "my data" page writes text, departments and times, so that
// the sections agree with each other.
import { formatDateTimeWithYear, formatWeekdayDateWithYear } from '$lib/format';
import type { Locale } from '$lib/i18n/locale';
import { localized } from '$lib/i18n/format';
import type { PortalKey } from '$lib/i18n/portal';
import type { DepartmentRef, RecordedBy } from '$lib/server/db/export';

export function printFormat(locale: Locale) {
	const text = (da: string, english: string | null | undefined) => localized(locale, da, english);
	return {
		text,
		dept: (d: DepartmentRef | null) => (d ? text(d.name, d.nameEn) : ''),
		when: (value: Date) => formatDateTimeWithYear(value, locale),
		day: (value: string | Date) => formatWeekdayDateWithYear(value, locale)
	};
}

export const RECORDERS: Record<RecordedBy, PortalKey> = {
	you: 'dataPrintByYou',
	representative: 'dataPrintByRepresentative',
	municipality: 'dataPrintByMunicipality'
};

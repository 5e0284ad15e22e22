// What every part of the "my data" export shares: how a department is named and who recorded a
// change.
import type { Executor } from '../executor';

export type DateString = string;

export interface DepartmentRef {
	id: string;
	name: string;
	nameEn: string;
}

/** Who recorded a change: the citizen, their representative, or the municipality's staff. */
export type RecordedBy = 'you' | 'representative' | 'municipality';

/** A department id (or none) as the export spells it out; null when there is none. */
export type DepartmentLookup = (id: string | null | undefined) => DepartmentRef | null;

/** All departments in one query: the parts of the export name them by id, often many times. */
export async function loadDepartments(db: Executor): Promise<DepartmentLookup> {
	const departmentRows = await db
		.selectFrom('departments')
		.select(['id', 'name', 'name_en'])
		.execute();
	const departments = new Map<string, DepartmentRef>(
		departmentRows.map((d) => [d.id, { id: d.id, name: d.name, nameEn: d.name_en }])
	);
	return (id) => (id ? (departments.get(id) ?? null) : null);
}

export function recordedBy(citizenId: string, byCitizen: string | null): RecordedBy {
	if (byCitizen === citizenId) return 'you';
	return byCitizen ? 'representative' : 'municipality';
}

// Ids of the demo's rows. Stable keys make stable uuids (demoId), so rows can refer to each other
// before insertion and every table goes in with one multi-row INSERT; tests and the demo guide use
// the same keys to find the rows.
import type { CitizenName, DepartmentKey, StaffName } from './demo-data';
import { demoId } from './demo-time';

export const demoIds = {
	department: (slug: DepartmentKey) => demoId(`department:${slug}`),
	staff: (name: StaffName) => demoId(`staff:${name}`),
	citizen: (name: CitizenName) => demoId(`citizen:${name}`),
	case: (key: string) => demoId(`case:${key}`),
	journey: (key: string) => demoId(`journey:${key}`),
	meeting: (key: string) => demoId(`meeting:${key}`),
	task: (key: string) => demoId(`task:${key}`),
	letter: (key: string) => demoId(`letter:${key}`)
};

// Sammen Kommune itself: its departments, its staff and the citizens it knows from the CPR
// register, written before any story, since every story's rows refer to them. The places are the
// municipality's meeting rooms, where several stories meet.
import { encryptCpr, hashCpr, type CprKeys } from '../crypto/cpr';
import type { DemoBuilder } from './builder';
import {
	DEMO_CITIZEN_ROWS,
	DEMO_CITIZENS,
	DEMO_CITY,
	DEMO_DEPARTMENTS,
	DEMO_STAFF,
	DEMO_STAFF_USERS
} from './demo-data';
import { demoIds as ids } from './ids';

export const TOWN_HALL = 'Rådhuset, mødelokale 2, Rådhuspladsen 1, 9999 Sammenby';
export const JOB_CENTRE = 'Jobcentret, Stationsvej 4, 9999 Sammenby';

export function municipality(b: DemoBuilder, keys: CprKeys): void {
	const created = b.clock.past(400, 8);
	for (const d of DEMO_DEPARTMENTS) {
		b.rows.departments.push({
			id: ids.department(d.slug),
			slug: d.slug,
			name: d.name,
			name_en: d.nameEn,
			kle_area: d.kleArea,
			phone: d.phone,
			email: d.email,
			address: d.address,
			opening_hours: d.openingHours,
			created_at: created
		});
	}
	for (const s of DEMO_STAFF_USERS) {
		b.rows.staff_users.push({
			id: ids.staff(s.name),
			oidc_subject: null,
			email: DEMO_STAFF[s.name],
			name: s.name,
			department_id: s.department ? ids.department(s.department) : null,
			role: s.role,
			phone: s.phone,
			active: true,
			created_at: created
		});
	}
	for (const c of DEMO_CITIZEN_ROWS) {
		const cpr = DEMO_CITIZENS[c.name];
		b.rows.citizens.push({
			id: ids.citizen(c.name),
			cpr_encrypted: encryptCpr(keys, cpr),
			cpr_hash: hashCpr(keys, cpr),
			name: c.name,
			co_name: c.coName,
			address_line: c.addressLine,
			postal_code: DEMO_CITY.postalCode,
			city: DEMO_CITY.city,
			preferred_language: c.language,
			email: c.email,
			phone: c.phone,
			notify_by_email: c.notifyByEmail,
			notify_by_sms: c.notifyBySms,
			created_at: b.clock.past(300, 8),
			updated_at: b.clock.past(60, 8)
		});
	}
}

import type { DemoBuilder } from '../builder';

/** Lise Mortensen chose paper herself, then went back to digital (two rows of history). */
export function lise(b: DemoBuilder): void {
	const c = b.clock;
	b.analog(
		'Lise Mortensen',
		true,
		'citizen_choice',
		'Lise Mortensen',
		c.past(150, 20, 5),
		'Vil hellere have breve med posten.'
	);
	b.letter({
		key: 'lise-l1',
		citizen: 'Lise Mortensen',
		subject: 'Vi har modtaget din henvendelse',
		body: 'Kære Lise Mortensen\n\nVi har modtaget din henvendelse om rådgivning. Jonas Friis ringer til dig inden for en uge.\n\nVenlig hilsen\nSocialforvaltningen\nTelefon 12 34 50 20',
		createdAt: c.past(140, 11),
		pageCount: 1
	});
	b.analog('Lise Mortensen', false, null, 'Lise Mortensen', c.past(60, 19, 30), null);
	b.case({
		key: 'lise-advice',
		citizen: 'Lise Mortensen',
		type: 'advice',
		status: 'closed',
		next: null,
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220366',
		at: { opened: c.past(141, 10), closed: c.past(90, 10), updated: c.past(90, 10) }
	});
	b.case({
		key: 'lise-help',
		citizen: 'Lise Mortensen',
		type: 'dentalTreatment',
		status: 'received',
		next: {
			waitingOn: 'citizen',
			step: ['Send et prisoverslag fra din tandlæge', 'Send a cost estimate from your dentist'],
			due: c.dueDate(10)
		},
		caseworker: 'Kasper Dahl',
		externalRef: 'BS-550377',
		at: { opened: c.past(12, 10), updated: c.past(12, 10) }
	});
	b.task({
		key: 'lise-estimate',
		citizen: 'Lise Mortensen',
		case: 'lise-help',
		title: 'Send et prisoverslag fra din tandlæge',
		titleEn: 'Send a cost estimate from your dentist',
		description: 'Bed din tandlæge om et skriftligt prisoverslag, og send det til os.',
		dueDate: c.dueDate(10),
		createdBy: 'Kasper Dahl',
		createdAt: c.past(12, 10)
	});
}

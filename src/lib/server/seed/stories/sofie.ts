import type { DemoBuilder } from '../builder';

/** Sofie Hansen, 15, represented by her father Henrik Hansen (parental custody). */
export function sofie(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'sofie';
	b.representation({
		key: 'sofie-henrik',
		citizen: 'Sofie Hansen',
		representative: 'Henrik Hansen',
		scope: 'full',
		basis: 'parental_custody',
		basisReference: 'Forældremyndighed ifølge CPR-registeret',
		validFrom: c.date(-150),
		// Custody ends when Sofie turns 18.
		validTo: c.date(3 * 365),
		registeredBy: 'Peter Holm',
		createdAt: c.past(150, 9)
	});
	b.case({
		key: 'sofie-investigation',
		citizen: 'Sofie Hansen',
		type: 'supportAssessment',
		status: 'closed',
		next: null,
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310601',
		at: {
			opened: c.past(160, 10),
			decided: c.past(110, 10),
			closed: c.past(108, 10),
			updated: c.past(108, 10)
		}
	});
	b.case({
		key: 'sofie-contact',
		citizen: 'Sofie Hansen',
		type: 'contactPerson',
		status: 'decided',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi følger op på, hvordan det går med din kontaktperson',
				'We will follow up on how things are going with your contact person'
			],
			due: c.dueDate(30)
		},
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310644',
		at: { opened: c.past(108, 10), decided: c.past(108, 11), updated: c.past(20, 14) }
	});
	b.case({
		key: 'sofie-costs',
		citizen: 'Sofie Hansen',
		type: 'extraExpensesChild',
		status: 'in_progress',
		next: {
			waitingOn: 'citizen',
			step: [
				'Send kvitteringerne for de ekstra udgifter',
				'Send the receipts for the extra expenses'
			],
			due: c.dueDate(14)
		},
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310702',
		at: { opened: c.past(40, 10), updated: c.past(12, 10) }
	});
	b.journey({
		key: J,
		citizen: 'Sofie Hansen',
		title: 'Sofies trivsel og skolegang',
		titleEn: "Sofie's well-being and school",
		coordinator: 'Peter Holm',
		startedAt: c.past(150, 9),
		cases: ['sofie-investigation', 'sofie-contact', 'sofie-costs']
	});
	b.meeting({
		key: 'sofie-m1',
		journey: J,
		title: 'Netværksmøde på skolen',
		titleEn: 'Network meeting at school',
		startsAt: c.past(100, 14),
		minutes: 60,
		location: 'Sammenby Skole, Skolegade 20, 9999 Sammenby',
		agenda: '1. Hvordan går det i skolen?\n2. Din kontaktperson\n3. Næste møde',
		organizer: 'Peter Holm',
		response: 'accepted',
		respondedAt: c.past(104, 19),
		notes: 'Sofie er glad for sin kontaktperson. Fraværet er faldet.',
		createdAt: c.past(106, 10),
		participants: [
			{ staff: 'Peter Holm', role: 'Sagsbehandler' },
			{ name: 'Sofies klasselærer', role: 'Lærer, Sammenby Skole' }
		]
	});
	b.task({
		key: 'sofie-receipts',
		citizen: 'Sofie Hansen',
		journey: J,
		case: 'sofie-costs',
		title: 'Send kvitteringer for de ekstra udgifter',
		titleEn: 'Send the receipts for the extra expenses',
		description: 'Send kvitteringer for de sidste tre måneder. Et billede af kvitteringen er nok.',
		dueDate: c.dueDate(14),
		createdBy: 'Peter Holm',
		createdAt: c.past(12, 10)
	});
	const e = b.timeline(J);
	e({
		at: c.past(150, 9, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Dit forløb er startet',
		body: 'Peter Holm fra Børn og Familie er din sagsbehandler. Din far, Henrik Hansen, kan se og gøre det samme som dig her.'
	});
	e({
		at: c.past(140, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Samtale med Sofie og far',
		body: 'Sofie har meget fravær og føler sig alene i klassen. Far ønsker hjælp. Undersøgelse påbegyndt.'
	});
	e({
		at: c.past(110, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Afgørelse: Du får en kontaktperson',
		body: 'Du får en kontaktperson, som du ser en gang om ugen. Er I uenige, kan I klage inden fire uger.'
	});
	e({
		at: c.past(106, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Peter Holm',
		meeting: 'sofie-m1',
		title: 'Invitation til netværksmøde på skolen',
		body: 'Vi mødes på skolen med din klasselærer.'
	});
	e({
		at: c.past(100, 15, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Peter Holm',
		meeting: 'sofie-m1',
		title: 'Netværksmøde på skolen',
		body: 'Du er glad for din kontaktperson, og du er mindre væk fra skolen.'
	});
	e({
		at: c.past(60, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Status fra kontaktperson',
		body: 'Ugentlige møder fungerer. Sofie er begyndt til håndbold.'
	});
	e({
		at: c.past(40, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Vi har modtaget jeres ansøgning om ekstra udgifter',
		body: 'Vi behandler ansøgningen. Vi skriver, hvis vi mangler noget.'
	});
	e({
		at: c.past(12, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Peter Holm',
		task: 'sofie-receipts',
		title: 'Ny opgave: Send kvitteringer for de ekstra udgifter',
		body: 'Send kvitteringer for de sidste tre måneder.'
	});
	b.read('Peter Holm', 'Sofie Hansen', J, c.past(12, 9, 45), 'Behandling af ansøgning');
}

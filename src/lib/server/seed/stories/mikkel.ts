import type { DemoBuilder } from '../builder';
import { JOB_CENTRE } from '../municipality';

/** Mikkel Thomsen withdrew his consent for the Jobcenter three weeks ago. */
export function mikkel(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'mikkel';
	b.case({
		key: 'mikkel-placement',
		citizen: 'Mikkel Thomsen',
		type: 'workPlacement',
		status: 'in_progress',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi evaluerer praktikken sammen med dig',
				'We will evaluate the work placement with you'
			],
			due: c.dueDate(12)
		},
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104655',
		at: { opened: c.past(125, 10), updated: c.past(10, 10) }
	});
	b.case({
		key: 'mikkel-advice',
		citizen: 'Mikkel Thomsen',
		type: 'advice',
		status: 'in_progress',
		next: {
			waitingOn: 'citizen',
			step: ['Book en tid til din næste samtale', 'Book a time for your next conversation'],
			due: c.dueDate(7)
		},
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220502',
		at: { opened: c.past(135, 10), updated: c.past(20, 10) }
	});
	b.journey({
		key: J,
		citizen: 'Mikkel Thomsen',
		title: 'Job og hverdag',
		titleEn: 'Work and everyday life',
		coordinator: 'Mette Larsen',
		startedAt: c.past(130, 10),
		cases: ['mikkel-placement', 'mikkel-advice']
	});
	b.consent('Mikkel Thomsen', 'jobcenter', 'granted', 'meeting', 'Mette Larsen', c.past(120, 10));
	b.consent(
		'Mikkel Thomsen',
		'socialforvaltningen',
		'granted',
		'meeting',
		'Mette Larsen',
		c.past(120, 10, 1)
	);
	b.consent(
		'Mikkel Thomsen',
		'jobcenter',
		'withdrawn',
		'portal',
		'Mikkel Thomsen',
		c.past(21, 21, 12)
	);
	b.meeting({
		key: 'mikkel-m1',
		journey: J,
		title: 'Opfølgning på praktikken',
		titleEn: 'Follow-up on the work placement',
		startsAt: c.past(45, 13),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Hvordan går praktikken?\n2. Din hverdag',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(48, 9),
		notes: 'Praktikken går godt. Mikkel ønsker færre møder.',
		createdAt: c.past(50, 10),
		participants: [
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' }
		]
	});
	const e = b.timeline(J);
	e({
		at: c.past(130, 10, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Dit forløb er startet',
		body: 'Mette Larsen er din koordinerende sagsbehandler.'
	});
	e({
		at: c.past(120, 10),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mette Larsen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		body: 'Du gav samtykke på mødet. Jobcentret kan nu se noter fra de andre afdelinger i dit forløb.'
	});
	e({
		at: c.past(120, 10, 1),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mette Larsen',
		department: 'socialforvaltningen',
		title: 'Du gav samtykke til Socialforvaltningen',
		body: 'Du gav samtykke på mødet. Socialforvaltningen kan nu se noter fra de andre afdelinger i dit forløb.'
	});
	e({
		at: c.past(118, 11),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er lavet',
		body: 'Dit mål er et fast job inden for et år og en hverdag med faste rutiner.'
	});
	e({
		at: c.past(100, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Praktik aftalt',
		body: 'Praktik i en cykelforretning, 20 timer om ugen.'
	});
	e({
		at: c.past(90, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Du er startet i praktik',
		body: 'Du er i praktik 20 timer om ugen i 13 uger.'
	});
	e({
		at: c.past(60, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Jonas Friis',
		title: 'Rådgivningssamtale',
		body: 'Mikkel har svært ved at sove og ønsker hjælp til rutiner. Henvist til søvnkursus.'
	});
	e({
		at: c.past(45, 14, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'mikkel-m1',
		title: 'Opfølgning på praktikken',
		body: 'Praktikken går godt. Vi holder færre møder fremover.'
	});
	e({
		at: c.past(21, 21, 12),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Mikkel Thomsen',
		department: 'jobcenter',
		title: 'Du trak dit samtykke til Jobcentret tilbage',
		body: 'Jobcentret kan ikke længere se noter fra de andre afdelinger i dit forløb. Du kan give samtykke igen når som helst.'
	});
	e({
		at: c.past(20, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Samtykke trukket tilbage',
		body: 'Mikkel ønsker ikke, at Jobcentret ser noterne fra Socialforvaltningen. Lone Madsen er orienteret.'
	});
	e({
		at: c.past(10, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi planlægger evaluering af din praktik',
		body: 'Vi indkalder dig til en samtale om, hvordan praktikken er gået.'
	});
	b.read('Lone Madsen', 'Mikkel Thomsen', J, c.past(25, 9, 15), 'Opfølgning på praktik');
	b.read('Mette Larsen', 'Mikkel Thomsen', J, c.past(20, 9, 45), 'Samtykke trukket tilbage');
}

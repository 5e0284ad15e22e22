import type { DemoBuilder } from '../builder';
import { formatDanish, formatEnglish } from '../demo-time';
import { JOB_CENTRE } from '../municipality';

/** Ahmed Hassan prefers English: his cases, journey, tasks and timeline have English text. */
export function ahmed(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'ahmed';
	const mentorMeeting = c.workdayAt(4, 14);
	b.case({
		key: 'ahmed-mentor',
		citizen: 'Ahmed Hassan',
		type: 'mentor',
		status: 'in_progress',
		next: {
			waitingOn: 'municipality',
			step: ['Du møder din mentor på et videomøde', 'You will meet your mentor in a video meeting'],
			due: c.dateOf(mentorMeeting)
		},
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104902',
		at: { opened: c.past(60, 10), decided: c.past(60, 11), updated: c.past(3, 10) }
	});
	b.case({
		key: 'ahmed-placement',
		citizen: 'Ahmed Hassan',
		type: 'workPlacement',
		status: 'received',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi leder efter en praktikplads inden for lager og logistik',
				'We are looking for a work placement in warehousing and logistics'
			],
			due: c.dueDate(21)
		},
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104950',
		at: { opened: c.past(20, 10), updated: c.past(20, 10) }
	});
	b.case({
		key: 'ahmed-expense',
		citizen: 'Ahmed Hassan',
		type: 'oneOffExpense',
		status: 'decided',
		next: null,
		caseworker: 'Kasper Dahl',
		externalRef: 'BS-550120',
		at: { opened: c.past(45, 12), decided: c.past(14, 10), updated: c.past(14, 10) }
	});
	b.journey({
		key: J,
		citizen: 'Ahmed Hassan',
		title: 'Din vej til job',
		titleEn: 'Your path to work',
		coordinator: 'Lone Madsen',
		startedAt: c.past(120, 10),
		cases: ['ahmed-mentor', 'ahmed-placement', 'ahmed-expense']
	});
	const consentNote = 'Givet på mødet. Samtykket er forklaret på engelsk.';
	b.consent(
		'Ahmed Hassan',
		'jobcenter',
		'granted',
		'meeting',
		'Lone Madsen',
		c.past(118, 10, 30),
		consentNote
	);
	b.consent(
		'Ahmed Hassan',
		'borgerservice',
		'granted',
		'meeting',
		'Lone Madsen',
		c.past(118, 10, 31),
		consentNote
	);
	b.goal(J, 1, {
		title: 'Et job inden for lager og logistik',
		titleEn: 'A job in warehousing and logistics',
		description: 'Ahmed har truckcertifikat og erfaring fra lager.',
		status: 'in_progress',
		progress: 20,
		department: 'jobcenter',
		targetDate: c.date(200),
		agreedAt: c.past(117, 10),
		updatedAt: c.past(20, 10)
	});
	b.goal(J, 2, {
		title: 'Tale mere dansk på arbejdet',
		titleEn: 'Speak more Danish at work',
		description: 'Danskundervisning to aftener om ugen.',
		status: 'in_progress',
		progress: 30,
		department: 'jobcenter',
		targetDate: c.date(200),
		agreedAt: c.past(117, 10),
		updatedAt: c.past(60, 10)
	});
	b.meeting({
		key: 'ahmed-m1',
		journey: J,
		title: 'Første samtale',
		titleEn: 'First meeting',
		startsAt: c.past(118, 10),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Dine erfaringer\n2. Dine mål\n3. Samtykke',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(121, 12),
		notes: 'Samtalen foregik på engelsk. Ahmed ønsker job på lager.',
		createdAt: c.past(122, 9),
		participants: [{ staff: 'Lone Madsen', role: 'Sagsbehandler' }]
	});
	b.meeting({
		key: 'ahmed-mentor-meeting',
		journey: J,
		title: 'Videomøde med din mentor',
		titleEn: 'Video meeting with your mentor',
		startsAt: mentorMeeting,
		minutes: 45,
		location: null,
		videoUrl: 'https://video.sammen-kommune.example/m/ahmed-mentor',
		agenda: '1. Hils på din mentor\n2. Hvad vil du gerne have hjælp til?',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(2, 18, 5),
		createdAt: c.past(3, 10),
		participants: [
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ name: 'Sara Lund', role: 'Mentor' }
		]
	});
	b.task({
		key: 'ahmed-diploma',
		citizen: 'Ahmed Hassan',
		journey: J,
		case: 'ahmed-placement',
		title: 'Send en kopi af dit uddannelsesbevis',
		titleEn: 'Send a copy of your diploma',
		description: 'En kopi er nok. Aflever den i Borgerservice, eller send den med posten.',
		dueDate: c.dueDate(10),
		createdBy: 'Lone Madsen',
		createdAt: c.past(6, 10)
	});
	b.message(
		J,
		'Lone Madsen',
		c.past(3, 10, 15),
		'Hi Ahmed. Your mentor is Sara Lund. The video meeting link is in the invitation. Best regards, Lone',
		c.past(3, 17)
	);
	b.message(J, 'Ahmed Hassan', c.past(2, 18, 10), 'Thank you. I will be there.', c.past(1, 8, 40));

	const e = b.timeline(J);
	e({
		at: c.past(120, 10, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Dit forløb er startet',
		titleEn: 'Your plan has started',
		body: 'Lone Madsen fra Jobcentret er din koordinerende sagsbehandler. Du kan skrive til hende på engelsk.',
		bodyEn:
			'Lone Madsen from the Job Centre is your coordinating caseworker. You can write to her in English.'
	});
	e({
		at: c.past(118, 11, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'ahmed-m1',
		title: 'Første samtale',
		titleEn: 'First meeting',
		body: 'Vi talte om dine erfaringer og dine mål. Du vil gerne arbejde på et lager.',
		bodyEn: 'We talked about your experience and your goals. You would like to work in a warehouse.'
	});
	e({
		at: c.past(118, 10, 30),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Lone Madsen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		titleEn: 'You gave consent to the Job Centre',
		body: 'Jobcentret kan nu se noter fra de andre afdelinger i dit forløb. Du kan trække samtykket tilbage når som helst.',
		bodyEn:
			'The Job Centre can now see notes from the other departments in your plan. You can withdraw your consent at any time.'
	});
	e({
		at: c.past(118, 10, 31),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Lone Madsen',
		department: 'borgerservice',
		title: 'Du gav samtykke til Borgerservice',
		titleEn: 'You gave consent to Citizen Service',
		body: 'Borgerservice kan nu se noter fra de andre afdelinger i dit forløb. Du kan trække samtykket tilbage når som helst.',
		bodyEn:
			'Citizen Service can now see notes from the other departments in your plan. You can withdraw your consent at any time.'
	});
	e({
		at: c.past(117, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Din plan er lavet',
		titleEn: 'Your plan is ready',
		body: 'Du har to mål: et job inden for lager og logistik, og at tale mere dansk på arbejdet.',
		bodyEn:
			'You have two goals: a job in warehousing and logistics, and speaking more Danish at work.'
	});
	e({
		at: c.past(100, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Sprog og kompetencer',
		body: 'Ahmed taler godt engelsk og lidt dansk. Har truckcertifikat fra sit hjemland; skal have det godkendt.'
	});
	e({
		at: c.past(60, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Du får en mentor',
		titleEn: 'Decision: You will get a mentor',
		body: 'Du får en mentor i seks måneder. Mentoren hjælper dig med at finde og holde et job. Er du uenig, kan du klage inden fire uger.',
		bodyEn:
			'You will have a mentor for six months. The mentor will help you find and keep a job. If you disagree, you can appeal within four weeks.'
	});
	e({
		at: c.past(45, 12, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Kasper Dahl',
		title: 'Vi har modtaget din ansøgning',
		titleEn: 'We have received your application',
		body: 'Vi har modtaget din ansøgning om hjælp til en enkeltudgift. Vi svarer dig inden for fire uger.',
		bodyEn:
			'We have received your application for help with a one-off expense. We will reply within four weeks.'
	});
	e({
		at: c.past(20, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi leder efter en praktikplads til dig',
		titleEn: 'We are looking for a work placement for you',
		body: 'Vi kontakter virksomheder inden for lager og logistik.',
		bodyEn: 'We are contacting companies in warehousing and logistics.'
	});
	e({
		at: c.past(14, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Kasper Dahl',
		title: 'Afgørelse: Du får hjælp til udgiften',
		titleEn: 'Decision: You will get help with the expense',
		body: 'Du får 2.400 kr. til arbejdssko og arbejdstøj. Pengene kommer på din NemKonto inden for fem hverdage.',
		bodyEn:
			'You will get DKK 2,400 for work shoes and work clothes. The money will be paid to your NemKonto within five working days.'
	});
	e({
		at: c.past(6, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'ahmed-diploma',
		title: 'Ny opgave: Send en kopi af dit uddannelsesbevis',
		titleEn: 'New task: Send a copy of your diploma',
		body: 'En kopi er nok. Aflever den i Borgerservice, eller send den med posten.',
		bodyEn: 'A copy is enough. Hand it in at Citizen Service, or send it by post.'
	});
	e({
		at: c.past(3, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'ahmed-mentor-meeting',
		title: 'Invitation: Videomøde med din mentor',
		titleEn: 'Invitation: Video meeting with your mentor',
		body: `Du møder din mentor, Sara Lund, på video ${formatDanish(mentorMeeting)}.`,
		bodyEn: `You will meet your mentor, Sara Lund, by video on ${formatEnglish(mentorMeeting)}.`
	});
	e({
		at: c.past(3, 10, 15),
		kind: 'message',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Ny besked fra Lone Madsen',
		titleEn: 'New message from Lone Madsen',
		body: 'Du har fået en besked om din mentor. Læs den under Beskeder.',
		bodyEn: 'You have a message about your mentor. Read it under Messages.'
	});
	e({
		at: c.past(1, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Mentor bekræftet',
		body: 'Sara Lund har bekræftet videomødet. Hun taler engelsk og arabisk.'
	});
	b.read('Lone Madsen', 'Ahmed Hassan', J, c.past(6, 9, 50), 'Ny opgave');
	b.read('Kasper Dahl', 'Ahmed Hassan', J, c.past(14, 9, 30), 'Afgørelse om enkeltudgift');
}

import type { DemoBuilder } from '../builder';
import { formatDanish } from '../demo-time';
import { JOB_CENTRE, TOWN_HALL } from '../municipality';
import { majaTimeline } from './maja-timeline';

/**
 * Maja Jensen: digital, cases in three departments, one journey coordinated by Mette Larsen,
 * consent to Jobcenter and Socialforvaltningen (not Børn og Familie), a joint meeting next week,
 * an open task, a plan with progress, messages (two unread) and a long timeline.
 */
export function maja(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'maja';
	const meetingStart = c.nextWeek();
	b.case({
		key: 'maja-job',
		citizen: 'Maja Jensen',
		type: 'pathToWork',
		status: 'in_progress',
		next: {
			waitingOn: 'citizen',
			step: [
				'Send dine lønsedler for de sidste tre måneder',
				'Send your payslips for the last three months'
			],
			due: c.dueDate(5)
		},
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-104417',
		at: { opened: c.past(260, 9), updated: c.past(3, 9, 30) }
	});
	b.case({
		key: 'maja-social',
		citizen: 'Maja Jensen',
		type: 'adviceAndSupport',
		status: 'in_progress',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi holder et fællesmøde med dig og planlægger de næste skridt',
				'We will hold a joint meeting with you and plan the next steps'
			],
			due: c.dateOf(meetingStart)
		},
		caseworker: 'Mette Larsen',
		externalRef: 'SOC-220318',
		at: { opened: c.past(240, 10), decided: c.past(198, 11), updated: c.past(4, 11) }
	});
	b.case({
		key: 'maja-family',
		citizen: 'Maja Jensen',
		type: 'familySupport',
		status: 'decided',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi finder en familiebehandler, som kan komme hjem til jer',
				'We are finding a family therapist who can visit you at home'
			],
			due: c.dueDate(14)
		},
		caseworker: 'Peter Holm',
		externalRef: 'BOF-310552',
		at: { opened: c.past(215, 13), decided: c.past(140, 10), updated: c.past(10, 13) }
	});
	b.journey({
		key: J,
		citizen: 'Maja Jensen',
		title: 'Job, økonomi og familie',
		titleEn: 'Work, money and family',
		coordinator: 'Mette Larsen',
		startedAt: c.past(235, 9),
		cases: ['maja-job', 'maja-social', 'maja-family']
	});

	b.consent('Maja Jensen', 'jobcenter', 'granted', 'portal', 'Maja Jensen', c.past(234, 19, 5));
	b.consent(
		'Maja Jensen',
		'socialforvaltningen',
		'granted',
		'portal',
		'Maja Jensen',
		c.past(234, 19, 6)
	);

	const goals = [
		{
			title: 'Et job på 15 timer om ugen',
			titleEn: 'A job of 15 hours a week',
			description:
				'Du er i praktik i en dagligvarebutik. Næste skridt er flere timer og på sigt løn.',
			status: 'in_progress' as const,
			progress: 40,
			department: 'jobcenter' as const,
			targetDate: c.date(180),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(45, 10)
		},
		{
			title: 'Styr på økonomien',
			titleEn: 'Control of your money',
			description: 'Du har et budget, og du har fået boligstøtte. Nu ser vi på din gæld.',
			status: 'in_progress' as const,
			progress: 60,
			department: 'socialforvaltningen' as const,
			targetDate: c.date(60),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(58, 10)
		},
		{
			title: 'Rolige morgener for familien',
			titleEn: 'Calm mornings for the family',
			description: 'Børnene kommer i skole til tiden, og morgenerne er mindre stressede.',
			status: 'in_progress' as const,
			progress: 25,
			department: 'boern-og-familie' as const,
			targetDate: c.date(120),
			agreedAt: c.past(130, 11),
			updatedAt: c.past(10, 13)
		},
		{
			title: 'Et budget, du kan holde',
			titleEn: 'A budget you can keep',
			description: 'Du har lavet et budget sammen med Jonas Friis og har holdt det i tre måneder.',
			status: 'achieved' as const,
			progress: 100,
			department: 'socialforvaltningen' as const,
			targetDate: c.date(-90),
			agreedAt: c.past(229, 11),
			updatedAt: c.past(95, 14)
		}
	];
	goals.forEach((goal, i) => b.goal(J, i + 1, goal));

	b.meeting({
		key: 'maja-m1',
		journey: J,
		title: 'Første fællesmøde',
		titleEn: 'First joint meeting',
		startsAt: c.past(230, 10),
		minutes: 90,
		location: TOWN_HALL,
		agenda:
			'1. Hvad er vigtigst for dig lige nu?\n2. Dine sager i Jobcentret og Socialforvaltningen\n3. Sådan arbejder vi sammen',
		organizer: 'Mette Larsen',
		response: 'accepted',
		respondedAt: c.past(233, 19, 2),
		notes:
			'Maja vil gerne i job og have ro på økonomien. Vi laver én fælles plan. Mette Larsen er tovholder.',
		createdAt: c.past(234, 9),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' }
		]
	});
	b.meeting({
		key: 'maja-m2',
		journey: J,
		title: 'Samtale om praktik',
		titleEn: 'Talk about a work placement',
		startsAt: c.past(180, 9),
		minutes: 60,
		location: JOB_CENTRE,
		agenda: '1. Dine erfaringer og ønsker\n2. Muligheder for praktik',
		organizer: 'Lone Madsen',
		response: 'accepted',
		respondedAt: c.past(184, 20, 11),
		notes: 'Maja vil gerne prøve en praktik i en dagligvarebutik, 10 timer om ugen.',
		createdAt: c.past(186, 10),
		participants: [{ staff: 'Lone Madsen', role: 'Sagsbehandler' }]
	});
	b.meeting({
		key: 'maja-m3',
		journey: J,
		title: 'Fællesmøde om planen',
		titleEn: 'Joint meeting about the plan',
		startsAt: c.past(130, 10),
		minutes: 90,
		location: TOWN_HALL,
		agenda: '1. Praktik\n2. Økonomi\n3. Hjælp til morgenerne',
		organizer: 'Mette Larsen',
		response: 'accepted',
		respondedAt: c.past(134, 8, 47),
		notes:
			'Praktikplads fundet. Boligstøtte søgt. Børn og Familie tilbyder familiebehandling. Nyt mål om rolige morgener.',
		createdAt: c.past(137, 14),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler' },
			{ staff: 'Peter Holm', role: 'Sagsbehandler' }
		]
	});
	const nextMeeting = b.meeting({
		key: 'maja-next',
		journey: J,
		title: 'Fællesmøde om din plan',
		titleEn: 'Joint meeting about your plan',
		startsAt: meetingStart,
		minutes: 90,
		location: TOWN_HALL,
		agenda:
			'1. Hvordan går det i praktikken?\n2. Morgenerne og hjælp til familien\n3. Økonomi: lønsedler og boligstøtte\n4. De næste skridt i din plan',
		whatToBring:
			'Dine lønsedler for de sidste tre måneder, hvis du ikke har sendt dem. Din kalender.',
		organizer: 'Mette Larsen',
		response: 'pending',
		createdAt: c.past(4, 11),
		participants: [
			{ staff: 'Mette Larsen', role: 'Koordinerende sagsbehandler' },
			{ staff: 'Lone Madsen', role: 'Sagsbehandler, Jobcentret' },
			{ staff: 'Peter Holm', role: 'Sagsbehandler, Børn og Familie' }
		]
	});

	b.task({
		key: 'maja-cv',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Opret dit CV på Jobnet',
		titleEn: 'Create your CV on Jobnet',
		description: 'Skriv dine job og uddannelser ind. Lone Madsen hjælper dig gerne.',
		dueDate: c.date(-215),
		createdBy: 'Lone Madsen',
		createdAt: c.past(222, 11),
		doneAt: c.past(216, 20, 14),
		doneComment: 'Mit CV ligger nu på Jobnet.'
	});
	b.task({
		key: 'maja-budget',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-social',
		title: 'Lav et budget sammen med Jonas Friis',
		titleEn: 'Make a budget with Jonas Friis',
		description: 'Tag dine regninger og kontoudtog med til mødet.',
		dueDate: c.date(-180),
		createdBy: 'Mette Larsen',
		createdAt: c.past(195, 10),
		doneAt: c.past(185, 11)
	});
	b.task({
		key: 'maja-placement',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Svar på tilbud om praktik',
		titleEn: 'Reply to the offer of a work placement',
		description: 'Sig ja eller nej til praktikken i dagligvarebutikken.',
		dueDate: c.date(-121),
		createdBy: 'Lone Madsen',
		createdAt: c.past(128, 14),
		doneAt: c.past(125, 18, 40),
		doneComment: 'Ja tak, jeg vil gerne starte.'
	});
	b.task({
		key: 'maja-payslips',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-job',
		title: 'Send dine lønsedler for de sidste tre måneder',
		titleEn: 'Send your payslips for the last three months',
		description:
			'Vi skal se, hvor mange timer du arbejder nu, før vi planlægger næste del af din praktik. Du kan tage dem med til mødet eller aflevere dem i Borgerservice.',
		dueDate: c.dueDate(5),
		createdBy: 'Lone Madsen',
		createdAt: c.past(3, 9, 30)
	});
	b.task({
		key: 'maja-find-therapist',
		citizen: 'Maja Jensen',
		journey: J,
		case: 'maja-family',
		assignedStaff: 'Peter Holm',
		title: 'Find en familiebehandler til familien',
		titleEn: 'Find a family therapist for the family',
		description: 'Familien ønsker hjemmebesøg om morgenen før kl. 8.',
		dueDate: c.dueDate(14),
		createdBy: 'Mette Larsen',
		createdAt: c.past(10, 13)
	});

	b.message(
		J,
		'Mette Larsen',
		c.past(190, 10, 12),
		'Hej Maja. Tak for i dag. Jeg har skrevet planen ind i portalen, så du kan se den. Skriv, hvis noget er forkert. Venlig hilsen Mette',
		c.past(190, 17, 30)
	);
	b.message(
		J,
		'Maja Jensen',
		c.past(189, 19, 40),
		'Tak, det ser fint ud. Kan vi holde næste møde om formiddagen? Jeg henter børn kl. 14.',
		c.past(188, 8, 30)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(188, 8, 35),
		'Ja, selvfølgelig. Vi holder alle møder før kl. 13.',
		c.past(188, 12, 2)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(30, 9, 5),
		'Hej Maja. Hvordan går det i praktikken? Lone fortæller, at butikken er glad for dig.',
		c.past(30, 16, 44)
	);
	b.message(
		J,
		'Maja Jensen',
		c.past(29, 20, 15),
		'Det går godt, men jeg er træt om morgenen. Kan vi tale om det på næste møde?',
		c.past(28, 8, 55)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(28, 9, 0),
		'Ja, det sætter vi på dagsordenen. Peter fra Børn og Familie kommer også.',
		c.past(28, 18, 20)
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(2, 14, 20),
		`Jeg har sendt dig en invitation til fællesmødet ${formatDanish(nextMeeting)}. Husk at svare på invitationen.`,
		null
	);
	b.message(
		J,
		'Mette Larsen',
		c.past(1, 9, 30),
		'Lone minder om dine lønsedler. Du kan tage dem med til mødet eller aflevere dem i Borgerservice.',
		null
	);

	majaTimeline(b, nextMeeting);
}

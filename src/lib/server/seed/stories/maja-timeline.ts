import type { DemoBuilder } from '../builder';
import { formatDanish } from '../demo-time';

/**
 * Maja's timeline, as the departments wrote it since her journey began, and the staff's look-ups
 * that her "who has looked at my data" page shows.
 */
export function majaTimeline(b: DemoBuilder, nextMeeting: Date): void {
	const c = b.clock;
	const J = 'maja';
	const e = b.timeline(J);
	e({
		at: c.past(235, 9, 15),
		kind: 'status',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Dit forløb er startet',
		body: 'Vi har samlet dine sager fra Jobcentret, Socialforvaltningen og Børn og Familie ét sted. Mette Larsen er din koordinerende sagsbehandler. Du kan altid skrive eller ringe til hende.'
	});
	e({
		at: c.past(234, 19, 5),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		title: 'Du gav samtykke til Jobcentret',
		body: 'Jobcentret kan nu se de noter, som de andre afdelinger skriver i dit forløb. Du kan trække samtykket tilbage når som helst.'
	});
	e({
		at: c.past(234, 19, 6),
		kind: 'consent',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'socialforvaltningen',
		title: 'Du gav samtykke til Socialforvaltningen',
		body: 'Socialforvaltningen kan nu se de noter, som de andre afdelinger skriver i dit forløb. Du kan trække samtykket tilbage når som helst.'
	});
	e({
		at: c.past(233, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Opstartssamtale',
		body: 'Maja vil gerne i arbejde, men økonomien og hverdagen med to børn fylder meget. Hun ønsker ét sted at henvende sig. Hun har ikke givet samtykke til Børn og Familie endnu og vil tænke over det.'
	});
	e({
		at: c.past(230, 11, 45),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m1',
		title: 'Første fællesmøde',
		body: 'Du mødtes med Jobcentret og Socialforvaltningen. Vi aftalte at lave én fælles plan.'
	});
	e({
		at: c.past(229, 11),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er lavet',
		body: 'Vi har skrevet tre mål ned sammen med dig: et job på 15 timer om ugen, styr på økonomien og et budget, du kan holde.'
	});
	e({
		at: c.past(226, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Vurdering af jobmål',
		body: 'Maja har fem års erfaring fra detailhandel. Realistisk mål: 15 timer om ugen inden for et år. Skal have praktik først.'
	});
	e({
		at: c.past(222, 11),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-cv',
		title: 'Ny opgave: Opret dit CV på Jobnet',
		body: 'Skriv dine job og uddannelser ind på Jobnet. Lone Madsen hjælper dig gerne.'
	});
	e({
		at: c.past(216, 20, 14),
		kind: 'task',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		task: 'maja-cv',
		title: 'Opgave løst: Dit CV er på Jobnet',
		body: 'Mit CV ligger nu på Jobnet.'
	});
	e({
		at: c.past(210, 15),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Samtale med skolen',
		body: 'Skolen oplyser, at den ældste ofte kommer for sent om morgenen. Ellers trives begge børn. Aftalt opfølgning om to uger.'
	});
	e({
		at: c.past(205, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Vi behandler din sag om støtte til familien',
		body: 'Vi har talt med dig og med skolen. Nu vurderer vi, hvilken støtte der passer til jer.'
	});
	e({
		at: c.past(198, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Afgørelse: Du får rådgivning og støtte',
		body: 'Du får et forløb med rådgivning hos Socialforvaltningen i seks måneder. Er du uenig, kan du klage inden fire uger. Læs i afgørelsen, hvordan du klager.'
	});
	e({
		at: c.past(195, 10),
		kind: 'task',
		visibility: 'citizen',
		by: 'Mette Larsen',
		task: 'maja-budget',
		title: 'Ny opgave: Lav et budget sammen med Jonas Friis',
		body: 'Tag dine regninger og kontoudtog med til mødet.'
	});
	e({
		at: c.past(190, 10, 12),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om din plan. Læs den under Beskeder.'
	});
	e({
		at: c.past(185, 11),
		kind: 'task',
		visibility: 'citizen',
		by: 'Jonas Friis',
		task: 'maja-budget',
		title: 'Opgave løst: Dit budget er lavet',
		body: 'Du har lavet et budget sammen med Jonas Friis.'
	});
	e({
		at: c.past(185, 11, 30),
		kind: 'note',
		visibility: 'staff',
		by: 'Jonas Friis',
		title: 'Budget gennemgået',
		body: 'Huslejen er 45 % af indtægten. Aftalt at søge boligstøtte hos Udbetaling Danmark. Ingen restancer lige nu.'
	});
	e({
		at: c.past(180, 10, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Lone Madsen',
		meeting: 'maja-m2',
		title: 'Samtale om praktik',
		body: 'Du talte med Lone Madsen om praktik. Du vil gerne prøve en praktik i en dagligvarebutik.'
	});
	e({
		at: c.past(170, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Vi leder efter en praktikplads til dig',
		body: 'Vi kontakter butikker i Sammenby. Vi skriver til dig, når vi har fundet en plads.'
	});
	e({
		at: c.past(160, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Kontakt til virksomhed',
		body: 'Talt med en dagligvarebutik i Sammenby. De kan tage Maja i praktik 10 timer om ugen fra formiddag. Passer med hendes børn.'
	});
	e({
		at: c.past(150, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er opdateret',
		body: 'Målet om styr på økonomien er halvvejs: Du har lavet et budget og søgt boligstøtte.'
	});
	e({
		at: c.past(145, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Peter Holm',
		title: 'Hjemmebesøg',
		body: 'Gode rammer i hjemmet, men travle morgener. Familiebehandling med fokus på struktur kan hjælpe.'
	});
	e({
		at: c.past(140, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Peter Holm',
		title: 'Afgørelse: I får familiebehandling',
		body: 'I får hjælp fra en familiebehandler i seks måneder. Er du uenig, kan du klage inden fire uger. Læs i afgørelsen, hvordan du klager.'
	});
	e({
		at: c.past(137, 14),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m3',
		title: 'Invitation til fællesmøde',
		body: 'Du er inviteret til et fællesmøde med Jobcentret, Socialforvaltningen og Børn og Familie.'
	});
	e({
		at: c.past(130, 11, 40),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-m3',
		title: 'Fællesmøde om planen',
		body: 'Vi talte om praktik, økonomi og hjælp til morgenerne. Planen har fået et nyt mål: rolige morgener for familien.'
	});
	e({
		at: c.past(128, 14),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-placement',
		title: 'Ny opgave: Svar på tilbud om praktik',
		body: 'Vi har fundet en praktikplads til dig i en dagligvarebutik. Sig ja eller nej.'
	});
	e({
		at: c.past(125, 18, 40),
		kind: 'task',
		visibility: 'citizen',
		by: 'Maja Jensen',
		department: 'jobcenter',
		task: 'maja-placement',
		title: 'Opgave løst: Du har sagt ja til praktikken',
		body: 'Ja tak, jeg vil gerne starte.'
	});
	e({
		at: c.past(120, 9),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Du er startet i praktik',
		body: 'Du er i praktik 10 timer om ugen i 13 uger. Lone Madsen følger op hver anden uge.'
	});

	// The fortnightly follow-up on the work placement: an internal note and a status for Maja.
	const followUps = [
		['Første uge gik godt. Butikschefen roser hendes kundeservice.', 'Praktikken er godt i gang.'],
		['Maja kommer til tiden. Hun vil gerne lære kassesystemet.', 'Du lærer nu kassesystemet.'],
		['Lidt træt om morgenen; aftalt at starte kl. 9 i stedet for kl. 8.', 'Du starter nu kl. 9.'],
		[
			'Butikken tilbyder flere timer efter praktikken.',
			'Butikken vil gerne have dig i flere timer.'
		],
		['Maja har haft to sygedage, begge meldt korrekt.', 'Vi har talt om dine sygedage.'],
		['Aftalt at forlænge praktikken med 8 uger.', 'Din praktik bliver forlænget.'],
		[
			'Maja arbejder nu 12 timer om ugen. Lønsedler skal bruges.',
			'Du arbejder nu 12 timer om ugen.'
		]
	];
	followUps.forEach(([note, status], i) => {
		const daysAgo = 112 - i * 14;
		e({
			at: c.past(daysAgo, 13, 30),
			kind: 'note',
			visibility: 'staff',
			by: 'Lone Madsen',
			title: `Opfølgning på praktik, uge ${2 + i * 2}`,
			body: note ?? ''
		});
		e({
			at: c.past(daysAgo, 14),
			kind: 'status',
			visibility: 'citizen',
			by: 'Lone Madsen',
			title: 'Samtale om din praktik',
			body: `${status ?? ''} Næste samtale er om to uger.`
		});
	});
	// Monthly economic counselling with Jonas Friis (internal notes).
	const counselling = [
		'Boligstøtte søgt. Svar forventes om 4-6 uger.',
		'Gennemgået regninger. Alle betalt til tiden.',
		'Maja vil gerne afdrage på en gammel gæld. Lavet afdragsplan.',
		'Budgettet holder tredje måned i træk.',
		'Boligstøtte bevilget af Udbetaling Danmark fra næste måned.',
		'Gennemgået ny indtægt fra praktikken. Budget justeret.'
	];
	counselling.forEach((note, i) => {
		e({
			at: c.past(200 - i * 30, 10, 15),
			kind: 'note',
			visibility: 'staff',
			by: 'Jonas Friis',
			title: 'Økonomisk rådgivning',
			body: note
		});
	});
	e({
		at: c.past(58, 10),
		kind: 'plan',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Din plan er opdateret',
		body: 'Du har fået boligstøtte. Målet om styr på økonomien er nu 60 % nået.'
	});
	e({
		at: c.past(45, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Din praktik er forlænget',
		body: 'Vi har forlænget din praktik med 8 uger, så du kan prøve flere timer. Er du uenig, kan du klage inden fire uger.'
	});
	e({
		at: c.past(30, 9, 5),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om din praktik. Læs den under Beskeder.'
	});
	e({
		at: c.past(10, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Mette Larsen',
		title: 'Opgave til Børn og Familie',
		body: 'Peter Holm finder en familiebehandler, der kan komme før kl. 8. Tages op på fællesmødet.'
	});
	e({
		at: c.past(4, 11),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Mette Larsen',
		meeting: 'maja-next',
		title: 'Invitation til fællesmøde',
		body: `Du er inviteret til et fællesmøde ${formatDanish(nextMeeting)} på Rådhuset. Jobcentret, Socialforvaltningen og Børn og Familie deltager. Svar på invitationen.`
	});
	e({
		at: c.past(3, 9, 30),
		kind: 'task',
		visibility: 'citizen',
		by: 'Lone Madsen',
		task: 'maja-payslips',
		title: 'Ny opgave: Send dine lønsedler for de sidste tre måneder',
		body: 'Vi skal se, hvor mange timer du arbejder nu. Tag lønsedlerne med til mødet, eller aflever dem i Borgerservice.'
	});
	e({
		at: c.past(2, 15),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Forberedelse af fællesmøde',
		body: 'Butikken kan tilbyde 15 timer om ugen fra næste måned. Afventer lønsedler for at beregne supplerende hjælp.'
	});
	e({
		at: c.past(1, 9, 30),
		kind: 'message',
		visibility: 'citizen',
		by: 'Mette Larsen',
		title: 'Ny besked fra Mette Larsen',
		body: 'Du har fået en besked om dine lønsedler. Læs den under Beskeder.'
	});

	b.read('Mette Larsen', 'Maja Jensen', J, c.past(28, 9), 'Svar på besked fra borgeren');
	b.read('Jonas Friis', 'Maja Jensen', J, c.past(20, 10, 5), 'Økonomisk rådgivning');
	b.read('Peter Holm', 'Maja Jensen', J, c.past(10, 12, 40), 'Planlægning af familiebehandling');
	b.search('Lone Madsen', 'Maja Jensen', c.past(3, 9, 10), 'navn: Maja Jensen', 'Ny opgave');
	b.read('Lone Madsen', 'Maja Jensen', J, c.past(3, 9, 12), 'Opfølgning på praktik');
	b.read('Mette Larsen', 'Maja Jensen', J, c.past(4, 10, 30), 'Forberedelse af fællesmøde');
	b.read('Lone Madsen', 'Maja Jensen', J, c.past(2, 14, 50), 'Forberedelse af fællesmøde');
	b.read('Mette Larsen', 'Maja Jensen', J, c.past(1, 9, 20), 'Forberedelse af fællesmøde');
}

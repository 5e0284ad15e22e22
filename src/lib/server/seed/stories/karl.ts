import type { DemoBuilder } from '../builder';
import { formatDanish } from '../demo-time';

/**
 * Karl Nielsen: exempt from Digital Post, so he is analog (flag set by a caseworker) and everything
 * reaches him as posted letters; a home visit is coming up.
 */
export function karl(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'karl';
	b.analog(
		'Karl Nielsen',
		true,
		'digital_post_exempt',
		'Hanne Vestergaard',
		c.past(245, 10),
		'Fritaget for Digital Post. Alt sendes med posten. Ring gerne før et besøg.'
	);
	// His daughter may look, not act: a read-only power of attorney on paper.
	b.representation({
		key: 'karl-lise',
		citizen: 'Karl Nielsen',
		representative: 'Lise Mortensen',
		scope: 'read_only',
		basis: 'power_of_attorney',
		basisReference: 'Fuldmagt til at se sagerne, underskrevet på papir',
		validFrom: c.date(-240),
		validTo: null,
		registeredBy: 'Hanne Vestergaard',
		createdAt: c.past(240, 13)
	});
	b.case({
		key: 'karl-rehab',
		citizen: 'Karl Nielsen',
		type: 'rehabilitation',
		status: 'closed',
		next: null,
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-118203',
		at: {
			opened: c.past(245, 9),
			decided: c.past(238, 10),
			closed: c.past(70, 10),
			updated: c.past(70, 10)
		}
	});
	const visit = c.workdayAt(10, 13);
	b.case({
		key: 'karl-care',
		citizen: 'Karl Nielsen',
		type: 'homeHelp',
		status: 'decided',
		next: {
			waitingOn: 'municipality',
			step: [
				'Vi kommer på besøg og taler med dig om, hvordan hjælpen fungerer',
				'We will visit you and talk about how the help is working'
			],
			due: c.dateOf(visit)
		},
		caseworker: 'Hanne Vestergaard',
		externalRef: 'SUO-118877',
		at: { opened: c.past(215, 11), decided: c.past(200, 10), updated: c.past(2, 11) }
	});
	b.journey({
		key: J,
		citizen: 'Karl Nielsen',
		title: 'Hjælp i hjemmet',
		titleEn: 'Help at home',
		coordinator: 'Hanne Vestergaard',
		startedAt: c.past(240, 9),
		cases: ['karl-rehab', 'karl-care']
	});
	const home = 'Hjemme hos dig: Kirkevej 14, 1. tv., 9999 Sammenby';
	b.meeting({
		key: 'karl-m1',
		journey: J,
		title: 'Besøg i dit hjem',
		titleEn: 'Visit in your home',
		startsAt: c.past(208, 13),
		minutes: 60,
		location: home,
		agenda: 'Hvad har du brug for hjælp til i hverdagen?',
		organizer: 'Hanne Vestergaard',
		response: 'accepted',
		respondedAt: c.past(212, 10, 20),
		notes: 'Karl har svært ved at gå i bad alene og ved at gøre rent. Søger hjemmehjælp.',
		createdAt: c.past(214, 14),
		participants: [{ staff: 'Hanne Vestergaard', role: 'Visitator' }]
	});
	b.meeting({
		key: 'karl-next',
		journey: J,
		title: 'Besøg om din hjemmehjælp',
		titleEn: 'Visit about your home help',
		startsAt: visit,
		minutes: 60,
		location: home,
		agenda:
			'1. Hvordan fungerer hjælpen til bad?\n2. Rengøring om fredagen i stedet for om mandagen',
		whatToBring: 'Intet. Vi kommer hjem til dig.',
		organizer: 'Hanne Vestergaard',
		response: 'pending',
		createdAt: c.past(2, 11),
		participants: [{ staff: 'Hanne Vestergaard', role: 'Visitator' }]
	});

	const letters = [
		{
			key: 'karl-l1',
			daysAgo: 238,
			subject: 'Afgørelse: Du får genoptræning',
			body: 'Kære Karl Nielsen\n\nDu får genoptræning to gange om ugen i 12 uger på Sammenby Træningscenter. Vi ringer til dig og aftaler den første tid.\n\nEr du uenig, kan du klage inden fire uger. Ring til os, så hjælper vi dig.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 2
		},
		{
			key: 'karl-l2',
			daysAgo: 200,
			subject: 'Afgørelse: Du får hjemmehjælp',
			body: 'Kære Karl Nielsen\n\nDu får hjælp til bad to gange om ugen og hjælp til rengøring hver anden uge. Hjælpen starter mandag i næste uge.\n\nEr du uenig, kan du klage inden fire uger. Ring til os, så hjælper vi dig.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 2
		},
		{
			key: 'karl-l3',
			daysAgo: 70,
			subject: 'Din genoptræning er slut',
			body: 'Kære Karl Nielsen\n\nDin genoptræning er slut. Du kan nu gå længere ture med din rollator. Vi har sendt en øvelsesplan med, som du kan bruge derhjemme.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg\nTelefon 12 34 50 40',
			pageCount: 1
		},
		{
			key: 'karl-l4',
			daysAgo: 2,
			subject: 'Vi kommer på besøg',
			body: `Kære Karl Nielsen\n\nVi kommer på besøg ${formatDanish(visit)}. Vi vil tale med dig om, hvordan hjemmehjælpen fungerer, og om rengøringen kan flyttes til fredag.\n\nPasser tiden ikke, så ring til os på telefon 12 34 50 40.\n\nVenlig hilsen\nHanne Vestergaard, Sundhed og Omsorg`,
			pageCount: 1
		}
	];
	const posted = new Map<string, Date>();
	for (const l of letters) {
		posted.set(
			l.key,
			b.letter({
				key: l.key,
				citizen: 'Karl Nielsen',
				subject: l.subject,
				body: l.body,
				createdAt: c.past(l.daysAgo, 11),
				pageCount: l.pageCount
			})
		);
	}
	const postedEntry = (key: string, title: string, body: string) => {
		b.entry(J, {
			at: posted.get(key) ?? c.now,
			kind: 'letter',
			visibility: 'citizen',
			by: 'Hanne Vestergaard',
			letter: key,
			title,
			body
		});
	};

	const e = b.timeline(J);
	e({
		at: c.past(240, 9, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Dit forløb er startet',
		body: 'Vi har samlet din genoptræning og din hjemmehjælp ét sted. Hanne Vestergaard er din kontaktperson. Du får alt fra os med posten.'
	});
	e({
		at: c.past(239, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Fritaget for Digital Post',
		body: 'Karl er fritaget for Digital Post. Alt skal sendes med posten. Han hører dårligt i telefonen: tal langsomt, og ring før besøg.'
	});
	e({
		at: c.past(238, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Afgørelse: Du får genoptræning',
		body: 'Du får genoptræning to gange om ugen i 12 uger.'
	});
	postedEntry('karl-l1', 'Afgørelsen er sendt med posten', 'Brev om din genoptræning.');
	e({
		at: c.past(225, 14),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Træning i gang',
		body: 'Karl møder stabilt op. Kørsel til træning fungerer.'
	});
	e({
		at: c.past(215, 11, 10),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Ansøgning om hjemmehjælp',
		body: 'Karl har ringet og søgt om hjælp til bad og rengøring. Besøg aftalt pr. telefon og bekræftet med brev.'
	});
	e({
		at: c.past(208, 14, 10),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		meeting: 'karl-m1',
		title: 'Besøg i dit hjem',
		body: 'Vi besøgte dig og talte om, hvad du har brug for hjælp til.'
	});
	e({
		at: c.past(200, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Afgørelse: Du får hjemmehjælp',
		body: 'Du får hjælp til bad to gange om ugen og hjælp til rengøring hver anden uge.'
	});
	postedEntry('karl-l2', 'Afgørelsen er sendt med posten', 'Brev om din hjemmehjælp.');
	e({
		at: c.past(120, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Opfølgning på genoptræning',
		body: 'Karl går nu 500 meter med rollator. Forventet afslutning om 7 uger.'
	});
	e({
		at: c.past(70, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		title: 'Din genoptræning er slut',
		body: 'Du har trænet i 12 uger. Du får en øvelsesplan, som du kan bruge derhjemme.'
	});
	postedEntry('karl-l3', 'Brevet er sendt med posten', 'Brev om, at din genoptræning er slut.');
	e({
		at: c.past(40, 11),
		kind: 'note',
		visibility: 'staff',
		by: 'Hanne Vestergaard',
		title: 'Telefonopkald fra Karl',
		body: 'Hjælpen til bad fungerer godt. Karl vil gerne have rengøringen flyttet til fredag, fordi hans datter kommer om mandagen.'
	});
	e({
		at: c.past(2, 11),
		kind: 'meeting',
		visibility: 'citizen',
		by: 'Hanne Vestergaard',
		meeting: 'karl-next',
		title: 'Invitation: Vi kommer på besøg',
		body: `Vi kommer på besøg ${formatDanish(visit)} og taler om din hjemmehjælp.`
	});
	postedEntry('karl-l4', 'Invitationen er sendt med posten', 'Brev om vores besøg hos dig.');

	b.read('Hanne Vestergaard', 'Karl Nielsen', J, c.past(40, 11, 5), 'Telefonopkald fra borgeren');
	b.read('Hanne Vestergaard', 'Karl Nielsen', J, c.past(2, 10, 40), 'Planlægning af besøg');
}

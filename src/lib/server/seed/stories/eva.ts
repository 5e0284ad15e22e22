import type { DemoBuilder } from '../builder';

/** Eva Andersen: her rehabilitation is decided and closed; a second case was decided recently. */
export function eva(b: DemoBuilder): void {
	const c = b.clock;
	const J = 'eva';
	b.case({
		key: 'eva-rehab',
		citizen: 'Eva Andersen',
		type: 'vocationalRehabilitation',
		status: 'closed',
		next: null,
		caseworker: 'Lone Madsen',
		externalRef: 'JOB-103311',
		at: {
			opened: c.past(270, 10),
			decided: c.past(255, 10),
			closed: c.past(30, 10),
			updated: c.past(30, 10)
		}
	});
	b.case({
		key: 'eva-costs',
		citizen: 'Eva Andersen',
		type: 'extraExpensesAdult',
		status: 'decided',
		next: null,
		caseworker: 'Jonas Friis',
		externalRef: 'SOC-220417',
		at: { opened: c.past(75, 10), decided: c.past(14, 11), updated: c.past(14, 11) }
	});
	b.journey({
		key: J,
		citizen: 'Eva Andersen',
		title: 'Tilbage til arbejdet',
		titleEn: 'Back to work',
		coordinator: 'Jonas Friis',
		startedAt: c.past(260, 10),
		cases: ['eva-rehab', 'eva-costs']
	});
	b.consent(
		'Eva Andersen',
		'jobcenter',
		'granted',
		'paper',
		'Jonas Friis',
		c.past(258, 11),
		'Samtykkeerklæring på papir, scannet ind.'
	);
	b.consent(
		'Eva Andersen',
		'socialforvaltningen',
		'granted',
		'paper',
		'Jonas Friis',
		c.past(258, 11, 1),
		'Samtykkeerklæring på papir, scannet ind.'
	);
	const e = b.timeline(J);
	e({
		at: c.past(260, 10, 30),
		kind: 'status',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Dit forløb er startet',
		body: 'Jonas Friis er din koordinerende sagsbehandler.'
	});
	e({
		at: c.past(255, 10),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Afgørelse: Du får revalidering',
		body: 'Du får revalidering, mens du tager en uddannelse som kontorassistent. Er du uenig, kan du klage inden fire uger.'
	});
	e({
		at: c.past(200, 13),
		kind: 'note',
		visibility: 'staff',
		by: 'Lone Madsen',
		title: 'Uddannelsen går godt',
		body: 'Eva har bestået første modul. Skolen melder godt fremmøde.'
	});
	e({
		at: c.past(75, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Vi har modtaget din ansøgning om merudgifter',
		body: 'Vi behandler din ansøgning. Vi skriver, hvis vi mangler noget.'
	});
	e({
		at: c.past(30, 10),
		kind: 'status',
		visibility: 'citizen',
		by: 'Lone Madsen',
		title: 'Din revalidering er slut',
		body: 'Du har gennemført uddannelsen og har fået job. Tillykke! Vi har lukket sagen.'
	});
	e({
		at: c.past(14, 11),
		kind: 'decision',
		visibility: 'citizen',
		by: 'Jonas Friis',
		title: 'Afgørelse: Du får dækket dine merudgifter',
		body: 'Du får 850 kr. om måneden til dine merudgifter. Er du uenig, kan du klage inden fire uger.'
	});
	b.read('Jonas Friis', 'Eva Andersen', J, c.past(14, 10, 20), 'Afgørelse om merudgifter');
}

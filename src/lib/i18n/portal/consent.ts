import { defineCatalogue } from '../define';

// Consent (/samtykke) and its receipts. The texts explain before they ask (docs/RULES.md), and giving and
// withdrawing are worded as the same one step.
export default defineCatalogue(
	{
		consentTitle: 'Samtykke',
		consentTitleFor: 'Samtykke for {name}',
		consentLead:
			'Her bestemmer du, om kommunens afdelinger må se, hvad de andre afdelinger skriver om dig.',
		consentLeadFor:
			'Her bestemmer du, om kommunens afdelinger må se, hvad de andre afdelinger skriver om {name}.',
		consentWhyAsk:
			'Afdelingerne har tavshedspligt. Derfor må de kun dele oplysninger om dig, når du har sagt ja.',

		consentWhatHeading: 'Hvad betyder det at give samtykke?',
		consentMeansHeading: 'Det betyder det',
		consentMeans1:
			'Afdelingen må se, hvad de andre afdelinger har skrevet om dig på jeres fælles tidslinje.',
		consentMeans2:
			'Så skal du ikke fortælle det samme flere gange, og afdelingerne kan bedre hjælpe dig sammen.',
		consentMeans3: 'Du bestemmer selv. Du siger ja eller nej til én afdeling ad gangen.',
		consentNotHeading: 'Det betyder det ikke',
		consentNot1:
			'Afdelingen får ikke adgang til alt om dig. Den kan kun se det, der står på jeres fælles tidslinje i Sammen.',
		consentNot2:
			'Du mister ikke din hjælp, hvis du siger nej. Vi behandler stadig din sag. Men det kan tage længere tid, fordi vi måske skal spørge dig om noget, som en anden afdeling allerede ved.',
		consentNot3:
			'Det er ikke for altid. Du kan trække dit samtykke tilbage når som helst. Det virker med det samme.',

		consentDepartmentsHeading: 'Dine afdelinger',
		consentDepartmentsNone:
			'Du har ingen sager hos kommunen lige nu. Derfor er der ikke noget at give samtykke til.',
		consentCardSees:
			'{department} kan se, hvad {others} har skrevet om dig på jeres fælles tidslinje.',
		consentCardOthers: 'de andre afdelinger',
		consentCardHelps:
			'Det hjælper, fordi {department} så kender hele din situation. Du skal ikke forklare det hele igen.',
		consentCardWithout:
			'Uden samtykke kan {department} ikke se, hvad de andre afdelinger har skrevet.',
		consentStateGranted: 'Du har givet samtykke {date}.',
		consentStateNone: 'Du har ikke givet samtykke.',
		consentStateWithdrawn: 'Du trak dit samtykke tilbage {date}.',
		consentStateGrantedFor: '{name} har givet samtykke {date}.',
		consentStateNoneFor: '{name} har ikke givet samtykke.',
		consentStateWithdrawnFor: '{name} trak sit samtykke tilbage {date}.',
		consentGiveButton: 'Giv samtykke til {department}',
		consentWithdrawButton: 'Træk samtykke tilbage fra {department}',
		consentUnchanged: 'Der er ikke ændret noget. Samtykket var allerede, som du valgte.',

		consentHistoryHeading: 'Alle ændringer',
		consentHistoryNone: 'Der er ingen ændringer endnu.',
		consentHistoryGranted: 'Samtykke givet til {department}',
		consentHistoryWithdrawn: 'Samtykke trukket tilbage fra {department}',
		consentWhenLabel: 'Hvornår',
		consentChannelLabel: 'Hvordan',
		consentRecordedByLabel: 'Registreret af',
		consentByYou: 'Dig',
		consentByYouFor: 'Dig, på vegne af {name}',
		consentByRepresentative: '{name}, som handler på dine vegne',
		consentByRepresentativeFor: '{name}, som handler på vegne af {citizen}',
		consentByStaff: 'En medarbejder i {department}',
		consentByStaffUnknown: 'En medarbejder i kommunen',
		consentReceiptLink: 'Se kvittering',

		consentReceiptTitle: 'Kvittering for samtykke',
		consentReceiptSaved: 'Dit samtykke er ændret. Her er din kvittering.',
		consentReceiptNumber: 'Kvitteringsnummer',
		consentReceiptWhat: 'Det blev ændret',
		consentReceiptWhose: 'Samtykket gælder',
		consentReceiptMunicipality: 'Kommune',
		consentReceiptNowHeading: 'Det betyder det nu',
		consentReceiptNowGranted:
			'{department} kan se, hvad de andre afdelinger skriver om dig på jeres fælles tidslinje.',
		consentReceiptNowWithdrawn:
			'{department} kan ikke se, hvad de andre afdelinger skriver om dig på jeres fælles tidslinje. {department} behandler stadig din sag.',
		consentReceiptSuperseded:
			'Samtykket til {department} er ændret igen {date}. Det, der gælder nu, kan du se på siden Samtykke.',
		consentReceiptChangeHeading: 'Sådan ændrer du det igen',
		consentReceiptChangeText:
			'Du kan altid give samtykke eller trække det tilbage på siden Samtykke her i Sammen. Det tager ét klik. Du kan også ringe til os eller sige det til din sagsbehandler.',
		consentReceiptGoToConsent: 'Gå til Samtykke',
		consentReceiptPrint: 'Udskriv kvitteringen',

		consentEntryGranted: '{actor} gav samtykke til {department}',
		consentEntryWithdrawn: '{actor} trak sit samtykke til {department} tilbage',
		consentEntryGrantedFor: '{actor} gav samtykke til {department} på vegne af {citizen}',
		consentEntryWithdrawnFor:
			'{actor} trak samtykket til {department} tilbage på vegne af {citizen}',
		consentEntryBodyGranted:
			'{department} kan nu se, hvad de andre afdelinger skriver på den fælles tidslinje. Samtykket kan trækkes tilbage når som helst.',
		consentEntryBodyWithdrawn:
			'{department} kan fra nu af ikke se, hvad de andre afdelinger skriver på den fælles tidslinje.'
	},
	{
		consentTitle: 'Consent',
		consentTitleFor: 'Consent for {name}',
		consentLead:
			'Here you decide whether the departments of the municipality may see what the other departments write about you.',
		consentLeadFor:
			'Here you decide whether the departments of the municipality may see what the other departments write about {name}.',
		consentWhyAsk:
			'The departments have a duty of confidentiality. That is why they may share information about you only when you have said yes.',

		consentWhatHeading: 'What does it mean to give consent?',
		consentMeansHeading: 'What it means',
		consentMeans1:
			'The department may see what the other departments have written about you on your shared timeline.',
		consentMeans2:
			'Then you do not have to tell the same story several times, and the departments can help you better together.',
		consentMeans3: 'You decide. You say yes or no to one department at a time.',
		consentNotHeading: 'What it does not mean',
		consentNot1:
			'The department does not get access to everything about you. It can only see what is on your shared timeline in Sammen.',
		consentNot2:
			'You do not lose your help if you say no. We still work on your case. But it may take longer, because we may have to ask you about something another department already knows.',
		consentNot3:
			'It is not for ever. You can withdraw your consent at any time. It takes effect at once.',

		consentDepartmentsHeading: 'Your departments',
		consentDepartmentsNone:
			'You have no cases with the municipality right now, so there is nothing to give consent to.',
		consentCardSees:
			'{department} can see what {others} have written about you on your shared timeline.',
		consentCardOthers: 'the other departments',
		consentCardHelps:
			'This helps because {department} then knows your whole situation. You do not have to explain it all again.',
		consentCardWithout:
			'Without consent, {department} cannot see what the other departments have written.',
		consentStateGranted: 'You gave consent on {date}.',
		consentStateNone: 'You have not given consent.',
		consentStateWithdrawn: 'You withdrew your consent on {date}.',
		consentStateGrantedFor: '{name} gave consent on {date}.',
		consentStateNoneFor: '{name} has not given consent.',
		consentStateWithdrawnFor: '{name} withdrew their consent on {date}.',
		consentGiveButton: 'Give consent to {department}',
		consentWithdrawButton: 'Withdraw consent from {department}',
		consentUnchanged: 'Nothing was changed. The consent was already as you chose.',

		consentHistoryHeading: 'All changes',
		consentHistoryNone: 'There are no changes yet.',
		consentHistoryGranted: 'Consent given to {department}',
		consentHistoryWithdrawn: 'Consent withdrawn from {department}',
		consentWhenLabel: 'When',
		consentChannelLabel: 'How',
		consentRecordedByLabel: 'Recorded by',
		consentByYou: 'You',
		consentByYouFor: 'You, on behalf of {name}',
		consentByRepresentative: '{name}, acting on your behalf',
		consentByRepresentativeFor: '{name}, acting on behalf of {citizen}',
		consentByStaff: 'A member of staff at {department}',
		consentByStaffUnknown: 'A member of staff at the municipality',
		consentReceiptLink: 'See the receipt',

		consentReceiptTitle: 'Receipt for consent',
		consentReceiptSaved: 'Your consent has been changed. Here is your receipt.',
		consentReceiptNumber: 'Receipt number',
		consentReceiptWhat: 'What was changed',
		consentReceiptWhose: 'Whose consent',
		consentReceiptMunicipality: 'Municipality',
		consentReceiptNowHeading: 'What it means now',
		consentReceiptNowGranted:
			'{department} can see what the other departments write about you on your shared timeline.',
		consentReceiptNowWithdrawn:
			'{department} cannot see what the other departments write about you on your shared timeline. {department} still works on your case.',
		consentReceiptSuperseded:
			'The consent to {department} was changed again on {date}. You can see what applies now on the Consent page.',
		consentReceiptChangeHeading: 'How to change it again',
		consentReceiptChangeText:
			'You can always give your consent or withdraw it on the Consent page here in Sammen. It takes one click. You can also call us or tell your caseworker.',
		consentReceiptGoToConsent: 'Go to Consent',
		consentReceiptPrint: 'Print the receipt',

		consentEntryGranted: '{actor} gave consent to {department}',
		consentEntryWithdrawn: '{actor} withdrew their consent to {department}',
		consentEntryGrantedFor: '{actor} gave consent to {department} on behalf of {citizen}',
		consentEntryWithdrawnFor: '{actor} withdrew the consent to {department} on behalf of {citizen}',
		consentEntryBodyGranted:
			'{department} can now see what the other departments write on the shared timeline. The consent can be withdrawn at any time.',
		consentEntryBodyWithdrawn:
			'From now on, {department} cannot see what the other departments write on the shared timeline.'
	}
);

import { defineCatalogue } from './define';

// "Who has seen my information" (/indsigt): the audit rows about the citizen made by others.
// A row reads as one sentence, "{who} {what}.", e.g. "En medarbejder i Jobcenter læste dit forløb."
export default defineCatalogue(
	{
		insightTitle: 'Hvem har set mine oplysninger',
		insightLead:
			'Her kan du se, hvem der har set, søgt efter eller ændret oplysninger om dig i Sammen. Du kan se hvornår, fra hvilken afdeling, hvad de gjorde, og hvorfor.',
		insightLawHeading: 'Derfor kan du se listen',
		insightLawText:
			'Kommunen skal skrive det ned, hver gang en medarbejder slår dig op, ser dine oplysninger eller ændrer dem. Det kræver reglerne om databeskyttelse. Medarbejderne må kun se dine oplysninger, når de skal bruge dem til at arbejde med din sag.',
		insightOwnNotShown: 'Det, du selv gør i Sammen, står ikke på listen.',
		insightNamesHidden:
			'Listen viser, hvilken afdeling medarbejderen kommer fra. Den viser ikke medarbejderens navn.',
		insightNamesShown: 'Listen viser medarbejderens navn og afdeling.',
		insightConcernHeading: 'Har nogen set dine oplysninger uden grund?',
		insightConcernText:
			'Tror du, at nogen har set dine oplysninger uden at have en grund? Så kontakt {municipality}. Vi undersøger det og svarer dig.',
		insightConcernAuthority: 'Du kan også klage til Datatilsynet.',

		insightListHeading: 'Det er sket med dine oplysninger',
		insightFilterLabel: 'Vis kun én afdeling',
		insightFilterAll: 'Alle afdelinger',
		insightFilterButton: 'Vis listen',
		insightFilteredTo: 'Du ser kun, hvad medarbejdere i {department} har gjort.',
		insightShowAll: 'Vis alle afdelinger',
		insightNone: 'Ingen andre har set eller ændret dine oplysninger i Sammen endnu.',
		insightNoneInDepartment: 'Ingen i {department} har set eller ændret dine oplysninger i Sammen.',
		insightNoMore: 'Der er ikke flere rækker.',
		insightPages: 'Flere rækker i listen',
		insightOlder: 'Vis ældre',
		insightNewest: 'Vis de nyeste',
		insightSentence: '{who} {what}.',
		insightPurpose: 'Formål: {purpose}',

		insightActorStaff: 'En medarbejder i {department}',
		insightActorStaffNamed: '{name} fra {department}',
		insightActorStaffMunicipality: 'En medarbejder i kommunen',
		insightActorStaffMunicipalityNamed: '{name} fra kommunen',
		insightActorAdmin: 'En administrator i kommunen',
		insightActorAuditor: 'En revisor i kommunen',
		insightActorRepresentative: 'Din repræsentant {name}',
		insightActorRepresentativeUnnamed: 'Din repræsentant',
		insightActorSystem: 'Sammen',
		insightActorOther: 'En anden person',

		insightVerbRead: 'læste {object}',
		insightVerbSearch: 'søgte efter {object}',
		insightVerbCreate: 'oprettede {object}',
		insightVerbUpdate: 'ændrede {object}',
		insightVerbDelete: 'slettede {object}',
		insightVerbExport: 'hentede {object}',
		insightSearchedYou: 'søgte efter dig',
		insightStartedActing: 'begyndte at handle for dig',
		insightLoginRefused: 'afviste et login med dit MitID',
		insightActionGeneric: 'brugte oplysninger om dig',

		insightObjectJourney: 'dit forløb',
		insightObjectCase: 'en af dine sager',
		insightObjectMeeting: 'et møde',
		insightObjectTask: 'en opgave',
		insightObjectMessage: 'en besked',
		insightObjectLetter: 'et brev',
		insightObjectDocument: 'et dokument',
		insightObjectConsent: 'dit samtykke',
		insightObjectTimeline: 'en post i dit forløb',
		insightObjectPlan: 'jeres fælles plan',
		insightObjectOverview: 'dit overblik',
		insightObjectSettings: 'dine indstillinger',
		insightObjectAnalog: 'dit valg om breve med posten',
		insightObjectRepresentation: 'en fuldmagt',
		insightObjectCitizen: 'dine oplysninger',
		insightObjectCitizenData: 'alle dine data',
		insightObjectAuditTrail: 'listen over, hvem der har set dine oplysninger',
		insightObjectGeneric: 'oplysninger om dig',

		insightPurposeLoaTooLow: 'Login var ikke sikkert nok.'
	},
	{
		insightTitle: 'Who has seen my information',
		insightLead:
			'Here you can see who has looked at, searched for or changed information about you in Sammen. You can see when, from which department, what they did and why.',
		insightLawHeading: 'Why you can see this list',
		insightLawText:
			'The municipality must write it down every time a member of staff looks you up, sees your information or changes it. The data protection rules require this. Staff may only look at your information when they need it to work on your case.',
		insightOwnNotShown: 'What you do yourself in Sammen is not on the list.',
		insightNamesHidden:
			'The list shows which department the member of staff is from. It does not show their name.',
		insightNamesShown: 'The list shows the name and department of the member of staff.',
		insightConcernHeading: 'Has someone looked at your information without a reason?',
		insightConcernText:
			'Do you think someone has looked at your information without a reason? Then contact {municipality}. We will look into it and answer you.',
		insightConcernAuthority:
			'You can also complain to the Danish Data Protection Agency (Datatilsynet).',

		insightListHeading: 'What has happened with your information',
		insightFilterLabel: 'Show only one department',
		insightFilterAll: 'All departments',
		insightFilterButton: 'Show the list',
		insightFilteredTo: 'You are seeing only what staff at {department} have done.',
		insightShowAll: 'Show all departments',
		insightNone: 'Nobody else has looked at or changed your information in Sammen yet.',
		insightNoneInDepartment:
			'Nobody at {department} has looked at or changed your information in Sammen.',
		insightNoMore: 'There are no more rows.',
		insightPages: 'More rows in the list',
		insightOlder: 'Show older',
		insightNewest: 'Show the newest',
		insightSentence: '{who} {what}.',
		insightPurpose: 'Purpose: {purpose}',

		insightActorStaff: 'A member of staff at {department}',
		insightActorStaffNamed: '{name} from {department}',
		insightActorStaffMunicipality: 'A member of staff at the municipality',
		insightActorStaffMunicipalityNamed: '{name} from the municipality',
		insightActorAdmin: 'An administrator at the municipality',
		insightActorAuditor: 'An auditor at the municipality',
		insightActorRepresentative: 'Your representative {name}',
		insightActorRepresentativeUnnamed: 'Your representative',
		insightActorSystem: 'Sammen',
		insightActorOther: 'Another person',

		insightVerbRead: 'read {object}',
		insightVerbSearch: 'searched for {object}',
		insightVerbCreate: 'created {object}',
		insightVerbUpdate: 'changed {object}',
		insightVerbDelete: 'deleted {object}',
		insightVerbExport: 'downloaded {object}',
		insightSearchedYou: 'searched for you',
		insightStartedActing: 'started acting for you',
		insightLoginRefused: 'refused a login with your MitID',
		insightActionGeneric: 'used information about you',

		insightObjectJourney: 'your journey',
		insightObjectCase: 'one of your cases',
		insightObjectMeeting: 'a meeting',
		insightObjectTask: 'a task',
		insightObjectMessage: 'a message',
		insightObjectLetter: 'a letter',
		insightObjectDocument: 'a document',
		insightObjectConsent: 'your consent',
		insightObjectTimeline: 'an entry in your journey',
		insightObjectPlan: 'your shared plan',
		insightObjectOverview: 'your overview',
		insightObjectSettings: 'your settings',
		insightObjectAnalog: 'your choice of letters by post',
		insightObjectRepresentation: 'a power of attorney',
		insightObjectCitizen: 'your information',
		insightObjectCitizenData: 'all your data',
		insightObjectAuditTrail: 'the list of who has seen your information',
		insightObjectGeneric: 'information about you',

		insightPurposeLoaTooLow: 'The login was not secure enough.'
	}
);

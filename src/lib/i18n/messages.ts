// The text of the user interface. Danish is the source language, written in klarsprog and
// addressed to the citizen as "du"; English is a full translation. `en` is typed by `da`'s keys,
// so a key missing from (or added only to) one catalogue is a compile error.
// Placeholders are written {name} and filled in by format().
import consent from './catalogues/consent';
import conversation from './catalogues/conversation';
import documents from './catalogues/documents';
import forms from './catalogues/forms';
import insight from './catalogues/insight';
import meetings from './catalogues/meetings';
import mydata from './catalogues/mydata';
import portal from './catalogues/portal';
import settings from './catalogues/settings';
import tasks from './catalogues/tasks';
import staff from './catalogues/staff';
import staffCaseload from './catalogues/staff-caseload';
import staffJourney from './catalogues/staff-journey';
import staffMeetings from './catalogues/staff-meetings';
import staffAudit from './catalogues/staff-audit';
import notifications from './catalogues/notifications';
import print from './catalogues/print';
import operations from './catalogues/operations';
import admin from './catalogues/admin';
import retention from './catalogues/retention';
import type { Locale } from './locale';

const coreDa = {
	skipLink: 'Gå til sideindhold',
	headerQuestions: 'Har du spørgsmål? Ring til os på',

	contactHeading: 'Kontakt {municipality}',
	contactPhone: 'Telefon',
	contactEmail: 'E-mail',
	contactAddress: 'Adresse',
	contactHours: 'Åbningstid',

	footerAboutHeading: 'Om Sammen',
	footerAccessibility: 'Tilgængelighedserklæring',
	footerAbout: 'Sammen er en løsning fra {municipality}. Her kan du følge dine sager hos kommunen.',

	updateAvailable: 'Der er en ny version af Sammen.',
	updateReload: 'Genindlæs siden',

	frontHeading: 'Alle dine sager med kommunen samlet ét sted',
	frontLead:
		'Sammen giver dig overblik over dine sager hos {municipality}. Du kan se, hvad der skal ske, og hvem du kan tale med.',
	frontWhatHeading: 'Det kan du se i Sammen',
	frontWhatTasks: 'Om vi venter på noget fra dig, og hvornår du senest skal gøre det.',
	frontWhatNext: 'Hvad der skal ske i dine sager, og hvornår det sker.',
	frontWhatCases:
		'Alle dine sager hos kommunen – også når de hører til forskellige afdelinger, for eksempel jobcentret og børne- og familieafdelingen.',
	frontWhatWho: 'Hvem du skal tale med, og hvordan du kontakter dem.',
	frontPlanHeading: 'Én plan – lavet sammen med dig',
	frontPlanText:
		'Har du sager i flere afdelinger, arbejder dine sagsbehandlere sammen om én fælles plan. Så skal du ikke fortælle det samme flere gange. Én af dem har ansvaret for at holde sammen på det hele.',
	frontConsentText:
		'Afdelingerne deler kun oplysninger om dig, hvis du giver samtykke. Du kan altid trække dit samtykke tilbage.',
	frontWhoHeading: 'Hvem er Sammen for?',
	frontWhoText:
		'Sammen er for dig, der har en eller flere sager hos {municipality}. Det er en særlig hjælp, hvis du har sager i flere afdelinger på samme tid.',
	frontPostHeading: 'Vil du hellere have breve med posten?',
	frontPostText:
		'Du kan vælge at få alt fra os med posten i stedet for digitalt. Så får du de samme oplysninger på papir. Vælg det under Indstillinger, når du er logget ind. Du kan også sige det til din sagsbehandler eller ringe til os.',
	frontHelpHeading: 'Sådan får du hjælp',
	frontHelpText:
		'Ring til os, hvis du har spørgsmål til Sammen eller til din sag. Ring også, hvis du har fået et brev, som du ikke forstår.',

	offlineHeading: 'Du er ikke på nettet',
	offlineText:
		'Vi kan ikke vise siden, fordi din telefon eller computer ikke har forbindelse til internettet. Prøv igen, når du har forbindelse.',
	offlineContact: 'Du kan stadig kontakte {municipality}:',
	offlineRetry: 'Prøv igen',

	errorNotFoundHeading: 'Vi kan ikke finde siden',
	errorNotFoundText:
		'Siden findes ikke, eller den er flyttet. Tjek, at adressen er skrevet rigtigt.',
	errorHeading: 'Der skete en fejl',
	errorText: 'Vi kan ikke vise siden lige nu. Prøv igen om lidt.',
	errorCode: 'Fejlkode: {status}',
	errorHelp: 'Har du brug for hjælp? Ring til os på',
	errorHomeLink: 'Gå til forsiden',

	loginButton: 'Log ind med MitID',
	staffLoginLink: 'Log ind som medarbejder',
	loggedInAs: 'Logget ind som {name}',
	logoutButton: 'Log ud',
	loggedOut: 'Du er logget ud.',
	demoBanner:
		'Demo: Alle personer og sager er opdigtede. Du logger ind med en MitID-simulator, ikke med rigtig MitID.',
	actingFor: 'Du handler på vegne af {name}.',
	actingForBack: 'Skift tilbage til dig selv',

	chooseTitle: 'Hvem vil du bruge Sammen for?',
	chooseLead:
		'Du må handle for andre, fordi du har fuldmagt eller forældremyndighed. Vælg, om du vil se dine egne sager eller en andens.',
	chooseSelfButton: 'Fortsæt som dig selv',
	chooseForButton: 'Handl for {name}',

	staffTitle: 'Medarbejder',
	staffLoggedIn: 'Du er logget ind som {name}.',
	staffRoleLine: 'Rolle: {role}',
	staffDepartmentLine: 'Afdeling: {department}',
	roleCaseworker: 'sagsbehandler',
	roleCoordinator: 'koordinerende sagsbehandler',
	roleAdmin: 'administrator',
	roleAuditor: 'revisor',

	refusedTitle: 'Du blev ikke logget ind',
	refusedLoaTooLow:
		'Dit login var ikke sikkert nok. Sammen viser oplysninger om dine sager, så du skal logge ind med MitID på mindst betydeligt sikringsniveau. Log ind igen med MitID-appen eller en MitID-kodeviser.',
	refusedMissingCpr:
		'Vi fik ikke dit CPR-nummer fra MitID, så vi kan ikke finde dine sager. Prøv at logge ind igen. Sker det igen, så ring til os.',
	refusedUnknownStaff:
		'Du er ikke oprettet som medarbejder i Sammen. Kontakt din leder, hvis du skal have adgang.',
	refusedMissingClaim:
		'Vi fik ikke din e-mailadresse fra login, så vi kan ikke se, hvem du er. Kontakt IT-support.',
	refusedExpired: 'Dit login tog for lang tid, eller det var allerede brugt. Start forfra.',
	refusedFailed: 'Vi kunne ikke gennemføre dit login. Prøv igen om lidt.',
	refusedCancelled: 'Du afbrød dit login.',
	refusedTryAgain: 'Log ind igen',
	tooManyRequests: 'Du har prøvet mange gange på kort tid. Vent lidt, og prøv igen.',

	overviewTitle: 'Mit overblik',
	overviewFor: 'Overblik for {name}',
	todoHeading: 'Det skal du gøre',
	todoNothing: 'Du skal ikke gøre noget lige nu.',
	taskDue: 'Senest {date}',
	meetingToAnswer: 'Svar på invitationen til mødet {date}.',
	nextMeetingHeading: 'Dit næste møde',
	meetingPlace: 'Sted: {place}',
	meetingVideo: 'Mødet foregår som videomøde.',
	responsePending: 'Du har ikke svaret på invitationen endnu.',
	responseAccepted: 'Du har sagt ja til mødet.',
	responseDeclined: 'Du har sagt nej til mødet.',
	responseReschedule: 'Du har bedt om en anden tid.',
	casesHeading: 'Dine sager',
	casesNone: 'Du har ingen sager hos os lige nu.',
	statusWaitingCitizen: 'Vi venter på dig',
	statusWaitingMunicipality: 'Vi behandler din sag',
	statusWaitingOther: 'Vi venter på svar fra en anden myndighed',
	statusReceived: 'Vi har fået din sag',
	statusDecided: 'Afgjort {date}',
	statusClosed: 'Afsluttet {date}',
	nextStepLabel: 'Næste skridt',
	nextStepDue: 'Senest {date}',
	caseworkerLine: 'Din sagsbehandler er {name}.',
	callPhone: 'Ring {phone}',
	talkHeading: 'Hvem kan du tale med?',
	coordinatorLine: '{name} fra {department} holder sammen på dine sager.',
	unreadOne: 'Du har 1 ny besked.',
	unreadMany: 'Du har {count} nye beskeder.',

	journeyLink: 'Se dit forløb og jeres fælles plan',
	journeyCoordinatorHeading: 'Din tovholder',
	journeyPlanHeading: 'Jeres fælles plan',
	journeyPlanNone: 'I har ikke lavet en plan endnu.',
	goalNotStarted: 'Ikke startet',
	goalInProgress: 'I gang',
	goalAchieved: 'Nået',
	goalProgress: 'Fremskridt: {progress} %',
	goalTarget: 'Skal være nået {date}',
	goalResponsible: 'Ansvarlig: {department}',
	journeyTimelineHeading: 'Det er sket',
	journeyTimelineNone: 'Der er ingen poster endnu.',
	timelinePosted: 'Sendt med posten {date}',
	timelineOlder: 'Vis ældre',
	timelineNewest: 'Vis de nyeste',
	kindNote: 'Notat',
	kindMeeting: 'Møde',
	kindDecision: 'Afgørelse',
	kindLetter: 'Brev',
	kindMessage: 'Besked',
	kindStatus: 'Status',
	kindTask: 'Opgave',
	kindConsent: 'Samtykke',
	kindPlan: 'Plan'
};

const coreEn: Record<keyof typeof coreDa, string> = {
	skipLink: 'Skip to content',
	headerQuestions: 'Questions? Call us on',

	contactHeading: 'Contact {municipality}',
	contactPhone: 'Phone',
	contactEmail: 'Email',
	contactAddress: 'Address',
	contactHours: 'Opening hours',

	footerAboutHeading: 'About Sammen',
	footerAccessibility: 'Accessibility statement',
	footerAbout:
		'Sammen is a service from {municipality}. Here you can follow your cases with the municipality.',

	updateAvailable: 'There is a new version of Sammen.',
	updateReload: 'Reload the page',

	frontHeading: 'All your cases with the municipality in one place',
	frontLead:
		'Sammen gives you an overview of your cases with {municipality}. You can see what happens next and who you can talk to.',
	frontWhatHeading: 'What you can see in Sammen',
	frontWhatTasks: 'Whether we are waiting for something from you, and the deadline for it.',
	frontWhatNext: 'What happens next in your cases, and when.',
	frontWhatCases:
		'All your cases with the municipality – even when they belong to different departments, such as the job centre and the children and families department.',
	frontWhatWho: 'Who to talk to, and how to contact them.',
	frontPlanHeading: 'One plan – made together with you',
	frontPlanText:
		'If you have cases in several departments, your caseworkers work together on one shared plan. That way you do not have to tell the same story several times. One of them is responsible for holding it all together.',
	frontConsentText:
		'The departments share information about you only if you give your consent. You can withdraw your consent at any time.',
	frontWhoHeading: 'Who is Sammen for?',
	frontWhoText:
		'Sammen is for you if you have one or more cases with {municipality}. It is especially helpful if you have cases in several departments at the same time.',
	frontPostHeading: 'Would you rather get letters by post?',
	frontPostText:
		'You can choose to get everything from us by post instead of digitally. You then get the same information on paper. Choose it under Settings when you are logged in. You can also tell your caseworker or call us.',
	frontHelpHeading: 'How to get help',
	frontHelpText:
		'Call us if you have questions about Sammen or about your case. Also call us if you have received a letter that you do not understand.',

	offlineHeading: 'You are offline',
	offlineText:
		'We cannot show the page because your phone or computer is not connected to the internet. Try again when you are connected.',
	offlineContact: 'You can still contact {municipality}:',
	offlineRetry: 'Try again',

	errorNotFoundHeading: 'We cannot find the page',
	errorNotFoundText:
		'The page does not exist, or it has moved. Check that the address is spelled correctly.',
	errorHeading: 'Something went wrong',
	errorText: 'We cannot show the page right now. Please try again in a little while.',
	errorCode: 'Error code: {status}',
	errorHelp: 'Need help? Call us on',
	errorHomeLink: 'Go to the front page',

	loginButton: 'Log in with MitID',
	staffLoginLink: 'Staff login',
	loggedInAs: 'Logged in as {name}',
	logoutButton: 'Log out',
	loggedOut: 'You are logged out.',
	demoBanner:
		'Demo: all people and cases are made up. You log in with a MitID simulator, not with real MitID.',
	actingFor: 'You are acting for {name}.',
	actingForBack: 'Switch back to yourself',

	chooseTitle: 'Who do you want to use Sammen for?',
	chooseLead:
		'You may act for others because you hold a power of attorney or parental custody. Choose whether to see your own cases or someone else’s.',
	chooseSelfButton: 'Continue as yourself',
	chooseForButton: 'Act for {name}',

	staffTitle: 'Staff',
	staffLoggedIn: 'You are logged in as {name}.',
	staffRoleLine: 'Role: {role}',
	staffDepartmentLine: 'Department: {department}',
	roleCaseworker: 'caseworker',
	roleCoordinator: 'coordinating caseworker',
	roleAdmin: 'administrator',
	roleAuditor: 'auditor',

	refusedTitle: 'You were not logged in',
	refusedLoaTooLow:
		'Your login was not secure enough. Sammen shows information about your cases, so you must log in with MitID at level substantial or higher. Log in again with the MitID app or a MitID code display.',
	refusedMissingCpr:
		'We did not get your CPR number from MitID, so we cannot find your cases. Try to log in again. If it happens again, call us.',
	refusedUnknownStaff:
		'You are not registered as staff in Sammen. Ask your manager if you need access.',
	refusedMissingClaim:
		'We did not get your email address from the login, so we cannot tell who you are. Contact IT support.',
	refusedExpired: 'Your login took too long, or it was already used. Start again.',
	refusedFailed: 'We could not complete your login. Try again in a moment.',
	refusedCancelled: 'You cancelled your login.',
	refusedTryAgain: 'Log in again',
	tooManyRequests: 'You have tried many times in a short while. Wait a little and try again.',

	overviewTitle: 'My overview',
	overviewFor: 'Overview for {name}',
	todoHeading: 'What you need to do',
	todoNothing: 'You do not need to do anything right now.',
	taskDue: 'By {date}',
	meetingToAnswer: 'Answer the invitation to the meeting on {date}.',
	nextMeetingHeading: 'Your next meeting',
	meetingPlace: 'Place: {place}',
	meetingVideo: 'The meeting is a video meeting.',
	responsePending: 'You have not answered the invitation yet.',
	responseAccepted: 'You have said yes to the meeting.',
	responseDeclined: 'You have said no to the meeting.',
	responseReschedule: 'You have asked for another time.',
	casesHeading: 'Your cases',
	casesNone: 'You have no cases with us right now.',
	statusWaitingCitizen: 'We are waiting for you',
	statusWaitingMunicipality: 'We are working on your case',
	statusWaitingOther: 'We are waiting for an answer from another authority',
	statusReceived: 'We have received your case',
	statusDecided: 'Decided on {date}',
	statusClosed: 'Closed on {date}',
	nextStepLabel: 'Next step',
	nextStepDue: 'By {date}',
	caseworkerLine: 'Your caseworker is {name}.',
	callPhone: 'Call {phone}',
	talkHeading: 'Who can you talk to?',
	coordinatorLine: '{name} from {department} holds your cases together.',
	unreadOne: 'You have 1 new message.',
	unreadMany: 'You have {count} new messages.',

	journeyLink: 'See your journey and your shared plan',
	journeyCoordinatorHeading: 'Your coordinator',
	journeyPlanHeading: 'Your shared plan',
	journeyPlanNone: 'You have not made a plan yet.',
	goalNotStarted: 'Not started',
	goalInProgress: 'In progress',
	goalAchieved: 'Achieved',
	goalProgress: 'Progress: {progress} %',
	goalTarget: 'To be reached by {date}',
	goalResponsible: 'Responsible: {department}',
	journeyTimelineHeading: 'What has happened',
	journeyTimelineNone: 'There are no entries yet.',
	timelinePosted: 'Sent by post on {date}',
	timelineOlder: 'Show older',
	timelineNewest: 'Show the newest',
	kindNote: 'Note',
	kindMeeting: 'Meeting',
	kindDecision: 'Decision',
	kindLetter: 'Letter',
	kindMessage: 'Message',
	kindStatus: 'Status',
	kindTask: 'Task',
	kindConsent: 'Consent',
	kindPlan: 'Plan'
};

/** The features' catalogues; each keeps its own keys (a unit test checks that none overlap). */
export const featureCatalogues = {
	consent,
	conversation,
	documents,
	forms,
	insight,
	meetings,
	mydata,
	portal,
	settings,
	tasks,
	staff,
	staffCaseload,
	staffJourney,
	staffMeetings,
	staffAudit,
	notifications,
	print,
	operations,
	admin,
	retention
};
export const coreCatalogue = { da: coreDa, en: coreEn };

const da = {
	...coreDa,
	...consent.da,
	...conversation.da,
	...documents.da,
	...forms.da,
	...insight.da,
	...meetings.da,
	...mydata.da,
	...portal.da,
	...settings.da,
	...tasks.da,
	...staff.da,
	...staffCaseload.da,
	...staffJourney.da,
	...staffMeetings.da,
	...staffAudit.da,
	...notifications.da,
	...print.da,
	...operations.da,
	...admin.da,
	...retention.da
};
const en: Record<keyof typeof da, string> = {
	...coreEn,
	...consent.en,
	...conversation.en,
	...documents.en,
	...forms.en,
	...insight.en,
	...meetings.en,
	...mydata.en,
	...portal.en,
	...settings.en,
	...tasks.en,
	...staff.en,
	...staffCaseload.en,
	...staffJourney.en,
	...staffMeetings.en,
	...staffAudit.en,
	...notifications.en,
	...print.en,
	...operations.en,
	...admin.en,
	...retention.en
};

export type Messages = typeof da;
export type MessageKey = keyof Messages;

export const catalogues: Readonly<Record<Locale, Messages>> = { da, en };

/** The messages of one language. */
export function t(locale: Locale): Messages {
	return catalogues[locale];
}

/** Fills in {name} placeholders; a placeholder without a value is left as it is. */
export function format(message: string, values: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
		name in values ? String(values[name]) : placeholder
	);
}

/** The document title: "<page> – Sammen – <municipality>", or without a page on the front page. */
export function documentTitle(municipality: string, page?: string): string {
	return page ? `${page} – Sammen – ${municipality}` : `Sammen – ${municipality}`;
}

/** A text stored in Danish with an optional English translation; Danish when there is none yet. */
export function localized(locale: Locale, da: string, en: string | null | undefined): string {
	return locale === 'en' && en ? en : da;
}

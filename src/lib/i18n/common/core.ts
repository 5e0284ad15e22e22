// What every page needs, citizen or staff: the skip link, header and footer, the offline and error
// pages, the session bar, a refused login, and the few words both sides show (consent channels).
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		skipLink: 'Gå til sideindhold',
		headerQuestions: 'Har du spørgsmål? Ring til os på',

		contactHeading: 'Kontakt {municipality}',
		contactPhone: 'Telefon',
		contactEmail: 'E-mail',
		contactAddress: 'Adresse',
		contactHours: 'Åbningstid',

		footerAboutHeading: 'Om Sammen',
		footerAccessibility: 'Tilgængelighedserklæring',
		footerAbout:
			'Sammen er en løsning fra {municipality}. Her kan du følge dine sager hos kommunen.',

		updateAvailable: 'Der er en ny version af Sammen.',
		updateReload: 'Genindlæs siden',

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

		loggedInAs: 'Logget ind som {name}',
		logoutButton: 'Log ud',
		demoBanner:
			'Demo: Alle personer og sager er opdigtede. Du logger ind med en MitID-simulator, ikke med rigtig MitID.',
		actingFor: 'Du handler på vegne af {name}.',
		actingForBack: 'Skift tilbage til dig selv',

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

		nextStepDue: 'Senest {date}',

		consentChannelPortal: 'Her i Sammen',
		consentChannelPaper: 'På papir',
		consentChannelMeeting: 'På et møde',
		consentChannelPhone: 'I telefonen'
	},
	{
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

		loggedInAs: 'Logged in as {name}',
		logoutButton: 'Log out',
		demoBanner:
			'Demo: all people and cases are made up. You log in with a MitID simulator, not with real MitID.',
		actingFor: 'You are acting for {name}.',
		actingForBack: 'Switch back to yourself',

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

		nextStepDue: 'By {date}',

		consentChannelPortal: 'Here in Sammen',
		consentChannelPaper: 'On paper',
		consentChannelMeeting: 'At a meeting',
		consentChannelPhone: 'By phone'
	}
);

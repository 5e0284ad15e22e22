// The citizen's front page (/) before login: what Sammen is, and how to log in.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
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
		loginButton: 'Log ind med MitID',
		staffLoginLink: 'Log ind som medarbejder',
		loggedOut: 'Du er logget ud.'
	},
	{
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
		loginButton: 'Log in with MitID',
		staffLoginLink: 'Staff login',
		loggedOut: 'You are logged out.'
	}
);

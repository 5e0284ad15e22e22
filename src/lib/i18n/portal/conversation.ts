import { defineCatalogue } from '../define';

// Messages with the coordinator: the list of threads on /beskeder and one journey's thread.
export default defineCatalogue(
	{
		conversationListLead:
			'Her kan du skrive med den sagsbehandler, der holder sammen på dine sager. Du har én samtale for hvert forløb.',
		conversationListNone: 'Du har ingen beskeder.',
		conversationListNoneHelp:
			'Du kan skrive beskeder her, når du har et forløb med en koordinerende sagsbehandler. Har du spørgsmål nu, så ring til {municipality} på {phone}.',
		conversationCoordinatorShort: 'Du skriver med {name} fra {department}.',
		conversationUnreadNone: 'Ingen nye beskeder',
		conversationUnreadOne: '1 ny besked',
		conversationUnreadMany: '{count} nye beskeder',
		conversationLatest: 'Seneste besked: {date}',
		conversationNoMessages: 'Der er ingen beskeder endnu.',
		conversationOpenThread: 'Læs og skriv beskeder',
		conversationReadThread: 'Læs beskederne',
		conversationClosedJourney: 'Forløbet er afsluttet.',

		conversationThreadTitle: 'Beskeder om {journey}',
		conversationThreadWith:
			'Du skriver med {name} fra {department}. {name} holder sammen på dine sager.',
		conversationThreadWithoutCoordinator: 'Du skriver med dine sagsbehandlere.',
		conversationSkipToForm: 'Gå til at skrive en besked',
		conversationMessagesHeading: 'Jeres beskeder',
		conversationYou: 'Dig',
		conversationStaffAuthor: '{name}, {department}',
		conversationNew: 'Ny',
		conversationReadByStaff: 'Læst af kommunen {date}',
		conversationNotReadYet: 'Ikke læst endnu',
		conversationFormHeading: 'Skriv en besked',
		conversationAdviceCpr:
			'Du behøver ikke skrive dit CPR-nummer. Vi ved, hvem du er, fordi du er logget ind med MitID.',
		conversationAdviceFiles:
			'Du kan ikke sende filer eller billeder her. Spørg i din besked, hvordan du kan sende et dokument til os.',
		conversationAdviceUrgent:
			'Haster det, så ring hellere. Er der fare for liv eller helbred, så ring 112.',
		conversationAdviceUrgentPhone:
			'Haster det, så ring hellere til {name} på {phone}. Er der fare for liv eller helbred, så ring 112.',
		conversationAdviceAnswer: 'Vi svarer dig så hurtigt som muligt, normalt inden for 2 hverdage.',
		conversationBodyLabel: 'Din besked',
		conversationBodyHint: 'Skriv højst {max} tegn.',
		conversationSend: 'Send beskeden',
		conversationSentHeading: 'Din besked er sendt',
		conversationSentText: 'Vi svarer dig så hurtigt som muligt, normalt inden for 2 hverdage.',
		conversationBodyMissing: 'Skriv din besked.',
		conversationClosed:
			'Forløbet er afsluttet, så du kan ikke skrive her mere. Har du spørgsmål, så ring til {municipality} på {phone}.',
		conversationToJourney: 'Se dit forløb',
		conversationToAllThreads: 'Se alle dine beskeder'
	},
	{
		conversationListLead:
			'Here you can write to the caseworker who holds your cases together. You have one conversation for each journey.',
		conversationListNone: 'You have no messages.',
		conversationListNoneHelp:
			'You can write messages here when you have a journey with a coordinating caseworker. If you have questions now, call {municipality} on {phone}.',
		conversationCoordinatorShort: 'You are writing to {name} from {department}.',
		conversationUnreadNone: 'No new messages',
		conversationUnreadOne: '1 new message',
		conversationUnreadMany: '{count} new messages',
		conversationLatest: 'Latest message: {date}',
		conversationNoMessages: 'There are no messages yet.',
		conversationOpenThread: 'Read and write messages',
		conversationReadThread: 'Read the messages',
		conversationClosedJourney: 'The journey has ended.',

		conversationThreadTitle: 'Messages about {journey}',
		conversationThreadWith:
			'You are writing to {name} from {department}. {name} holds your cases together.',
		conversationThreadWithoutCoordinator: 'You are writing to your caseworkers.',
		conversationSkipToForm: 'Go to write a message',
		conversationMessagesHeading: 'Your messages',
		conversationYou: 'You',
		conversationStaffAuthor: '{name}, {department}',
		conversationNew: 'New',
		conversationReadByStaff: 'Read by the municipality on {date}',
		conversationNotReadYet: 'Not read yet',
		conversationFormHeading: 'Write a message',
		conversationAdviceCpr:
			'You do not need to write your CPR number. We know who you are because you logged in with MitID.',
		conversationAdviceFiles:
			'You cannot send files or pictures here. Ask in your message how you can send us a document.',
		conversationAdviceUrgent:
			'If it is urgent, please call instead. If there is a danger to life or health, call 112.',
		conversationAdviceUrgentPhone:
			'If it is urgent, please call {name} on {phone} instead. If there is a danger to life or health, call 112.',
		conversationAdviceAnswer: 'We will answer as soon as we can, usually within 2 working days.',
		conversationBodyLabel: 'Your message',
		conversationBodyHint: 'Write at most {max} characters.',
		conversationSend: 'Send the message',
		conversationSentHeading: 'Your message has been sent',
		conversationSentText: 'We will answer as soon as we can, usually within 2 working days.',
		conversationBodyMissing: 'Write your message.',
		conversationClosed:
			'The journey has ended, so you cannot write here any more. If you have questions, call {municipality} on {phone}.',
		conversationToJourney: 'See your journey',
		conversationToAllThreads: 'See all your messages'
	}
);

// Texts of operations for administrators (failed deliveries, demo outbox, channel status). Keys start with 'op'.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		opTitle: 'Drift og udsendelser',
		opLead:
			'Her kan du se, om beskederne til borgerne kommer frem, og sende dem igen, hvis de ikke gjorde. Du kan ikke se, hvad sagerne handler om.',
		opLettersWaitingOne: '1 brev har ventet mere end {hours} timer på at blive sendt med posten.',
		opLettersWaitingMany:
			'{count} breve har ventet mere end {hours} timer på at blive sendt med posten.',
		opLettersWaitingHeading: 'Breve venter for længe',
		opLettersWaitingLink: 'Gå til breve til print',

		opChannelsHeading: 'Kanaler',
		opChannelsCaption: 'Kanaler og om de er sat op',
		opColChannelName: 'Kanal',
		opColChannelState: 'Tilstand',
		opChannelEmail: 'E-mail',
		opChannelSms: 'SMS',
		opChannelLetter: 'Brev',
		opChannelDigitalPost: 'Digital Post',
		opStateConfigured: 'Sat op',
		opStateDemo: 'Demo: beskeder gemmes kun til visning',
		opStateMissing: 'Ikke sat op: beskeder fejler',
		opStateNotConnected: 'Ikke tilsluttet',
		opDigitalPostNote:
			'Sammen kan ikke sende med Digital Post. Det kræver aftaler og certifikater til Serviceplatformen. Borgere, der får breve på papir, får dem gennem breve til print.',
		opDemoLink: 'Se de beskeder, der ikke blev sendt, i demo-udbakken',

		opBacklogHeading: 'Beskeder på vej',
		opBacklogLead:
			'E-mails og SMS’er, som Sammen endnu ikke har sendt. Svarer en udbyder ikke, prøver Sammen igen med længere og længere pauser. Først når alle forsøg er brugt, kommer en besked på listen over beskeder, der ikke kom frem.',
		opBacklogCaption: 'Beskeder, der venter på at blive sendt, efter kanal',
		opColWaiting: 'Venter',
		opColRetrying: 'Prøves igen',
		opColOldest: 'Ældste venter siden',
		opBacklogNone: 'Ingen venter',

		opDeadHeading: 'Beskeder, der ikke kom frem',
		opDeadLead:
			'Listen viser beskeder, som Sammen ikke kunne sende, selv om den prøvede flere gange (Fejlet), og beskeder, hvor Sammen stoppede midt i afsendelsen (Usikker).',
		opDeadUncertainNote:
			'En usikker besked kan være kommet frem. Hvis du prøver igen, kan borgeren få den samme besked to gange.',
		opDeadPrivacyNote:
			'Borgeren vises kun med et referencenummer. Du ser ikke navn, CPR-nummer, adresse eller hvad sagen handler om, og e-mailadresser og telefonnumre i fejlteksten er skjult.',
		opDeadNone: 'Alle beskeder er kommet frem. Der er intet at sende igen.',
		opDeadCaption: 'Beskeder, der ikke kom frem, nyeste først',
		opColWhen: 'Oprettet',
		opColChannel: 'Kanal',
		opColEvent: 'Hændelse',
		opColReference: 'Reference',
		opColAttempts: 'Forsøg',
		opColError: 'Fejl',
		opColStatus: 'Status',
		opColAction: 'Handling',
		opStatusFailed: 'Fejlet',
		opStatusUncertain: 'Usikker: kan være sendt',
		opRefLetter: 'Brev {code}',
		opRefCitizen: 'Borger {code}',
		opNoError: 'Ingen fejltekst',
		opRetry: 'Prøv igen',
		opRetryContext: '{channel}, oprettet {time}',
		opRetried: 'Beskeden er sat i kø igen. Sammen sender den om lidt.',
		opRetryNotDead:
			'Beskeden er ikke længere på listen, så der er ikke ændret noget. Den er måske allerede sendt igen.',
		opNextPage: 'Næste side',
		opFirstPage: 'Første side',
		opTableLabel: 'Tabel: {caption}',

		opEventNote: 'Nyt i forløbet',
		opEventDecision: 'Afgørelse',
		opEventStatus: 'Ny status',
		opEventTask: 'Opgave',
		opEventMessage: 'Besked fra en medarbejder',
		opEventMeetingInvite: 'Invitation til møde',
		opEventMeetingMoved: 'Møde flyttet',
		opEventMeetingCancelled: 'Møde aflyst',
		opEventMeetingMinutes: 'Referat af møde',
		opEventConsent: 'Kvittering for samtykke',
		opEventPlan: 'Ændring i planen',
		opEventOther: 'Anden hændelse',

		opDemoTitle: 'Demo-udbakke',
		opDemoLead:
			'Her er de e-mails og SMS’er, Sammen ville have sendt. De er ikke sendt til nogen. Der er hverken sat en mailserver eller en SMS-udbyder op, og Sammen kører som demo, så beskederne gemmes kun her, så du kan se, hvad borgerne ville få.',
		opDemoMaskNote:
			'Modtagerne vises kun delvist: første bogstav og domænet af en e-mailadresse og de sidste fire cifre af et telefonnummer.',
		opDemoNone: 'Sammen har ikke gemt nogen beskeder i demo-udbakken endnu.',
		opDemoCaption: 'Beskeder, der ikke blev sendt, nyeste først',
		opColRecipient: 'Modtager',
		opColSubject: 'Emne',
		opColMessage: 'Besked',
		opNoSubject: 'Intet emne',
		opDemoBack: 'Tilbage til drift og udsendelser'
	},
	{
		opTitle: 'Operations and deliveries',
		opLead:
			'Here you can see whether messages reach citizens, and send them again if they did not. You cannot see what the cases are about.',
		opLettersWaitingOne: '1 letter has waited more than {hours} hours to be sent by post.',
		opLettersWaitingMany: '{count} letters have waited more than {hours} hours to be sent by post.',
		opLettersWaitingHeading: 'Letters are waiting too long',
		opLettersWaitingLink: 'Go to letters to print',

		opChannelsHeading: 'Channels',
		opChannelsCaption: 'Channels and whether they are set up',
		opColChannelName: 'Channel',
		opColChannelState: 'State',
		opChannelEmail: 'E-mail',
		opChannelSms: 'SMS',
		opChannelLetter: 'Letter',
		opChannelDigitalPost: 'Digital Post',
		opStateConfigured: 'Set up',
		opStateDemo: 'Demo: messages are only stored for display',
		opStateMissing: 'Not set up: messages fail',
		opStateNotConnected: 'Not connected',
		opDigitalPostNote:
			'Sammen cannot send through Digital Post. That needs agreements and certificates for Serviceplatformen. Citizens who get letters on paper get them through letters to print.',
		opDemoLink: 'See the messages that were not sent in the demo outbox',

		opBacklogHeading: 'Messages on their way',
		opBacklogLead:
			'E-mails and text messages Sammen has not sent yet. When a provider does not answer, Sammen tries again with longer and longer pauses. Only when every attempt has been used does a message go on the list of messages that did not arrive.',
		opBacklogCaption: 'Messages waiting to be sent, by channel',
		opColWaiting: 'Waiting',
		opColRetrying: 'Being retried',
		opColOldest: 'Oldest waiting since',
		opBacklogNone: 'None waiting',

		opDeadHeading: 'Messages that did not arrive',
		opDeadLead:
			'The list shows messages Sammen could not send although it tried several times (Failed), and messages where Sammen stopped in the middle of sending (Uncertain).',
		opDeadUncertainNote:
			'An uncertain message may have arrived. If you try again, the citizen may get the same message twice.',
		opDeadPrivacyNote:
			'The citizen is shown only by a reference number. You do not see their name, CPR number, address or what the case is about, and e-mail addresses and phone numbers in the error text are hidden.',
		opDeadNone: 'Every message has arrived. There is nothing to send again.',
		opDeadCaption: 'Messages that did not arrive, newest first',
		opColWhen: 'Created',
		opColChannel: 'Channel',
		opColEvent: 'Event',
		opColReference: 'Reference',
		opColAttempts: 'Attempts',
		opColError: 'Error',
		opColStatus: 'Status',
		opColAction: 'Action',
		opStatusFailed: 'Failed',
		opStatusUncertain: 'Uncertain: may have been sent',
		opRefLetter: 'Letter {code}',
		opRefCitizen: 'Citizen {code}',
		opNoError: 'No error text',
		opRetry: 'Try again',
		opRetryContext: '{channel}, created {time}',
		opRetried: 'The message is back in the queue. Sammen will send it shortly.',
		opRetryNotDead:
			'The message is no longer on the list, so nothing was changed. It may already have been sent again.',
		opNextPage: 'Next page',
		opFirstPage: 'First page',
		opTableLabel: 'Table: {caption}',

		opEventNote: 'News in the journey',
		opEventDecision: 'Decision',
		opEventStatus: 'New status',
		opEventTask: 'Task',
		opEventMessage: 'Message from a member of staff',
		opEventMeetingInvite: 'Meeting invitation',
		opEventMeetingMoved: 'Meeting moved',
		opEventMeetingCancelled: 'Meeting cancelled',
		opEventMeetingMinutes: 'Meeting minutes',
		opEventConsent: 'Consent receipt',
		opEventPlan: 'Change to the plan',
		opEventOther: 'Other event',

		opDemoTitle: 'Demo outbox',
		opDemoLead:
			'Here are the e-mails and text messages Sammen would have sent. They were not sent to anyone. Neither a mail server nor an SMS provider is set up, and Sammen runs as a demo, so the messages are only stored here for you to see what citizens would get.',
		opDemoMaskNote:
			'Recipients are shown only in part: the first letter and the domain of an e-mail address, and the last four digits of a phone number.',
		opDemoNone: 'Sammen has not stored any messages in the demo outbox yet.',
		opDemoCaption: 'Messages that were not sent, newest first',
		opColRecipient: 'Recipient',
		opColSubject: 'Subject',
		opColMessage: 'Message',
		opNoSubject: 'No subject',
		opDemoBack: 'Back to operations and deliveries'
	}
);

// Texts of the print queue (letters to analog citizens: batches, hand-over, returned letters). Keys start with 'pq'.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		// The printed letter (in the letter's language).
		pqLetterReference: 'Brevnummer: {reference}',
		pqLetterFooter: 'Brevnummer {reference}',

		// The print queue.
		pqTitle: 'Breve til print',
		pqLead:
			'Her er brevene til borgere, der får post på papir. Lav en pakke med de ventende breve, send den til printleverandøren, og markér pakken som afleveret, når brevene er sendt.',
		pqWaitingHeading: 'Breve, der venter på print',
		pqWaitingCount: '{count} breve venter på print.',
		pqWaitingCountOne: '1 brev venter på print.',
		pqWaitingNone: 'Der er ingen breve, der venter på print.',
		pqOverdueCount: '{count} af brevene har ventet mere end {hours} timer. Lav en pakke i dag.',
		pqOverdue: 'Venter for længe',
		pqTableLabel: 'Tabel: {caption}',
		pqColReference: 'Brevnummer',
		pqColRecipient: 'Modtager',
		pqColPostcode: 'Postnr. og by',
		pqColDepartment: 'Afdeling',
		pqColCreated: 'Oprettet',
		pqColPages: 'Sider',
		pqColStatus: 'Status',
		pqExport: 'Lav en pakke til print',
		pqExportHint:
			'Pakken får alle breve, der venter. Bagefter kan du hente den som ZIP-fil med en PDF for hvert brev og en liste over brevene.',
		pqExportEmpty: 'Der er ingen breve, der venter, så der er ikke lavet nogen pakke.',
		pqBatchesHeading: 'Seneste pakker',
		pqBatchesNone: 'Der er ikke lavet nogen pakker endnu.',
		pqColBatch: 'Pakke',
		pqColLetters: 'Breve',
		pqColHandedOver: 'Afleveret til posten',
		pqNotHandedOver: 'Ikke afleveret endnu',
		pqBatchLink: 'Pakke fra {date}',
		pqReturnLink: 'Registrér et brev, der er kommet retur',

		// One batch.
		pqBatchTitle: 'Pakke fra {date}',
		pqBatchLead: 'Pakken har {count} breve. Hent den, og send den til printleverandøren.',
		pqBatchDownload: 'Hent pakken som ZIP-fil',
		pqBatchLettersHeading: 'Breve i pakken',
		pqHandOverHeading: 'Aflevér til posten',
		pqHandOver: 'Markér som afleveret til posten',
		pqHandOverHint:
			'Gør det, når printleverandøren har sendt brevene. Så kan borgerne se, at brevet er sendt med posten.',
		pqHandedOver: 'Pakken blev afleveret til posten {date} af {name}.',
		pqHandOverDone: 'Pakken er markeret som afleveret til posten.',
		pqHandOverAlready:
			'Pakken var allerede markeret som afleveret til posten. Der er ikke ændret noget.',
		pqExportDone: 'Pakken er lavet med {count} breve. Hent den som ZIP-fil.',
		pqBack: 'Tilbage til breve til print',
		pqStatusQueued: 'Bliver lavet',
		pqStatusRendered: 'Venter på print',
		pqStatusSending: 'Sendes nu',

		// Letters through SF1601: remote print and Digital Post (the letter's language).
		dpCopySubject: 'Kopi: {subject}',
		dpCopyIntro:
			'Kære {name}\n\nDu får en kopi af dette brev, fordi du er partsrepræsentant for {citizen}. Brevet er også sendt til {citizen}.',
		dpBundleSubject: '{count} breve fra kommunen',
		dpBundleIntro:
			'Vi har samlet {count} breve til dig i én forsendelse, så du får dem på én gang. Du kan læse dem herunder:',
		dpTaskTitle: 'Brevet kunne ikke sendes — kontakt borgeren',
		dpTaskDescription:
			'Brevet {reference} ("{subject}") til {recipient} kunne ikke sendes. Årsag: {reason}. Kontakt borgeren, og fortæl, hvad der står i brevet.',
		dpFailedEntryTitle: 'Brevet kunne ikke sendes: {subject}',
		dpFailedEntryBody:
			'Brevet {reference} til {recipient} kunne ikke sendes. Årsag: {reason}. Der er lavet en opgave om at kontakte borgeren.',
		pqStatusPrinted: 'I en pakke til print',
		pqStatusPosted: 'Sendt med posten',
		pqStatusReturned: 'Kommet retur',
		pqStatusFailed: 'Kunne ikke laves',

		// The manifest in the ZIP file.
		pqCsvFile: 'Filnavn',
		pqCsvName: 'Navn',
		pqCsvAddress: 'Adresselinje {number}',
		pqCsvPostcode: 'Postnummer',
		pqCsvTown: 'By',
		pqCsvLanguage: 'Sprog',

		// Returned letters.
		pqReturnTitle: 'Brev kommet retur',
		pqReturnLead:
			'Skriv brevnummeret fra et brev, som posten har sendt retur. Når du har markeret brevet, får borgerens koordinator en opgave om at ringe til borgeren.',
		pqReturnReference: 'Brevnummer',
		pqReturnReferenceHint:
			'Det står på brevet øverst til højre og nederst, for eksempel ABCD-1234.',
		pqReturnFind: 'Find brevet',
		pqErrorReferenceMissing: 'Skriv brevnummeret.',
		pqErrorReferenceFormat:
			'Skriv brevnummeret som 8 tal og bogstaver (0–9 og A–F), for eksempel ABCD-1234.',
		pqErrorReferenceUnknown: 'Der er ikke noget brev med det brevnummer. Tjek nummeret på brevet.',
		pqErrorReferenceAmbiguous:
			'Flere breve har det brevnummer. Find brevet på en anden måde, eller kontakt den, der driver Sammen.',
		pqErrorNotPosted:
			'Brevet er ikke sendt med posten endnu, så det kan ikke være kommet retur. Tjek brevnummeret.',
		pqErrorAlreadyReturned: 'Brevet er allerede markeret som kommet retur.',
		pqReturnConfirmHeading: 'Er det dette brev?',
		pqReturnRecipient: 'Modtager',
		pqReturnSent: 'Sendt med posten',
		pqReturnNotSent: 'Ikke sendt',
		pqReturnStatus: 'Status',
		pqReturnConfirm: 'Markér som returneret',
		pqReturnOther: 'Find et andet brev',
		pqReturnDone:
			'Brevet {reference} er markeret som kommet retur. {name} har fået en opgave om at ringe til borgeren.',
		pqReturnDoneNoAssignee:
			'Brevet {reference} er markeret som kommet retur. Borgeren har ingen koordinator eller sagsbehandler, så opgaven er ikke givet til nogen.',
		pqTaskTitle: 'Brev kom retur – ring til borgeren',
		pqTaskDescription:
			'Brevet {reference} ("{subject}") kom retur med posten. Ring til borgeren, tjek adressen, og fortæl, hvad der stod i brevet.',
		pqTimelineTitle: 'Brev kom retur: {subject}',
		pqTimelineBody:
			'Brevet {reference} kom retur med posten. Der er lavet en opgave om at ringe til borgeren.',

		// The staff timeline (the citizen's documents say it in portal/documents.ts).
		pqReturned: 'Kom retur med posten {date}'
	},
	{
		pqLetterReference: 'Letter reference: {reference}',
		pqLetterFooter: 'Letter reference {reference}',

		pqTitle: 'Letters for printing',
		pqLead:
			'These are the letters to citizens who get their post on paper. Make a batch of the waiting letters, send it to the print provider, and mark the batch as handed over when the letters have been sent.',
		pqWaitingHeading: 'Letters waiting to be printed',
		pqWaitingCount: '{count} letters are waiting to be printed.',
		pqWaitingCountOne: '1 letter is waiting to be printed.',
		pqWaitingNone: 'No letters are waiting to be printed.',
		pqOverdueCount:
			'{count} of the letters have waited more than {hours} hours. Make a batch today.',
		pqOverdue: 'Waiting too long',
		pqTableLabel: 'Table: {caption}',
		pqColReference: 'Reference',
		pqColRecipient: 'Recipient',
		pqColPostcode: 'Postcode and town',
		pqColDepartment: 'Department',
		pqColCreated: 'Created',
		pqColPages: 'Pages',
		pqColStatus: 'Status',
		pqExport: 'Make a batch for printing',
		pqExportHint:
			'The batch gets every waiting letter. Afterwards you can download it as a ZIP file with a PDF for each letter and a list of the letters.',
		pqExportEmpty: 'No letters are waiting, so no batch was made.',
		pqBatchesHeading: 'Recent batches',
		pqBatchesNone: 'No batches have been made yet.',
		pqColBatch: 'Batch',
		pqColLetters: 'Letters',
		pqColHandedOver: 'Handed over to the post',
		pqNotHandedOver: 'Not handed over yet',
		pqBatchLink: 'Batch of {date}',
		pqReturnLink: 'Record a letter that came back',

		pqBatchTitle: 'Batch of {date}',
		pqBatchLead: 'The batch has {count} letters. Download it and send it to the print provider.',
		pqBatchDownload: 'Download the batch as a ZIP file',
		pqBatchLettersHeading: 'Letters in the batch',
		pqHandOverHeading: 'Hand over to the post',
		pqHandOver: 'Mark as handed over to the post',
		pqHandOverHint:
			'Do this when the print provider has sent the letters. Citizens can then see that the letter was sent by post.',
		pqHandedOver: 'The batch was handed over to the post on {date} by {name}.',
		pqHandOverDone: 'The batch is marked as handed over to the post.',
		pqHandOverAlready:
			'The batch was already marked as handed over to the post. Nothing was changed.',
		pqExportDone: 'The batch was made with {count} letters. Download it as a ZIP file.',
		pqBack: 'Back to letters for printing',
		pqStatusQueued: 'Being made',
		pqStatusRendered: 'Waiting to be printed',
		pqStatusSending: 'Being sent',

		dpCopySubject: 'Copy: {subject}',
		dpCopyIntro:
			'Dear {name}\n\nYou get a copy of this letter because you represent {citizen}. The letter has also been sent to {citizen}.',
		dpBundleSubject: '{count} letters from the municipality',
		dpBundleIntro:
			'We have put {count} letters to you in one envelope, so you get them all at once. You can read them below:',
		dpTaskTitle: 'The letter could not be sent — contact the citizen',
		dpTaskDescription:
			'The letter {reference} ("{subject}") to {recipient} could not be sent. Reason: {reason}. Contact the citizen and tell them what the letter says.',
		dpFailedEntryTitle: 'The letter could not be sent: {subject}',
		dpFailedEntryBody:
			'The letter {reference} to {recipient} could not be sent. Reason: {reason}. A task to contact the citizen has been made.',
		pqStatusPrinted: 'In a batch for printing',
		pqStatusPosted: 'Sent by post',
		pqStatusReturned: 'Came back',
		pqStatusFailed: 'Could not be made',

		pqCsvFile: 'File name',
		pqCsvName: 'Name',
		pqCsvAddress: 'Address line {number}',
		pqCsvPostcode: 'Postcode',
		pqCsvTown: 'Town',
		pqCsvLanguage: 'Language',

		pqReturnTitle: 'Returned letter',
		pqReturnLead:
			'Enter the reference of a letter the post has sent back. When you have marked the letter, the citizen’s coordinator gets a task to call the citizen.',
		pqReturnReference: 'Letter reference',
		pqReturnReferenceHint:
			'It is at the top right and at the bottom of the letter, for example ABCD-1234.',
		pqReturnFind: 'Find the letter',
		pqErrorReferenceMissing: 'Enter the letter reference.',
		pqErrorReferenceFormat:
			'Enter the reference as 8 digits and letters (0–9 and A–F), for example ABCD-1234.',
		pqErrorReferenceUnknown:
			'There is no letter with that reference. Check the number on the letter.',
		pqErrorReferenceAmbiguous:
			'More than one letter has that reference. Find the letter another way, or contact whoever runs Sammen.',
		pqErrorNotPosted:
			'The letter has not been sent by post yet, so it cannot have come back. Check the reference.',
		pqErrorAlreadyReturned: 'The letter is already marked as returned.',
		pqReturnConfirmHeading: 'Is this the letter?',
		pqReturnRecipient: 'Recipient',
		pqReturnSent: 'Sent by post',
		pqReturnNotSent: 'Not sent',
		pqReturnStatus: 'Status',
		pqReturnConfirm: 'Mark as returned',
		pqReturnOther: 'Find another letter',
		pqReturnDone:
			'The letter {reference} is marked as returned. {name} has been given a task to call the citizen.',
		pqReturnDoneNoAssignee:
			'The letter {reference} is marked as returned. The citizen has no coordinator or caseworker, so the task is not assigned to anyone.',
		pqTaskTitle: 'Letter returned — call the citizen',
		pqTaskDescription:
			'The letter {reference} ("{subject}") came back from the post. Call the citizen, check the address, and tell them what the letter said.',
		pqTimelineTitle: 'Letter returned: {subject}',
		pqTimelineBody:
			'The letter {reference} came back from the post. A task to call the citizen has been made.',

		pqReturned: 'Came back from the post on {date}'
	}
);

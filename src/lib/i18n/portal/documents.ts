import { defineCatalogue } from '../define';

// Letters and decisions: the list on /dokumenter (with a letter on its way by post, or returned)
// and the texts inside the PDF files.
export default defineCatalogue(
	{
		documentsTitle: 'Breve og afgørelser',
		documentsLead:
			'Her er de afgørelser, vi har truffet i dine sager, og de breve, vi har sendt dig med posten. Du kan åbne dem eller hente dem som PDF.',
		documentsListHeading: 'Dine dokumenter, de nyeste først',
		documentsNone: 'Du har ingen breve eller afgørelser endnu.',
		documentsPagesLabel: 'Flere breve og afgørelser',
		documentsOlder: 'Vis ældre breve og afgørelser',
		documentsNewer: 'Vis nyere breve og afgørelser',
		documentsNoneHelp:
			'Når vi træffer en afgørelse i en af dine sager, eller når vi sender dig et brev med posten, kan du finde det her.',
		documentsLetterLabel: 'Brev med posten',
		documentsDecisionFrom: 'Afgørelse fra {department}',
		documentsOpen: 'Åbn',
		documentsDownload: 'Hent som PDF',
		documentsDownloadSize: 'Hent som PDF ({size})',
		documentsHelpHeading: 'Forstår du ikke et brev?',
		documentsHelp:
			'Ring til os på {phone}, hvis du har spørgsmål til et brev eller en afgørelse. Vi forklarer det gerne.',
		documentsSizeKb: '{size} kB',
		documentsSizeMb: '{size} MB',

		documentsPdfDate: 'Dato: {date}',
		documentsPdfPage: 'Side {page} af {pages}',
		documentsPdfContactHeading: 'Har du spørgsmål?',
		documentsPdfContactText: 'Kontakt {department}.',
		documentsPdfDecidedBy: 'Afgørelsen er truffet af {name}, {department}.',
		documentsPdfDecisionNote:
			'Afgørelsen er hentet fra Sammen, {municipality}s portal for dine sager, {date}.',
		documentsPdfLetterNote: 'Kopi af brevet, som blev sendt med posten {date}.',
		documentsPdfLetterCopy: 'Kopi af brevet fra {municipality}.',
		pqDocWaiting: 'Brevet bliver printet og sendt med posten.',
		pqDocReturned: 'Brevet kom retur til os {date}. Vi kontakter dig.',
		pqDocFailed: 'Vi kunne ikke sende brevet. Vi kontakter dig.'
	},
	{
		documentsTitle: 'Letters and decisions',
		documentsLead:
			'Here are the decisions we have made in your cases and the letters we have sent you by post. You can open them or download them as PDF.',
		documentsListHeading: 'Your documents, newest first',
		documentsNone: 'You have no letters or decisions yet.',
		documentsPagesLabel: 'More letters and decisions',
		documentsOlder: 'Show older letters and decisions',
		documentsNewer: 'Show newer letters and decisions',
		documentsNoneHelp:
			'When we make a decision in one of your cases, or when we send you a letter by post, you can find it here.',
		documentsLetterLabel: 'Letter by post',
		documentsDecisionFrom: 'Decision from {department}',
		documentsOpen: 'Open',
		documentsDownload: 'Download as PDF',
		documentsDownloadSize: 'Download as PDF ({size})',
		documentsHelpHeading: 'Do you not understand a letter?',
		documentsHelp:
			'Call us on {phone} if you have questions about a letter or a decision. We are happy to explain it.',
		documentsSizeKb: '{size} KB',
		documentsSizeMb: '{size} MB',

		documentsPdfDate: 'Date: {date}',
		documentsPdfPage: 'Page {page} of {pages}',
		documentsPdfContactHeading: 'Do you have questions?',
		documentsPdfContactText: 'Contact {department}.',
		documentsPdfDecidedBy: 'The decision was made by {name}, {department}.',
		documentsPdfDecisionNote:
			'This decision was downloaded from Sammen, the case portal of {municipality}, on {date}.',
		documentsPdfLetterNote: 'A copy of the letter that was sent by post on {date}.',
		documentsPdfLetterCopy: 'A copy of the letter from {municipality}.',
		pqDocWaiting: 'The letter is being printed and sent by post.',
		pqDocReturned: 'The letter came back to us on {date}. We will contact you.',
		pqDocFailed: 'We could not send the letter. We will contact you.'
	}
);

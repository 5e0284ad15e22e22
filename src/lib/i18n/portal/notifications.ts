// Texts of notifications: the e-mail and SMS that tell a digital citizen there is news (never what
// the news is), the letters that carry it to an analog citizen, and the letter's timeline entry.
// Keys start with 'nt'.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		ntEmailSubject: 'Nyt fra kommunen i Sammen',
		ntEmailOne: 'Du har en ny besked fra kommunen i Sammen.',
		ntEmailMany: 'Du har {count} nye beskeder fra kommunen i Sammen.',
		ntEmailLink: 'Log ind med MitID for at læse den: {url}',
		ntEmailLinkMany: 'Log ind med MitID for at læse dem: {url}',
		ntEmailFooter:
			'Beskeden er sendt automatisk, og du kan ikke svare på den. Vil du ikke længere have e-mails fra Sammen, kan du ændre det under Indstillinger, når du er logget ind.',
		ntSmsOne: 'Du har en ny besked fra kommunen i Sammen. Log ind med MitID: {url}',
		ntSmsMany: 'Du har {count} nye beskeder fra kommunen i Sammen. Log ind med MitID: {url}',

		ntLetterEntryTitle: 'Vi sender et brev med posten: {subject}',
		ntLetterEntryBody: 'Du får brevet med posten om et par dage.',
		ntLetterGreeting: 'Kære {name}',
		ntLetterIntro:
			'Der er nyt i din sag hos kommunen. Vi skriver til dig med posten, fordi du får breve på papir.',
		ntLetterCall: 'Har du spørgsmål? Ring til os på telefon {phone}.',
		ntLetterCallUs: 'Har du spørgsmål? Ring til kommunen. Nummeret står øverst i brevet.',
		ntLetterClosing: 'Venlig hilsen\n{sender}'
	},
	{
		ntEmailSubject: 'News from the municipality in Sammen',
		ntEmailOne: 'You have a new message from the municipality in Sammen.',
		ntEmailMany: 'You have {count} new messages from the municipality in Sammen.',
		ntEmailLink: 'Log in with MitID to read it: {url}',
		ntEmailLinkMany: 'Log in with MitID to read them: {url}',
		ntEmailFooter:
			'This message was sent automatically, and you cannot reply to it. If you no longer want e-mails from Sammen, you can change this under Settings when you are logged in.',
		ntSmsOne: 'You have a new message from the municipality in Sammen. Log in with MitID: {url}',
		ntSmsMany:
			'You have {count} new messages from the municipality in Sammen. Log in with MitID: {url}',

		ntLetterEntryTitle: 'We are sending a letter by post: {subject}',
		ntLetterEntryBody: 'You will get the letter by post in a few days.',
		ntLetterGreeting: 'Dear {name}',
		ntLetterIntro:
			'There is news in your case with the municipality. We are writing to you by post because you get letters on paper.',
		ntLetterCall: 'Do you have questions? Call us on {phone}.',
		ntLetterCallUs:
			'Do you have questions? Call the municipality. The number is at the top of this letter.',
		ntLetterClosing: 'Kind regards\n{sender}'
	}
);

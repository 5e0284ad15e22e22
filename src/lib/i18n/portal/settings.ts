import { defineCatalogue } from '../define';

// Settings (/indstillinger): language, notifications, letters by post, how to reach us.
export default defineCatalogue(
	{
		settingsTitle: 'Indstillinger',
		settingsTitleFor: 'Indstillinger for {name}',
		settingsLead:
			'Her vælger du sprog, hvordan vi giver dig besked, og om du vil have breve med posten.',

		settingsLanguageHeading: 'Sprog',
		settingsLanguageLegend: 'Hvilket sprog vil du bruge?',
		settingsLanguageHint: 'Vi bruger sproget her i Sammen og i de breve, vi sender dig.',
		settingsLanguageHintFor:
			'Vi bruger sproget i de breve, vi sender til {name}. Sproget her i Sammen skifter du for dig selv med knappen øverst på siden.',
		settingsLanguageDa: 'Dansk',
		settingsLanguageEn: 'Engelsk (English)',
		settingsLanguageSave: 'Gem sprog',
		settingsLanguageSaved: 'Sproget er gemt.',
		settingsLanguageInvalid: 'Vælg dansk eller engelsk.',

		settingsNotifyHeading: 'Besked, når der er nyt',
		settingsNotifyIntro:
			'Vi kan sende dig en e-mail eller en sms, når der er nyt til dig i Sammen. Beskeden indeholder ingen personlige oplysninger. Der står kun, at der er nyt. Du logger ind for at læse det.',
		settingsEmailLabel: 'E-mailadresse',
		settingsEmailHint: 'For eksempel navn@eksempel.dk',
		settingsPhoneLabel: 'Mobilnummer',
		settingsPhoneHint: '8 cifre, for eksempel 12 34 56 78',
		settingsNotifyLegend: 'Hvordan vil du have besked?',
		settingsNotifyByEmail: 'Send mig en e-mail, når der er nyt',
		settingsNotifyBySms: 'Send mig en sms, når der er nyt',
		settingsNotifyNone: 'Ingen besked på e-mail eller sms.',
		settingsContactSave: 'Gem kontaktoplysninger',
		settingsContactSaved: 'Dine kontaktoplysninger er gemt.',
		settingsEmailInvalid:
			'Skriv e-mailadressen, som den ser ud, for eksempel navn@eksempel.dk. Den skal have et @ og et punktum.',
		settingsPhoneInvalid:
			'Skriv et dansk mobilnummer med 8 cifre, for eksempel 12 34 56 78. Du må gerne skrive +45 foran.',
		settingsEmailRequired:
			'Skriv din e-mailadresse, hvis du vil have en e-mail, når der er nyt. Eller fjern fluebenet ved e-mail.',
		settingsPhoneRequired:
			'Skriv dit mobilnummer, hvis du vil have en sms, når der er nyt. Eller fjern fluebenet ved sms.',

		settingsPostHeading: 'Breve med posten',
		settingsPostExplain1: 'Du kan vælge at få alt fra os med posten i stedet for digitalt.',
		settingsPostExplain2:
			'Så sender vi dig et brev, hver gang vi ellers ville give dig besked digitalt. Det gælder også invitationer til møder.',
		settingsPostExplain3: 'Du kan stadig logge ind her og se det hele.',
		settingsPostExplain4: 'Du kan altid fortryde.',
		settingsPostDigitalNow: 'Lige nu får du alt fra os digitalt.',
		settingsPostChoose: 'Jeg vil hellere have breve med posten',
		settingsPostDigitalNowFor: '{name} får lige nu alt fra os digitalt.',
		settingsPostChosen: 'Du har fået breve med posten siden {date}, fordi du selv har valgt det.',
		settingsPostChosenFor: '{name} har fået breve med posten siden {date} efter eget valg.',
		settingsPostUndo: 'Jeg vil have det digitalt igen',
		settingsPostByMunicipalityExempt:
			'Kommunen har registreret, at du får breve med posten, fordi du er fritaget for Digital Post.',
		settingsPostByMunicipalityNoAccess:
			'Kommunen har registreret, at du får breve med posten, fordi du ikke kan bruge digitale løsninger.',
		settingsPostByMunicipalityOther: 'Kommunen har registreret, at du får breve med posten.',
		settingsPostByMunicipalityExemptFor:
			'Kommunen har registreret, at {name} får breve med posten, fordi {name} er fritaget for Digital Post.',
		settingsPostByMunicipalityNoAccessFor:
			'Kommunen har registreret, at {name} får breve med posten, fordi {name} ikke kan bruge digitale løsninger.',
		settingsPostByMunicipalityOtherFor: 'Kommunen har registreret, at {name} får breve med posten.',
		settingsPostSince: 'Det gælder fra {date}.',
		settingsPostCallToChange:
			'Vil du ændre det, skal du ringe til kommunen. Du kan ikke ændre det her.',
		settingsPostSavedOn: 'Du får nu alt fra os med posten.',
		settingsPostSavedOff: 'Du får nu besked digitalt igen.',
		settingsPostLocked:
			'Kommunen har registreret, at du skal have breve med posten. Ring til kommunen, hvis du vil ændre det.',
		settingsPostInvalid: 'Vælg, om du vil have breve med posten eller digitalt.',

		settingsReachHeading: 'Sådan kontakter du kommunen',
		settingsReachIntro: 'Du kan ringe til os eller komme forbi i åbningstiden.'
	},
	{
		settingsTitle: 'Settings',
		settingsTitleFor: 'Settings for {name}',
		settingsLead:
			'Here you choose your language, how we notify you, and whether you want letters by post.',

		settingsLanguageHeading: 'Language',
		settingsLanguageLegend: 'Which language do you want to use?',
		settingsLanguageHint: 'We use the language here in Sammen and in the letters we send you.',
		settingsLanguageHintFor:
			'We use the language in the letters we send to {name}. You change the language of Sammen for yourself with the button at the top of the page.',
		settingsLanguageDa: 'Danish (Dansk)',
		settingsLanguageEn: 'English',
		settingsLanguageSave: 'Save language',
		settingsLanguageSaved: 'The language has been saved.',
		settingsLanguageInvalid: 'Choose Danish or English.',

		settingsNotifyHeading: 'Notifications when there is news',
		settingsNotifyIntro:
			'We can send you an email or a text message when there is news for you in Sammen. The message contains no personal information. It only says that there is news. You log in to read it.',
		settingsEmailLabel: 'Email address',
		settingsEmailHint: 'For example name@example.com',
		settingsPhoneLabel: 'Mobile number',
		settingsPhoneHint: '8 digits, for example 12 34 56 78',
		settingsNotifyLegend: 'How do you want to be notified?',
		settingsNotifyByEmail: 'Send me an email when there is news',
		settingsNotifyBySms: 'Send me a text message when there is news',
		settingsNotifyNone: 'No notifications by email or text message.',
		settingsContactSave: 'Save contact details',
		settingsContactSaved: 'Your contact details have been saved.',
		settingsEmailInvalid:
			'Enter the email address as it is written, for example name@example.com. It must have an @ and a full stop.',
		settingsPhoneInvalid:
			'Enter a Danish mobile number of 8 digits, for example 12 34 56 78. You may put +45 in front.',
		settingsEmailRequired:
			'Enter your email address if you want an email when there is news. Or untick email.',
		settingsPhoneRequired:
			'Enter your mobile number if you want a text message when there is news. Or untick text message.',

		settingsPostHeading: 'Letters by post',
		settingsPostExplain1: 'You can choose to get everything from us by post instead of digitally.',
		settingsPostExplain2:
			'We then send you a letter every time we would otherwise notify you digitally. This includes invitations to meetings.',
		settingsPostExplain3: 'You can still log in here and see everything.',
		settingsPostExplain4: 'You can always change your mind.',
		settingsPostDigitalNow: 'Right now you get everything from us digitally.',
		settingsPostChoose: 'I would rather get letters by post',
		settingsPostDigitalNowFor: '{name} gets everything from us digitally right now.',
		settingsPostChosen:
			'You have been getting letters by post since {date}, because you chose it yourself.',
		settingsPostChosenFor:
			'{name} has been getting letters by post since {date}, by their own choice.',
		settingsPostUndo: 'I want it digitally again',
		settingsPostByMunicipalityExempt:
			'The municipality has registered that you get letters by post because you are exempt from Digital Post.',
		settingsPostByMunicipalityNoAccess:
			'The municipality has registered that you get letters by post because you cannot use digital services.',
		settingsPostByMunicipalityOther:
			'The municipality has registered that you get letters by post.',
		settingsPostByMunicipalityExemptFor:
			'The municipality has registered that {name} gets letters by post because {name} is exempt from Digital Post.',
		settingsPostByMunicipalityNoAccessFor:
			'The municipality has registered that {name} gets letters by post because {name} cannot use digital services.',
		settingsPostByMunicipalityOtherFor:
			'The municipality has registered that {name} gets letters by post.',
		settingsPostSince: 'This applies from {date}.',
		settingsPostCallToChange:
			'If you want to change it, you must call the municipality. You cannot change it here.',
		settingsPostSavedOn: 'You will now get everything from us by post.',
		settingsPostSavedOff: 'You will now be notified digitally again.',
		settingsPostLocked:
			'The municipality has registered that you must get letters by post. Call the municipality if you want to change it.',
		settingsPostInvalid: 'Choose whether you want letters by post or digitally.',

		settingsReachHeading: 'How to contact the municipality',
		settingsReachIntro: 'You can call us or visit us during opening hours.'
	}
);

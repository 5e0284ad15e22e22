import { defineCatalogue } from '../define';

// Meetings: the list, a meeting's page, the citizen's answer, the calendar file, and the timeline
// entry that tells staff about the answer (stored in both languages).
export default defineCatalogue(
	{
		meetingsTitle: 'Dine møder',
		meetingsTitleFor: 'Møder for {name}',
		meetingsUpcomingHeading: 'Kommende møder',
		meetingsEarlierHeading: 'Tidligere møder',
		meetingsNone: 'Du har ingen møder med os.',
		meetingsNoneUpcoming: 'Du har ingen møder, der skal holdes.',
		meetingsAllLink: 'Se alle dine møder',
		meetingSeeLink: 'Se mødet',

		meetingCancelledLabel: 'Aflyst',
		meetingCancelled: 'Mødet er aflyst. Du skal ikke møde op.',
		meetingHeld: 'Mødet er holdt.',
		meetingUnderway: 'Mødet er i gang.',
		meetingWhenLabel: 'Tidspunkt',
		meetingWhereLabel: 'Sted',
		meetingVideoLabel: 'Videomøde',
		meetingVideoLink: 'Åbn videomødet',
		meetingCalendarLink: 'Føj mødet til din kalender',
		meetingJourneyLink: 'Se dit forløb',

		meetingAnswerHeading: 'Dit svar',
		meetingAnsweredOn: 'Du svarede {date}.',
		meetingYourMessage: 'Din besked:',
		meetingQuestion: 'Kan du komme til mødet?',
		meetingQuestionChangeHint: 'Du kan ændre dit svar, hvis noget ændrer sig.',
		meetingAccept: 'Ja, jeg kommer',
		meetingReschedule: 'Jeg vil gerne have en anden tid',
		meetingDecline: 'Nej, jeg kommer ikke',
		meetingReasonLabel: 'Besked om mødet',
		meetingReasonHint:
			'Vil du have en anden tid? Så skriv hvorfor, og hvornår du kan. Kan du ikke komme, må du gerne skrive hvorfor. Højst 1000 tegn.',
		meetingSendButton: 'Send dit svar',
		meetingErrorResponse: 'Vælg, om du kan komme til mødet.',
		meetingErrorReason: 'Skriv, hvorfor du vil have en anden tid, og hvornår du kan.',
		meetingErrorClosed:
			'Du kan ikke svare på invitationen, fordi mødet er aflyst eller allerede er holdt.',
		meetingAnswerSaved: 'Tak for dit svar. Dem, der holder mødet, kan se det med det samme.',

		meetingAgendaHeading: 'Det skal vi tale om',
		meetingBringHeading: 'Det skal du have med',
		meetingParticipantsHeading: 'Hvem deltager fra kommunen?',
		meetingOrganizerHeading: 'Har du spørgsmål til mødet?',
		meetingOrganizerLine: '{name} fra {department} har indkaldt til mødet.',
		meetingOrganizerLineShort: '{name} har indkaldt til mødet.',

		meetingEntryAccepted: '{name} har sagt ja til mødet »{title}« {date}',
		meetingEntryReschedule: '{name} har bedt om en anden tid til mødet »{title}« {date}',
		meetingEntryDeclined: '{name} har sagt nej til mødet »{title}« {date}',
		meetingEntryOnBehalf: '{actor} på vegne af {citizen}',

		meetingCalendarAgenda: 'Det skal vi tale om:',
		meetingCalendarBring: 'Det skal du have med:',
		meetingCalendarVideo: 'Videomøde: {url}',
		meetingCalendarFile: 'moede-{date}.ics'
	},
	{
		meetingsTitle: 'Your meetings',
		meetingsTitleFor: 'Meetings for {name}',
		meetingsUpcomingHeading: 'Upcoming meetings',
		meetingsEarlierHeading: 'Earlier meetings',
		meetingsNone: 'You have no meetings with us.',
		meetingsNoneUpcoming: 'You have no meetings coming up.',
		meetingsAllLink: 'See all your meetings',
		meetingSeeLink: 'See the meeting',

		meetingCancelledLabel: 'Cancelled',
		meetingCancelled: 'The meeting is cancelled. You do not need to come.',
		meetingHeld: 'The meeting has taken place.',
		meetingUnderway: 'The meeting is taking place now.',
		meetingWhenLabel: 'Time',
		meetingWhereLabel: 'Place',
		meetingVideoLabel: 'Video meeting',
		meetingVideoLink: 'Open the video meeting',
		meetingCalendarLink: 'Add the meeting to your calendar',
		meetingJourneyLink: 'See your journey',

		meetingAnswerHeading: 'Your answer',
		meetingAnsweredOn: 'You answered on {date}.',
		meetingYourMessage: 'Your message:',
		meetingQuestion: 'Can you come to the meeting?',
		meetingQuestionChangeHint: 'You can change your answer if something changes.',
		meetingAccept: 'Yes, I will come',
		meetingReschedule: 'I would like another time',
		meetingDecline: 'No, I will not come',
		meetingReasonLabel: 'Message about the meeting',
		meetingReasonHint:
			'Would you like another time? Then write why, and when you can come. If you cannot come, you are welcome to write why. At most 1000 characters.',
		meetingSendButton: 'Send your answer',
		meetingErrorResponse: 'Choose whether you can come to the meeting.',
		meetingErrorReason: 'Write why you would like another time, and when you can come.',
		meetingErrorClosed:
			'You cannot answer the invitation, because the meeting is cancelled or has already taken place.',
		meetingAnswerSaved: 'Thank you for your answer. The people holding the meeting can see it now.',

		meetingAgendaHeading: 'What we will talk about',
		meetingBringHeading: 'What to bring',
		meetingParticipantsHeading: 'Who takes part from the municipality?',
		meetingOrganizerHeading: 'Questions about the meeting?',
		meetingOrganizerLine: '{name} from {department} has called the meeting.',
		meetingOrganizerLineShort: '{name} has called the meeting.',

		meetingEntryAccepted: '{name} has accepted the meeting “{title}” on {date}',
		meetingEntryReschedule: '{name} has asked for another time for the meeting “{title}” on {date}',
		meetingEntryDeclined: '{name} has declined the meeting “{title}” on {date}',
		meetingEntryOnBehalf: '{actor} on behalf of {citizen}',

		meetingCalendarAgenda: 'What we will talk about:',
		meetingCalendarBring: 'What to bring:',
		meetingCalendarVideo: 'Video meeting: {url}',
		meetingCalendarFile: 'meeting-{date}.ics'
	}
);

// Texts of Retention periods and the retention job. Keys start with 'rt'.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		rtTitle: 'Opbevaring og oprydning',
		rtLead:
			'Her bestemmer du, hvor længe Sammen gemmer logning, logins, sendte beskeder og svar til fagsystemerne, og hvornår lukkede forløb bliver arkiveret. Oprydningen kører automatisk hver nat og sletter det, der er ældre end perioderne.',
		rtSavedNotice: 'Perioderne er gemt. Den næste oprydning bruger dem.',
		rtRunRequestedNotice:
			'Oprydningen er sat i gang. Genindlæs siden om lidt for at se resultatet i tabellen.',

		rtPeriodsHeading: 'Perioder',
		rtPeriodsLead: 'Skriv hele tal. Standardværdien står under hvert felt.',
		rtAuditMonthsLabel: 'Logning (måneder)',
		rtAuditMonthsHint:
			'Logningen viser, hvem der har set og ændret hvad. Den slettes en hel måned ad gangen, når hele måneden er ældre end perioden. Standard: {default} måneder (5 år). Fra {min} til {max}.',
		rtSessionDaysLabel: 'Udløbne logins (dage)',
		rtSessionDaysHint:
			'Et login, der er udløbet, kan ikke bruges igen. Det slettes, når det har været udløbet så mange dage. Standard: {default} dage. Fra {min} til {max}.',
		rtNotificationDaysLabel: 'Sendte beskeder (dage)',
		rtNotificationDaysHint:
			'E-mails og sms’er, der er sendt eller annulleret, slettes så mange dage efter. Beskeder, der venter eller fejlede, bliver ikke slettet. Breve til borgeren bliver aldrig slettet. Standard: {default} dage. Fra {min} til {max}.',
		rtIdempotencyDaysLabel: 'Gemte svar til fagsystemer (dage)',
		rtIdempotencyDaysHint:
			'Sammen gemmer svaret på en forespørgsel fra et fagsystem, så den kun bliver udført én gang, hvis den sendes igen. Standard: {default} dage. Fra {min} til {max}.',
		rtJourneyArchiveDaysLabel: 'Arkivering af lukkede forløb (dage)',
		rtJourneyArchiveDaysHint:
			'Så mange dage efter et forløb er lukket, bliver det arkiveret. Et arkiveret forløb kan stadig ses, men ikke ændres. Intet bliver slettet. Standard: {default} dage. Fra {min} til {max}.',
		rtSave: 'Gem perioder',

		rtErrorAuditMonths: 'Skriv et helt antal måneder for logningen fra {min} til {max}.',
		rtErrorSessionDays: 'Skriv et helt antal dage for udløbne logins fra {min} til {max}.',
		rtErrorNotificationDays: 'Skriv et helt antal dage for sendte beskeder fra {min} til {max}.',
		rtErrorIdempotencyDays:
			'Skriv et helt antal dage for gemte svar til fagsystemer fra {min} til {max}.',
		rtErrorJourneyArchiveDays:
			'Skriv et helt antal dage for arkivering af lukkede forløb fra {min} til {max}.',

		rtRunHeading: 'Kør oprydningen',
		rtRunLead:
			'Oprydningen kører hver nat kl. 2.30, medmindre driften har valgt et andet tidspunkt. Du kan også køre den nu, for eksempel efter du har ændret perioderne. Det tager normalt få sekunder.',
		rtRunNow: 'Kør oprydning nu',

		rtRunsHeading: 'Seneste kørsler',
		rtRunsCaption: 'De seneste 10 kørsler af oprydningen',
		rtTableLabel: 'Tabel: {caption}',
		rtRunsNone: 'Oprydningen har ikke kørt endnu.',
		rtColStarted: 'Startet',
		rtColStatus: 'Resultat',
		rtColAudit: 'Logmåneder slettet',
		rtColSessions: 'Logins slettet',
		rtColNotifications: 'Beskeder slettet',
		rtColIdempotency: 'Gemte svar slettet',
		rtColJourneys: 'Forløb arkiveret',
		rtStatusOk: 'Færdig',
		rtStatusRunning: 'Ikke færdig',
		rtStatusFailed: 'Fejl: {error}'
	},
	{
		rtTitle: 'Retention and clean-up',
		rtLead:
			'Here you decide how long Sammen keeps the audit trail, logins, sent messages and answers to department systems, and when closed journeys are archived. The clean-up runs automatically every night and deletes what is older than the periods.',
		rtSavedNotice: 'The periods are saved. The next clean-up uses them.',
		rtRunRequestedNotice:
			'The clean-up has started. Reload the page in a moment to see the result in the table.',

		rtPeriodsHeading: 'Periods',
		rtPeriodsLead: 'Write whole numbers. The default is shown below each field.',
		rtAuditMonthsLabel: 'Audit trail (months)',
		rtAuditMonthsHint:
			'The audit trail shows who has seen and changed what. It is deleted one whole month at a time, once the whole month is older than the period. Default: {default} months (5 years). From {min} to {max}.',
		rtSessionDaysLabel: 'Expired logins (days)',
		rtSessionDaysHint:
			'An expired login cannot be used again. It is deleted once it has been expired for this many days. Default: {default} days. From {min} to {max}.',
		rtNotificationDaysLabel: 'Sent messages (days)',
		rtNotificationDaysHint:
			'E-mails and text messages that were sent or cancelled are deleted this many days later. Messages that are waiting or failed are not deleted. Letters to the citizen are never deleted. Default: {default} days. From {min} to {max}.',
		rtIdempotencyDaysLabel: 'Stored answers to department systems (days)',
		rtIdempotencyDaysHint:
			'Sammen stores its answer to a request from a department system, so the request is carried out only once if it is sent again. Default: {default} days. From {min} to {max}.',
		rtJourneyArchiveDaysLabel: 'Archiving closed journeys (days)',
		rtJourneyArchiveDaysHint:
			'This many days after a journey was closed, it is archived. An archived journey can still be seen but not changed. Nothing is deleted. Default: {default} days. From {min} to {max}.',
		rtSave: 'Save periods',

		rtErrorAuditMonths: 'Write a whole number of months for the audit trail from {min} to {max}.',
		rtErrorSessionDays: 'Write a whole number of days for expired logins from {min} to {max}.',
		rtErrorNotificationDays: 'Write a whole number of days for sent messages from {min} to {max}.',
		rtErrorIdempotencyDays:
			'Write a whole number of days for stored answers to department systems from {min} to {max}.',
		rtErrorJourneyArchiveDays:
			'Write a whole number of days for archiving closed journeys from {min} to {max}.',

		rtRunHeading: 'Run the clean-up',
		rtRunLead:
			'The clean-up runs every night at 2:30, unless operations chose another time. You can also run it now, for example after changing the periods. It usually takes a few seconds.',
		rtRunNow: 'Run clean-up now',

		rtRunsHeading: 'Latest runs',
		rtRunsCaption: 'The latest 10 runs of the clean-up',
		rtTableLabel: 'Table: {caption}',
		rtRunsNone: 'The clean-up has not run yet.',
		rtColStarted: 'Started',
		rtColStatus: 'Result',
		rtColAudit: 'Audit months deleted',
		rtColSessions: 'Logins deleted',
		rtColNotifications: 'Messages deleted',
		rtColIdempotency: 'Stored answers deleted',
		rtColJourneys: 'Journeys archived',
		rtStatusOk: 'Done',
		rtStatusRunning: 'Not finished',
		rtStatusFailed: 'Error: {error}'
	}
);

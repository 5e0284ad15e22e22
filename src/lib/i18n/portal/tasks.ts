import { defineCatalogue } from '../define';

// Tasks for the citizen: the list, a task's page, "I have done it", and the timeline entry that
// tells staff about it (stored in both languages).
export default defineCatalogue(
	{
		tasksTitle: 'Dine opgaver',
		tasksTitleFor: 'Opgaver for {name}',
		tasksOpenHeading: 'Det skal du gøre',
		tasksDoneHeading: 'Det har du gjort',
		tasksNone: 'Du har ingen opgaver.',
		tasksNoneOpen: 'Du har ingen opgaver, der venter på dig.',
		tasksAllLink: 'Se alle dine opgaver',

		taskOverdue: 'Fristen var {date}. Gør det så hurtigt, du kan.',
		taskAbout: 'Opgaven er fra {department}. Den hører til sagen »{case}«.',
		taskDoneOn: 'Gjort {date}',
		taskDoneState: 'Du har gjort opgaven. Du markerede den som gjort {date}.',
		taskYourComment: 'Din kommentar:',
		taskFormHeading: 'Har du gjort det?',
		taskFormLead: 'Når du har gjort det, så sig det her. Så kan din sagsbehandler se det.',
		taskCommentLabel: 'Kommentar til din sagsbehandler',
		taskCommentHint: 'Skriv for eksempel, hvordan du har sendt det. Højst 1000 tegn.',
		taskDoneButton: 'Jeg har gjort det',
		taskSaved: 'Tak. Opgaven er markeret som gjort, og din sagsbehandler kan se det.',
		taskAlreadyDone: 'Opgaven er allerede markeret som gjort. Du skal ikke gøre mere.',

		taskEntryDone: '{name} har gjort opgaven: {title}',
		taskEntryOnBehalf: '{actor} på vegne af {citizen}'
	},
	{
		tasksTitle: 'Your tasks',
		tasksTitleFor: 'Tasks for {name}',
		tasksOpenHeading: 'What you need to do',
		tasksDoneHeading: 'What you have done',
		tasksNone: 'You have no tasks.',
		tasksNoneOpen: 'You have no tasks waiting for you.',
		tasksAllLink: 'See all your tasks',

		taskOverdue: 'The deadline was {date}. Do it as soon as you can.',
		taskAbout: 'The task is from {department}. It belongs to the case “{case}”.',
		taskDoneOn: 'Done on {date}',
		taskDoneState: 'You have done the task. You marked it as done on {date}.',
		taskYourComment: 'Your comment:',
		taskFormHeading: 'Have you done it?',
		taskFormLead: 'When you have done it, tell us here. Then your caseworker can see it.',
		taskCommentLabel: 'Comment for your caseworker',
		taskCommentHint: 'For example, write how you sent it. At most 1000 characters.',
		taskDoneButton: 'I have done it',
		taskSaved: 'Thank you. The task is marked as done, and your caseworker can see it.',
		taskAlreadyDone: 'The task is already marked as done. You do not need to do anything more.',

		taskEntryDone: '{name} has done the task: {title}',
		taskEntryOnBehalf: '{actor} on behalf of {citizen}'
	}
);

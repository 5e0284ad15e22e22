import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		errorSummaryHeading: 'Der er et problem',
		errorPrefix: 'Fejl:',
		optionalField: '(frivilligt)',
		fieldTooLong: 'Teksten er for lang. Den må højst være {max} tegn. Nu er den {length} tegn.',
		readOnlyRepresentation:
			'Du kan se oplysningerne for {name}, men du har ikke fuldmagt til at ændre noget eller svare for {name}.',
		notAllowedToAct:
			'Du må ikke ændre noget for denne person. Din fuldmagt giver kun lov til at se oplysningerne.'
	},
	{
		errorSummaryHeading: 'There is a problem',
		errorPrefix: 'Error:',
		optionalField: '(optional)',
		fieldTooLong: 'The text is too long. It can be at most {max} characters. It is {length} now.',
		readOnlyRepresentation:
			'You can see the information for {name}, but your power of attorney does not let you change anything or answer for {name}.',
		notAllowedToAct:
			'You may not change anything for this person. Your power of attorney only lets you see the information.'
	}
);

// Texts of Retention periods and the retention job. Keys start with 'rt'.
import { defineCatalogue } from './define';

export default defineCatalogue(
	{
		rtPlaceholder: 'Opbevaring'
	},
	{
		rtPlaceholder: 'Retention'
	}
);

// Texts of Administration (departments, staff users, API keys, municipality settings). Keys start with 'ad'.
import { defineCatalogue } from './define';

export default defineCatalogue(
	{
		adNavAdmin: 'Administration'
	},
	{
		adNavAdmin: 'Administration'
	}
);

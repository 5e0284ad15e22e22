// Texts of the print queue (letters to analog citizens: batches, hand-over, returned letters). Keys start with 'pq'.
import { defineCatalogue } from './define';

export default defineCatalogue(
	{
		pqPlaceholder: 'Kommer snart'
	},
	{
		pqPlaceholder: 'Coming soon'
	}
);

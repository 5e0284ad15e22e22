// Texts of operations for administrators (failed deliveries, demo outbox, channel status). Keys start with 'op'.
import { defineCatalogue } from './define';

export default defineCatalogue(
	{
		opPlaceholder: 'Kommer snart',
		opNavPrint: 'Breve til print',
		opNavOperations: 'Drift og udsendelser'
	},
	{
		opPlaceholder: 'Coming soon',
		opNavPrint: 'Letters to print',
		opNavOperations: 'Operations and deliveries'
	}
);

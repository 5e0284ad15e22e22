// The citizen portal's navigation, shared by all its pages. The root layout shows it, so it is
// common (the staff pages load it too, but never show it).
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		portalNavLabel: 'Sammen',
		navOverview: 'Mit overblik',
		navDocuments: 'Breve og afgørelser',
		navConsent: 'Samtykke',
		navSettings: 'Indstillinger',
		navInsight: 'Hvem har set mine oplysninger',
		navMyData: 'Mine data',
		backToOverview: 'Tilbage til Mit overblik',
		meetingsNavLabel: 'Møder',
		tasksNavLabel: 'Opgaver',
		conversationListTitle: 'Beskeder'
	},
	{
		portalNavLabel: 'Sammen',
		navOverview: 'My overview',
		navDocuments: 'Letters and decisions',
		navConsent: 'Consent',
		navSettings: 'Settings',
		navInsight: 'Who has seen my information',
		navMyData: 'My data',
		backToOverview: 'Back to My overview',
		meetingsNavLabel: 'Meetings',
		tasksNavLabel: 'Tasks',
		conversationListTitle: 'Messages'
	}
);

import { defineCatalogue } from './define';

// The citizen portal's navigation, shared by all its pages.
export default defineCatalogue(
	{
		portalNavLabel: 'Sammen',
		navOverview: 'Mit overblik',
		navDocuments: 'Breve og afgørelser',
		navConsent: 'Samtykke',
		navSettings: 'Indstillinger',
		navInsight: 'Hvem har set mine oplysninger',
		navMyData: 'Mine data',
		backToOverview: 'Tilbage til Mit overblik'
	},
	{
		portalNavLabel: 'Sammen',
		navOverview: 'My overview',
		navDocuments: 'Letters and decisions',
		navConsent: 'Consent',
		navSettings: 'Settings',
		navInsight: 'Who has seen my information',
		navMyData: 'My data',
		backToOverview: 'Back to My overview'
	}
);

// Texts shared by every page of the staff workspace: navigation, the citizen banner with the analog
// flag and missing consent, and the words for roles, statuses and reasons.
import { defineCatalogue } from '../define';

export default defineCatalogue(
	{
		staffNavLabel: 'Medarbejder',
		staffNavCaseload: 'Mine borgere',
		staffNavSearch: 'Find borger',
		staffNavAudit: 'Logning',
		staffBannerLabel: 'Borger',
		staffBannerAddress: 'Adresse',
		staffBannerPhone: 'Telefon',
		staffBannerEmail: 'E-mail',
		staffBannerNoPhone: 'Intet telefonnummer',
		staffBannerNoAddress: 'Ingen adresse',
		staffBannerProtected:
			'Navne- og adressebeskyttelse: adressen vises ikke. Breve sendes med fjernprint, som får adressen fra CPR.',
		staffBannerCoName: 'c/o {name}',
		staffAnalogHeading: '{name} får alt med posten',
		staffAnalogText:
			'{name} er analog. Alt, hvad du sender, skal også komme som brev. Ring eller skriv med posten.',
		staffAnalogSince: 'Siden {date}.',
		staffAnalogReason: 'Årsag: {reason}',
		staffConsentMissingHeading: 'Samtykke mangler',
		staffConsentMissingText:
			'{name} har ikke givet samtykke til, at {department} ser de andre afdelingers oplysninger. Du ser kun det, din egen afdeling har skrevet.',
		analogReasonDigitalPostExempt: 'Fritaget for Digital Post',
		analogReasonCitizenChoice: 'Borgeren har selv valgt post',
		analogReasonNoDigitalAccess: 'Har ikke adgang til digitale løsninger',
		analogReasonOther: 'Anden årsag',
		staffNotFoundHint: 'Du kan kun se borgere, som din afdeling har en åben sag med.',
		opNavPrint: 'Breve til print',
		opNavOperations: 'Drift og udsendelser',
		adNavAdmin: 'Administration',
		staffTitle: 'Medarbejder',
		staffLoggedIn: 'Du er logget ind som {name}.',
		staffRoleLine: 'Rolle: {role}',
		staffDepartmentLine: 'Afdeling: {department}',
		roleCaseworker: 'sagsbehandler',
		roleCoordinator: 'koordinerende sagsbehandler',
		roleAdmin: 'administrator',
		roleAuditor: 'revisor'
	},
	{
		staffNavLabel: 'Staff',
		staffNavCaseload: 'My citizens',
		staffNavSearch: 'Find a citizen',
		staffNavAudit: 'Audit log',
		staffBannerLabel: 'Citizen',
		staffBannerAddress: 'Address',
		staffBannerPhone: 'Phone',
		staffBannerEmail: 'Email',
		staffBannerNoPhone: 'No phone number',
		staffBannerNoAddress: 'No address',
		staffBannerProtected:
			'Name and address protection: the address is not shown. Letters go by remote print, which gets the address from the CPR register.',
		staffBannerCoName: 'c/o {name}',
		staffAnalogHeading: '{name} gets everything by post',
		staffAnalogText:
			'{name} is analog. Everything you send must also go as a letter. Call, or write by post.',
		staffAnalogSince: 'Since {date}.',
		staffAnalogReason: 'Reason: {reason}',
		staffConsentMissingHeading: 'Consent missing',
		staffConsentMissingText:
			'{name} has not given consent for {department} to see the other departments’ information. You only see what your own department has written.',
		analogReasonDigitalPostExempt: 'Exempt from Digital Post',
		analogReasonCitizenChoice: 'The citizen chose post',
		analogReasonNoDigitalAccess: 'No access to digital services',
		analogReasonOther: 'Other reason',
		staffNotFoundHint: 'You can only see citizens your department has an open case with.',
		opNavPrint: 'Letters to print',
		opNavOperations: 'Operations and deliveries',
		adNavAdmin: 'Administration',
		staffTitle: 'Staff',
		staffLoggedIn: 'You are logged in as {name}.',
		staffRoleLine: 'Role: {role}',
		staffDepartmentLine: 'Department: {department}',
		roleCaseworker: 'caseworker',
		roleCoordinator: 'coordinating caseworker',
		roleAdmin: 'administrator',
		roleAuditor: 'auditor'
	}
);

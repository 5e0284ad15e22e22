// Reference data of the demo municipality, Sammen Kommune: KLE subjects, departments, staff and
// citizens. Everything here is fictitious. The citizens' stories (cases, timelines, meetings) are
// in stories/.
import type { Language, StaffRole } from '../../domain';

/**
 * The KLE subject numbers the demo's cases use, with a short Danish name for each. The numbers are
 * real KLE numbers, as Danish municipalities use them to classify cases under the law named in the
 * comment (checked against published municipal mappings, e.g. OS2bos). The names are short,
 * plain-language descriptions of the subject, not necessarily KLE's official wording.
 */
export const DEMO_KLE = {
	'15.17.12': 'Revalidering', // lov om en aktiv beskæftigelsesindsats (revalidering)
	'15.20.02': 'Vejledning og opkvalificering', // beskæftigelsesindsatsen, vejledning
	'15.20.04': 'Virksomhedspraktik', // beskæftigelsesindsatsen, virksomhedspraktik
	'15.20.36': 'Mentor', // beskæftigelsesindsatsen, mentorstøtte
	'27.12.04': 'Rådgivning', // serviceloven §§ 10 og 12
	'27.24.03': 'Børnefaglig undersøgelse', // undersøgelse af et barns behov for støtte
	'27.27.09': 'Familiebehandling', // støtte til familien
	'27.27.24': 'Kontaktperson til barnet eller den unge', // støtte til barnet
	'27.36.04': 'Personlig hjælp og pleje', // serviceloven § 83 (hjemmehjælp)
	'27.36.16': 'Genoptræning', // serviceloven § 86
	'32.18.04': 'Merudgifter til børn', // dækning af merudgifter ved forsørgelse af et barn
	'32.18.08': 'Merudgifter til voksne', // serviceloven § 100
	'32.21.20': 'Hjælp i særlige tilfælde' // aktivloven, enkeltydelser
} as const;

export type KleNumber = keyof typeof DEMO_KLE;

export type DepartmentKey =
	'jobcenter' | 'socialforvaltningen' | 'boern-og-familie' | 'sundhed-og-omsorg' | 'borgerservice';

/**
 * The kinds of case the demo's citizens have: the department that handles each, its KLE number and
 * the title the citizen sees (Danish, English). A story names a case's kind instead of writing these
 * again.
 */
export const DEMO_CASE_TYPES = {
	mentor: { department: 'jobcenter', kle: '15.20.36', title: ['Din mentor', 'Your mentor'] },
	workPlacement: {
		department: 'jobcenter',
		kle: '15.20.04',
		title: ['Din virksomhedspraktik', 'Your work placement']
	},
	oneOffExpense: {
		department: 'borgerservice',
		kle: '32.21.20',
		title: [
			'Din ansøgning om hjælp til en enkeltudgift',
			'Your application for help with a one-off expense'
		]
	},
	vocationalRehabilitation: {
		department: 'jobcenter',
		kle: '15.17.12',
		title: ['Din revalidering', 'Your vocational rehabilitation']
	},
	extraExpensesAdult: {
		department: 'socialforvaltningen',
		kle: '32.18.08',
		title: ['Dækning af merudgifter', 'Cover of extra expenses']
	},
	rehabilitation: {
		department: 'sundhed-og-omsorg',
		kle: '27.36.16',
		title: ['Din genoptræning', 'Your rehabilitation']
	},
	homeHelp: {
		department: 'sundhed-og-omsorg',
		kle: '27.36.04',
		title: ['Din sag om hjemmehjælp', 'Your case about home help']
	},
	advice: {
		department: 'socialforvaltningen',
		kle: '27.12.04',
		title: ['Din sag om rådgivning', 'Your case about advice']
	},
	dentalTreatment: {
		department: 'borgerservice',
		kle: '32.21.20',
		title: [
			'Din ansøgning om hjælp til tandbehandling',
			'Your application for help with dental treatment'
		]
	},
	pathToWork: {
		department: 'jobcenter',
		kle: '15.20.02',
		title: ['Din vej til job', 'Your path to work']
	},
	adviceAndSupport: {
		department: 'socialforvaltningen',
		kle: '27.12.04',
		title: ['Din sag om rådgivning og støtte', 'Your case about advice and support']
	},
	familySupport: {
		department: 'boern-og-familie',
		kle: '27.27.09',
		title: ['Støtte til din familie', 'Support for your family']
	},
	supportAssessment: {
		department: 'boern-og-familie',
		kle: '27.24.03',
		title: ['Undersøgelse af, hvilken støtte du har brug for', 'Assessment of the support you need']
	},
	contactPerson: {
		department: 'boern-og-familie',
		kle: '27.27.24',
		title: ['Din kontaktperson', 'Your contact person']
	},
	extraExpensesChild: {
		department: 'boern-og-familie',
		kle: '32.18.04',
		title: ['Dækning af ekstra udgifter', 'Cover of extra expenses']
	}
} as const satisfies Record<
	string,
	{ department: DepartmentKey; kle: KleNumber; title: readonly [string, string] }
>;

export type DemoCaseType = keyof typeof DEMO_CASE_TYPES;

export interface DemoDepartment {
	slug: DepartmentKey;
	name: string;
	nameEn: string;
	/** KLE main group (hovedgruppe) of the department's cases. */
	kleArea: string;
	phone: string;
	email: string;
	address: string;
	openingHours: string;
}

// Phone numbers: Danish subscriber numbers never begin with 1 (the 1-series is reserved for short
// numbers such as 112 and 114), so the demo's eight-digit "12 34 5x xx" numbers cannot reach anyone.
// E-mail addresses use reserved example domains (RFC 2606).
export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
	{
		slug: 'jobcenter',
		name: 'Jobcenter',
		nameEn: 'Job Centre',
		kleArea: '15',
		phone: '12 34 50 10',
		email: 'jobcenter@sammen-kommune.example',
		address: 'Stationsvej 4, 9999 Sammenby',
		openingHours: 'Mandag til torsdag kl. 9.00–15.00, fredag kl. 9.00–13.00'
	},
	{
		slug: 'socialforvaltningen',
		name: 'Socialforvaltningen',
		nameEn: 'Social Services',
		kleArea: '27',
		phone: '12 34 50 20',
		email: 'social@sammen-kommune.example',
		address: 'Rådhuspladsen 1, 9999 Sammenby',
		openingHours: 'Mandag til fredag kl. 9.00–14.00'
	},
	{
		slug: 'boern-og-familie',
		name: 'Børn og Familie',
		nameEn: 'Children and Families',
		kleArea: '27',
		phone: '12 34 50 30',
		email: 'boernogfamilie@sammen-kommune.example',
		address: 'Skolegade 12, 9999 Sammenby',
		openingHours: 'Mandag til fredag kl. 8.30–14.30. Akut hjælp uden for åbningstid: ring 112'
	},
	{
		slug: 'sundhed-og-omsorg',
		name: 'Sundhed og Omsorg',
		nameEn: 'Health and Care',
		kleArea: '27',
		phone: '12 34 50 40',
		email: 'sundhedogomsorg@sammen-kommune.example',
		address: 'Plejecentervej 2, 9999 Sammenby',
		openingHours: 'Mandag til fredag kl. 8.00–15.00'
	},
	{
		slug: 'borgerservice',
		name: 'Borgerservice',
		nameEn: 'Citizen Service',
		kleArea: '32',
		phone: '12 34 50 50',
		email: 'borgerservice@sammen-kommune.example',
		address: 'Rådhuspladsen 1, 9999 Sammenby',
		openingHours:
			'Mandag til onsdag kl. 10.00–15.00, torsdag kl. 10.00–17.30, fredag kl. 10.00–13.00'
	}
];

/** Staff of the demo (name → e-mail), for tests and the login simulator. */
export const DEMO_STAFF = {
	'Lone Madsen': 'lone.madsen@sammen-kommune.example',
	'Peter Holm': 'peter.holm@sammen-kommune.example',
	'Mette Larsen': 'mette.larsen@sammen-kommune.example',
	'Jonas Friis': 'jonas.friis@sammen-kommune.example',
	'Hanne Vestergaard': 'hanne.vestergaard@sammen-kommune.example',
	'Kasper Dahl': 'kasper.dahl@sammen-kommune.example',
	'Anders Berg': 'anders.berg@sammen-kommune.example',
	'Birgitte Skov': 'birgitte.skov@sammen-kommune.example'
} as const;

export type StaffName = keyof typeof DEMO_STAFF;

export interface DemoStaff {
	name: StaffName;
	role: StaffRole;
	department: DepartmentKey | null;
	phone: string;
}

export const DEMO_STAFF_USERS: readonly DemoStaff[] = [
	{ name: 'Lone Madsen', role: 'caseworker', department: 'jobcenter', phone: '12 34 51 01' },
	{ name: 'Peter Holm', role: 'caseworker', department: 'boern-og-familie', phone: '12 34 51 02' },
	{
		name: 'Mette Larsen',
		role: 'coordinator',
		department: 'socialforvaltningen',
		phone: '12 34 51 03'
	},
	{
		name: 'Jonas Friis',
		role: 'caseworker',
		department: 'socialforvaltningen',
		phone: '12 34 51 04'
	},
	{
		name: 'Hanne Vestergaard',
		role: 'caseworker',
		department: 'sundhed-og-omsorg',
		phone: '12 34 51 05'
	},
	{ name: 'Kasper Dahl', role: 'caseworker', department: 'borgerservice', phone: '12 34 51 06' },
	{ name: 'Anders Berg', role: 'admin', department: null, phone: '12 34 51 07' },
	{ name: 'Birgitte Skov', role: 'auditor', department: null, phone: '12 34 51 08' }
];

/**
 * Citizens of the demo (name → CPR number), for tests and the login simulator.
 *
 * FICTITIOUS TEST NUMBERS. Pattern: ddmmyy-00NN, a valid birth date followed by the serial 00NN,
 * where NN is the citizen's place in this list (01, 02, …). They are made up for the demo and must
 * never be used for real people. The seventh digit (0) would place every birth year in the 1900s
 * under the CPR rules; the demo ignores the century (normalizeCpr does not check it), so Sofie's
 * "11" reads as 2011 here.
 */
export const DEMO_CITIZENS = {
	'Maja Jensen': '120390-0001',
	'Karl Nielsen': '030446-0002',
	'Sofie Hansen': '140711-0003',
	'Henrik Hansen': '220278-0004',
	'Ahmed Hassan': '050891-0005',
	'Eva Andersen': '170865-0006',
	'Jens Poulsen': '290952-0007',
	'Lise Mortensen': '080483-0008',
	'Mikkel Thomsen': '251199-0009'
} as const;

export type CitizenName = keyof typeof DEMO_CITIZENS;

export interface DemoCitizen {
	name: CitizenName;
	addressLine: string;
	coName: string | null;
	email: string | null;
	phone: string | null;
	language: Language;
	notifyByEmail: boolean;
	notifyBySms: boolean;
}

const CITY = 'Sammenby';
const POSTAL_CODE = '9999';

export const DEMO_CITY = { postalCode: POSTAL_CODE, city: CITY } as const;

export const DEMO_CITIZEN_ROWS: readonly DemoCitizen[] = [
	{
		name: 'Maja Jensen',
		addressLine: 'Lærkevej 7, st. th.',
		coName: null,
		email: 'maja.jensen@example.com',
		phone: '12 34 52 01',
		language: 'da',
		notifyByEmail: true,
		notifyBySms: true
	},
	{
		name: 'Karl Nielsen',
		addressLine: 'Kirkevej 14, 1. tv.',
		coName: null,
		email: null,
		phone: '12 34 52 02',
		language: 'da',
		notifyByEmail: false,
		notifyBySms: false
	},
	{
		name: 'Sofie Hansen',
		addressLine: 'Bøgealle 22',
		coName: null,
		email: null,
		phone: null,
		language: 'da',
		notifyByEmail: false,
		notifyBySms: false
	},
	{
		name: 'Henrik Hansen',
		addressLine: 'Bøgealle 22',
		coName: null,
		email: 'henrik.hansen@example.com',
		phone: '12 34 52 04',
		language: 'da',
		notifyByEmail: true,
		notifyBySms: false
	},
	{
		name: 'Ahmed Hassan',
		addressLine: 'Havnegade 31, 3. mf.',
		coName: null,
		email: 'ahmed.hassan@example.com',
		phone: '12 34 52 05',
		language: 'en',
		notifyByEmail: true,
		notifyBySms: true
	},
	{
		name: 'Eva Andersen',
		addressLine: 'Skovbrynet 9',
		coName: null,
		email: 'eva.andersen@example.com',
		phone: '12 34 52 06',
		language: 'da',
		notifyByEmail: true,
		notifyBySms: false
	},
	{
		name: 'Jens Poulsen',
		addressLine: 'Møllevej 3',
		coName: null,
		email: null,
		phone: '12 34 52 07',
		language: 'da',
		notifyByEmail: false,
		notifyBySms: true
	},
	{
		name: 'Lise Mortensen',
		addressLine: 'Engtoften 15, 2. th.',
		coName: 'Birthe Mortensen',
		email: 'lise.mortensen@example.com',
		phone: '12 34 52 08',
		language: 'da',
		notifyByEmail: true,
		notifyBySms: false
	},
	{
		name: 'Mikkel Thomsen',
		addressLine: 'Søndergade 40, 1.',
		coName: null,
		email: 'mikkel.thomsen@example.com',
		phone: '12 34 52 09',
		language: 'da',
		notifyByEmail: true,
		notifyBySms: true
	}
];

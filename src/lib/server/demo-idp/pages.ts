// Server-rendered pages of the MitID simulator. Plain template strings, because the provider runs
// outside SvelteKit (on its own port in tests). Every interpolated value goes through escapeHtml.
// No script at all and no inline style: the stylesheet is served by the simulator itself, so a
// strict Content-Security-Policy holds.

export type LoaLevel = 'low' | 'substantial' | 'high';

export const LOA_LEVELS: readonly LoaLevel[] = ['low', 'substantial', 'high'];

const LOA_TEXT: Record<LoaLevel, { label: string; hint: string }> = {
	low: { label: 'Lav', hint: 'Fx kun brugernavn og adgangskode.' },
	substantial: { label: 'Betydelig', hint: 'Det almindelige niveau med MitID-appen.' },
	high: { label: 'Høj', hint: 'Fx MitID-chip eller app med ekstra kontrol af identitet.' }
};

export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

export interface PageAccount {
	sub: string;
	name: string;
	detail?: string;
}

function layout(options: { title: string; cssHref: string; body: string }): string {
	return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="${escapeHtml(options.cssHref)}">
</head>
<body>
<div class="banner" role="note">
<p><strong>DEMO – MitID-simulator, ikke rigtig MitID.</strong> Alle personer her er opdigtede. Skriv aldrig rigtige oplysninger.</p>
</div>
<main>
${options.body}
</main>
</body>
</html>
`;
}

function accountList(accounts: readonly PageAccount[]): string {
	const items = accounts.map((account) => {
		const detail = account.detail
			? ` <span class="detail">(${escapeHtml(account.detail)})</span>`
			: '';
		return `<li><button type="submit" name="account" value="${escapeHtml(account.sub)}">Log ind som ${escapeHtml(account.name)}${detail}</button></li>`;
	});
	return `<ul class="accounts">\n${items.join('\n')}\n</ul>`;
}

export interface LoginPageOptions {
	title: string;
	cssHref: string;
	loginAction: string;
	abortAction: string;
	clientName: string;
	citizens: readonly PageAccount[];
	staff: readonly PageAccount[];
	/** The level checked when the page opens: the one the service asked for, else substantial. */
	level: LoaLevel;
	error?: string;
}

export function loginPage(options: LoginPageOptions): string {
	const showLevels = options.citizens.length > 0;
	const error = options.error
		? `<div class="error" role="alert"><h2>Der er en fejl</h2><p>${escapeHtml(options.error)}</p></div>`
		: '';
	const levels = LOA_LEVELS.map((level) => {
		const id = `loa-${level}`;
		const checked = level === options.level ? ' checked' : '';
		return `<div class="choice"><input type="radio" id="${id}" name="loa" value="${level}" aria-describedby="${id}-hint"${checked}>
<label for="${id}">${escapeHtml(LOA_TEXT[level].label)}</label>
<p class="hint" id="${id}-hint">${escapeHtml(LOA_TEXT[level].hint)}</p></div>`;
	}).join('\n');
	const fieldset = showLevels
		? `<fieldset>
<legend>Sikringsniveau</legend>
<p class="hint">Vælg, hvor sikkert du vil logge ind. Nogle oplysninger kræver et højere niveau.</p>
${levels}
</fieldset>`
		: '';
	const citizens = options.citizens.length
		? `<h2>Borgere</h2>\n${accountList(options.citizens)}`
		: '';
	const staff = options.staff.length ? `<h2>Medarbejdere</h2>\n${accountList(options.staff)}` : '';

	const body = `<h1>Log ind</h1>
<p>Du er ved at logge ind på <strong>${escapeHtml(options.clientName)}</strong>. Vælg den person, du vil være i demoen. Du logger ind med det samme, når du vælger en person.</p>
${error}
<form method="post" action="${escapeHtml(options.loginAction)}">
${fieldset}
${citizens}
${staff}
</form>
<form method="post" action="${escapeHtml(options.abortAction)}" class="abort">
<button type="submit" class="secondary">Afbryd</button>
</form>`;
	return layout({ title: options.title, cssHref: options.cssHref, body });
}

export function messagePage(options: {
	cssHref: string;
	title: string;
	heading: string;
	paragraphs: readonly string[];
	extra?: string;
}): string {
	const paragraphs = options.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
	const body = `<h1>${escapeHtml(options.heading)}</h1>\n${paragraphs}\n${options.extra ?? ''}`;
	return layout({ title: options.title, cssHref: options.cssHref, body });
}

/** The logout confirmation. `form` is oidc-provider's own form with its CSRF token (trusted). */
export function logoutPage(cssHref: string, form: string): string {
	return messagePage({
		cssHref,
		title: 'Log ud – MitID-simulator (demo)',
		heading: 'Log ud af MitID-simulatoren?',
		paragraphs: [
			'Hvis du logger ud, skal du vælge person igen, næste gang du logger ind i demoen.'
		],
		extra: `${form}
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, log ud</button>
<button type="submit" form="op.logoutForm" class="secondary">Nej, bliv logget ind</button>
</div>`
	});
}

// Colours: text #1a1a1a on white and on #ffe27a, white on #0b5394 and #8a1c1c: all at least 7:1.
// Focus: a 3 px outline plus offset, visible on every background used here.
export const STYLESHEET = `*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0}
.banner{background:#ffe27a;border-bottom:4px solid #1a1a1a;padding:.75rem 1rem}
.banner p{margin:0;max-width:40rem;margin-inline:auto}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:2rem;line-height:1.2;margin:1.5rem 0 1rem}
h2{font-size:1.375rem;margin:2rem 0 .75rem}
fieldset{border:2px solid #1a1a1a;border-radius:4px;margin:1.5rem 0;padding:.75rem 1rem 1rem}
legend{font-weight:700;font-size:1.25rem;padding:0 .25rem}
.hint{margin:.25rem 0 .5rem;color:#3b3b3b}
.choice{display:grid;grid-template-columns:2rem 1fr;align-items:center;column-gap:.5rem;margin-top:.75rem}
.choice .hint{grid-column:2;margin:0}
.choice input{width:1.5rem;height:1.5rem;margin:0;accent-color:#0b5394}
.choice label{font-weight:600;min-height:2.75rem;display:flex;align-items:center}
ul.accounts{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
button{font:inherit;font-weight:600;min-height:2.75rem;min-width:2.75rem;padding:.5rem 1rem;border:2px solid #0b5394;border-radius:4px;background:#0b5394;color:#fff;cursor:pointer;text-align:left;width:100%}
button:hover{background:#083d6e;border-color:#083d6e}
button.secondary{background:#fff;color:#0b5394}
button.secondary:hover{background:#e8f0f8}
.detail{font-weight:400}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px;box-shadow:0 0 0 6px #ffe27a}
.abort{margin-top:2rem}
.actions{display:grid;gap:.75rem;margin-top:1.5rem}
.error{border-left:6px solid #8a1c1c;padding:.5rem 1rem;margin:1rem 0;background:#fbeaea}
.error h2{margin:0;font-size:1.125rem;color:#8a1c1c}
.error p{margin:.25rem 0 0}
@media (forced-colors:active){button{border-color:ButtonText}:focus-visible{outline-color:Highlight}}
`;

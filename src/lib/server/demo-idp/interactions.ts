// The simulator's own pages outside oidc-provider: the login page of an interaction (pick a person
// and a level of assurance) and what its forms post to, plus the plain HTTP answers around them.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Interaction, Provider } from 'oidc-provider';

import { accountsFor, isStaffClient, levelOf, type DemoAccount, type PresetClaims } from './claims';
import { LOA_LEVELS, loginPage, messagePage, type LoaLevel } from './pages';

const MAX_BODY_BYTES = 16 * 1024;

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		size += buffer.length;
		if (size > MAX_BODY_BYTES) throw new Error('form body too large');
		chunks.push(buffer);
	}
	return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export function sendHtml(res: ServerResponse, csp: string, status: number, html: string): void {
	res.statusCode = status;
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Content-Security-Policy', csp);
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.end(html);
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
	res.statusCode = 405;
	res.setHeader('Allow', allow);
	res.end();
}

export function notFound(res: ServerResponse): void {
	res.statusCode = 404;
	res.setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.end('Not found');
}

export interface InteractionOptions {
	provider: Provider;
	preset: PresetClaims;
	/** In the order the login page lists them. */
	accounts: readonly DemoAccount[];
	accountsBySub: ReadonlyMap<string, DemoAccount>;
	/** '' or a path prefix without a trailing slash. */
	mountPath: string;
	title: string;
	cssHref: string;
	csp: string;
}

export type InteractionHandler = (
	req: IncomingMessage,
	res: ServerResponse,
	uid: string,
	action: string | undefined
) => Promise<void>;

/** Answers /interaction/:uid (the login page) and its /login and /abort form posts. */
export function interactionHandler(options: InteractionOptions): InteractionHandler {
	const { provider, preset, accounts, mountPath, title, cssHref, csp } = options;

	function requestedLevel(interaction: Interaction): LoaLevel {
		const acrValues = interaction.params.acr_values;
		if (typeof acrValues === 'string') {
			for (const value of acrValues.split(' ')) {
				const level = levelOf(preset, value) ?? LOA_LEVELS.find((l) => l === value);
				if (level) return level;
			}
		}
		return 'substantial';
	}

	function renderLogin(
		res: ServerResponse,
		interaction: Interaction,
		status = 200,
		error?: string
	) {
		const clientId = String(interaction.params.client_id ?? '');
		const base = `${mountPath}/interaction/${encodeURIComponent(interaction.uid)}`;
		sendHtml(
			res,
			csp,
			status,
			loginPage({
				title: `Log ind – ${title} (demo)`,
				cssHref,
				loginAction: `${base}/login`,
				abortAction: `${base}/abort`,
				clientName: isStaffClient(clientId) ? 'Sammen for medarbejdere' : 'Sammen',
				level: requestedLevel(interaction),
				error,
				...accountsFor(accounts, clientId)
			})
		);
	}

	function renderExpired(res: ServerResponse): void {
		sendHtml(
			res,
			csp,
			400,
			messagePage({
				cssHref,
				title: `Login er udløbet – ${title} (demo)`,
				heading: 'Login er udløbet',
				paragraphs: [
					'Siden er for gammel, eller login er allerede brugt. Gå tilbage til tjenesten, og start login igen.'
				]
			})
		);
	}

	return async function interaction(req, res, uid, action) {
		let details: Interaction;
		try {
			details = await provider.interactionDetails(req, res);
		} catch {
			renderExpired(res);
			return;
		}
		// The interaction cookie names the login in progress; a URL for another one is stale.
		if (details.uid !== uid) {
			renderExpired(res);
			return;
		}
		const method = req.method ?? 'GET';

		if (action === undefined) {
			if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
			if (details.prompt.name === 'consent') {
				// Not expected (loadExistingGrant grants everything), but never leave a user stuck.
				const accountId = details.session?.accountId;
				const clientId = String(details.params.client_id ?? '');
				if (!accountId) return renderExpired(res);
				const grant = new provider.Grant({ clientId, accountId });
				grant.addOIDCScope(String(details.params.scope ?? 'openid'));
				const grantId = await grant.save();
				await provider.interactionFinished(req, res, { consent: { grantId } });
				return;
			}
			renderLogin(res, details);
			return;
		}

		if (method !== 'POST') return methodNotAllowed(res, 'POST');
		if (action === 'abort') {
			await provider.interactionFinished(
				req,
				res,
				{ error: 'access_denied', error_description: 'Brugeren afbrød login.' },
				{ mergeWithLastSubmission: false }
			);
			return;
		}

		let form: URLSearchParams;
		try {
			form = await readForm(req);
		} catch {
			return renderLogin(res, details, 413, 'Formularen var for stor. Prøv igen.');
		}
		const clientId = String(details.params.client_id ?? '');
		const allowed = accountsFor(accounts, clientId);
		const accountId = form.get('account') ?? '';
		const account = options.accountsBySub.get(accountId);
		const permitted = [...allowed.citizens, ...allowed.staff].some((a) => a.sub === accountId);
		if (!account || !permitted) {
			return renderLogin(res, details, 400, 'Vælg en af personerne på listen.');
		}
		const login: { accountId: string; acr?: string; amr: string[] } = {
			accountId,
			amr: ['pwd']
		};
		if (account.kind === 'citizen') {
			const level = LOA_LEVELS.find((l) => l === form.get('loa'));
			if (!level) return renderLogin(res, details, 400, 'Vælg et sikringsniveau.');
			// oidc-provider stores acr on the session and the authorization code and puts it in
			// the ID token; findAccount maps it to the preset's own LoA claim.
			login.acr = preset.values[level];
			login.amr = ['mitid'];
		}
		await provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
	};
}

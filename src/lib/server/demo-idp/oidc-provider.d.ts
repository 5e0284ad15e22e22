// oidc-provider ships no type declarations and the project adds no @types package, so this declares
// the small part of its API that the MitID simulator uses. Loosely typed on purpose: the library
// validates its own configuration at start-up, and the tests exercise every option we set.
declare module 'oidc-provider' {
	import type { IncomingMessage, ServerResponse } from 'node:http';

	export type Configuration = Record<string, unknown>;

	export interface InteractionResults {
		login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean };
		consent?: { grantId?: string };
		error?: string;
		error_description?: string;
		[key: string]: unknown;
	}

	export interface Interaction {
		uid: string;
		returnTo: string;
		prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
		params: Record<string, unknown>;
		session?: { accountId?: string; uid?: string };
		grantId?: string;
		exp: number;
	}

	export interface Grant {
		readonly jti: string;
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}

	export interface GrantConstructor {
		new (properties: { clientId: string; accountId: string }): Grant;
		find(id: string): Promise<Grant | undefined>;
	}

	export class Provider {
		constructor(issuer: string, configuration?: Configuration);
		proxy: boolean;
		readonly issuer: string;
		readonly Grant: GrantConstructor;
		callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
		interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
		interactionFinished(
			req: IncomingMessage,
			res: ServerResponse,
			result: InteractionResults,
			options?: { mergeWithLastSubmission?: boolean }
		): Promise<void>;
		on(event: string, listener: (...args: unknown[]) => void): this;
	}

	export default Provider;
}

// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n/locale';
import type { SessionInfo, ValidatedSession } from '$lib/server/auth/session';
import type { CitizenScope } from '$lib/server/access/policy';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** This request's id (X-Request-Id), for log lines and audit rows. */
			requestId: string;
			/** Filled by hooks.server.ts from the session cookie; guards decide what it may see. */
			session: SessionInfo | null;
			/** The citizen logged in (a representative, when actingFor is set). */
			citizen: ValidatedSession['citizen'];
			staff: ValidatedSession['staff'];
			/** The citizen a representative acts for. */
			actingFor: ValidatedSession['actingFor'];
			/**
			 * Whose data the logged-in citizen works with and how much of it (the access policy's
			 * citizenScope of the session's representation), worked out once per request.
			 */
			citizenScope: CitizenScope | null;
			/** Set when the database could not be reached: the answer becomes a 503 page. */
			databaseUnavailable: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

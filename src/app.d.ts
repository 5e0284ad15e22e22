// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n/locale';
import type { SessionInfo } from '$lib/server/auth/session';
import type { Language, StaffRole } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** Filled by hooks.server.ts from the session cookie; guards decide what it may see. */
			session: SessionInfo | null;
			/** The citizen logged in (a representative, when actingFor is set). */
			citizen: { id: string; name: string; preferredLanguage: Language } | null;
			staff: {
				id: string;
				name: string;
				email: string;
				role: StaffRole;
				departmentId: string | null;
			} | null;
			/** The citizen a representative acts for. */
			actingFor: { id: string; name: string } | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

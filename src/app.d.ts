// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/i18n/locale';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
		}
		interface Error {
			message: string;
		}
	}
}

export {};

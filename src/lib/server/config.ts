// Configuration by environment (README lists every variable). This module reads process.env
// rather than $env so that the command-line scripts (db:migrate, db:seed) share it.
import path from 'node:path';

import type { Locale } from '../i18n/locale';

export type { Locale };

export interface MunicipalityConfig {
	name: string;
	phone: string;
	email: string;
	address: string;
	openingHours: { da: string; en: string };
	accessibilityStatementUrl: string;
}

function env(name: string): string | undefined {
	const value = process.env[name];
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function isProduction(): boolean {
	return process.env.NODE_ENV === 'production';
}

/** The demo (simulated login, generated keys, seeded data) runs unless production without DEMO=1. */
export function isDemo(): boolean {
	return !isProduction() || env('DEMO') === '1';
}

export function dataDir(): string {
	return path.resolve(env('DATA_DIR') ?? './data');
}

export function databaseUrl(): string | undefined {
	return env('DATABASE_URL');
}

/** Connections each app process keeps to PostgreSQL at most (DATABASE_POOL_SIZE, default 10). */
export function databasePoolSize(): number {
	const size = Number(env('DATABASE_POOL_SIZE') ?? '10');
	return Number.isInteger(size) && size >= 1 ? size : 10;
}

/**
 * Where the benchmark's query profile is written at shutdown (db/query-profile.ts), or undefined.
 * The profile holds query parameters, so it is refused outside the demo's made-up people.
 */
export function queryProfilePath(): string | undefined {
	const file = env('BENCH_QUERY_PROFILE');
	if (file === undefined) return undefined;
	if (!isDemo()) {
		throw new Error('BENCH_QUERY_PROFILE records query parameters: it is only allowed with DEMO=1');
	}
	return path.resolve(file);
}

export function municipality(): MunicipalityConfig {
	return {
		name: env('MUNICIPALITY_NAME') ?? 'Sammen Kommune',
		phone: env('MUNICIPALITY_PHONE') ?? '70 10 20 30',
		email: env('MUNICIPALITY_EMAIL') ?? 'kontakt@sammen-kommune.example',
		address: env('MUNICIPALITY_ADDRESS') ?? 'Rådhuspladsen 1, 9999 Sammenby',
		openingHours: {
			da: env('MUNICIPALITY_HOURS_DA') ?? 'Mandag til fredag kl. 9.00–15.00',
			en: env('MUNICIPALITY_HOURS_EN') ?? 'Monday to Friday, 9 am to 3 pm'
		},
		accessibilityStatementUrl:
			env('ACCESSIBILITY_STATEMENT_URL') ?? 'https://www.was.digst.dk/sammen-kommune-example'
	};
}

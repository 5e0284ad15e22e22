import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../i18n/all';
import { LOCALES } from '../i18n/locale';
import * as domain from './index';

/** Every code list with its label maps (one per audience), so none is left out of the checks. */
const LABELLED: Record<string, { codes: readonly string[]; labels: Record<string, object> }> = {
	'analog reason': { codes: domain.ANALOG_REASONS, labels: domain.ANALOG_REASON_LABELS },
	'audit action': { codes: domain.AUDIT_ACTIONS, labels: domain.AUDIT_ACTION_LABELS },
	'case status': { codes: domain.CASE_STATUSES, labels: domain.CASE_STATUS_LABELS },
	'consent channel': { codes: domain.CONSENT_CHANNELS, labels: domain.CONSENT_CHANNEL_LABELS },
	'goal status': { codes: domain.GOAL_STATUSES, labels: domain.GOAL_STATUS_LABELS },
	'journey status': { codes: domain.JOURNEY_STATUSES, labels: domain.JOURNEY_STATUS_LABELS },
	'letter status': { codes: domain.LETTER_STATUSES, labels: domain.LETTER_STATUS_LABELS },
	'meeting response': { codes: domain.MEETING_RESPONSES, labels: domain.MEETING_RESPONSE_LABELS },
	'notification channel': {
		codes: domain.NOTIFICATION_CHANNELS,
		labels: domain.NOTIFICATION_CHANNEL_LABELS
	},
	'representation basis': {
		codes: domain.REPRESENTATION_BASES,
		labels: domain.REPRESENTATION_BASIS_LABELS
	},
	'representation scope': {
		codes: domain.REPRESENTATION_SCOPES,
		labels: domain.REPRESENTATION_SCOPE_LABELS
	},
	'staff role': { codes: domain.STAFF_ROLES, labels: domain.STAFF_ROLE_LABELS },
	'timeline kind': { codes: domain.TIMELINE_KINDS, labels: domain.TIMELINE_KIND_LABELS },
	'waiting on': { codes: domain.WAITING_ON, labels: domain.WAITING_ON_LABELS }
};

/** The columns whose CHECK constraint lists a code list's codes, as `table.column`. */
const CONSTRAINED: Record<string, readonly string[]> = {
	'staff_users.role': domain.STAFF_ROLES,
	'audit_events.actor_role': domain.STAFF_ROLES,
	'audit_events.actor_type': domain.AUDIT_ACTOR_TYPES,
	'audit_events.action': domain.AUDIT_ACTIONS,
	'citizens.preferred_language': domain.LANGUAGES,
	'letters.language': domain.LANGUAGES,
	'letters.status': domain.LETTER_STATUSES,
	'letters.delivery': domain.LETTER_DELIVERIES,
	'postings.delivery': domain.POSTING_DELIVERIES,
	'postings.kombi': domain.KOMBI_CODES,
	'postings.status': domain.POSTING_STATUSES,
	'postings.language': domain.LANGUAGES,
	'analog_flag_changes.reason': domain.ANALOG_REASONS,
	'cases.status': domain.CASE_STATUSES,
	'cases.waiting_on': domain.WAITING_ON,
	'journeys.status': domain.JOURNEY_STATUSES,
	'plan_goals.status': domain.GOAL_STATUSES,
	'meetings.citizen_response': domain.MEETING_RESPONSES,
	'tasks.assignee': domain.TASK_ASSIGNEES,
	'timeline_entries.kind': domain.TIMELINE_KINDS,
	'timeline_entries.visibility': domain.VISIBILITIES,
	'consents.action': domain.CONSENT_ACTIONS,
	'consents.channel': domain.CONSENT_CHANNELS,
	'representatives.scope': domain.REPRESENTATION_SCOPES,
	'representatives.basis': domain.REPRESENTATION_BASES,
	'notifications.channel': domain.NOTIFICATION_CHANNELS,
	'notifications.status': domain.NOTIFICATION_STATUSES,
	'demo_outbox.channel': domain.DIGITAL_CHANNELS,
	'municipality_settings.logo_content_type': domain.LOGO_CONTENT_TYPES
};

const MIGRATIONS = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * The `column in (...)` CHECK constraints in force after every migration, by `table.column`. Only
 * the statements run on the way up count, in file order, a later one replacing an earlier one.
 * Each statement is one string literal in the migration's `upStatements`; a migration without
 * that list must hold no CHECK constraint at all.
 */
function checkConstraints(): Map<string, string[]> {
	const found = new Map<string, string[]>();
	const files = fs
		.readdirSync(MIGRATIONS)
		.filter((name) => /^\d{8}T\d{4}_\w+\.ts$/.test(name))
		.sort();
	for (const file of files) {
		const source = fs.readFileSync(path.join(MIGRATIONS, file), 'utf8');
		const start = source.indexOf('const upStatements');
		const end = source.indexOf('const downStatements');
		if (start < 0) {
			// A migration written another way must add no constraint this parser would miss.
			expect(/\bcheck\s*\(/i.test(source), `${file}: a CHECK outside upStatements`).toBe(false);
			continue;
		}
		// Comments may hold apostrophes that would read as the start of a string.
		const up = source
			.slice(start, end < 0 ? undefined : end)
			.replace(/^\s*\/\/.*$/gm, '')
			.replace(/^const upStatements[^=]*=/, '');
		for (const literal of up.matchAll(/`([^`]*)`|'((?:[^'\\]|\\.)*)'/g)) {
			const statement = literal[1] ?? literal[2] ?? '';
			const table = /^\s*(?:create|alter) table (\w+)/i.exec(statement)?.[1];
			if (!table) continue;
			for (const check of statement.matchAll(/check \((\w+) in\s*\(([^)]*)\)\)/gi)) {
				const values = [...(check[2] ?? '').matchAll(/'([^']*)'/g)].map((v) => v[1] ?? '');
				found.set(`${table}.${check[1]}`, values);
			}
		}
	}
	return found;
}

describe('domain codes', () => {
	it('have no code twice in a list', () => {
		for (const [column, codes] of Object.entries(CONSTRAINED)) {
			expect(new Set(codes).size, column).toBe(codes.length);
		}
	});

	it('have a word for every code in every label map', () => {
		for (const [name, { codes, labels }] of Object.entries(LABELLED)) {
			for (const [audience, map] of Object.entries(labels)) {
				expect(Object.keys(map).sort(), `${name} (${audience})`).toEqual([...codes].sort());
			}
		}
	});

	it('name message keys that exist in every catalogue', () => {
		for (const [name, { labels }] of Object.entries(LABELLED)) {
			for (const [audience, map] of Object.entries(labels)) {
				for (const [code, key] of Object.entries(map)) {
					for (const locale of LOCALES) {
						expect(
							Object.hasOwn(catalogues[locale], key),
							`${name} ${code} (${audience}): ${key} in ${locale}`
						).toBe(true);
					}
				}
			}
		}
	});

	it('match the CHECK constraints of the latest migrations', () => {
		const constraints = checkConstraints();
		// A code column added to a migration but not to this list would go unchecked.
		expect([...constraints.keys()].sort()).toEqual(Object.keys(CONSTRAINED).sort());
		for (const [column, codes] of Object.entries(CONSTRAINED)) {
			expect(constraints.get(column)?.slice().sort(), column).toEqual([...codes].sort());
		}
	});
});

describe('isOneOf', () => {
	it('accepts the codes of the list only', () => {
		expect(domain.isOneOf(domain.VISIBILITIES, 'staff')).toBe(true);
		expect(domain.isOneOf(domain.VISIBILITIES, 'Staff')).toBe(false);
		expect(domain.isOneOf(domain.VISIBILITIES, '')).toBe(false);
		expect(domain.isOneOf(domain.VISIBILITIES, null)).toBe(false);
		expect(domain.isOneOf(domain.VISIBILITIES, 'toString')).toBe(false);
	});
});

// The citizen's pages carry no staff or admin text (docs/ARCHITECTURE.md, "Texts by area"). From
// the build's Vite manifest, every client chunk a page outside /staff loads is collected: the
// page's and its layouts' nodes and the app's entries, with their static imports, transitively.
// Those chunks must hold no text that only the staff and admin areas have, and must hold every
// common and portal text (so the test provably reads the right files, and reads them right).
// Builds the app first when build/ is missing or older than the sources (scripts/build-if-needed.js).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../scripts/build-if-needed.js';
import { areas } from '../../src/lib/i18n/all';
import type { Catalogue } from '../../src/lib/i18n/define';

const root = path.resolve(import.meta.dirname, '../..');
const client = path.join(root, '.svelte-kit/output/client');
const nodes = path.join(root, '.svelte-kit/generated/client-optimized/nodes');

/** Shorter texts are words that may well occur in other code; the navigation is named below. */
const MIN_LENGTH = 12;

interface ManifestChunk {
	file: string;
	src?: string;
	isEntry?: boolean;
	imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The source file a node entry of the manifest renders, e.g. src/routes/+page.svelte. */
function nodeComponent(src: string): string {
	const node = fs.readFileSync(path.join(nodes, path.basename(src)), 'utf8');
	const component = /(src\/routes\/[^"']*\+(?:page|layout|error)\.svelte)/.exec(node);
	if (!component?.[1]) throw new Error(`${src} renders no component`);
	return component[1];
}

/** The text of every JavaScript chunk the given entries load, following static imports. */
function chunksFrom(manifest: Manifest, entries: string[]): Map<string, string> {
	const chunk = (key: string) => {
		const found = manifest[key];
		if (!found) throw new Error(`${key} is not in the Vite manifest`);
		return found;
	};
	const seen = new Set<string>();
	const queue = [...entries];
	for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
		if (seen.has(key)) continue;
		seen.add(key);
		queue.push(...(chunk(key).imports ?? []));
	}
	const files = [...seen].map((key) => chunk(key).file).filter((file) => file.endsWith('.js'));
	return new Map(files.map((file) => [file, fs.readFileSync(path.join(client, file), 'utf8')]));
}

/**
 * Whether a chunk holds a text as a whole string literal, in any of the bundler's quotes (a text
 * is always one literal in a catalogue; a message key that merely contains the words is not it).
 */
function holds(code: string, text: string): boolean {
	const single = text.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
	return (
		code.includes(JSON.stringify(text)) ||
		code.includes(`'${single}'`) ||
		code.includes(`\`${text}\``)
	);
}

const texts = (...parts: Record<string, Catalogue<string>>[]) =>
	parts.flatMap((part) =>
		Object.values(part).flatMap((c) => [...Object.values(c.da), ...Object.values(c.en)])
	);

const citizenTexts = [...new Set(texts(areas.common, areas.portal))];
const citizenText = new Set(citizenTexts);
const staffNavigation = areas.staff.staff.da;
/** What only staff and admin pages show: the texts of those areas that no common or portal one is. */
const staffOnlyTexts = [
	...new Set([
		...texts(areas.staff, areas.admin).filter((text) => text.length >= MIN_LENGTH),
		staffNavigation.staffNavCaseload,
		staffNavigation.staffNavSearch,
		staffNavigation.staffNavAudit,
		staffNavigation.opNavPrint,
		staffNavigation.opNavOperations,
		staffNavigation.adNavAdmin
	])
].filter((text) => !citizenText.has(text));

describe("the citizen pages' client code", () => {
	let citizen: Map<string, string>;
	let staff: Map<string, string>;
	let citizenNodes: string[];
	let staffNodes: string[];

	beforeAll(() => {
		ensureBuild();
		const manifest: Manifest = JSON.parse(
			fs.readFileSync(path.join(client, '.vite/manifest.json'), 'utf8')
		);
		const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
		const nodeEntries = entries.filter((key) => /\/nodes\/\d+\.js$/.test(key));
		const appEntries = entries.filter((key) => !nodeEntries.includes(key));
		const isStaff = (key: string) => nodeComponent(key).startsWith('src/routes/staff/');
		citizenNodes = nodeEntries.filter((key) => !isStaff(key)).map(nodeComponent);
		staffNodes = nodeEntries.filter(isStaff).map(nodeComponent);
		citizen = chunksFrom(manifest, [...appEntries, ...nodeEntries.filter((key) => !isStaff(key))]);
		staff = chunksFrom(manifest, nodeEntries.filter(isStaff));
	}, 600_000);

	it("covers the citizen's pages and layouts, and no staff page", () => {
		for (const component of [
			'src/routes/+layout.svelte',
			'src/routes/+error.svelte',
			'src/routes/(portal)/+layout.svelte',
			'src/routes/(portal)/+error.svelte',
			'src/routes/(portal)/+page.svelte',
			'src/routes/(portal)/mine-data/+page.svelte',
			'src/routes/(portal)/indstillinger/+page.svelte'
		]) {
			expect(citizenNodes, component).toContain(component);
		}
		expect(staffNodes).toContain('src/routes/staff/+layout.svelte');
		expect(staffNodes).toContain('src/routes/staff/+page.svelte');
		expect(citizenNodes.length + staffNodes.length).toBeGreaterThan(40);
	});

	it('holds every common and portal text, so it reads the right files', () => {
		const code = [...citizen.values()].join('\n');
		expect(holds(code, 'Mit overblik')).toBe(true);
		const missing = citizenTexts.filter((text) => !holds(code, text));
		expect(missing).toEqual([]);
	});

	it('holds no text that only staff and admin pages show', () => {
		expect(staffOnlyTexts).toContain('Mine borgere');
		expect(staffOnlyTexts.length).toBeGreaterThan(1000);
		const found = [...citizen].flatMap(([file, code]) =>
			staffOnlyTexts.filter((text) => holds(code, text)).map((text) => `${file}: ${text}`)
		);
		expect(found).toEqual([]);
	});

	it("finds those texts in the staff pages' code, so the search would see them", () => {
		const code = [...staff.values()].join('\n');
		expect(holds(code, 'Mine borgere')).toBe(true);
		expect(staffOnlyTexts.filter((text) => !holds(code, text))).toEqual([]);
	});
});

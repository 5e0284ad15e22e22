// npm run fonts: writes the subsets of IBM Plex Sans that every page loads (docs/ARCHITECTURE.md,
// "Page weight"). Run it again after an update of dkfds or a change of KEPT below, and commit what it
// writes:
//
//   src/styles/fonts/IBMPlexSans-{Regular,SemiBold}-Subset.woff2   the subsets
//   src/styles/fonts/_ranges.scss                                  their unicode-range
//   src/styles/fonts/OFL.txt                                       the fonts' licence, which goes with them
//
// Source: IBM's own Latin1 split of each weight that dkfds ships,
// node_modules/dkfds/src/fonts/IBMPlexSans/split/woff2/IBMPlexSans-{Regular,SemiBold}-Latin1.woff2.
// Kept (KEPT below): Basic Latin and Latin-1 Supplement (Danish æøå ÆØÅ, é, ü, ö and the other
// letters of names from the neighbouring languages, § « » ½ · ×, the no-break and soft hyphen) and
// the punctuation Danish text uses (– — ‘ ’ ‚ “ ” „ • … ‹ › € ™ −). Of IBM's Latin1 range that leaves
// out ı Œ œ, which IBM's Latin2 file has too (src/styles/_fonts.scss loads it when a page needs it),
// and ˆ ˚ ˜ † ‡ ‰ ⁄ ⁴ ﬁ ﬂ, which show in the fallback font. The glyphs' outlines, metrics, kerning and
// hinting stay as IBM made them, and so do the copyright and licence in the font's name table; glyph
// names and the glyphs outside KEPT go.
//
// Hinting is kept because Windows renders with it (staff, and citizens at a desktop): without it the
// two files would be 9 KB smaller together (set HINTING to false to see), and text on Windows would
// look different.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as prettier from 'prettier';

type SubsetFont = (
	font: Buffer,
	text: string,
	options: { targetFormat: 'woff2'; preserveNameIds?: number[]; noHinting?: boolean }
) => Promise<Buffer>;
const subsetFont: SubsetFont = createRequire(import.meta.url)('subset-font');

const HINTING = true;

/** Inclusive code point ranges. */
type Ranges = [number, number][];

/** What the subsets keep: Latin and Danish (see the top of this file). */
const KEPT: Ranges = [
	[0x0000, 0x0000],
	[0x000d, 0x000d],
	[0x0020, 0x007e], // Basic Latin
	[0x00a0, 0x00ff], // Latin-1 Supplement
	[0x2013, 0x2014], // – —
	[0x2018, 0x201a], // ‘ ’ ‚
	[0x201c, 0x201e], // “ ” „
	[0x2022, 0x2022], // •
	[0x2026, 0x2026], // …
	[0x2039, 0x203a], // ‹ ›
	[0x20ac, 0x20ac], // €
	[0x2122, 0x2122], // ™
	[0x2212, 0x2212] // −
];

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'node_modules/dkfds/src/fonts/IBMPlexSans');
const target = path.join(root, 'src/styles/fonts');

const codePoints = (ranges: Ranges) =>
	new Set(
		ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))
	);

/** Code points as a CSS unicode-range: U+0020-007E, U+2022, … */
function unicodeRange(points: Set<number>): string {
	const sorted = [...points].sort((a, b) => a - b);
	const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
		parts.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
		i = j + 1;
	}
	return parts.join(', ');
}

const kept = codePoints(KEPT);
const text = [...kept].map((point) => String.fromCodePoint(point)).join('');

fs.mkdirSync(target, { recursive: true });
for (const weight of ['Regular', 'SemiBold']) {
	const from = path.join(source, `split/woff2/IBMPlexSans-${weight}-Latin1.woff2`);
	const original = fs.readFileSync(from);
	const subset = await subsetFont(original, text, {
		targetFormat: 'woff2',
		// Family and style names (1–6) and the copyright notice (0) by default; the licence and its
		// address (13, 14) too.
		preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
		noHinting: !HINTING
	});
	const to = path.join(target, `IBMPlexSans-${weight}-Subset.woff2`);
	fs.writeFileSync(to, subset);
	console.log(
		`${path.relative(root, to)}: ${subset.length} bytes (IBM's Latin1 file: ${original.length})`
	);
}
fs.copyFileSync(path.join(source, 'complete/ttf/license.txt'), path.join(target, 'OFL.txt'));
// Formatted as \`npm run lint:format\` expects it.
const ranges = path.join(target, '_ranges.scss');
const scss = [
	'// Written by scripts/subset-fonts.ts (npm run fonts); do not edit.',
	'',
	'// The characters of the subsets.',
	`$subset: ${unicodeRange(kept)};`,
	''
].join('\n');
const options = await prettier.resolveConfig(ranges);
fs.writeFileSync(ranges, await prettier.format(scss, { ...options, filepath: ranges }));

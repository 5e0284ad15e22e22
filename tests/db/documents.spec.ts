// The citizen's letters and decisions: which ones a citizen gets, and the PDFs made from the
// demo's own data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clock from '../../src/lib/server/clock';
import { municipality } from '../../src/lib/server/config';
import {
	findCitizenDecision,
	findCitizenLetter,
	listCitizenDocuments
} from '../../src/lib/server/db/documents';
import { appendTimelineEntry } from '../../src/lib/server/db/timeline';
import { decisionPdf, letterPdf } from '../../src/lib/server/documents';
import { demoId, demoIds } from '../../src/lib/server/seed/demo';
import { DemoClock } from '../../src/lib/server/seed/demo-time';
import { flatText, readPdf } from '../pdf-reader';
import { openSeeded, testDialects, type TestDatabase } from './helpers';

const now = clock.now();
const days = new DemoClock(now);

describe.each(testDialects())('documents on %s', (dialect) => {
	let t: TestDatabase;
	const karl = demoIds.citizen('Karl Nielsen');
	const maja = demoIds.citizen('Maja Jensen');

	beforeAll(async () => {
		t = await openSeeded(dialect);
	});
	afterAll(async () => {
		await t?.close();
	});

	it("lists Karl's four letters and two decisions, newest first", async () => {
		const documents = await listCitizenDocuments(t.db, karl);
		expect(documents.filter((d) => d.kind === 'letter')).toHaveLength(4);
		expect(documents.filter((d) => d.kind === 'decision')).toHaveLength(2);
		const times = documents.map((d) =>
			(d.kind === 'letter' ? d.createdAt : d.occurredAt).getTime()
		);
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(documents[0]).toMatchObject({
			kind: 'letter',
			subject: 'Vi kommer på besøg',
			pdfSize: null
		});
		const decision = documents.find((d) => d.kind === 'decision');
		expect(decision).toMatchObject({ departmentName: 'Sundhed og Omsorg' });
		for (const letter of documents.filter((d) => d.kind === 'letter')) {
			expect(letter.postedAt).toBeInstanceOf(Date);
		}
	});

	it('gives a digital citizen her decisions and no letters, and Jens nothing', async () => {
		const documents = await listCitizenDocuments(t.db, maja);
		expect(documents.length).toBeGreaterThan(0);
		expect(documents.every((d) => d.kind === 'decision')).toBe(true);
		expect(await listCitizenDocuments(t.db, demoIds.citizen('Jens Poulsen'))).toEqual([]);
	});

	it('pages letters and decisions together, newest first, as the whole list orders them', async () => {
		const all = await listCitizenDocuments(t.db, karl);
		expect(new Set(all.map((d) => d.kind))).toEqual(new Set(['letter', 'decision']));
		const paged = [];
		for (let offset = 0; offset < all.length + 2; offset += 2) {
			paged.push(...(await listCitizenDocuments(t.db, karl, { limit: 2, offset })));
		}
		expect(paged).toEqual(all);
	});

	it('finds a letter only for the citizen it was sent to', async () => {
		const letterId = demoIds.letter('karl-l1');
		expect(await findCitizenLetter(t.db, letterId, karl)).toMatchObject({
			subject: 'Afgørelse: Du får genoptræning',
			recipientName: 'Karl Nielsen'
		});
		expect(await findCitizenLetter(t.db, letterId, maja)).toBeUndefined();
		expect(await findCitizenLetter(t.db, demoIds.letter('lise-l1'), karl)).toBeUndefined();
	});

	it("finds only citizen-visible decisions on the citizen's own journeys", async () => {
		const karlDecision = demoId('entry:karl:3');
		expect(await findCitizenDecision(t.db, karlDecision, karl)).toMatchObject({
			title: 'Afgørelse: Du får genoptræning',
			departmentPhone: '12 34 50 40',
			authorName: 'Hanne Vestergaard'
		});
		// Someone else's decision.
		expect(await findCitizenDecision(t.db, karlDecision, maja)).toBeUndefined();
		// A citizen-visible entry that is no decision, and a staff-only note.
		expect(await findCitizenDecision(t.db, demoId('entry:karl:1'), karl)).toBeUndefined();
		expect(await findCitizenDecision(t.db, demoId('entry:karl:2'), karl)).toBeUndefined();
		// A decision for staff's eyes only.
		const internal = await appendTimelineEntry(t.db, {
			journey_id: demoIds.journey('karl'),
			kind: 'decision',
			visibility: 'staff',
			author_staff_id: demoIds.staff('Hanne Vestergaard'),
			department_id: demoIds.department('sundhed-og-omsorg'),
			title: 'Intern indstilling'
		});
		expect(await findCitizenDecision(t.db, internal.id, karl)).toBeUndefined();
		expect((await listCitizenDocuments(t.db, karl)).some((d) => d.id === internal.id)).toBe(false);
	});

	it("renders Karl's letter as it was posted, Danish letters and all", async () => {
		const letter = await findCitizenLetter(t.db, demoIds.letter('karl-l2'), karl);
		const file = await letterPdf(letter!, municipality());
		// Named by the day the letter was written: the seed writes it 200 days back, at 11.00.
		expect(file.fileName).toBe(
			`brev-afgoerelse-du-faar-hjemmehjaelp-${days.dateOf(days.past(200, 11))}.pdf`
		);
		const pdf = readPdf(file.bytes);
		expect(pdf.info.Title).toBe('Afgørelse: Du får hjemmehjælp');
		expect(pdf.lang).toBe('da');
		expect(pdf.embeddedFonts).toBe(2);
		const text = flatText(pdf);
		expect(text).toContain('Karl Nielsen Kirkevej 14, 1. tv. 9999 Sammenby');
		expect(text).toContain('Du får hjælp til bad to gange om ugen');
		expect(text).toContain('Venlig hilsen Hanne Vestergaard, Sundhed og Omsorg');
		expect(text).toContain('Side 1 af 1');
	});

	it("renders Ahmed's decision in English for him", async () => {
		const ahmed = demoIds.citizen('Ahmed Hassan');
		const documents = await listCitizenDocuments(t.db, ahmed);
		const mentor = documents.find(
			(d) => d.kind === 'decision' && d.titleEn === 'Decision: You will get a mentor'
		);
		const decision = await findCitizenDecision(t.db, mentor!.id, ahmed);
		const file = await decisionPdf(decision!, 'en', municipality());
		// Named by the day of the decision: the seed makes it 60 days back, at 11.00.
		expect(file.fileName).toBe(
			`decision-you-will-get-a-mentor-${days.dateOf(days.past(60, 11))}.pdf`
		);
		const pdf = readPdf(file.bytes);
		expect(pdf.lang).toBe('en');
		expect(flatText(pdf)).toContain('The mentor will help you find and keep a job.');
		expect(flatText(pdf)).toContain('The decision was made by Lone Madsen, Job Centre.');
	});
});

// The print queue's steps for administrators: export the waiting letters as a batch, hand a batch
// over to the post, mark a returned letter (which gives the coordinator a task to call the citizen),
// and the batch as a ZIP file for the print provider. Every change is in one transaction with its
// audit row.
import { strToU8, zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import { format, t, type Messages } from '../../i18n/all';
import { todayInDenmark } from '../../format';
import {
	claimWaitingLetters,
	findReturnAssignee,
	handOverBatch,
	markLetterReturned,
	type ReferencedLetter
} from '../db/print-queue';
import type { Database } from '../db/schema';
import { csvTime, toCsv } from '../audit/trail';
import { auditStaff, type StaffActor } from '../access/staff';
import { letterReference } from './pdf';
import * as clock from '../clock';

/**
 * A reference as typed from a returned letter ("ABCD-1234", "abcd1234", "abcd 1234") as the
 * letter id's first 8 hex digits in lower case; null when it cannot be a reference.
 */
export function parseReference(input: string): string | null {
	const hex = input.replace(/[\s\-–]/g, '').toLowerCase();
	return /^[0-9a-f]{8}$/.test(hex) ? hex : null;
}

/** Postcode and town from the last line of an address ("9999 Sammenby"), and the lines before. */
export function splitAddress(address: string): {
	lines: string[];
	postcode: string;
	town: string;
} {
	const lines = address
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	const last = lines.at(-1) ?? '';
	const match = /^(?:DK-)?(\d{4})\s+(.+)$/.exec(last);
	if (!match) return { lines, postcode: '', town: '' };
	return { lines: lines.slice(0, -1), postcode: match[1]!, town: match[2]! };
}

/** The date `days` working days (Monday to Friday) after `from`, as YYYY-MM-DD. */
export function addWorkingDays(from: string, days: number): string {
	const date = new Date(`${from}T12:00:00Z`);
	let left = days;
	while (left > 0) {
		date.setUTCDate(date.getUTCDate() + 1);
		const day = date.getUTCDay();
		if (day !== 0 && day !== 6) left--;
	}
	return date.toISOString().slice(0, 10);
}

/** Exports every waiting letter as a new batch; null when none is waiting (nothing is stored). */
export async function exportBatch(
	db: Kysely<Database>,
	actor: StaffActor
): Promise<{ batchId: string; count: number } | null> {
	return db.transaction().execute(async (trx) => {
		const claimed = await claimWaitingLetters(trx, actor.staffId);
		if (!claimed) return null;
		await auditStaff(trx, actor, {
			action: 'export',
			objectType: 'print_batch',
			objectId: claimed.batchId,
			citizenId: null
		});
		return { batchId: claimed.batchId, count: claimed.letters.length };
	});
}

/** Hands a batch over to the post; false when it was handed over already (nothing changes). */
export async function handOver(
	db: Kysely<Database>,
	actor: StaffActor,
	batchId: string
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const posted = await handOverBatch(trx, batchId, actor.staffId);
		if (!posted) return false;
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: 'print_batch',
			objectId: batchId,
			citizenId: null
		});
		return true;
	});
}

/**
 * Marks a posted letter as returned: a task for the coordinator (see findReturnAssignee for who
 * gets it when the journey has none), due in two working days, in Danish and English; a staff-only
 * entry on the journey; the audit row. Null when the letter is not posted (nothing changes).
 */
export async function returnLetter(
	db: Kysely<Database>,
	actor: StaffActor,
	letter: ReferencedLetter,
	now: Date = clock.now()
): Promise<{ taskId: string; assignee: { id: string; name: string } | null } | null> {
	const reference = letterReference(letter.id);
	const da = t('da');
	const en = t('en');
	const values = { reference, subject: letter.subject };
	return db.transaction().execute(async (trx) => {
		const assignee = await findReturnAssignee(trx, letter);
		const result = await markLetterReturned(trx, {
			letterId: letter.id,
			staffId: actor.staffId,
			task: {
				citizenId: letter.citizenId,
				journeyId: letter.journeyId,
				assignedStaffId: assignee?.id ?? null,
				title: da.pqTaskTitle,
				titleEn: en.pqTaskTitle,
				description: format(da.pqTaskDescription, values),
				dueDate: addWorkingDays(todayInDenmark(now), 2)
			},
			entry: letter.journeyId
				? {
						journeyId: letter.journeyId,
						departmentId: letter.departmentId,
						title: format(da.pqTimelineTitle, values),
						titleEn: format(en.pqTimelineTitle, values),
						body: format(da.pqTimelineBody, values),
						bodyEn: format(en.pqTimelineBody, values)
					}
				: null
		});
		if (!result) return null;
		await auditStaff(trx, actor, {
			action: 'update',
			objectType: 'letter',
			objectId: letter.id,
			citizenId: letter.citizenId
		});
		return { taskId: result.taskId, assignee };
	});
}

export interface BatchFile {
	id: string;
	recipientName: string;
	recipientAddress: string;
	pageCount: number | null;
	language: string;
	createdAt: Date;
	pdf: Uint8Array | null;
}

/** The file name of a letter in the ZIP: its reference only, never a name or a CPR number. */
export function letterFileName(letterId: string): string {
	return `brev-${letterReference(letterId)}.pdf`;
}

/**
 * The batch as a ZIP file: one PDF per letter and manifest.csv (';', UTF-8 with BOM, fields that
 * would start a formula defused) for the print provider. Letters without a PDF are listed in the
 * manifest with an empty file name, so a missing file is visible rather than silently absent.
 */
export function batchZip(m: Messages, files: readonly BatchFile[]): Uint8Array {
	const maxLines = Math.max(1, ...files.map((f) => splitAddress(f.recipientAddress).lines.length));
	const header = [
		m.pqColReference,
		m.pqCsvFile,
		m.pqCsvName,
		...Array.from({ length: maxLines }, (_, i) => format(m.pqCsvAddress, { number: i + 1 })),
		m.pqCsvPostcode,
		m.pqCsvTown,
		m.pqColPages,
		m.pqCsvLanguage,
		m.pqColCreated
	];
	const entries: Record<string, Uint8Array> = {};
	const rows = files.map((file) => {
		const name = file.pdf ? letterFileName(file.id) : '';
		if (file.pdf) entries[name] = file.pdf;
		const address = splitAddress(file.recipientAddress);
		return [
			letterReference(file.id),
			name,
			file.recipientName,
			...Array.from({ length: maxLines }, (_, i) => address.lines[i] ?? ''),
			address.postcode,
			address.town,
			file.pageCount === null ? '' : String(file.pageCount),
			file.language,
			csvTime(file.createdAt)
		];
	});
	entries['manifest.csv'] = strToU8(toCsv(header, rows));
	// The PDFs are compressed already and the manifest is small: store everything as it is.
	return zipSync(entries, { level: 0 });
}

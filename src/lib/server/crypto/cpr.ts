// CPR numbers at rest: AES-256-GCM for the stored value, HMAC-SHA-256 for look-up. Both keys are
// derived (HKDF) from one 32-byte secret, CPR_KEY. Node's crypto module does the cryptography; this
// file only decides formats. A CPR number never leaves this module in an error message.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface CprKeys {
	encryption: Buffer;
	lookup: Buffer;
}

const FORMAT = 'v1';

export class MissingCprKeyError extends Error {
	constructor() {
		super(
			'CPR_KEY is not set. In production Sammen refuses to start without it: set CPR_KEY to 32 random ' +
				'bytes in base64 (for example: openssl rand -base64 32) and keep it safe; without it the ' +
				'stored CPR numbers cannot be read.'
		);
	}
}

export function deriveCprKeys(secret: Buffer): CprKeys {
	if (secret.length !== 32) throw new Error('CPR_KEY must be 32 bytes (base64-encoded)');
	const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'sammen', info, 32));
	return { encryption: derive('cpr-encryption-v1'), lookup: derive('cpr-lookup-v1') };
}

/**
 * The key comes from CPR_KEY. Without it, the demo generates one on first start and keeps it in
 * DATA_DIR (readable by the owner only); production refuses to start.
 */
export function loadCprKeys(options: {
	envKey: string | undefined;
	dataDir: string;
	allowGenerated: boolean;
}): CprKeys {
	if (options.envKey) return deriveCprKeys(Buffer.from(options.envKey, 'base64'));
	if (!options.allowGenerated) throw new MissingCprKeyError();
	const file = path.join(options.dataDir, 'cpr.key');
	fs.mkdirSync(options.dataDir, { recursive: true });
	try {
		fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return deriveCprKeys(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
}

/** Accepts "ddmmyy-ssss", "ddmmyyssss" or with spaces; returns ten digits, or null if not a CPR. */
export function normalizeCpr(input: string): string | null {
	const digits = input.replace(/[\s-]/g, '');
	if (!/^\d{10}$/.test(digits)) return null;
	let day = Number(digits.slice(0, 2));
	const month = Number(digits.slice(2, 4));
	// Substitute numbers (erstatningspersonnumre) add 60 to the day.
	if (day > 60) day -= 60;
	if (month < 1 || month > 12 || day < 1) return null;
	// February 29 is allowed: the century follows from the seventh digit, not needed for this check.
	const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
	return day <= daysInMonth ? digits : null;
}

function requireCpr(cpr: string): string {
	const normalized = normalizeCpr(cpr);
	if (!normalized) throw new Error('Not a valid CPR number');
	return normalized;
}

export function hashCpr(keys: CprKeys, cpr: string): string {
	return createHmac('sha256', keys.lookup).update(requireCpr(cpr)).digest('hex');
}

export function encryptCpr(keys: CprKeys, cpr: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
	const encrypted = Buffer.concat([cipher.update(requireCpr(cpr), 'utf8'), cipher.final()]);
	return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64')}`;
}

export function decryptCpr(keys: CprKeys, stored: string): string {
	const [format, payload] = stored.split(':');
	if (format !== FORMAT || !payload) throw new Error('Unknown CPR storage format');
	const raw = Buffer.from(payload, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', keys.encryption, raw.subarray(0, 12));
	decipher.setAuthTag(raw.subarray(12, 28));
	return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

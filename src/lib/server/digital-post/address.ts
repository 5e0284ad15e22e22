// Where a letter's address comes from, behind one interface (docs/DIGITAL-POST.md):
// - 'stored': the address Sammen keeps for the citizen (entered by staff or kept up to date from
//   the CPR register by the municipality's own integration);
// - 'sf1520': the CPR register itself through Serviceplatformen, asked when the letter goes, so a
//   letter never goes to an address older than the register's; the answer also refreshes the
//   stored address, and a failed lookup is retried rather than answered from an older copy.
// A citizen with name and address protection gets their letters by remote print only: the address
// goes to the print provider in the SF1601 request and is never stored with the letter or put on a
// page staff can open.
import type { Kysely } from 'kysely';
import { storedPostalAddress, storeRegisterAddress } from '../db/citizens';
import type { Database } from '../db/schema';

export interface PostalAddress {
	name: string;
	co: string | null;
	street: string;
	postcode: string;
	city: string;
	/** Name and address protection (navne- og adressebeskyttelse). */
	protected: boolean;
	/** When the register last changed it, or when Sammen last took it from the register. */
	updatedAt: Date | null;
}

export interface AddressSource {
	readonly name: 'stored' | 'sf1520';
	/** The address to post to now; throws when there is none (a letter cannot go). */
	lookup(citizen: { id: string; cpr: () => string }): Promise<PostalAddress>;
}

/** An address a letter cannot go to: no retry will help (the dead-letter list, a task). */
export class NoAddressError extends Error {}

export function storedAddressSource(db: Kysely<Database>): AddressSource {
	return {
		name: 'stored',
		async lookup(citizen) {
			const row = await storedPostalAddress(db, citizen.id);
			if (!row || !row.address_line || !row.postal_code || !row.city) {
				throw new NoAddressError('The recipient has no complete postal address');
			}
			return {
				name: row.name,
				co: row.co_name,
				street: row.address_line,
				postcode: row.postal_code,
				city: row.city,
				protected: row.address_protected,
				updatedAt: row.address_updated_at
			};
		}
	};
}

/** The register's person record, as the SF1520 client returns it. */
export interface RegisterRecord {
	name: string;
	co: string | null;
	street: string;
	postcode: string;
	city: string;
	addressProtected: boolean;
	updatedAt: Date;
}

/**
 * The CPR register as the address source: asked at every send; what it answers is also stored
 * for the citizen (with its date), so staff pages never show an address older than the register's.
 */
export function registerAddressSource(
	db: Kysely<Database>,
	lookupPerson: (cpr: string) => Promise<RegisterRecord>
): AddressSource {
	return {
		name: 'sf1520',
		async lookup(citizen) {
			const record = await lookupPerson(citizen.cpr());
			await storeRegisterAddress(db, citizen.id, record);
			return {
				name: record.name,
				co: record.co,
				street: record.street,
				postcode: record.postcode,
				city: record.city,
				protected: record.addressProtected,
				updatedAt: record.updatedAt
			};
		}
	};
}

/** The lines under the name in a letter's window: c/o, street, postcode and town. */
export function addressLines(address: PostalAddress): string[] {
	return [
		address.co ? `c/o ${address.co}` : null,
		address.street,
		`${address.postcode} ${address.city}`
	].filter((line): line is string => !!line);
}

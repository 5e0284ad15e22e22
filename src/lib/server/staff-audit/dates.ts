// Calendar dates typed by staff: the browser's date field sends 'YYYY-MM-DD'; without it people
// type "3.3.2026" or "03-03-2026". Anything else, or a day that does not exist, is not a date.

/** 'YYYY-MM-DD' for a real calendar date between 1900 and 2199, else null. */
export function parseDate(input: string): string | null {
	const value = input.trim();
	let year: number, month: number, day: number;
	const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
	const danish = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(value);
	if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
	else if (danish) [day, month, year] = [Number(danish[1]), Number(danish[2]), Number(danish[3])];
	else return null;
	if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
	return date.toISOString().slice(0, 10);
}

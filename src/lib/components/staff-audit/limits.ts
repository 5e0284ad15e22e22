// Lengths of the staff-audit forms' free text, shared by the pages (maxlength) and the server's
// validation (which tells the user when a longer text arrives without the browser's limit).
export const WITNESS_MAX = 200;
export const NOTE_MAX = 1000;
export const NAME_MAX = 200;
export const REFERENCE_MAX = 300;
/** The most rows one CSV export of the audit trail holds. */
export const EXPORT_MAX = 10000;

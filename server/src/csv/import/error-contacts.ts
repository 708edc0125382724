import { normalizeEmail, normalizePhone } from '../../../../contracts/customer-fields';

/** Runs of characters an email address may hold, around one @ (see normalizeEmail). */
const EMAIL_LIKE = /[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+/g;
/** Digits with the separators a phone number is written with, a leading + or 00 included. */
const PHONE_LIKE = /\+?\d[\d\s\-.()/]{6,}\d/g;
/** Enough for any real row; a row full of numbers adds no more rows than this. */
const MAX_CONTACTS = 50;

/**
 * The emails and phone numbers a failed import row names, in the form the customer tables
 * store them (lower-cased email, phone digits with the country code), taken from every value
 * of the row wherever they stand in it ("Jan <JAN@example.com>", "tel. +31 6 1234 5678").
 * Deleting or anonymizing a customer removes the failed rows naming any of theirs.
 */
export const contactsOf = (raw: Record<string, unknown>): string[] => {
  const found = new Set<string>();
  for (const value of Object.values(raw)) {
    if (typeof value !== 'string' || value.length === 0) continue;
    for (const match of value.match(EMAIL_LIKE) ?? []) {
      // A sentence's full stop after an address is not part of it.
      for (const candidate of [match, match.replace(/\.+$/, '')]) {
        const email = normalizeEmail(candidate);
        if (email) found.add(email);
      }
    }
    for (const match of value.match(PHONE_LIKE) ?? []) {
      const phone = normalizePhone(match);
      if (phone) found.add(phone);
    }
    if (found.size >= MAX_CONTACTS) break;
  }
  return [...found].slice(0, MAX_CONTACTS);
};

/** Rows (job_id, line, contact) for failed rows: one per contact a line names. */
export const contactRows = (
  jobId: number,
  errors: { line: number; raw: Record<string, unknown> }[]
) => {
  const rows: [number, number, string][] = [];
  const seen = new Set<number>();
  for (const error of errors) {
    // A row with several problems is several error rows of one line and one raw row.
    if (seen.has(error.line)) continue;
    seen.add(error.line);
    for (const contact of contactsOf(error.raw)) rows.push([jobId, error.line, contact]);
  }
  return rows;
};

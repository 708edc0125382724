import type { ImportRecord, ScalarField } from './row-to-customer';

/** What the import knows of a stored (or just imported) customer, to merge a row into it. */
export interface CustomerSnapshot {
  id: number | null;
  scalars: Partial<Record<ScalarField, string | null>>;
  emails: Set<string>;
  phones: Set<string>;
  /** Lower-cased: tags and term ids match without regard to letter case, as in the rules. */
  tags: Set<string>;
  terms: Map<string, string>;
  /** An anonymized customer: an import may not give it personal data again. */
  anonymized?: boolean;
  /** A customer this import creates, once its first row has been reported as "create". */
  reportedCreated?: boolean;
}

/** The changes one row makes to a customer under the reference's rule: fill what is empty. */
export interface MergeResult {
  scalars: Partial<Record<ScalarField, string>>;
  /** Emails added to a stored customer (only a row naming it by customer_id adds one). */
  emails: string[];
  phones: string[];
  tags: string[];
  terms: { termId: string; givenAt: string }[];
  /** Field names changed, for the report ("firstName", "tags" ...). */
  fields: string[];
}

export const emptySnapshot = (): CustomerSnapshot => ({
  id: null,
  scalars: {},
  emails: new Set(),
  phones: new Set(),
  tags: new Set(),
  terms: new Map(),
});

/**
 * Fields of which one is allowed are filled only where the customer has none; phone numbers,
 * tags and terms are added when new. A row that names its customer by customer_id (an edited
 * export) is that customer's record: its values replace differing stored ones, and its email is
 * added when new (the caller has loaded the customer's emails and checked that no other customer
 * has it). An empty cell changes nothing. Applies the changes to the snapshot and returns them
 * (no fields means "unchanged").
 */
export const mergeRow = (
  snapshot: CustomerSnapshot,
  row: ImportRecord,
  byCustomerId = false
): MergeResult => {
  const result: MergeResult = {
    scalars: {},
    emails: [],
    phones: [],
    tags: [],
    terms: [],
    fields: [],
  };
  for (const [field, value] of Object.entries(row.scalars) as [ScalarField, string][]) {
    const current = snapshot.scalars[field];
    const empty = current === null || current === undefined || current === '';
    if (value && (empty || (byCustomerId && value !== current))) {
      result.scalars[field] = value;
      snapshot.scalars[field] = value;
      result.fields.push(field);
    }
  }
  if (row.email && !snapshot.emails.has(row.email)) {
    snapshot.emails.add(row.email);
    if (byCustomerId) {
      result.emails.push(row.email);
      result.fields.push('emails');
    }
  }
  if (row.phone && !snapshot.phones.has(row.phone)) {
    result.phones.push(row.phone);
    snapshot.phones.add(row.phone);
    result.fields.push('phones');
  }
  for (const tag of row.tags) {
    if (snapshot.tags.has(tag.toLowerCase())) continue;
    result.tags.push(tag);
    snapshot.tags.add(tag.toLowerCase());
  }
  if (result.tags.length > 0) result.fields.push('tags');
  for (const term of row.terms) {
    if (snapshot.terms.has(term.termId.toLowerCase())) continue;
    result.terms.push(term);
    snapshot.terms.set(term.termId.toLowerCase(), term.givenAt);
  }
  if (result.terms.length > 0) result.fields.push('terms');
  return result;
};

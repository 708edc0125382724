import { TABLE } from '../../../contracts/constants';
import { nameTokens } from '../../../contracts/customer-fields';
import { newSequentialDocumentId } from '../database/document-id';
import type { PlannedCustomer } from './plan';
import type { ScalarField } from './row-to-customer';
import { SCALAR_COLUMNS } from './snapshots';
import type { BatchWriter, Rows } from './writers';

const SCALARS = Object.entries(SCALAR_COLUMNS) as [ScalarField, string][];

/** The columns of a new customer row: `document_id` first (the writers map ids back by it). */
const CUSTOMER_COLUMNS = [
  'document_id',
  ...SCALARS.map(([, column]) => column),
  'source',
  'created_at',
  'updated_at',
];

/** The columns each child table is written with. */
const CHILD_COLUMNS = {
  [TABLE.emails]: ['customer_id', 'email', 'normalized', 'position'],
  [TABLE.phones]: ['customer_id', 'phone', 'position'],
  [TABLE.tags]: ['customer_id', 'tag'],
  [TABLE.terms]: ['customer_id', 'term_id', 'given_at'],
  [TABLE.nameTokens]: ['customer_id', 'token'],
} as const;

/** The changed scalar columns of a stored customer, with their new values. */
const changedColumns = (c: PlannedCustomer) => {
  const row: Record<string, unknown> = {};
  for (const [field, column] of SCALARS) {
    if (c.changed.has(field)) row[column] = c.snapshot.scalars[field] ?? null;
  }
  return row;
};

/**
 * Writes a planned batch: new customers with all their values, and for existing ones only
 * what the plan fills or adds. Returns the ids of the customers it changed.
 */
export const writeBatch = async (writer: BatchWriter, customers: PlannedCustomer[], now: Date) => {
  const fresh = customers.filter((c) => c.isNew);
  // Time-ordered ids: the document_id index then grows at its end instead of taking a random
  // page per new customer (written to the log again at every commit).
  const ids = await writer.insertCustomers(
    CUSTOMER_COLUMNS,
    fresh.map((c) => {
      const row: unknown[] = [newSequentialDocumentId()];
      for (const [field] of SCALARS) row.push(c.snapshot.scalars[field] ?? null);
      row.push('import', now, now);
      return row;
    })
  );
  fresh.forEach((c, i) => (c.snapshot.id = ids[i]));

  const emails: Rows = [];
  const phones: Rows = [];
  const tags: Rows = [];
  const terms: Rows = [];
  const tokens: Rows = [];
  const touched: number[] = [];
  const renamed: PlannedCustomer[] = [];
  for (const c of customers) {
    if (!c.isNew && c.changed.size === 0) continue;
    const id = c.snapshot.id!;
    touched.push(id);
    if (c.isNew) {
      let position = 0;
      for (const email of c.snapshot.emails) emails.push([id, email, email, position++]);
    } else {
      const columns = changedColumns(c);
      if (Object.keys(columns).length > 0)
        await writer.updateCustomer(id, { ...columns, updated_at: now });
      if (c.changed.has('firstName') || c.changed.has('lastName')) renamed.push(c);
    }
    const phoneBase = c.isNew ? 0 : c.snapshot.phones.size - c.addPhones.length;
    c.addPhones.forEach((phone, i) => phones.push([id, phone, phoneBase + i]));
    for (const tag of c.addTags) tags.push([id, tag]);
    for (const t of c.addTerms) terms.push([id, t.termId, t.givenAt]);
    if (c.isNew) renamed.push(c);
  }
  await writer.deleteWhereIn(
    TABLE.nameTokens,
    'customer_id',
    renamed.filter((c) => !c.isNew).map((c) => c.snapshot.id!)
  );
  for (const c of renamed) {
    for (const token of nameTokens(c.snapshot.scalars.firstName, c.snapshot.scalars.lastName))
      tokens.push([c.snapshot.id, token]);
  }
  await writer.insert(TABLE.emails, CHILD_COLUMNS[TABLE.emails], emails);
  await writer.insert(TABLE.phones, CHILD_COLUMNS[TABLE.phones], phones);
  await writer.insert(TABLE.tags, CHILD_COLUMNS[TABLE.tags], tags);
  await writer.insert(TABLE.terms, CHILD_COLUMNS[TABLE.terms], terms);
  await writer.insert(TABLE.nameTokens, CHILD_COLUMNS[TABLE.nameTokens], tokens);
  return touched;
};

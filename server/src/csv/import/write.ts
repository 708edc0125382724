import { TABLE } from '../../../../contracts/constants';
import { nameTokens } from '../../../../contracts/customer-fields';
import { childRowBatch } from '../../database/customer-children';
import { newSequentialDocumentId } from '../../database/document-id';
import type { PlannedCustomer } from './plan';
import type { ScalarField } from './row-to-customer';
import { SCALAR_COLUMNS } from './snapshots';
import type { BatchWriter } from '../../database/import-batch-writers';

const SCALARS = Object.entries(SCALAR_COLUMNS) as [ScalarField, string][];

/** The columns of a new customer row: `document_id` first (the writers map ids back by it). */
const CUSTOMER_COLUMNS = [
  'document_id',
  ...SCALARS.map(([, column]) => column),
  'source',
  'created_at',
  'updated_at',
];

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

  const children = childRowBatch(now);
  const touched: number[] = [];
  const renamed: PlannedCustomer[] = [];
  for (const c of customers) {
    if (!c.isNew && c.changed.size === 0) continue;
    const id = c.snapshot.id!;
    touched.push(id);
    if (c.isNew) {
      children.add('emails', id, [...c.snapshot.emails]);
    } else {
      const columns = changedColumns(c);
      if (Object.keys(columns).length > 0)
        await writer.updateCustomer(id, { ...columns, updated_at: now });
      if (c.changed.has('firstName') || c.changed.has('lastName')) renamed.push(c);
      children.add('emails', id, c.addEmails, c.snapshot.emails.size - c.addEmails.length);
    }
    const phoneBase = c.isNew ? 0 : c.snapshot.phones.size - c.addPhones.length;
    children.add('phones', id, c.addPhones, phoneBase);
    children.add('tags', id, c.addTags);
    children.add('terms', id, c.addTerms);
    if (c.isNew) renamed.push(c);
  }
  await writer.deleteWhereIn(
    TABLE.nameTokens,
    'customer_id',
    renamed.filter((c) => !c.isNew).map((c) => c.snapshot.id!)
  );
  for (const c of renamed) {
    const { firstName, lastName } = c.snapshot.scalars;
    children.add('nameTokens', c.snapshot.id!, nameTokens(firstName, lastName));
  }
  await children.write(writer);
  return touched;
};

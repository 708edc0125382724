import { TABLE } from '../../../contracts/constants';
import { newDocumentId } from '../database/document-id';
import { nameTokens } from '../../../contracts/customer-fields';
import type { PlannedCustomer } from './plan';
import type { ScalarField } from './row-to-customer';
import { SCALAR_COLUMNS } from './snapshots';
import type { BatchWriter } from './writers';

/** Every scalar column, null where the customer has no value (one shape for all new rows). */
const columnsOf = (scalars: PlannedCustomer['snapshot']['scalars'], fields?: Set<string>) => {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(SCALAR_COLUMNS) as [ScalarField, string][]) {
    if (fields && !fields.has(field)) continue;
    row[column] = scalars[field] ?? null;
  }
  return row;
};

/**
 * Writes a planned batch: new customers with all their values, and for existing ones only
 * what the plan fills or adds. Returns the ids of the customers it changed.
 */
export const writeBatch = async (writer: BatchWriter, customers: PlannedCustomer[], now: Date) => {
  const fresh = customers.filter((c) => c.isNew);
  const ids = await writer.insertCustomers(
    fresh.map((c) => ({
      ...columnsOf(c.snapshot.scalars),
      document_id: newDocumentId(),
      source: 'import',
      created_at: now,
      updated_at: now,
    }))
  );
  fresh.forEach((c, i) => (c.snapshot.id = ids[i]));

  const children: Record<string, Record<string, unknown>[]> = {
    [TABLE.emails]: [],
    [TABLE.phones]: [],
    [TABLE.tags]: [],
    [TABLE.terms]: [],
    [TABLE.nameTokens]: [],
  };
  const touched: number[] = [];
  const renamed: PlannedCustomer[] = [];
  for (const c of customers) {
    if (!c.isNew && c.changed.size === 0) continue;
    const id = c.snapshot.id!;
    touched.push(id);
    if (c.isNew) {
      [...c.snapshot.emails].forEach((email, position) =>
        children[TABLE.emails].push({ customer_id: id, email, normalized: email, position })
      );
    } else {
      const scalars = [...c.changed].filter((f) => f in SCALAR_COLUMNS);
      if (scalars.length > 0) {
        await writer.updateCustomer(id, {
          ...columnsOf(c.snapshot.scalars, new Set(scalars)),
          updated_at: now,
        });
      }
      if (c.changed.has('firstName') || c.changed.has('lastName')) renamed.push(c);
    }
    const phoneBase = c.isNew ? 0 : c.snapshot.phones.size - c.addPhones.length;
    c.addPhones.forEach((phone, i) =>
      children[TABLE.phones].push({ customer_id: id, phone, position: phoneBase + i })
    );
    c.addTags.forEach((tag) => children[TABLE.tags].push({ customer_id: id, tag }));
    c.addTerms.forEach((t) =>
      children[TABLE.terms].push({ customer_id: id, term_id: t.termId, given_at: t.givenAt })
    );
    if (c.isNew) renamed.push(c);
  }
  await writer.deleteWhereIn(
    TABLE.nameTokens,
    'customer_id',
    renamed.filter((c) => !c.isNew).map((c) => c.snapshot.id!)
  );
  for (const c of renamed) {
    nameTokens(c.snapshot.scalars.firstName, c.snapshot.scalars.lastName).forEach((token) =>
      children[TABLE.nameTokens].push({ customer_id: c.snapshot.id, token })
    );
  }
  for (const [table, rows] of Object.entries(children)) await writer.insert(table, rows);
  return touched;
};

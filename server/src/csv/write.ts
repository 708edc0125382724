import type { Knex } from 'knex';
import { createId } from '@paralleldrive/cuid2';
import { TABLE } from '../../../contracts/constants';
import { nameTokens } from '../../../contracts/customer-fields';
import { BATCH } from '../database/bulk-insert';
import type { PlannedCustomer } from './plan';
import type { ScalarField } from './row-to-customer';
import { SCALAR_COLUMNS } from './snapshots';

const insertAll = async (trx: Knex.Transaction, table: string, rows: Record<string, unknown>[]) => {
  for (let i = 0; i < rows.length; i += BATCH) await trx(table).insert(rows.slice(i, i + BATCH));
};

const columnsOf = (scalars: PlannedCustomer['snapshot']['scalars'], fields?: Set<string>) => {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(SCALAR_COLUMNS) as [ScalarField, string][]) {
    if (fields && !fields.has(field)) continue;
    const value = scalars[field];
    if (value !== undefined && value !== null) row[column] = value;
  }
  return row;
};

/**
 * Writes a planned batch inside the caller's transaction: new customers with all their values,
 * and for existing ones only what the plan fills or adds. Set-based: a few statements per
 * table, one UPDATE per changed existing customer. Returns the ids of every customer touched.
 */
export const writeBatch = async (
  trx: Knex.Transaction,
  customers: PlannedCustomer[],
  now: Date
) => {
  const touched: number[] = [];
  const fresh = customers.filter((c) => c.isNew);
  for (let i = 0; i < fresh.length; i += BATCH) {
    const part = fresh.slice(i, i + BATCH);
    const rows = part.map((c) => ({
      ...columnsOf(c.snapshot.scalars),
      document_id: createId(),
      source: 'import',
      created_at: now,
      updated_at: now,
    }));
    const inserted: { id: number; document_id: string }[] = await trx(TABLE.customers)
      .insert(rows)
      .returning(['id', 'document_id']);
    const idOf = new Map(inserted.map((r) => [r.document_id, r.id]));
    part.forEach((c, index) => (c.snapshot.id = idOf.get(rows[index].document_id)!));
  }
  const children: Record<string, Record<string, unknown>[]> = {
    [TABLE.emails]: [],
    [TABLE.phones]: [],
    [TABLE.tags]: [],
    [TABLE.terms]: [],
    [TABLE.nameTokens]: [],
  };
  const retokenize: number[] = [];
  for (const c of customers) {
    const id = c.snapshot.id!;
    if (!c.isNew && c.changed.size === 0) continue;
    touched.push(id);
    if (c.isNew) {
      [...c.snapshot.emails].forEach((email, position) =>
        children[TABLE.emails].push({ customer_id: id, email, normalized: email, position })
      );
    } else if (c.changed.size > 0) {
      const update = columnsOf(c.snapshot.scalars, c.changed);
      await trx(TABLE.customers)
        .where('id', id)
        .update({ ...update, updated_at: now });
      if (c.changed.has('firstName') || c.changed.has('lastName')) retokenize.push(id);
    }
    const phoneBase = c.isNew ? 0 : c.snapshot.phones.size - c.addPhones.length;
    c.addPhones.forEach((phone, i) =>
      children[TABLE.phones].push({ customer_id: id, phone, position: phoneBase + i })
    );
    c.addTags.forEach((tag) => children[TABLE.tags].push({ customer_id: id, tag }));
    c.addTerms.forEach((t) =>
      children[TABLE.terms].push({ customer_id: id, term_id: t.termId, given_at: t.givenAt })
    );
    if (c.isNew) {
      nameTokens(c.snapshot.scalars.firstName, c.snapshot.scalars.lastName).forEach((token) =>
        children[TABLE.nameTokens].push({ customer_id: id, token })
      );
    }
  }
  if (retokenize.length > 0) {
    await trx(TABLE.nameTokens).whereIn('customer_id', retokenize).delete();
    for (const c of customers.filter((x) => retokenize.includes(x.snapshot.id!))) {
      nameTokens(c.snapshot.scalars.firstName, c.snapshot.scalars.lastName).forEach((token) =>
        children[TABLE.nameTokens].push({ customer_id: c.snapshot.id, token })
      );
    }
  }
  for (const [table, rows] of Object.entries(children)) await insertAll(trx, table, rows);
  return touched;
};

import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { PROFILE_COLUMNS } from '../database/customer-columns';
import { toDateOnly } from '../utils/dates';
import type { CustomerSnapshot } from './merge';
import type { ScalarField } from './row-to-customer';

/** Stored column of each single-valued import field. */
export const SCALAR_COLUMNS: Record<ScalarField, string> = PROFILE_COLUMNS;

/** The customers holding these (normalised) emails: email -> customer id. */
export const ownersOfEmails = async (knex: Knex, emails: string[]) => {
  const owners = new Map<string, number>();
  if (emails.length === 0) return owners;
  const rows: { normalized: string; customer_id: number }[] = await knex(TABLE.emails)
    .select('normalized', 'customer_id')
    .whereIn('normalized', emails);
  rows.forEach((r) => owners.set(r.normalized, r.customer_id));
  return owners;
};

/** What the import needs of some stored customers: one query per table. */
export const loadSnapshots = async (knex: Knex, ids: number[]) => {
  const snapshots = new Map<number, CustomerSnapshot>();
  if (ids.length === 0) return snapshots;
  const [rows, phones, tags, terms] = await Promise.all([
    knex(TABLE.customers)
      .select('id', ...Object.values(SCALAR_COLUMNS))
      .whereIn('id', ids),
    knex(TABLE.phones).select('customer_id', 'phone').whereIn('customer_id', ids),
    knex(TABLE.tags).select('customer_id', 'tag').whereIn('customer_id', ids),
    knex(TABLE.terms).select('customer_id', 'term_id', 'given_at').whereIn('customer_id', ids),
  ]);
  for (const row of rows) {
    const scalars: CustomerSnapshot['scalars'] = {};
    for (const [field, column] of Object.entries(SCALAR_COLUMNS) as [ScalarField, string][]) {
      scalars[field] = column === 'date_of_birth' ? toDateOnly(row[column]) : row[column];
    }
    snapshots.set(row.id, {
      id: row.id,
      scalars,
      emails: new Set(),
      phones: new Set(),
      tags: new Set(),
      terms: new Map(),
    });
  }
  phones.forEach((r: { customer_id: number; phone: string }) =>
    snapshots.get(r.customer_id)?.phones.add(r.phone)
  );
  tags.forEach((r: { customer_id: number; tag: string }) =>
    snapshots.get(r.customer_id)?.tags.add(r.tag)
  );
  terms.forEach((r: { customer_id: number; term_id: string; given_at: unknown }) =>
    snapshots.get(r.customer_id)?.terms.set(r.term_id, toDateOnly(r.given_at)!)
  );
  return snapshots;
};

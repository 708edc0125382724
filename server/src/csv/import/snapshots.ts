import type { Knex } from 'knex';
import { TABLE } from '../../../../contracts/constants';
import { CUSTOMER_FIELDS } from '../../../../contracts/customer-schema';
import { PROFILE_COLUMNS } from '../../database/customer-columns';
import { selectWhereIn } from '../../database/where-in';
import { toDateOnly } from '../../utils/dates';
import type { CustomerSnapshot } from './merge';
import type { ScalarField } from './row-to-customer';

/** Stored column of each single-valued import field. */
export const SCALAR_COLUMNS: Record<ScalarField, string> = PROFILE_COLUMNS;

/** The customers holding these (normalised) emails: email -> customer id. */
export const ownersOfEmails = async (knex: Knex, emails: string[]) => {
  const owners = new Map<string, number>();
  const rows = await selectWhereIn<{ normalized: string; customer_id: number }>(
    knex,
    TABLE.emails,
    ['normalized', 'customer_id'],
    'normalized',
    emails
  );
  rows.forEach((r) => owners.set(r.normalized, r.customer_id));
  return owners;
};

/** The customers of these documentIds (an export's customer_id): documentId -> customer id. */
export const customersOfDocumentIds = async (knex: Knex, documentIds: string[]) => {
  const customers = new Map<string, number>();
  const rows = await selectWhereIn<{ id: number; document_id: string }>(
    knex,
    TABLE.customers,
    ['id', 'document_id'],
    'document_id',
    documentIds
  );
  rows.forEach((r) => customers.set(r.document_id, r.id));
  return customers;
};

/**
 * What the import needs of some stored customers: one query per table. Their emails are loaded
 * only for `withEmails` (customers named by customer_id, to whom a row may add one).
 */
export const loadSnapshots = async (knex: Knex, ids: number[], withEmails: number[] = []) => {
  const snapshots = new Map<number, CustomerSnapshot>();
  if (ids.length === 0) return snapshots;
  const rows = await selectWhereIn<Record<string, any>>(
    knex,
    TABLE.customers,
    ['id', 'anonymized_at', ...Object.values(SCALAR_COLUMNS)],
    'id',
    ids
  );
  const [emails, phones, tags, terms] = await Promise.all([
    selectWhereIn<{ customer_id: number; normalized: string }>(
      knex,
      TABLE.emails,
      ['customer_id', 'normalized'],
      'customer_id',
      withEmails
    ),
    selectWhereIn<{ customer_id: number; phone: string }>(
      knex,
      TABLE.phones,
      ['customer_id', 'phone'],
      'customer_id',
      ids
    ),
    selectWhereIn<{ customer_id: number; tag: string }>(
      knex,
      TABLE.tags,
      ['customer_id', 'tag'],
      'customer_id',
      ids
    ),
    selectWhereIn<{ customer_id: number; term_id: string; given_at: unknown }>(
      knex,
      TABLE.terms,
      ['customer_id', 'term_id', 'given_at'],
      'customer_id',
      ids
    ),
  ]);
  for (const row of rows) {
    const scalars: CustomerSnapshot['scalars'] = {};
    for (const [field, column] of Object.entries(SCALAR_COLUMNS) as [ScalarField, string][]) {
      scalars[field] =
        CUSTOMER_FIELDS[field].kind === 'date' ? toDateOnly(row[column]) : row[column];
    }
    snapshots.set(row.id, {
      id: row.id,
      anonymized: row.anonymized_at !== null && row.anonymized_at !== undefined,
      scalars,
      emails: new Set(),
      phones: new Set(),
      tags: new Set(),
      terms: new Map(),
    });
  }
  emails.forEach((r) => snapshots.get(r.customer_id)?.emails.add(r.normalized));
  phones.forEach((r) => snapshots.get(r.customer_id)?.phones.add(r.phone));
  tags.forEach((r) => snapshots.get(r.customer_id)?.tags.add(r.tag.toLowerCase()));
  terms.forEach((r) =>
    snapshots.get(r.customer_id)?.terms.set(r.term_id.toLowerCase(), toDateOnly(r.given_at)!)
  );
  return snapshots;
};

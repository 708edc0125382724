import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { PROFILE_COLUMNS } from './customer-columns';

export type CustomerRef = { id: number; documentId: string };
/** A customer a visitor id names; `anonymous`: nothing in it says who the person is. */
export type VisitorCustomer = CustomerRef & { anonymous: boolean };

/**
 * An anonymous profile holds no email, phone or profile field and was not anonymized: only
 * what a browser did. Anything else is a known person, whom a public call never merges.
 */
const ANONYMOUS_SQL = `CASE WHEN ${Object.values(PROFILE_COLUMNS)
  .map((column) => `c.${column} IS NULL`)
  .join(' AND ')} AND c.anonymized_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM ${TABLE.emails} e WHERE e.customer_id = c.id)
  AND NOT EXISTS (SELECT 1 FROM ${TABLE.phones} p WHERE p.customer_id = c.id)
  THEN 1 ELSE 0 END`;

/** The customer a visitor id names (the visitor-ids table only), or null. */
export const customerOfVisitor = async (
  knex: Knex | Knex.Transaction,
  visitorId: string
): Promise<VisitorCustomer | null> => {
  const row = await knex(`${TABLE.visitorIds} as v`)
    .join(`${TABLE.customers} as c`, 'c.id', 'v.customer_id')
    .where('v.visitor_id', visitorId)
    .select('c.id', 'c.document_id', knex.raw(`${ANONYMOUS_SQL} as anonymous`))
    .first();
  if (!row) return null;
  return {
    id: Number(row.id),
    documentId: row.document_id,
    anonymous: Number(row.anonymous) === 1,
  };
};

/** A customer named by documentId or, failing that, reference id: for trusted callers only. */
export const customerByRef = async (
  knex: Knex | Knex.Transaction,
  ref: string
): Promise<CustomerRef | null> => {
  const rows = await knex(TABLE.customers)
    .select('id', 'document_id', 'reference_id')
    .where('document_id', ref)
    .orWhere('reference_id', ref)
    .orderBy('id')
    .limit(5);
  const row = rows.find((r) => r.document_id === ref) ?? rows[0];
  return row ? { id: Number(row.id), documentId: row.document_id } : null;
};

/** The customer holding this (normalized) email, or null. */
export const customerOfEmail = async (
  knex: Knex | Knex.Transaction,
  email: string
): Promise<CustomerRef | null> => {
  const row = await knex(`${TABLE.emails} as e`)
    .join(`${TABLE.customers} as c`, 'c.id', 'e.customer_id')
    .where('e.normalized', email.toLowerCase())
    .select('c.id', 'c.document_id')
    .first();
  return row ? { id: Number(row.id), documentId: row.document_id } : null;
};

/** Points a visitor id at a customer: a new row, or the existing one moved. */
export const pointVisitor = async (
  knex: Knex | Knex.Transaction,
  visitorId: string,
  customerId: number
) => {
  const moved = await knex(TABLE.visitorIds)
    .where('visitor_id', visitorId)
    .update({ customer_id: customerId });
  if (Number(moved) === 0)
    await knex(TABLE.visitorIds).insert({
      customer_id: customerId,
      visitor_id: visitorId,
      created_at: new Date(),
    });
};

/** The customer with this reference id (not a documentId), or null. */
export const customerOfReference = async (
  knex: Knex | Knex.Transaction,
  referenceId: string
): Promise<CustomerRef | null> => {
  const row = await knex(TABLE.customers)
    .select('id', 'document_id')
    .where('reference_id', referenceId.trim())
    .orderBy('id')
    .first();
  return row ? { id: Number(row.id), documentId: row.document_id } : null;
};

import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';

/** The multi-valued fields of a customer, normalised, as the child tables hold them. */
export interface CustomerChildren {
  emails?: string[];
  phones?: string[];
  tags?: string[];
  subscriptions?: { subscription: string; subscribedAt?: string | null }[];
  terms?: { termId: string; givenAt: string }[];
  visitorIds?: string[];
  /** Words of the name, for search (see nameTokens). */
  nameTokens?: string[];
}

const rowsFor = (
  customerId: number,
  now: Date,
  children: CustomerChildren
): Record<string, Record<string, unknown>[]> => ({
  [TABLE.emails]: (children.emails ?? []).map((email, position) => ({
    customer_id: customerId,
    email,
    normalized: email.toLowerCase(),
    position,
  })),
  [TABLE.phones]: (children.phones ?? []).map((phone, position) => ({
    customer_id: customerId,
    phone,
    position,
  })),
  [TABLE.tags]: (children.tags ?? []).map((tag) => ({ customer_id: customerId, tag })),
  [TABLE.subscriptions]: (children.subscriptions ?? []).map((s) => ({
    customer_id: customerId,
    subscription: s.subscription,
    subscribed_at: s.subscribedAt ? new Date(s.subscribedAt) : now,
  })),
  [TABLE.terms]: (children.terms ?? []).map((t) => ({
    customer_id: customerId,
    term_id: t.termId,
    given_at: t.givenAt,
  })),
  [TABLE.visitorIds]: (children.visitorIds ?? []).map((visitorId) => ({
    customer_id: customerId,
    visitor_id: visitorId,
    created_at: now,
  })),
  [TABLE.nameTokens]: (children.nameTokens ?? []).map((token) => ({
    customer_id: customerId,
    token,
  })),
});

const FIELD_TABLE: Record<keyof CustomerChildren, string> = {
  emails: TABLE.emails,
  phones: TABLE.phones,
  tags: TABLE.tags,
  subscriptions: TABLE.subscriptions,
  terms: TABLE.terms,
  visitorIds: TABLE.visitorIds,
  nameTokens: TABLE.nameTokens,
};

/**
 * Replaces the given multi-valued fields of one customer (fields left undefined are kept).
 * Runs inside the caller's transaction.
 */
export const replaceChildren = async (
  trx: Knex.Transaction,
  customerId: number,
  children: CustomerChildren
) => {
  const rows = rowsFor(customerId, new Date(), children);
  for (const field of Object.keys(FIELD_TABLE) as (keyof CustomerChildren)[]) {
    if (children[field] === undefined) continue;
    const table = FIELD_TABLE[field];
    await trx(table).where({ customer_id: customerId }).delete();
    if (rows[table].length > 0) await trx(table).insert(rows[table]);
  }
};

/** Customer ids (other than `exceptId`) that already hold one of these emails. */
export const emailOwners = async (
  knex: Knex | Knex.Transaction,
  emails: string[],
  exceptId?: number
): Promise<{ email: string; customerId: number }[]> => {
  if (emails.length === 0) return [];
  const query = knex(TABLE.emails)
    .select('normalized as email', 'customer_id as customerId')
    .whereIn(
      'normalized',
      emails.map((e) => e.toLowerCase())
    );
  if (exceptId !== undefined) query.whereNot('customer_id', exceptId);
  return query;
};

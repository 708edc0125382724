import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';

/** Every table holding rows of a customer, children first. */
export const CUSTOMER_TABLES = [
  TABLE.events,
  TABLE.memberships,
  TABLE.emails,
  TABLE.phones,
  TABLE.visitorIds,
  TABLE.tags,
  TABLE.subscriptions,
  TABLE.terms,
  TABLE.nameTokens,
  // A/B assignments reference the customer too: PostgreSQL refuses to TRUNCATE customers alone.
  TABLE.abAssignments,
] as const;

/**
 * Deletes customers and everything they own, inside the caller's transaction. The children are
 * deleted explicitly (not left to ON DELETE CASCADE) so the result does not depend on whether
 * the engine enforces foreign keys.
 */
export const deleteCustomerRows = async (trx: Knex.Transaction, ids: number[]) => {
  if (ids.length === 0) return 0;
  for (const table of CUSTOMER_TABLES) await trx(table).whereIn('customer_id', ids).delete();
  return trx(TABLE.customers).whereIn('id', ids).delete();
};

/**
 * Deletes every customer with all their rows: whole-table statements (TRUNCATE on
 * PostgreSQL, an unqualified DELETE on SQLite), one transaction. Returns how many there were.
 */
export const deleteAllCustomerRows = async (knex: Knex, client: string) =>
  knex.transaction(async (trx) => {
    const [{ n }] = await trx(TABLE.customers).count({ n: '*' });
    if (client === 'postgres') {
      await trx.raw(
        `TRUNCATE ${[...CUSTOMER_TABLES, TABLE.customers].map(() => '??').join(', ')}`,
        [...CUSTOMER_TABLES, TABLE.customers]
      );
    } else {
      for (const table of CUSTOMER_TABLES) await trx(table).delete();
      await trx(TABLE.customers).delete();
    }
    return Number(n);
  });

/** Sets the member count of the given segments (default: all) from their membership rows. */
export const refreshMemberCounts = (knex: Knex, segmentIds?: number[]) => {
  const query = knex(TABLE.segments).update({
    member_count: knex(TABLE.memberships)
      .count('*')
      .where('segment_id', knex.ref(`${TABLE.segments}.id`)),
  });
  return segmentIds ? query.whereIn('id', segmentIds) : query;
};

/** The segments (row ids) some customers are members of. */
export const segmentsOf = async (knex: Knex, customerIds: number[]): Promise<number[]> =>
  (await knex(TABLE.memberships).distinct('segment_id').whereIn('customer_id', customerIds)).map(
    (r: { segment_id: number }) => r.segment_id
  );

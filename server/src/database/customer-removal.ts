import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { CHILD_TABLES } from '../../../contracts/customer-schema';
import { deleteFailedRows, failedLinesNaming, failedRowsOf } from './import-error-contacts';
import { isPostgres, isSqlite } from './prepared';

/** Every table holding rows of a customer, children first. */
export const CUSTOMER_TABLES = [
  TABLE.events,
  TABLE.memberships,
  ...CHILD_TABLES,
  // A/B assignments reference the customer too: PostgreSQL refuses to TRUNCATE customers alone.
  TABLE.abAssignments,
] as const;

/**
 * Keeps of a customer's events what engagement metrics need (type, item, time, campaign) and
 * drops what can identify: the URLs' query strings and fragments, referrers and metadata. One
 * statement for all of the customer's events: the URL is cut before its first `?` or `#`.
 */
export const stripEventDetails = (knex: Knex, customerId: number) => {
  // The characters by code: knex reads a ? in raw SQL as a binding, quoted or not.
  const [find, smaller, char] = isPostgres(knex)
    ? ['strpos', 'least', 'chr']
    : ['instr', 'min', 'char'];
  const at = (code: number) => `${find}(url || ${char}(${code}), ${char}(${code}))`;
  return knex(TABLE.events)
    .where('customer_id', customerId)
    .update({
      url: knex.raw(`substr(url, 1, ${smaller}(${at(63)}, ${at(35)}) - 1)`),
      referrer: null,
      metadata: null,
    });
};

/** The normalized emails and phone numbers of some customers, as one subquery. */
const contactsOfCustomers = (knex: Knex, ids: number[]) =>
  knex(TABLE.emails)
    .select('normalized as contact')
    .whereIn('customer_id', ids)
    .union((q) => q.select('phone').from(TABLE.phones).whereIn('customer_id', ids));

/** The failed import rows that name any of these emails or phone numbers. */
export const importErrorsAbout = async (knex: Knex, emails: string[], phones: string[]) =>
  failedRowsOf(
    knex,
    await failedLinesNaming(knex, [...emails.map((e) => e.toLowerCase()), ...phones])
  );

/** Dry-run import rows (which no customer owns) naming any of these emails (a list or subquery). */
const dryRunRowsNaming = (knex: Knex, emails: string[] | Knex.QueryBuilder) =>
  knex(TABLE.importRows)
    .whereNull('customer_id')
    .whereIn(knex.raw('LOWER(email)') as unknown as string, emails);

/**
 * Deletes the failed import rows naming any of these emails or phone numbers, and the dry-run
 * import rows naming the emails (anonymization: the person is forgotten, the customer stays).
 */
export const deleteImportRecordsAbout = async (knex: Knex, emails: string[], phones: string[]) => {
  const lowered = emails.map((e) => e.toLowerCase());
  await deleteFailedRows(knex, await failedLinesNaming(knex, [...lowered, ...phones]));
  if (lowered.length > 0) await dryRunRowsNaming(knex, lowered).delete();
};

/**
 * Deletes customers and everything the plugin holds about them, inside the caller's
 * transaction: their child rows (explicitly, not left to ON DELETE CASCADE, so the result does
 * not depend on whether the engine enforces foreign keys), the import rows that created or
 * updated them or (in a dry run) name their emails, the merges into them (which keep the
 * merged-away profile's emails), and the failed import rows that name their emails or phone
 * numbers. The failed rows are found through the index of whom they name, whatever the number
 * of customers: no expression is built per person.
 */
export const deleteCustomerRows = async (trx: Knex.Transaction, ids: number[]) => {
  if (ids.length === 0) return 0;
  const knex = trx as unknown as Knex;
  await deleteFailedRows(knex, await failedLinesNaming(knex, contactsOfCustomers(knex, ids)));
  await dryRunRowsNaming(
    knex,
    trx(TABLE.emails).select('normalized').whereIn('customer_id', ids)
  ).delete();
  for (const table of CUSTOMER_TABLES) await trx(table).whereIn('customer_id', ids).delete();
  await trx(TABLE.importRows).whereIn('customer_id', ids).delete();
  await trx(TABLE.merges).whereIn('main_customer_id', ids).delete();
  return trx(TABLE.customers).whereIn('id', ids).delete();
};

/**
 * Records about people that outlive no customer: with every customer gone, the merges into them
 * and the failed import rows (which may name any of them) go too, and so do all import rows
 * (those of dry runs name people by email).
 */
const PERSONAL_RECORDS = [
  TABLE.merges,
  TABLE.importErrors,
  TABLE.importErrorContacts,
  TABLE.importRows,
] as const;

/** The part of better-sqlite3's connection used to empty the tables. */
interface SqliteConnection {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): { get(): any };
}

/**
 * Empties the customer tables on SQLite in one transaction, with foreign keys off meanwhile:
 * a DELETE without WHERE then drops each table's pages at once (SQLite's truncate
 * optimization), where with foreign keys on it deletes a parent table row by row and probes
 * every child table for each (305 s at 1M customers). Every table that refers to customers is
 * emptied in the same transaction, so no reference is left dangling. The pragma only takes
 * effect outside a transaction, hence the raw connection.
 */
const emptySqliteTables = async (knex: Knex) => {
  const db = (await knex.client.acquireConnection()) as SqliteConnection;
  try {
    db.pragma('foreign_keys = OFF');
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const { n } = db.prepare(`SELECT COUNT(*) AS n FROM "${TABLE.customers}"`).get();
        for (const table of [...CUSTOMER_TABLES, TABLE.customers, ...PERSONAL_RECORDS])
          db.exec(`DELETE FROM "${table}"`);
        db.exec('COMMIT');
        return Number(n);
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      db.pragma('foreign_keys = ON');
    }
  } finally {
    await knex.client.releaseConnection(db);
  }
};

/**
 * Deletes every customer with all their rows: whole-table statements (TRUNCATE on
 * PostgreSQL, unqualified DELETEs on SQLite), one transaction. Returns how many there were.
 */
export const deleteAllCustomerRows = async (knex: Knex) => {
  if (isSqlite(knex)) return emptySqliteTables(knex);
  return knex.transaction(async (trx) => {
    const [{ n }] = await trx(TABLE.customers).count({ n: '*' });
    const tables = [...CUSTOMER_TABLES, TABLE.customers, ...PERSONAL_RECORDS];
    await trx.raw(`TRUNCATE ${tables.map(() => '??').join(', ')}`, tables);
    return Number(n);
  });
};

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

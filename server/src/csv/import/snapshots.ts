import type { Knex } from 'knex';
import { TABLE } from '../../../../contracts/constants';
import { CUSTOMER_FIELDS } from '../../../../contracts/customer-schema';
import type { PgClient } from '../../database/bulk-insert';
import { PROFILE_COLUMNS } from '../../database/customer-columns';
import {
  isPostgres,
  sqliteStatement,
  withConnection,
  type SqliteConnection,
} from '../../database/prepared';
import { toDateOnly } from '../../utils/dates';
import type { CustomerSnapshot } from './merge';
import type { ScalarField } from './row-to-customer';

/** Stored column of each single-valued import field. */
export const SCALAR_COLUMNS: Record<ScalarField, string> = PROFILE_COLUMNS;

/**
 * `SELECT columns FROM table WHERE key IN (values)` with the values bound as one parameter (a
 * JSON array on SQLite, an array on PostgreSQL): the same statement text for any number of
 * values, prepared once per connection, where knex's `whereIn` built and bound one placeholder
 * per value (thousands a batch).
 */
const selectWhereIn = async <T>(
  knex: Knex,
  table: string,
  columns: readonly string[],
  key: string,
  values: (string | number)[]
): Promise<T[]> => {
  if (values.length === 0) return [];
  const list = columns.map((c) => `"${c}"`).join(', ');
  if (isPostgres(knex)) {
    const type = typeof values[0] === 'number' ? 'integer' : 'text';
    return withConnection(knex, async (conn: PgClient) => {
      const text = `SELECT ${list} FROM "${table}" WHERE "${key}" = ANY($1::${type}[])`;
      return (await conn.query(text, [values])).rows as T[];
    });
  }
  return withConnection(
    knex,
    (conn: SqliteConnection) =>
      sqliteStatement(
        conn,
        `SELECT ${list} FROM "${table}" WHERE "${key}" IN (SELECT value FROM json_each(?))`
      ).all([JSON.stringify(values)]) as T[]
  );
};

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

/** What the import needs of some stored customers: one query per table. */
export const loadSnapshots = async (knex: Knex, ids: number[]) => {
  const snapshots = new Map<number, CustomerSnapshot>();
  if (ids.length === 0) return snapshots;
  const rows = await selectWhereIn<Record<string, any>>(
    knex,
    TABLE.customers,
    ['id', ...Object.values(SCALAR_COLUMNS)],
    'id',
    ids
  );
  const [phones, tags, terms] = await Promise.all([
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
      scalars,
      emails: new Set(),
      phones: new Set(),
      tags: new Set(),
      terms: new Map(),
    });
  }
  phones.forEach((r) => snapshots.get(r.customer_id)?.phones.add(r.phone));
  tags.forEach((r) => snapshots.get(r.customer_id)?.tags.add(r.tag.toLowerCase()));
  terms.forEach((r) =>
    snapshots.get(r.customer_id)?.terms.set(r.term_id.toLowerCase(), toDateOnly(r.given_at)!)
  );
  return snapshots;
};

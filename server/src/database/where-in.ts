import type { Knex } from 'knex';
import type { PgClient } from './bulk-insert';
import { isPostgres, sqliteStatement, withConnection, type SqliteConnection } from './prepared';

/**
 * `SELECT columns FROM table WHERE key IN (values)` with the values bound as one parameter (a
 * JSON array on SQLite, an array on PostgreSQL): the same statement text for any number of
 * values, prepared once per connection, where knex's `whereIn` built and bound one placeholder
 * per value (thousands a batch).
 */
export const selectWhereIn = async <T>(
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

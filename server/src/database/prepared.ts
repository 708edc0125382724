import { createHash } from 'crypto';
import type { Knex } from 'knex';

/** The rows of a raw query on either engine (pg answers `{ rows }`, better-sqlite3 an array). */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

const isPostgres = (knex: Knex) => /^(pg|postgres)/.test(String(knex.client.config.client));

/** PostgreSQL's statement text (`$1`, `$2` ...) for a knex `?` query, by that query. */
const nativeText = new Map<string, { text: string; name: string }>();

/**
 * Runs a query that is run again and again with other values (the per-customer segment
 * queries) as a named prepared statement on PostgreSQL: each connection parses and plans it
 * once instead of on every run, which for a union of 20 rule trees is most of its time.
 * SQLite (better-sqlite3 caches nothing across knex calls, but plans in microseconds) and
 * queries inside a transaction go through knex as usual.
 */
export const queryPrepared = async <T>(
  knex: Knex,
  sql: string,
  bindings: Knex.Value[]
): Promise<T[]> => {
  if (!isPostgres(knex) || knex.isTransaction) return rowsOf<T>(await knex.raw(sql, bindings));
  let statement = nativeText.get(sql);
  if (!statement) {
    const text = knex.raw(sql, bindings).toSQL().toNative().sql;
    statement = { text, name: `segments_${createHash('sha1').update(text).digest('hex')}` };
    if (nativeText.size > 500) nativeText.clear();
    nativeText.set(sql, statement);
  }
  const client = knex.client as Knex.Client & {
    acquireConnection(): Promise<{ query: (q: object) => Promise<{ rows: T[] }> }>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    return (
      await connection.query({ name: statement.name, text: statement.text, values: bindings })
    ).rows;
  } finally {
    await client.releaseConnection(connection);
  }
};

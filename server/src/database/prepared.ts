import { createHash } from 'crypto';
import type { Knex } from 'knex';

/** The rows of a raw query on either engine (pg answers `{ rows }`, better-sqlite3 an array). */
export const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/** Which engine is behind `knex`: only files of database/ (and csv/) ask. */
export const isPostgres = (knex: Knex) => /^(pg|postgres)/.test(String(knex.client.config.client));
export const isSqlite = (knex: Knex) => /sqlite/.test(String(knex.client.config.client));

/** PostgreSQL's statement text (`$1`, `$2` ...) for a knex `?` query, by that query. */
const nativeText = new Map<string, { text: string; name: string }>();

export interface SqliteStatement {
  reader: boolean;
  all(bindings: unknown[]): unknown[];
  run(bindings: unknown[]): unknown;
}
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
  transaction(work: () => void): () => void;
}

/** Prepared statements per better-sqlite3 connection (knex prepares every query anew). */
const sqliteStatements = new WeakMap<object, Map<string, SqliteStatement>>();

/**
 * A value bound as knex binds it on better-sqlite3: dates as epoch milliseconds, booleans as
 * 0/1, undefined as NULL.
 */
export const sqliteValue = (value: unknown) =>
  value instanceof Date
    ? value.getTime()
    : typeof value === 'boolean'
      ? Number(value)
      : (value ?? null);

type PoolClient<C> = Knex.Client & {
  acquireConnection(): Promise<C>;
  releaseConnection(connection: C): Promise<void>;
};

/** Runs `work` on one of knex's pooled connections, then gives it back. */
export const withConnection = async <C, T>(knex: Knex, work: (connection: C) => Promise<T> | T) => {
  const client = knex.client as PoolClient<C>;
  const connection = await client.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await client.releaseConnection(connection);
  }
};

/** A statement prepared once on this better-sqlite3 connection. */
export const sqliteStatement = (connection: SqliteConnection, sql: string) => {
  let cache = sqliteStatements.get(connection);
  if (!cache) sqliteStatements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 500) cache.clear();
    statement = connection.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
};

/**
 * Runs a query that is run again and again with other values (the per-customer segment
 * queries, the tracking API's) as a prepared statement kept on the connection: on
 * PostgreSQL a named statement, parsed and planned once per connection instead of on every
 * run (for a union of 20 rule trees, most of its time); on SQLite a better-sqlite3 statement
 * kept across calls (knex prepares each query anew). Inside a transaction it goes through
 * knex as usual.
 */
export const queryPrepared = async <T>(
  knex: Knex,
  sql: string,
  bindings: Knex.Value[]
): Promise<T[]> => {
  if (knex.isTransaction) return rowsOf<T>(await knex.raw(sql, bindings));
  if (!isPostgres(knex)) {
    return withConnection(knex, (connection: SqliteConnection) => {
      const statement = sqliteStatement(connection, sql);
      const values = bindings.map(sqliteValue);
      return (statement.reader ? statement.all(values) : []) as T[];
    });
  }
  let statement = nativeText.get(sql);
  if (!statement) {
    const text = knex.raw(sql, bindings).toSQL().toNative().sql;
    statement = { text, name: `segments_${createHash('sha1').update(text).digest('hex')}` };
    if (nativeText.size > 500) nativeText.clear();
    nativeText.set(sql, statement);
  }
  const { name, text } = statement;
  return withConnection(
    knex,
    async (connection: { query: (q: object) => Promise<{ rows: T[] }> }) =>
      (await connection.query({ name, text, values: bindings })).rows
  );
};

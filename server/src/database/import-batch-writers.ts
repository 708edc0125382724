import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { postgresSink, type PgClient } from './bulk-insert';
import { sqliteStatement, sqliteValue, type SqliteConnection } from './prepared';

/** Rows as arrays of values, in the order of the columns they are written with. */
export type Rows = unknown[][];

/** The few writes an import batch makes; one implementation per driver. */
export interface BatchWriter {
  /** Inserts customer rows (`document_id` first) and returns their ids, in order. */
  insertCustomers(columns: readonly string[], rows: Rows): Promise<number[]>;
  updateCustomer(id: number, columns: Record<string, unknown>): Promise<void>;
  deleteWhereIn(table: string, column: string, values: number[]): Promise<void>;
  insert(table: string, columns: readonly string[], rows: Rows): Promise<void>;
  /** Waits for writes still in flight; the first failure is thrown here. */
  drain(): Promise<void>;
}

/**
 * Writes on the PostgreSQL connection that holds the caller's transaction: one
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)` per table and batch (no bind-parameter
 * limit, one parse and round trip), the next statement built while the server runs this one.
 */
export const postgresWriter = (conn: PgClient): BatchWriter => {
  const sink = postgresSink(conn);
  return {
    insertCustomers: (columns, rows) => sink.insertReturningIds(TABLE.customers, columns, rows),
    async updateCustomer(id, columns) {
      const names = Object.keys(columns);
      await sink.drain();
      await conn.query(
        `UPDATE "${TABLE.customers}" SET ${names.map((c, i) => `"${c}" = $${i + 1}`).join(', ')} WHERE id = $${names.length + 1}`,
        [...names.map((c) => columns[c]), id]
      );
    },
    async deleteWhereIn(table, column, values) {
      if (values.length === 0) return;
      await sink.drain();
      await conn.query(`DELETE FROM "${table}" WHERE "${column}" = ANY($1::integer[])`, [values]);
    },
    insert: (table, columns, rows) => sink.insert(table, columns, rows),
    drain: () => sink.drain(),
  };
};

/** Any other driver (tests on other engines): knex multi-row inserts through the transaction. */
export const knexWriter = (trx: Knex.Transaction): BatchWriter => {
  const objects = (columns: readonly string[], rows: Rows) =>
    rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
  const SIZE = 200;
  return {
    async insertCustomers(columns, rows) {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += SIZE) {
        const part = objects(columns, rows.slice(i, i + SIZE));
        const inserted: { id: number; document_id: string }[] = await trx(TABLE.customers)
          .insert(part)
          .returning(['id', 'document_id']);
        const idOf = new Map(inserted.map((r) => [r.document_id, r.id]));
        ids.push(...part.map((r) => idOf.get(r.document_id as string)!));
      }
      return ids;
    },
    async updateCustomer(id, columns) {
      await trx(TABLE.customers).where('id', id).update(columns);
    },
    async deleteWhereIn(table, column, values) {
      if (values.length > 0) await trx(table).whereIn(column, values).delete();
    },
    async insert(table, columns, rows) {
      for (let i = 0; i < rows.length; i += SIZE)
        await trx(table).insert(objects(columns, rows.slice(i, i + SIZE)));
    },
    drain: async () => undefined,
  };
};

/** Rows per INSERT statement on SQLite (fewer crossings into SQLite than a statement per row). */
const ROWS_PER_STATEMENT = 200;

/**
 * Writes through better-sqlite3 statements prepared once per connection, inside a transaction
 * the caller holds on it: about three times the speed of knex's multi-row inserts on SQLite
 * (see the performance notes), and no SQL built or prepared per batch.
 */
export const sqliteWriter = (db: SqliteConnection): BatchWriter => {
  /**
   * Inserts ROWS_PER_STATEMENT rows a statement, the rest one a statement (two statements per
   * table, kept), and returns the new ids in the rows' order: one statement's rows get
   * consecutive rowids, the last one minus the count before it.
   */
  const insertAll = (table: string, columns: readonly string[], rows: Rows): number[] => {
    const ids: number[] = [];
    if (rows.length === 0) return ids;
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const width = columns.length;
    const many = sqliteStatement(db, `${head}${Array(ROWS_PER_STATEMENT).fill(tuple).join(', ')}`);
    const one = sqliteStatement(db, `${head}${tuple}`);
    const params: unknown[] = new Array(width * ROWS_PER_STATEMENT);
    let i = 0;
    for (; i + ROWS_PER_STATEMENT <= rows.length; i += ROWS_PER_STATEMENT) {
      for (let r = 0; r < ROWS_PER_STATEMENT; r++) {
        const row = rows[i + r];
        for (let c = 0; c < width; c++) params[r * width + c] = sqliteValue(row[c]);
      }
      const last = Number((many.run(params) as { lastInsertRowid: number }).lastInsertRowid);
      for (let k = ROWS_PER_STATEMENT - 1; k >= 0; k--) ids.push(last - k);
    }
    for (; i < rows.length; i++) {
      const result = one.run(rows[i].map(sqliteValue)) as { lastInsertRowid: number };
      ids.push(Number(result.lastInsertRowid));
    }
    return ids;
  };
  return {
    insertCustomers: async (columns, rows) => insertAll(TABLE.customers, columns, rows),
    async updateCustomer(id, columns) {
      const names = Object.keys(columns);
      const sql = `UPDATE "${TABLE.customers}" SET ${names.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`;
      sqliteStatement(db, sql).run([...names.map((c) => sqliteValue(columns[c])), id]);
    },
    async deleteWhereIn(table, column, values) {
      const remove = sqliteStatement(db, `DELETE FROM "${table}" WHERE "${column}" = ?`);
      values.forEach((v) => remove.run([v]));
    },
    async insert(table, columns, rows) {
      insertAll(table, columns, rows);
    },
    drain: async () => undefined,
  };
};

import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import { BATCH } from '../database/bulk-insert';

/** The few writes an import batch makes; one implementation per way of talking to the DB. */
export interface BatchWriter {
  /** Inserts customer rows and returns their ids, in order. */
  insertCustomers(rows: Record<string, unknown>[]): Promise<number[]>;
  updateCustomer(id: number, columns: Record<string, unknown>): Promise<void>;
  deleteWhereIn(table: string, column: string, values: number[]): Promise<void>;
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
}

/**
 * Rows per statement through knex on PostgreSQL: as many as fit in 30,000 bound parameters
 * (its limit is 65,535), at most 2,000; one round trip and parse per statement is what costs.
 */
const pgRowsPerStatement = (rows: Record<string, unknown>[]) =>
  rows.length === 0 ? BATCH : Math.min(2000, Math.floor(30_000 / Object.keys(rows[0]).length));

/** Writes through a knex transaction (PostgreSQL): multi-row statements, `RETURNING` for new ids. */
export const knexWriter = (trx: Knex.Transaction): BatchWriter => ({
  async insertCustomers(rows) {
    const ids: number[] = [];
    const size = pgRowsPerStatement(rows);
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size);
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
  async insert(table, rows) {
    const size = pgRowsPerStatement(rows);
    for (let i = 0; i < rows.length; i += size) await trx(table).insert(rows.slice(i, i + size));
  },
});

/** The part of better-sqlite3's API the SQLite writer uses. */
export interface SqliteDatabase {
  prepare(sql: string): {
    run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
    get(...params: unknown[]): any;
  };
  exec(sql: string): void;
}

/** Rows per INSERT statement on SQLite: well under its 32,766 bound parameters. */
const ROWS_PER_STATEMENT = 100;

const sqliteValue = (value: unknown) =>
  value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value;

/**
 * Writes through better-sqlite3 prepared statements inside a transaction the caller holds on
 * the same connection: about three times the speed of knex's multi-row inserts on SQLite (see
 * the performance notes).
 */
export const sqliteWriter = (db: SqliteDatabase): BatchWriter => {
  const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  /**
   * Inserts rows that all have the keys of the first, ROWS_PER_STATEMENT to a prepared
   * statement (a statement per row spends more time crossing into SQLite than inserting), and
   * returns the new ids in the rows' order.
   */
  const insertAll = (table: string, rows: Record<string, unknown>[]): number[] => {
    if (rows.length === 0) return [];
    const columns = Object.keys(rows[0]);
    const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const part = rows.slice(i, i + ROWS_PER_STATEMENT);
      const statement = prepared(`${head}${Array(part.length).fill(tuple).join(', ')}`);
      const params: unknown[] = [];
      for (const row of part) for (const c of columns) params.push(sqliteValue(row[c]));
      // One statement's rows get consecutive rowids: the last one minus the count before it.
      const last = Number(statement.run(...params).lastInsertRowid);
      for (let k = part.length - 1; k >= 0; k--) ids.push(last - k);
    }
    return ids;
  };
  return {
    async insertCustomers(rows) {
      return insertAll(TABLE.customers, rows);
    },
    async updateCustomer(id, columns) {
      const names = Object.keys(columns);
      const sql = `UPDATE "${TABLE.customers}" SET ${names.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`;
      prepared(sql).run(...names.map((c) => sqliteValue(columns[c])), id);
    },
    async deleteWhereIn(table, column, values) {
      const remove = prepared(`DELETE FROM "${table}" WHERE "${column}" = ?`);
      values.forEach((v) => remove.run(v));
    },
    async insert(table, rows) {
      insertAll(table, rows);
    },
  };
};

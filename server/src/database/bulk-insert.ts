import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { CustomerSource, Gender } from '../../../contracts/constants';
import { nameTokens } from '../../../contracts/customer-fields';
import { CHILD_OF, COLUMN_OF, PROFILE_FIELDS } from '../../../contracts/customer-schema';
import { childRowBatch } from './customer-children';
import { documentIds } from './document-id';

/** Rows per INSERT through knex: its SQLite multi-row insert fails past 500 rows. */
export const BATCH = 200;

/**
 * Rows per chunk: one PostgreSQL statement (UNNEST of one array per column, so no bind-parameter
 * limit), or one run of prepared statements on SQLite before yielding to the event loop.
 */
const CHUNK = 5000;

/** From this many rows written into tables that held fewer, indexes are built after the load. */
const BULK_MIN = 50_000;

type Row = unknown[];

/** Where the rows go, inside the caller's transaction: one implementation per driver. */
export interface RowSink {
  insert(table: string, columns: readonly string[], rows: Row[]): Promise<void>;
  /** Inserts rows whose first column is `document_id` and returns their ids, in order. */
  insertReturningIds(table: string, columns: readonly string[], rows: Row[]): Promise<number[]>;
  /** Ends a chunk: lets other work run, and bounds what is in flight. */
  endChunk(): Promise<void>;
  /** Waits for every write still in flight; the first failure is thrown here. */
  drain(): Promise<void>;
  /** At least the number of rows in `table` (max id - min id + 1: one index probe). */
  rowBound(table: string): Promise<number>;
  /**
   * Drops the non-unique secondary indexes of the tables (and on PostgreSQL their foreign keys);
   * returns the DDL that re-creates them.
   */
  dropIndexes(tables: string[]): Promise<string[]>;
  exec(sql: string): Promise<void>;
}

/** The part of better-sqlite3's API used here. */
interface SqliteDatabase {
  prepare(sql: string): {
    run(...params: unknown[]): { lastInsertRowid: number | bigint };
    all(...params: unknown[]): any[];
    get(...params: unknown[]): any;
  };
  exec(sql: string): void;
}

/** The part of pg's Client used here. */
export interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
const columnList = (columns: readonly string[]) => columns.map(quoted).join(', ');
const boundSql = (table: string) =>
  `SELECT COALESCE(MAX(id) - MIN(id) + 1, 0) AS n FROM ${quoted(table)}`;

/**
 * Prepared statements on the raw better-sqlite3 connection, which holds the caller's open
 * transaction: no SQL built per row, about 3x knex's multi-row inserts (see the performance
 * notes). Dates are bound as epoch milliseconds and booleans as 0/1, as knex binds them.
 */
const sqliteSink = (db: SqliteDatabase): RowSink => {
  const statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  const run = (table: string, columns: readonly string[], rows: Row[]) => {
    const sql = `INSERT INTO ${quoted(table)} (${columnList(columns)}) VALUES (${columns.map(() => '?').join(', ')})`;
    let insert = statements.get(sql);
    if (!insert) statements.set(sql, (insert = db.prepare(sql)));
    return rows.map((row) => {
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        if (value instanceof Date) row[i] = value.getTime();
        else if (typeof value === 'boolean') row[i] = Number(value);
        else if (value === undefined) row[i] = null;
      }
      return insert.run(row);
    });
  };
  return {
    insert: async (table, columns, rows) => void run(table, columns, rows),
    insertReturningIds: async (table, columns, rows) =>
      run(table, columns, rows).map((r) => Number(r.lastInsertRowid)),
    endChunk: yieldToEventLoop,
    drain: async () => undefined,
    rowBound: async (table) => Number(db.prepare(boundSql(table)).get().n),
    async dropIndexes(tables) {
      const indexes: { name: string; sql: string }[] = db
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN (${tables.map(() => '?').join(', ')})`
        )
        .all(...tables);
      const plain = indexes.filter((i) => !/^\s*CREATE\s+UNIQUE\b/i.test(i.sql));
      for (const index of plain) db.exec(`DROP INDEX ${quoted(index.name)}`);
      return plain.map((i) => i.sql);
    },
    exec: async (sql) => db.exec(sql),
  };
};

/** Column types per connection and table, read once: an import asks for them every batch. */
const columnTypes = new WeakMap<PgClient, Map<string, Map<string, string>>>();

/**
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)`: one statement per chunk whatever its size,
 * the column types read from the catalog. The statements are chained, not awaited one by one,
 * so the next chunk is built while the server writes this one (two chunks in flight at most).
 */
export const postgresSink = (conn: PgClient): RowSink => {
  const types = columnTypes.get(conn) ?? new Map<string, Map<string, string>>();
  columnTypes.set(conn, types);
  let tail: Promise<unknown> = Promise.resolve();
  let previous: Promise<unknown>[] = [];
  let current: Promise<unknown>[] = [];
  /** Every statement goes through this chain: pg is never handed a second query at once. */
  const query = (text: string, values?: unknown[]) => {
    const result = tail.then(() => conn.query(text, values));
    tail = result.catch(() => undefined); // a failure is thrown by drain(), and by those after
    return result;
  };
  const send = (text: string, values: unknown[]) => {
    const result = query(text, values);
    current.push(result);
    return result;
  };
  const typesOf = async (table: string) => {
    let columns = types.get(table);
    if (!columns) {
      const { rows } = await query(
        `SELECT attname AS name, format_type(atttypid, NULL) AS type FROM pg_attribute
         WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        [quoted(table)]
      );
      columns = new Map(rows.map((r: { name: string; type: string }) => [r.name, r.type]));
      types.set(table, columns);
    }
    return columns;
  };
  const statement = async (table: string, columns: readonly string[], rows: Row[]) => {
    const known = await typesOf(table);
    const arrays = columns.map((column, i) => {
      if (!known.has(column)) throw new Error(`${table} has no column ${column}`);
      return rows.map((row) => row[i] ?? null);
    });
    const unnest = columns.map((c, i) => `$${i + 1}::${known.get(c)}[]`).join(', ');
    const text = `INSERT INTO ${quoted(table)} (${columnList(columns)}) SELECT * FROM unnest(${unnest})`;
    return { text, arrays };
  };
  const settle = async (promises: Promise<unknown>[]) => void (await Promise.all(promises));
  return {
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const { text, arrays } = await statement(table, columns, rows);
      void send(text, arrays);
    },
    async insertReturningIds(table, columns, rows) {
      if (rows.length === 0) return [];
      const { text, arrays } = await statement(table, columns, rows);
      const { rows: inserted } = await send(`${text} RETURNING id, document_id`, arrays);
      const idOf = new Map(
        inserted.map((r: { id: number; document_id: string }) => [r.document_id, r.id])
      );
      return rows.map((row) => Number(idOf.get(row[0] as string)));
    },
    async endChunk() {
      await settle(previous);
      previous = current;
      current = [];
    },
    async drain() {
      const all = [...previous, ...current];
      previous = [];
      current = [];
      await settle(all);
    },
    rowBound: async (table) => Number((await query(boundSql(table))).rows[0].n),
    async dropIndexes(tables) {
      const names = tables.map(quoted);
      const { rows: indexes } = await query(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS sql FROM pg_index
         WHERE indrelid = ANY($1::regclass[]) AND NOT indisunique AND NOT indisprimary
         AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)`,
        [names]
      );
      // Foreign keys too: their check is a trigger per row, half of an event's insert time.
      const { rows: keys } = await query(
        `SELECT conrelid::regclass::text AS "table", conname AS name,
         pg_get_constraintdef(oid) AS definition FROM pg_constraint
         WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
        [names]
      );
      for (const k of keys) await query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${quoted(k.name)}`);
      for (const index of indexes) await query(`DROP INDEX ${index.name}`);
      // Sorting for the index builds: a transaction-local setting, gone at COMMIT.
      if (indexes.length > 0) await query(`SET LOCAL maintenance_work_mem = '256MB'`);
      return [
        ...indexes.map((i: { sql: string }) => i.sql),
        ...keys.map(
          (k: { table: string; name: string; definition: string }) =>
            `ALTER TABLE ${k.table} ADD CONSTRAINT ${quoted(k.name)} ${k.definition}`
        ),
      ];
    },
    exec: async (sql) => void (await query(sql)),
  };
};

/** Any other driver: knex multi-row inserts of BATCH rows, indexes kept. */
const knexSink = (trx: Knex.Transaction): RowSink => {
  const objects = (columns: readonly string[], rows: Row[]) =>
    rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
  return {
    async insert(table, columns, rows) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await trx(table).insert(objects(columns, rows.slice(i, i + BATCH)));
      }
    },
    async insertReturningIds(table, columns, rows) {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const part = objects(columns, rows.slice(i, i + BATCH));
        const inserted: { id: number; document_id: string }[] = await trx(table)
          .insert(part)
          .returning(['id', 'document_id']);
        const idOf = new Map(inserted.map((r) => [r.document_id, r.id]));
        ids.push(...part.map((r) => idOf.get(r.document_id as string)!));
      }
      return ids;
    },
    endChunk: async () => undefined,
    drain: async () => undefined,
    rowBound: async () => Infinity,
    dropIndexes: async () => [],
    exec: async (sql) => void (await trx.raw(sql)),
  };
};

/**
 * A big load into small tables builds their non-unique indexes once at the end (a sort) rather
 * than row by row (a random B-tree descent per row and index), and on PostgreSQL checks their
 * foreign keys once (one join) rather than by a trigger per row: about twice the speed on both
 * engines at a million events, and no slowing down as the tables grow. It switches once the rows
 * written reach BULK_MIN and what the tables held before, so a small load into a big table keeps
 * its indexes. Unique indexes stay, so duplicates fail as before. DDL is transactional on both
 * engines: if the load fails, the caller's rollback brings everything back. The tables stay
 * locked for other connections until COMMIT (on SQLite a writer locks the database anyway).
 */
const deferredIndexes = async (sink: RowSink, tables: string[]) => {
  const before = await sink.rowBound(tables[0]);
  let rebuild: string[] | null = null;
  return {
    async written(rows: number) {
      if (rebuild === null && rows >= Math.max(BULK_MIN, before)) {
        await sink.drain();
        rebuild = await sink.dropIndexes(tables);
      }
    },
    async finish() {
      await sink.drain();
      for (const sql of rebuild ?? []) await sink.exec(sql);
    },
  };
};

/** Runs `write` with the sink for the transaction's driver, on the transaction's connection. */
const withSink = async <T>(trx: Knex.Transaction, write: (sink: RowSink) => Promise<T>) => {
  const driver = (trx.client as { driverName?: string }).driverName;
  if (driver !== 'better-sqlite3' && driver !== 'pg') return write(knexSink(trx));
  // A transaction's client hands out the connection that holds the transaction.
  const connection = await trx.client.acquireConnection();
  try {
    const sink = driver === 'pg' ? postgresSink(connection) : sqliteSink(connection);
    let result: T;
    try {
      result = await write(sink);
    } catch (error) {
      await sink.drain().catch(() => undefined); // the first failure is the one to report
      throw error;
    }
    await sink.drain();
    return result;
  } finally {
    await trx.client.releaseConnection(connection);
  }
};

/** One whole customer, in the shape the bulk writer takes (the demo and the benchmarks). */
export interface BulkCustomer {
  firstName: string;
  lastName: string;
  gender: Gender;
  dateOfBirth: string;
  street: string;
  houseNumber: string;
  zipCode: string;
  city: string;
  country: string;
  jobTitle: string | null;
  referenceId: string;
  emails: string[];
  phones: string[];
  tags: string[];
  terms: { termId: string; givenAt: string }[];
  createdAt: Date;
}

/** One event; `customerIndex` points into the row ids the caller passes beside the events. */
export interface BulkEvent {
  customerIndex: number;
  type: string;
  itemUid: string | null;
  itemDocumentId: string | null;
  url: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  occurredAt: Date;
}

/** The customers table's columns a bulk load fills: the profile fields as the schema lists them. */
const CUSTOMER_COLUMNS = [
  'document_id',
  ...PROFILE_FIELDS.map((name) => COLUMN_OF[name]),
  'source',
  'created_at',
  'updated_at',
];

/** The child tables a bulk load writes, through the one child-row writer. */
const CHILD_FIELDS = ['emails', 'phones', 'tags', 'nameTokens', 'terms'] as const;

/**
 * Inserts whole customers (with emails, phones, tags, terms, name tokens) in chunks inside the
 * caller's transaction, and returns their row ids in input order.
 */
export const insertCustomers = async (
  trx: Knex.Transaction,
  customers: BulkCustomer[],
  source: CustomerSource
): Promise<number[]> =>
  withSink(trx, async (sink) => {
    const indexes = await deferredIndexes(sink, [
      TABLE.customers,
      ...CHILD_FIELDS.map((field) => CHILD_OF[field].table),
    ]);
    const children = childRowBatch();
    const newId = documentIds();
    const ids: number[] = [];
    for (let start = 0; start < customers.length; start += CHUNK) {
      const chunk = customers.slice(start, start + CHUNK);
      const now = new Date();
      const rows = chunk.map((c) => [
        newId(),
        ...PROFILE_FIELDS.map((name) => c[name]),
        source,
        c.createdAt,
        now,
      ]);
      const chunkIds = await sink.insertReturningIds(TABLE.customers, CUSTOMER_COLUMNS, rows);
      ids.push(...chunkIds);
      chunk.forEach((c, i) => {
        const id = chunkIds[i];
        children.add('emails', id, c.emails);
        children.add('phones', id, c.phones);
        children.add('tags', id, c.tags);
        children.add('nameTokens', id, nameTokens(c.firstName, c.lastName));
        children.add('terms', id, c.terms);
      });
      await children.write(sink);
      await sink.endChunk();
      await indexes.written(ids.length);
    }
    await indexes.finish();
    return ids;
  });

const EVENT_COLUMNS = [
  'document_id',
  'customer_id',
  'type',
  'item_uid',
  'item_document_id',
  'url',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'occurred_at',
  'created_at',
  'updated_at',
];

/** Inserts events in chunks; `customerIds[e.customerIndex]` names each event's customer. */
export const insertEvents = async (
  trx: Knex.Transaction,
  events: Iterable<BulkEvent>,
  customerIds: number[]
): Promise<number> =>
  withSink(trx, async (sink) => {
    const indexes = await deferredIndexes(sink, [TABLE.events]);
    const newId = documentIds();
    let rows: Row[] = [];
    let count = 0;
    const flush = async () => {
      await sink.insert(TABLE.events, EVENT_COLUMNS, rows);
      count += rows.length;
      rows = [];
      await sink.endChunk();
      await indexes.written(count);
    };
    for (const e of events) {
      rows.push([
        newId(),
        customerIds[e.customerIndex],
        e.type,
        e.itemUid,
        e.itemDocumentId,
        e.url,
        e.utmSource,
        e.utmMedium,
        e.utmCampaign,
        e.occurredAt,
        e.occurredAt,
        e.occurredAt,
      ]);
      if (rows.length >= CHUNK) await flush();
    }
    if (rows.length > 0) await flush();
    await indexes.finish();
    return count;
  });

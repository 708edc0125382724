import fs from 'fs';
import path from 'path';
import { Worker } from 'worker_threads';
import type { Knex } from 'knex';
import { TABLE } from '../../../../contracts/constants';
import type { ExportField } from '../../../../contracts/exports';
import { beginSqliteExportRead } from '../../database/export-read';
import {
  exportQuery,
  isWholeTable,
  segmentOrderQuery,
  type ExportScope,
  type IdRange,
} from '../../database/export-query';
import { cellKinds, recordWriter } from './format';
import { segmentNamer } from './segment-names';
import type { ExportWorkerData } from './sqlite-worker';
import { fileChunks, spoolDirectory } from './spool';
import type { ExportChunk } from './types';
import { sqliteFileOf } from '../../database/knex';
import { sqliteValue } from '../../database/prepared';
import { appModulePath, workerFile } from '../../utils/worker-files';

/**
 * About this many characters of CSV per chunk: a millisecond or two of work between event-loop
 * turns, and few records alive at a young-generation GC (1 MB chunks added ~130 MB of RSS at 1M
 * customers, 64 KB chunks none measurable; the same CPU).
 */
const CHUNK_CHARS = 1 << 16;

interface Statement {
  raw(on: boolean): Statement;
  all(...bindings: unknown[]): unknown[];
  iterate(...bindings: unknown[]): IterableIterator<unknown[]>;
}
interface Database {
  prepare(sql: string): Statement;
  exec(sql: string): void;
  close(): void;
}
type DatabaseClass = new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean }
) => Database;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * From this many customer ids on, a whole-table export runs its second half in a worker thread
 * (sqlite-worker.ts) while this thread runs the first: SQLite runs a query on the thread
 * that iterates it, so one query keeps one core busy.
 */
const SPLIT_FROM = 200_000;

/** The customers' lowest and highest id, halved, when the export is worth splitting. */
const halves = (db: Database, scope: ExportScope): [IdRange, IdRange] | null => {
  if (!isWholeTable(scope)) return null;
  const [min, max] = db
    .prepare(`SELECT min(id), max(id) FROM "${TABLE.customers}"`)
    .raw(true)
    .all()[0] as [number | null, number | null];
  if (min === null || max === null || max - min < SPLIT_FROM) return null;
  const mid = Math.floor((min + max) / 2) + 1;
  return [
    { from: min, to: mid },
    { from: mid, to: max + 1 },
  ];
};

/** Runs the worker on a range; resolves when its file is written. */
const runWorker = (workerPath: string, data: ExportWorkerData) =>
  new Promise<number>((resolve, reject) => {
    const worker = new Worker(workerPath, {
      workerData: data,
      // A small heap of its own: the worker's garbage is collected soon, not at 64 MB of it.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 24 },
    });
    worker.once('message', (m: { rows: number }) => resolve(m.rows));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`The export worker stopped with code ${code}`));
    });
  });

/**
 * The export's CSV records from SQLite, in chunks: one statement (lists in correlated subqueries
 * on the customer_id indexes) iterated on a read-only connection of its own, so that the
 * iteration holds no pooled connection and the rest of Strapi keeps writing (WAL). Each chunk is
 * built synchronously, then the event loop gets a turn. Rows are arrays (`raw`), not objects. A
 * large whole-table export runs its second half at the same time in a worker thread, on a
 * read-only connection of that thread (a read transaction of its own, begun as this one is),
 * into a temporary file read back after the first half (removed whatever happens).
 */
export async function* sqliteRecords(
  knex: Knex,
  fields: ExportField[],
  scope: ExportScope
): AsyncGenerator<ExportChunk> {
  const kinds = cellKinds(fields, 'sqlite');
  const file = sqliteFileOf(knex);
  const Driver = (knex.client as { driver: DatabaseClass }).driver;
  // An in-memory database has no second connection: hold the pooled one for the export.
  const pooled = file ? undefined : ((await knex.client.acquireConnection()) as Database);
  const db = pooled ?? new Driver(file!, { readonly: true, fileMustExist: true });
  let tmp: string | undefined;
  let second: Promise<number> | undefined;
  let rows: IterableIterator<unknown[]> | undefined;
  try {
    // One read transaction: the segments and the customers from the same snapshot.
    if (!pooled) beginSqliteExportRead(db);
    const segmentsSql = segmentOrderQuery(knex).toSQL().toNative();
    const segmentRows = kinds.includes('segments')
      ? (db.prepare(segmentsSql.sql).all(...segmentsSql.bindings.map(sqliteValue)) as {
          id: number;
          segment_id: string | null;
        }[])
      : undefined;
    const record = recordWriter(kinds, segmentRows ? segmentNamer(segmentRows) : undefined);
    // The worker's file and better-sqlite3 for it; without either the export stays on this thread.
    const workerPath = file ? workerFile('export-sqlite-worker.js') : undefined;
    const driver = workerPath ? appModulePath('better-sqlite3') : undefined;
    const split = driver ? halves(db, scope) : null;
    const statement = (range?: IdRange) => {
      const { sql, bindings } = exportQuery(knex, fields, scope, 'sqlite', range)
        .toSQL()
        .toNative();
      return { sql, bindings: bindings.map(sqliteValue) };
    };
    let part: string | undefined;
    if (split) {
      tmp = await spoolDirectory();
      part = path.join(tmp, 'second-half.csv');
      second = runWorker(workerPath!, {
        driver: driver!,
        file: file!,
        ...statement(split[1]),
        kinds,
        segments: segmentRows,
        out: part,
      });
      // Settled here too, so that a failure while the first half runs is not unhandled.
      second.catch(() => undefined);
    }
    const first = statement(split?.[0]);
    rows = db
      .prepare(first.sql)
      .raw(true)
      .iterate(...first.bindings) as IterableIterator<unknown[]>;
    let done = false;
    while (!done) {
      let text = '';
      let count = 0;
      while (text.length < CHUNK_CHARS) {
        const next = rows.next();
        if (next.done) {
          done = true;
          break;
        }
        text += record(next.value);
        count++;
      }
      if (count > 0) yield { text, rows: count };
      await nextTurn();
    }
    if (second && part) yield* fileChunks(part, await second);
  } finally {
    rows?.return?.();
    if (pooled) await knex.client.releaseConnection(pooled);
    else db.close(); // ends the read transaction
    await second?.catch(() => undefined);
    if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

// A worker thread of a SQLite export (see sqlite.ts): writes the CSV records of one range
// of customers to a file of its own, on a read-only connection of its own, while the main thread
// writes the other range. Bundled on its own as dist/server/export-sqlite-worker.js.
import fs from 'fs';
import { parentPort, workerData } from 'worker_threads';
import { recordWriter, type CellKind } from './format';
import { beginSqliteExportRead } from '../../database/export-read';
import { segmentNamer } from './segment-names';

/** What the main thread hands the worker. */
export interface ExportWorkerData {
  /** better-sqlite3's path, as the main thread resolved it. */
  driver: string;
  file: string;
  sql: string;
  bindings: unknown[];
  kinds: CellKind[];
  segments?: { id: number | string; segment_id: string | null }[];
  out: string;
}

interface Driver {
  prepare(sql: string): { raw(on: boolean): { iterate(...b: unknown[]): Iterable<unknown[]> } };
  exec(sql: string): void;
  close(): void;
}

const CHUNK_CHARS = 1 << 16;

const run = ({ driver, file, sql, bindings, kinds, segments, out }: ExportWorkerData) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require(driver) as new (
    file: string,
    options: { readonly: boolean; fileMustExist: boolean }
  ) => Driver;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const fd = fs.openSync(out, 'w', 0o600);
  try {
    beginSqliteExportRead(db);
    const record = recordWriter(kinds, segments ? segmentNamer(segments) : undefined);
    let text = '';
    let rows = 0;
    for (const row of db
      .prepare(sql)
      .raw(true)
      .iterate(...bindings)) {
      text += record(row);
      rows++;
      if (text.length >= CHUNK_CHARS) {
        fs.writeSync(fd, text);
        text = '';
      }
    }
    if (text) fs.writeSync(fd, text);
    return rows;
  } finally {
    fs.closeSync(fd);
    db.close();
  }
};

if (parentPort) parentPort.postMessage({ rows: run(workerData as ExportWorkerData) });

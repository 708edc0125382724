import fs from 'fs';
import path from 'path';
import { once } from 'events';
import type { Knex } from 'knex';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ExportField } from '../../../../contracts/exports';
import { TABLE } from '../../../../contracts/constants';
import { copyBytesTransformer } from './copy-bytes';
import { copyTextDecoder } from './copy-text';
import {
  exportQuery,
  isWholeTable,
  processTimeZone,
  segmentOrderQuery,
  type ExportScope,
  type IdRange,
} from '../../database/export-query';
import { cellKinds, type SegmentNames, type CellKind } from './format';
import { segmentNamer } from './segment-names';
import { fileChunks, spoolDirectory } from './spool';
import { writeChunk, type ExportChunk } from './types';

/**
 * Bytes of COPY output turned into CSV at a time: fewer, larger calls cost less, but each is a
 * Buffer V8 frees only at its next collection, which few JavaScript allocations put off (at 1 MB
 * the garbage Buffers reached 76 MB at 1M rows, at 256 KB 44 MB, at the same speed).
 */
const CHUNK_BYTES = 256 * 1024;

/**
 * From this many customer ids on, a whole-table export runs as two COPY queries at once, one
 * per half of the ids, on two connections sharing one snapshot: the server's work (joins and
 * aggregates) is most of the export's, and one query keeps one core busy.
 */
const SPLIT_FROM = 200_000;

/** Starts the export's read-only transaction, in `snapshot` when given (another's). */
const begin = async (connection: Client, snapshot?: string) => {
  await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  if (snapshot !== undefined) {
    if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`Unexpected snapshot id ${snapshot}`);
    await connection.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
  }
  // Datetimes are read in SQL as node-postgres would read them, and written as ISO dates;
  // JIT compilation costs more than it saves on this plan.
  await connection.query(
    `SELECT set_config('TimeZone', $1, true), set_config('DateStyle', 'ISO', true),
      set_config('jit', 'off', true)`,
    [processTimeZone()]
  );
};

/** The CSV records of one COPY query's output, CHUNK_BYTES of it at a time. */
async function* copyRecords(
  connection: Client,
  sql: string,
  kinds: readonly CellKind[],
  segments?: SegmentNames
): AsyncGenerator<ExportChunk> {
  const decoder = copyTextDecoder(copyBytesTransformer(kinds, segments, true));
  const stream = connection.query(copyTo(`COPY (${sql}) TO STDOUT`));
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    pending.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size < CHUNK_BYTES) continue;
    const records = decoder.push(pending.length === 1 ? pending[0] : Buffer.concat(pending, size));
    pending = [];
    size = 0;
    if (records) yield records;
  }
  if (size > 0) {
    const records = decoder.push(Buffer.concat(pending, size));
    if (records) yield records;
  }
  decoder.end();
}

/** Writes records to a file of their own; resolves to how many rows it wrote. */
const spool = async (records: AsyncIterable<ExportChunk>, file: string) => {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  let rows = 0;
  try {
    for await (const chunk of records) {
      rows += chunk.rows;
      await writeChunk(out, chunk);
    }
    out.end();
    await once(out, 'finish');
    return rows;
  } finally {
    out.destroy();
  }
};

/** The lowest and highest customer id, when the export is big enough to split. */
const splitRange = async (knex: Knex, connection: Client, scope: ExportScope) => {
  const pool = (knex.client as { pool?: { max?: number } }).pool;
  if (!isWholeTable(scope) || (pool?.max ?? 0) < 3) return null;
  const { rows } = await connection.query(
    `SELECT min(id) AS min, max(id) AS max FROM "${TABLE.customers}"`
  );
  const min = Number(rows[0]?.min);
  const max = Number(rows[0]?.max);
  if (!Number.isFinite(min) || !Number.isFinite(max) || max - min < SPLIT_FROM) return null;
  const mid = Math.floor((min + max) / 2) + 1;
  return [
    { from: min, to: mid },
    { from: mid, to: max + 1 },
  ] as [IdRange, IdRange];
};

/**
 * The export's CSV records from PostgreSQL: the export query run as `COPY (...) TO STDOUT` on
 * pooled connections, in read-only transactions of one snapshot, its text-format rows streamed
 * (with back-pressure) and turned into CSV records here, so that quoting and neutralising are
 * the same code on both engines. A large whole-table export runs its two halves at once: the
 * first streams to the caller, the second to a temporary file read back after it (removed
 * whatever happens). COPY takes no parameters: knex inlines the bindings, escaped.
 */
export async function* postgresRecords(
  knex: Knex,
  fields: ExportField[],
  scope: ExportScope
): AsyncGenerator<ExportChunk> {
  const pool = knex.client as Knex.Client & {
    acquireConnection(): Promise<Client>;
    releaseConnection(connection: Client): Promise<void>;
  };
  const connections: Client[] = [await pool.acquireConnection()];
  const [first] = connections;
  let clean = false;
  let tmp: string | undefined;
  let second: Promise<number> | undefined;
  try {
    await begin(first);
    const kinds = cellKinds(fields, 'postgres');
    const segments = kinds.includes('segments')
      ? segmentNamer((await first.query(segmentOrderQuery(knex).toQuery())).rows)
      : undefined;
    const halves = await splitRange(knex, first, scope);
    if (!halves) {
      yield* copyRecords(
        first,
        exportQuery(knex, fields, scope, 'postgres').toQuery(),
        kinds,
        segments
      );
    } else {
      const { rows } = await first.query('SELECT pg_export_snapshot() AS snapshot');
      const other = await pool.acquireConnection();
      connections.push(other);
      await begin(other, rows[0].snapshot);
      tmp = await spoolDirectory();
      const file = path.join(tmp, 'second-half.csv');
      const sql = (range: IdRange) => exportQuery(knex, fields, scope, 'postgres', range).toQuery();
      second = spool(copyRecords(other, sql(halves[1]), kinds, segments), file);
      // Settled here too, so that a failure while the first half runs is not unhandled.
      second.catch(() => undefined);
      yield* copyRecords(first, sql(halves[0]), kinds, segments);
      yield* fileChunks(file, await second);
    }
    for (const connection of connections) await connection.query('COMMIT');
    clean = true;
  } finally {
    // Stopped halfway (an error, or the consumer gave up): a connection may still be in COPY
    // mode, so it is closed and the pool replaces it.
    for (const connection of connections) {
      if (!clean) await connection.end().catch(() => undefined);
      await pool.releaseConnection(connection);
    }
    await second?.catch(() => undefined);
    if (tmp) await fs.promises.rm(tmp, { recursive: true, force: true });
  }
}

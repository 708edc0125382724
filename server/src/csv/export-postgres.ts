import type { Knex } from 'knex';
import type { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { ExportField } from '../../../contracts/exports';
import { copyBytesTransformer } from './export-copy-bytes';
import { copyTextDecoder } from './export-copy-text';
import {
  exportQuery,
  processTimeZone,
  segmentNamer,
  segmentOrderQuery,
  type ExportScope,
} from './export-query';
import type { ExportChunk } from './export-types';

/** Bytes of COPY output turned into CSV at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * The export's CSV records from PostgreSQL: the export query run as `COPY (...) TO STDOUT` on a
 * pooled connection, in one read-only transaction, its text-format rows streamed (with
 * back-pressure) and turned into CSV records here, so that quoting and neutralising are the same
 * code on both engines. COPY takes no parameters: knex inlines the bindings, escaped.
 */
export async function* postgresRecords(
  knex: Knex,
  fields: ExportField[],
  scope: ExportScope
): AsyncGenerator<ExportChunk> {
  const { query, kinds } = exportQuery(knex, fields, scope, 'postgres');
  const connection = (await knex.client.acquireConnection()) as Client;
  let clean = false;
  try {
    // One snapshot for the segments and the customers.
    await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const segments = kinds.includes('segments')
      ? segmentNamer((await connection.query(segmentOrderQuery(knex).toQuery())).rows)
      : undefined;
    const decoder = copyTextDecoder(copyBytesTransformer(kinds, segments));
    // Datetimes are read in SQL as node-postgres would read them, and written as ISO dates;
    // JIT compilation costs more than it saves on this plan.
    await connection.query(
      `SELECT set_config('TimeZone', $1, true), set_config('DateStyle', 'ISO', true),
        set_config('jit', 'off', true)`,
      [processTimeZone()]
    );
    const stream = connection.query(copyTo(`COPY (${query.toQuery()}) TO STDOUT`));
    // The stream gives a chunk per socket read (about 64 KB); turning and writing a megabyte at
    // a time costs less per row.
    let pending: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      pending.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size < CHUNK_BYTES) continue;
      const records = decoder.push(
        pending.length === 1 ? pending[0] : Buffer.concat(pending, size)
      );
      pending = [];
      size = 0;
      if (records) yield records;
    }
    if (size > 0) {
      const records = decoder.push(Buffer.concat(pending, size));
      if (records) yield records;
    }
    decoder.end();
    await connection.query('COMMIT');
    clean = true;
  } finally {
    // Stopped halfway (an error, or the consumer gave up): the connection may still be in COPY
    // mode, so it is closed and the pool replaces it.
    if (!clean) await connection.end().catch(() => undefined);
    await knex.client.releaseConnection(connection);
  }
}

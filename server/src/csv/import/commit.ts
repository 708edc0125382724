import type { Knex } from 'knex';
import { TABLE } from '../../../../contracts/constants';
import type { PgClient } from '../../database/bulk-insert';
import { sqliteStatement, type SqliteConnection } from '../../database/prepared';
import {
  countOf,
  DRY_RUN_DETAIL,
  LeaseLost,
  REPORT_COLUMNS,
  reportRows,
  type BatchCommit,
} from './commit-types';
import { writeBatch } from './write';
import { knexWriter, postgresWriter, sqliteWriter, type BatchWriter } from './writers';

/** Writes the batch, its failed rows and the job's progress with one writer. */
const commitWith = async (
  writer: BatchWriter,
  batch: BatchCommit,
  progress: (values: Record<string, unknown>) => Promise<number>,
  dryRunRows: () => Promise<number>
) => {
  try {
    const touched = batch.dryRun ? [] : await writeBatch(writer, batch.plan.customers, batch.now);
    const rows = reportRows(batch, batch.dryRun ? DRY_RUN_DETAIL - (await dryRunRows()) : 0);
    await writer.insert(TABLE.importErrors, REPORT_COLUMNS.errors, rows.errors);
    await writer.insert(TABLE.importErrorContacts, REPORT_COLUMNS.contacts, rows.contacts);
    await writer.insert(TABLE.importRows, REPORT_COLUMNS.outcomes, rows.outcomes);
    await writer.drain();
    const progressed = await progress({
      rows: batch.plan.outcomes.length,
      created: countOf(batch.plan, 'create'),
      updated: countOf(batch.plan, 'update'),
      unchanged: countOf(batch.plan, 'unchanged'),
      failed: countOf(batch.plan, 'fail'),
    });
    if (progressed === 0) throw new LeaseLost(`Import ${batch.jobId} was taken over`);
    return touched;
  } catch (error) {
    // Nothing may reach the connection after the caller's ROLLBACK.
    await writer.drain().catch(() => undefined);
    throw error;
  }
};

const PROGRESS_SQL = `UPDATE "${TABLE.importJobs}" SET rows_done = rows_done + ?, created = created + ?,
  updated = updated + ?, unchanged = unchanged + ?, failed = failed + ?, last_line = ?, bytes_done = ?,
  lease_expires = ? WHERE id = ? AND lease_owner = ?`;

const DRY_RUN_ROWS_SQL = `SELECT COUNT(*) AS n FROM "${TABLE.importRows}" WHERE job_id = ?`;

type SqliteDatabase = SqliteConnection & { exec(sql: string): void };

/**
 * Commits a batch (customers, failed rows, the job's progress) in one transaction, so a
 * resumed job never repeats a committed row. On SQLite the transaction runs on the raw
 * better-sqlite3 connection with kept prepared statements, on PostgreSQL through knex with
 * UNNEST inserts on its connection; elsewhere through knex alone.
 */
export const commitBatch = async (
  knex: Knex,
  client: string,
  batch: BatchCommit
): Promise<number[]> => {
  const progressParams = (c: Record<string, unknown>) => [
    c.rows,
    c.created,
    c.updated,
    c.unchanged,
    c.failed,
    batch.lastLine,
    batch.bytes,
    batch.leaseUntil,
    batch.jobId,
    batch.owner,
  ];
  if (client === 'sqlite') {
    const db = (await knex.client.acquireConnection()) as SqliteDatabase;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const touched = await commitWith(
          sqliteWriter(db),
          batch,
          async (c) =>
            (sqliteStatement(db, PROGRESS_SQL).run(progressParams(c)) as { changes: number })
              .changes,
          async () =>
            Number((sqliteStatement(db, DRY_RUN_ROWS_SQL).all([batch.jobId])[0] as { n: number }).n)
        );
        db.exec('COMMIT');
        return touched;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      await knex.client.releaseConnection(db);
    }
  }
  return knex.transaction(async (trx) => {
    const pg = client === 'postgres';
    // A transaction's client hands out the connection that holds the transaction.
    const conn = pg ? ((await trx.client.acquireConnection()) as PgClient) : null;
    try {
      return await commitWith(
        conn ? postgresWriter(conn) : knexWriter(trx),
        batch,
        (c) =>
          trx
            .raw(PROGRESS_SQL, progressParams(c))
            .then((r: { rowCount?: number; changes?: number }) =>
              Number(r.rowCount ?? r.changes ?? 0)
            ),
        async () =>
          Number((await trx(TABLE.importRows).where('job_id', batch.jobId).count({ n: '*' }))[0].n)
      );
    } finally {
      if (conn) await trx.client.releaseConnection(conn);
    }
  });
};

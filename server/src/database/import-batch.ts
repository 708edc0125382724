import type { Knex } from 'knex';
import { TABLE } from '../../../contracts/constants';
import type { PgClient } from './bulk-insert';
import { knexWriter, postgresWriter, sqliteWriter, type BatchWriter } from './import-batch-writers';
import { sqliteStatement, type SqliteConnection } from './prepared';

/** What a batch adds to its job's row, and the lease it holds it under. */
export interface JobProgress {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  lastLine: number;
  bytes: number;
  leaseUntil: number;
  jobId: number;
  owner: string;
}

/** What an import batch's transaction offers: a writer, and the job's row. */
export interface ImportBatchTransaction {
  writer: BatchWriter;
  /** Adds the batch to the job's progress; answers 0 when another instance holds the lease. */
  progress(progress: JobProgress): Promise<number>;
  /** The outcome rows stored for the job so far. */
  storedRows(jobId: number): Promise<number>;
}

const PROGRESS_SQL = `UPDATE "${TABLE.importJobs}" SET rows_done = rows_done + ?, created = created + ?,
  updated = updated + ?, unchanged = unchanged + ?, failed = failed + ?, last_line = ?, bytes_done = ?,
  lease_expires = ? WHERE id = ? AND lease_owner = ?`;

const STORED_ROWS_SQL = `SELECT COUNT(*) AS n FROM "${TABLE.importRows}" WHERE job_id = ?`;

const progressParams = (p: JobProgress) => [
  p.rows,
  p.created,
  p.updated,
  p.unchanged,
  p.failed,
  p.lastLine,
  p.bytes,
  p.leaseUntil,
  p.jobId,
  p.owner,
];

type SqliteDatabase = SqliteConnection & { exec(sql: string): void };

/**
 * Runs `work` in one transaction, so a resumed job never repeats a committed row. On SQLite the
 * transaction runs on the raw better-sqlite3 connection with kept prepared statements, on
 * PostgreSQL through knex with UNNEST inserts on its connection; elsewhere through knex alone.
 */
export const inImportBatchTransaction = async <T>(
  knex: Knex,
  client: string,
  work: (tx: ImportBatchTransaction) => Promise<T>
): Promise<T> => {
  if (client === 'sqlite') {
    const db = (await knex.client.acquireConnection()) as SqliteDatabase;
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work({
          writer: sqliteWriter(db),
          progress: async (p) =>
            (sqliteStatement(db, PROGRESS_SQL).run(progressParams(p)) as { changes: number })
              .changes,
          storedRows: async (jobId) =>
            Number((sqliteStatement(db, STORED_ROWS_SQL).all([jobId])[0] as { n: number }).n),
        });
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      await knex.client.releaseConnection(db);
    }
  }
  return knex.transaction(async (trx) => {
    // A transaction's client hands out the connection that holds the transaction.
    const conn =
      client === 'postgres' ? ((await trx.client.acquireConnection()) as PgClient) : null;
    try {
      return await work({
        writer: conn ? postgresWriter(conn) : knexWriter(trx),
        progress: (p) =>
          trx
            .raw(PROGRESS_SQL, progressParams(p))
            .then((r: { rowCount?: number; changes?: number }) =>
              Number(r.rowCount ?? r.changes ?? 0)
            ),
        storedRows: async (jobId) =>
          Number((await trx(TABLE.importRows).where('job_id', jobId).count({ n: '*' }))[0].n),
      });
    } finally {
      if (conn) await trx.client.releaseConnection(conn);
    }
  });
};

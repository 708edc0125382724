import type { Knex } from 'knex';
import { TABLE } from '../../../../contracts/constants';
import { inImportBatchTransaction, type ImportBatchTransaction } from '../../database/import-batch';
import {
  countOf,
  DRY_RUN_DETAIL,
  LeaseLost,
  REPORT_COLUMNS,
  reportRows,
  type BatchCommit,
} from './commit-types';
import { writeBatch } from './write';

/** Writes the batch, its failed rows and the job's progress in the caller's transaction. */
const commitWith = async (
  { writer, progress, storedRows }: ImportBatchTransaction,
  batch: BatchCommit
) => {
  try {
    const touched = batch.dryRun ? [] : await writeBatch(writer, batch.plan.customers, batch.now);
    const detail = batch.dryRun ? DRY_RUN_DETAIL - (await storedRows(batch.jobId)) : 0;
    const rows = reportRows(batch, detail);
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
      lastLine: batch.lastLine,
      bytes: batch.bytes,
      leaseUntil: batch.leaseUntil,
      jobId: batch.jobId,
      owner: batch.owner,
    });
    if (progressed === 0) throw new LeaseLost(`Import ${batch.jobId} was taken over`);
    return touched;
  } catch (error) {
    // Nothing may reach the connection after the caller's ROLLBACK.
    await writer.drain().catch(() => undefined);
    throw error;
  }
};

/**
 * Commits a batch (customers, failed rows, the job's progress) in one transaction, so a
 * resumed job never repeats a committed row.
 */
export const commitBatch = (knex: Knex, client: string, batch: BatchCommit): Promise<number[]> =>
  inImportBatchTransaction(knex, client, (tx) => commitWith(tx, batch));

import type { Knex } from 'knex';
import { withBulkWriteSettings } from '../../database/bulk-settings';
import { commitBatch } from './commit';
import { LeaseLost } from './commit-types';
import type { CustomerSnapshot } from './merge';
import { parseCsvFile, type CsvRecord } from './parse';
import { planBatch, validRows } from './plan';
import { customersOfDocumentIds, loadSnapshots, ownersOfEmails } from './snapshots';

/** The job an import works on, as its row holds it. */
export interface ImportFileJob {
  id: number;
  filePath: string;
  /** The last line a previous run committed (1: none). */
  lastLine: number;
  dryRun: boolean;
}

export interface ImportFileOptions {
  /** The dialect as Strapi names it ('sqlite', 'postgres' ...). */
  client: string;
  batchSize: number;
  leaseMs: number;
  /** The instance holding the job's lease. */
  owner: string;
}

/** What the import asks of the Strapi process it runs for. */
export interface ImportFileHooks {
  /** The file's unknown columns, once the header is read. */
  header(unknown: string[]): Promise<void>;
  /**
   * Resolves when a batch may be written, with what to call once it is: on SQLite the app's own
   * connection is held meanwhile, so that no transaction of Strapi's runs while the import
   * writes on a connection of its own.
   */
  writeSlot(): Promise<() => void>;
  /** After each committed batch, with the ids of the customers it changed. */
  committed(touched: number[]): Promise<void>;
  /** True once the instance is stopping: the job stops before its next batch. */
  stopping(): boolean;
}

/**
 * Imports a CSV file into customers on `knex`, batch by batch: each batch is validated, matched
 * on customer_id or email and committed with the job's progress in one transaction, so a job resumed after a
 * crash skips what was done. Knows nothing of Strapi: it runs in a worker thread of its own or,
 * where that can't reach the database, in Strapi's. Resolves to the file's line count
 * (`{ lines }`).
 */
export const importFile = async (
  knex: Knex,
  job: ImportFileJob,
  options: ImportFileOptions,
  hooks: ImportFileHooks
) => {
  // A dry run writes nothing, so later batches learn of earlier ones' customers from here: the
  // emails it has seen, and the stored customers as the earlier batches left them.
  const dryRunKnown = new Map<string, CustomerSnapshot>();
  const dryRunStored = new Map<number, CustomerSnapshot>();

  /** Looks up the batch's customer_ids and emails (one query each), then their customers. */
  const planFor = async (records: CsvRecord[]) => {
    const rows = validRows(records, new Date());
    const valid = rows.flatMap((r) => (r.result && 'record' in r.result ? [r.result.record] : []));
    const emails = [...new Set(valid.flatMap((r) => (r.email ? [r.email] : [])))];
    const documentIds = [...new Set(valid.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
    const carry = job.dryRun ? dryRunKnown : null;
    const lookup = carry ? emails.filter((e) => !carry.has(e)) : emails;
    const [owners, named] = await Promise.all([
      ownersOfEmails(knex, lookup),
      customersOfDocumentIds(knex, documentIds),
    ]);
    const namedIds = [...new Set(named.values())];
    const loaded = await loadSnapshots(
      knex,
      [...new Set([...owners.values(), ...namedIds])],
      namedIds
    );
    const snapshotOf = (id: number) => {
      const fresh = loaded.get(id)!;
      if (!job.dryRun) return fresh;
      const kept = dryRunStored.get(id);
      if (!kept) dryRunStored.set(id, fresh);
      else fresh.emails.forEach((e) => kept.emails.add(e));
      return kept ?? fresh;
    };
    const known = carry ?? new Map<string, CustomerSnapshot>();
    owners.forEach((id, email) => known.set(email, snapshotOf(id)));
    const byCustomerId = new Map<string, CustomerSnapshot>();
    named.forEach((id, documentId) => byCustomerId.set(documentId, snapshotOf(id)));
    return planBatch(rows, known, byCustomerId);
  };

  return withBulkWriteSettings(knex, () =>
    parseCsvFile(job.filePath, {
      batchSize: options.batchSize,
      skipThroughLine: job.lastLine,
      onHeader: ({ unknown }) => hooks.header(unknown),
      onBatch: async (records: CsvRecord[], bytes: number) => {
        if (hooks.stopping()) throw new LeaseLost('Strapi is stopping');
        const plan = await planFor(records);
        const lastLine = records.length > 0 ? records[records.length - 1].line : job.lastLine;
        const release = await hooks.writeSlot();
        let touched: number[];
        try {
          touched = await commitBatch(knex, options.client, {
            jobId: job.id,
            owner: options.owner,
            leaseUntil: Date.now() + options.leaseMs,
            plan,
            lastLine,
            bytes,
            dryRun: job.dryRun,
            now: new Date(),
          });
        } finally {
          release();
        }
        await hooks.committed(touched);
      },
    })
  );
};

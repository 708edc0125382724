import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import type { ImportColumn } from '../../../contracts/imports';
import type { CustomerSnapshot } from '../csv/merge';
import { CsvFileError, parseCsvFile, type CsvRecord } from '../csv/parse';
import { planBatch, validRows } from '../csv/plan';
import { loadSnapshots, ownersOfEmails } from '../csv/snapshots';
import { commitBatch } from '../csv/commit';
import { LeaseLost } from '../csv/commit-types';
import { withBulkWriteSettings } from '../database/bulk-settings';
import { knexOf } from '../database/knex';
import { INSTANCE_ID } from '../database/lease';
import { getService } from '../utils/get-service';

/**
 * Rows a transaction. On SQLite each commit writes every page the batch dirtied to the log and
 * often checkpoints it, so fewer, larger batches write each hot index page once for more rows;
 * PostgreSQL gains little from larger ones, and holds two statements' arrays in flight.
 */
const BATCH_ROWS: Record<string, number> = { sqlite: 5000 };
const DEFAULT_BATCH_ROWS = 2500;

/**
 * Runs import jobs in the background, one at a time across all instances: a job is claimed by
 * one conditional UPDATE, kept by a lease renewed with every batch, and each batch commits its
 * rows together with the job's progress, so a job resumed after a crash skips what was done.
 */
const importRunner = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const leaseMs = () => strapi.plugin('segments').config('importLeaseMs') as number;
  let busy: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  /** Claims the next queued job (or one whose worker died) if no live job runs. */
  const claim = async (): Promise<Record<string, any> | null> => {
    const now = Date.now();
    const db = knex();
    const next = await db(TABLE.importJobs)
      .select('id')
      .where((q) =>
        q
          .where('status', 'queued')
          .orWhere((r) => r.where('status', 'running').andWhere('lease_expires', '<', now))
      )
      .orderBy('id')
      .first();
    if (!next) return null;
    const claimed = await db(TABLE.importJobs)
      .where('id', next.id)
      .andWhere((q) =>
        q
          .where('status', 'queued')
          .orWhere((r) => r.where('status', 'running').andWhere('lease_expires', '<', now))
      )
      .whereNotExists(
        db(`${TABLE.importJobs} as other`)
          .select('other.id')
          .where('other.status', 'running')
          .andWhere('other.lease_expires', '>=', now)
          .andWhereNot('other.id', next.id)
      )
      .update({
        status: 'running',
        lease_owner: INSTANCE_ID,
        lease_expires: now + leaseMs(),
        started_at: new Date(now),
      });
    if (claimed === 0) return null;
    return db(TABLE.importJobs).where({ id: next.id, lease_owner: INSTANCE_ID }).first();
  };

  const run = async (job: Record<string, any>) => {
    const dryRunKnown = new Map<string, CustomerSnapshot>();
    try {
      if (!fs.existsSync(job.file_path))
        throw new CsvFileError(
          'The uploaded file is gone (was it on storage this instance can reach?)'
        );
      const { lines } = await withBulkWriteSettings(knex(), () =>
        parseCsvFile(job.file_path, {
          batchSize: BATCH_ROWS[strapi.db.dialect.client] ?? DEFAULT_BATCH_ROWS,
          skipThroughLine: job.last_line ?? 1,
          onHeader: async ({ unknown }) => {
            await knex()(TABLE.importJobs)
              .where('id', job.id)
              .update({ unknown_columns: JSON.stringify(unknown) });
          },
          onBatch: async (records: CsvRecord[], bytes: number) => {
            if (stopped) throw new LeaseLost('Strapi is stopping');
            const plan = await planFor(records, job.dry_run ? dryRunKnown : null);
            const lastLine =
              records.length > 0 ? records[records.length - 1].line : (job.last_line ?? 1);
            const touched = await commitBatch(knex(), strapi.db.dialect.client, {
              jobId: job.id,
              owner: INSTANCE_ID,
              leaseUntil: Date.now() + leaseMs(),
              plan,
              lastLine,
              bytes,
              dryRun: Boolean(job.dry_run),
              now: new Date(),
            });
            if (touched.length > 0)
              await getService(strapi, 'segment-engine').refreshCustomers(touched);
            await getService(strapi, 'import-report').progress(job.id);
          },
        })
      );
      await finish(job, { status: 'completed', rows_total: lines - 1 });
    } catch (error) {
      if (error instanceof LeaseLost) return;
      const message =
        error instanceof CsvFileError
          ? error.message
          : `The import stopped: ${(error as Error).message}`;
      if (!(error instanceof CsvFileError))
        strapi.log.error(`[segments] import ${job.id} failed: ${(error as Error).stack}`);
      await finish(job, { status: 'failed', error: message });
    }
  };

  /** Looks up the batch's emails (and, in a dry run, what earlier batches would have created). */
  const planFor = async (records: CsvRecord[], carry: Map<string, CustomerSnapshot> | null) => {
    const rows = validRows(records, new Date());
    const emails = [
      ...new Set(
        rows.flatMap((r) =>
          r.result && 'record' in r.result && r.result.record.email ? [r.result.record.email] : []
        )
      ),
    ];
    const lookup = carry ? emails.filter((e) => !carry.has(e)) : emails;
    const owners = await ownersOfEmails(knex(), lookup);
    const snapshots = await loadSnapshots(knex(), [...new Set(owners.values())]);
    const known = carry ?? new Map<string, CustomerSnapshot>();
    owners.forEach((id, email) => known.set(email, snapshots.get(id)!));
    return planBatch(rows, known);
  };

  const finish = async (job: Record<string, any>, values: Record<string, unknown>) => {
    const updated = await knex()(TABLE.importJobs)
      .where({ id: job.id, lease_owner: INSTANCE_ID })
      .update({ ...values, finished_at: new Date(), lease_expires: 0 });
    // The uploaded file holds personal data: it goes as soon as the job is done with it.
    fs.rmSync(job.file_path, { force: true });
    if (updated > 0) await getService(strapi, 'import-report').finished(job.id);
  };

  const self = {
    /** Looks for work now (after an upload) and then every second. */
    start() {
      stopped = false;
      if (!timer) {
        timer = setInterval(() => void self.poll(), 1000);
        timer.unref();
      }
      void self.poll();
    },

    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await busy?.catch(() => undefined);
    },

    /** Claims and runs jobs until none is left; one at a time in this process. */
    poll(): Promise<void> {
      if (busy || stopped) return busy ?? Promise.resolve();
      if (!strapi.plugin('segments').config('importWorker')) return Promise.resolve();
      busy = (async () => {
        try {
          for (let job = await claim(); job && !stopped; job = await claim()) await run(job);
        } catch (error) {
          strapi.log.error(`[segments] import runner: ${(error as Error).stack}`);
        } finally {
          busy = null;
        }
      })();
      return busy;
    },

    /** Resolves when this process has no import running (tests). */
    async idle() {
      while (busy) await busy;
    },
  };
  return self;
};

export type ImportRunner = ReturnType<typeof importRunner>;
export default importRunner;
export type { ImportColumn };

import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { TABLE } from '../../../contracts/constants';
import { Worker } from 'worker_threads';
import { CsvFileError } from '../csv/import/parse';
import { LeaseLost } from '../csv/import/commit-types';
import { importFile, type ImportFileJob, type ImportFileOptions } from '../csv/import/file';
import { importThread, WORKER_HEAP_MB, type ImportThread } from '../csv/import/thread';
import type { FromImportWorker, ImportWorkerData, ToImportWorker } from '../csv/import/worker';
import { holdForWorkerWrite, importBatchRows } from '../database/import-writes';
import { knexOf } from '../database/knex';
import { INSTANCE_ID } from '../database/lease';
import { getService } from '../utils/get-service';
import { pluginConfig } from '../config/plugin-config';

/**
 * Runs import jobs in the background, one at a time across all instances: a job is claimed by
 * one conditional UPDATE, kept by a lease renewed with every batch, and each batch commits its
 * rows together with the job's progress, so a job resumed after a crash skips what was done.
 */
const importRunner = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => knexOf(strapi);
  const leaseMs = () => pluginConfig(strapi).importLeaseMs;
  let busy: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let current: Worker | null = null;

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

  /** What the job's batches ask of this process: the segments refreshed, the progress reported. */
  const committed = async (jobId: number, touched: number[]) => {
    if (touched.length > 0) await getService(strapi, 'segment-refresh').refreshCustomers(touched);
    await getService(strapi, 'import-report').progress(jobId);
  };
  const header = async (jobId: number, unknown: string[]) => {
    await knex()(TABLE.importJobs)
      .where('id', jobId)
      .update({ unknown_columns: JSON.stringify(unknown) });
  };

  const run = async (job: Record<string, any>) => {
    try {
      if (!fs.existsSync(job.file_path))
        throw new CsvFileError(
          'The uploaded file is gone (was it on storage this instance can reach?)'
        );
      const fileJob = {
        id: job.id,
        filePath: job.file_path,
        lastLine: job.last_line ?? 1,
        dryRun: Boolean(job.dry_run),
      };
      const client = strapi.db.dialect.client;
      const options = {
        client,
        batchSize: importBatchRows(knex()),
        leaseMs: leaseMs(),
        owner: INSTANCE_ID,
      };
      const thread = importThread(
        knex(),
        client,
        (strapi.db as { getSchemaName?: () => string | undefined }).getSchemaName?.()
      );
      const lines = thread
        ? await runInThread(thread, fileJob, options)
        : (
            await importFile(knex(), fileJob, options, {
              header: (unknown) => header(job.id, unknown),
              writeSlot: async () => () => undefined,
              committed: (touched) => committed(job.id, touched),
              stopping: () => stopped,
            })
          ).lines;
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

  /**
   * Runs a job in a worker thread (csv/import/worker.ts) and does what it asks: its header and
   * batches reported, and on SQLite, Strapi's connection held while it writes. Settles when
   * the worker is done and every report it asked for is made.
   */
  const runInThread = (
    { file, ...reach }: ImportThread,
    job: ImportFileJob,
    options: ImportFileOptions
  ) =>
    new Promise<number>((resolve, reject) => {
      const worker = new Worker(file, {
        workerData: { ...reach, job, options } satisfies ImportWorkerData,
        // A dry run remembers every email it has seen; a real import holds one batch.
        resourceLimits: job.dryRun
          ? undefined
          : {
              maxOldGenerationSizeMb: WORKER_HEAP_MB.old,
              maxYoungGenerationSizeMb: WORKER_HEAP_MB.young,
            },
      });
      current = worker;
      // Reports and write grants, in the order the worker asked for them.
      let queue: Promise<unknown> = Promise.resolve();
      let held: unknown;
      let settled = false;
      const releaseHeld = async () => {
        const conn = held;
        held = undefined;
        if (conn) await knex().client.releaseConnection(conn);
      };
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        current = null;
        void queue.then(releaseHeld).then(outcome).catch(reject);
      };
      const then = (work: () => Promise<unknown>) => {
        queue = queue.then(work).catch((error) => {
          settle(() => reject(error));
          void worker.terminate();
        });
      };
      worker.on('message', (m: FromImportWorker) => {
        if (m.type === 'header') then(() => header(job.id, m.unknown));
        else if (m.type === 'committed') then(() => committed(job.id, m.touched));
        else if (m.type === 'slot')
          then(async () => {
            held = await holdForWorkerWrite(knex());
            worker.postMessage({ type: 'slot' } satisfies ToImportWorker);
          });
        else if (m.type === 'release') void releaseHeld();
        else if (m.type === 'done') settle(() => resolve(m.lines));
        else {
          const Failure = m.kind === 'lease' ? LeaseLost : m.kind === 'file' ? CsvFileError : Error;
          const error = new Failure(m.message);
          if (m.stack) error.stack = m.stack;
          settle(() => {
            throw error;
          });
        }
      });
      worker.on('error', (error) =>
        settle(() => {
          throw new Error(`its worker thread failed (${error.message})`);
        })
      );
      worker.on('exit', (code) =>
        settle(() => {
          throw new Error(`its worker thread stopped with code ${code}`);
        })
      );
    });

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
      current?.postMessage({ type: 'stop' } satisfies ToImportWorker);
      if (timer) clearInterval(timer);
      timer = null;
      await busy?.catch(() => undefined);
    },

    /** Claims and runs jobs until none is left; one at a time in this process. */
    poll(): Promise<void> {
      if (busy || stopped) return busy ?? Promise.resolve();
      if (!pluginConfig(strapi).importWorker) return Promise.resolve();
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

// A worker thread running one import job (see services/import-runner.ts): parses, validates,
// matches and writes the file on a database connection of its own, with a heap of its own, and
// asks the main thread (messages) for what needs Strapi. Bundled on its own as
// dist/server/import-worker.js.
import { parentPort, workerData } from 'worker_threads';
import type { Knex } from 'knex';
import { connectLikeStrapi } from '../../database/worker-connection';
import { CsvFileError } from './parse';
import { LeaseLost } from './commit-types';
import { importFile, type ImportFileJob, type ImportFileOptions } from './file';

/** What the main thread hands the worker. */
export interface ImportWorkerData {
  /** knex's path, and the database driver's, as the main thread resolved them. */
  knexPath: string;
  /** knex's configuration of Strapi's connection, without its functions; the schema as `searchPath`. */
  config: { client: string; connection: Record<string, unknown>; searchPath?: string };
  job: ImportFileJob;
  options: ImportFileOptions;
}

/** Main thread to worker. */
export type ToImportWorker = { type: 'slot' } | { type: 'stop' };

/** Worker to main thread. */
export type FromImportWorker =
  | { type: 'header'; unknown: string[] }
  | { type: 'slot' }
  | { type: 'release' }
  | { type: 'committed'; touched: number[] }
  | { type: 'done'; lines: number }
  | { type: 'failed'; kind: 'lease' | 'file' | 'other'; message: string; stack?: string };

/** knex on the database Strapi uses, with knex and its settings as the main thread found them. */
const connect = ({ knexPath, config, options }: ImportWorkerData): Knex =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  connectLikeStrapi(require(knexPath) as (config: Knex.Config) => Knex, config, options.client);

const run = async (port: NonNullable<typeof parentPort>, data: ImportWorkerData) => {
  const send = (message: FromImportWorker) => port.postMessage(message);
  let granted: (() => void) | undefined;
  let stopping = false;
  port.on('message', (message: ToImportWorker) => {
    if (message.type === 'stop') stopping = true;
    else granted?.();
  });

  const knex = connect(data);
  try {
    const { lines } = await importFile(knex, data.job, data.options, {
      header: async (unknown) => send({ type: 'header', unknown }),
      writeSlot: async () => {
        await new Promise<void>((resolve) => {
          granted = resolve;
          send({ type: 'slot' });
        });
        return () => send({ type: 'release' });
      },
      // The main thread refreshes the segments and reports while the next batch is parsed and
      // matched here; it grants the next write once that is done.
      committed: async (touched) => send({ type: 'committed', touched }),
      stopping: () => stopping,
    });
    send({ type: 'done', lines });
  } catch (error) {
    const e = error as Error;
    const kind = e instanceof LeaseLost ? 'lease' : e instanceof CsvFileError ? 'file' : 'other';
    send({ type: 'failed', kind, message: e.message, stack: e.stack });
  } finally {
    await knex.destroy();
    port.close();
  }
};

if (parentPort) void run(parentPort, workerData as ImportWorkerData);
